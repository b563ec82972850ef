package ma.opencommune.program.internal;

import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the insert-only log of support and comment changes into exact counts on the proposals, every few
 * seconds on one node (ShedLock). Supporting never updates the proposal row itself, so thousands of people
 * supporting the same proposal do not queue on one hot row (DESIGN.md); the public count lags seconds, and
 * since it is recounted with count(*) it never drifts.
 */
@Component
class ProposalCounts {

    /** Log rows taken per run; a burst is worked off over the next runs. */
    static final int BATCH = 5000;

    private final JdbcClient jdbc;

    ProposalCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${opencommune.program.recount-delay:PT5S}", initialDelayString = "PT10S")
    @SchedulerLock(name = "program.proposal-counts", lockAtMostFor = "PT1M")
    public void scheduled() {
        recount();
    }

    /**
     * Recounts the proposals named in the log rows read here, then deletes exactly those rows. A change committed
     * meanwhile keeps its log row for the next run: its support and its log row commit together, so a row read
     * here always has its support visible to the recount that follows.
     */
    @Transactional
    public int recount() {
        List<Long> ids = jdbc.sql("select id from program_count_change order by id limit " + BATCH).query(Long.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        long from = ids.get(0);
        long to = ids.get(ids.size() - 1);
        int updated = jdbc.sql("""
                update program_proposal p set
                  support_count = (select count(*) from program_support s where s.proposal_id = p.id),
                  comment_count = (select count(*) from program_comment m where m.proposal_id = p.id and m.hidden_at is null)
                where p.id in (select proposal_id from program_count_change where id between ? and ?)""")
                .params(from, to).update();
        jdbc.sql("delete from program_count_change where id in (:ids)").param("ids", ids).update();
        return updated;
    }
}
