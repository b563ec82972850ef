package ma.opencommune.program.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import ma.opencommune.program.CommitmentBoard;
import ma.opencommune.program.Completion;
import ma.opencommune.program.MonitorFixture;
import ma.opencommune.program.Processes;
import ma.opencommune.program.Tracking;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo progress gives the dashboard its mix of completion levels and an overdue milestone, once. */
@IntegrationTest
class DemoMonitoringTests {

    @Autowired
    DemoMonitoring loader;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Processes processes;
    @Autowired
    CommitmentBoard board;

    @Test
    void fiveCommitmentsGetOneCompleteTwoSubstantialOneLimitedAndOneNotStarted() {
        MonitorFixture fx = new MonitorFixture(jdbc);
        long col = fx.collectivity();
        LocalDate today = processes.today();
        long process = fx.process(col, today.minusDays(200), today.plusDays(300), true);
        for (int n = 1; n <= 5; n++) {
            long c = fx.commitment(col, process, n, "Engagement " + n, today.minusDays(180));
            for (int m = 1; m <= 4; m++) {
                fx.milestone(col, c, m, today.plusDays(30L * m - 60), null);
            }
        }
        loader.load(col, process);
        loader.load(col, process); // idempotent

        Tracking.Board b = board.board(col, process, today);
        assertThat(b.byLevel()).containsEntry(Completion.COMPLETE, 1).containsEntry(Completion.SUBSTANTIAL, 2)
                .containsEntry(Completion.LIMITED, 1).containsEntry(Completion.NOT_STARTED, 1);
        assertThat(b.milestonesOverdue()).isBetween(1, 3);
        assertThat(fx.count("select count(*) from program_progress where collectivity_id = ? and reported_on > ?", col, today)).isZero();
        assertThat(fx.count("select count(*) from program_progress where collectivity_id = ? and evidence_url like 'https://%'", col)).isPositive();
        assertThat(fx.count("select count(*) from program_assessment where collectivity_id = ?", col)).isEqualTo(2);
        assertThat(fx.count("select count(*) from consultative_body where collectivity_id = ? and type = 'FOLLOW_UP_COMMITTEE'", col)).isEqualTo(1);
        List<Integer> follows = jdbc.sql("select count(*) from program_follow where collectivity_id = ?").param(col).query(Integer.class).list();
        assertThat(follows.get(0)).isEqualTo(1);
    }
}
