package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The proposals behind PROPOSALS_ANSWERED and PROPOSAL_ANSWER_DAYS: the figures' own period (Moroccan days, both
 * included) and counts; proposals of an unpublished process are counted but never listed; another commune's never.
 */
@IntegrationTest
class ProgramEvidenceTests {

    static final LocalDate FROM = LocalDate.of(2025, 4, 1);
    static final LocalDate TO = LocalDate.of(2025, 6, 30);

    @Autowired ProgramEvidence evidence;
    @Autowired ProgramFigures figures;
    @Autowired JdbcClient jdbc;

    MonitorFixture fx;
    long col;
    long published;
    long hidden;

    @BeforeEach
    void data() {
        fx = new MonitorFixture(jdbc);
        col = fx.collectivity();
        published = fx.process(col, FROM, TO, true);
        hidden = fx.process(col, FROM, TO, false);
    }

    /** Created at {@code hour}:00 Moroccan time on {@code day}; answered that many days later, or open when negative. */
    long proposal(long c, long process, LocalDate day, int hour, int answeredAfterDays) {
        OffsetDateTime at = Sql.at(day.atTime(hour, 0).atZone(Morocco.ZONE).toInstant());
        return fx.insert("insert into program_proposal (process_id, collectivity_id, title, body, status, answered_at, created_at)"
                + " values (?,?,?,?,?,?,?)", process, c, "Proposition " + day, "Texte", answeredAfterDays < 0 ? "OPEN" : "ACCEPTED",
                answeredAfterDays < 0 ? null : at.plusDays(answeredAfterDays), at);
    }

    @Test
    void theProposalsOfThePeriodAreCountedAsTheFiguresAndOnlyPublicOnesListed() {
        long before = proposal(col, published, FROM.minusDays(1), 23, 2);
        long first = proposal(col, published, FROM, 0, 3);
        long last = proposal(col, published, TO, 23, -1);
        long after = proposal(col, published, TO.plusDays(1), 0, 1);
        long slow = proposal(col, published, FROM.plusDays(5), 10, 40);
        long secret = proposal(col, hidden, FROM.plusDays(6), 10, -1);
        long foreign = proposal(fx.collectivity(), published, FROM.plusDays(6), 10, -1);

        ProgramFigures.Figures f = figures.of(col, FROM, TO);
        ProgramEvidence.Proposals all = evidence.proposals(col, FROM, TO, false, 15, 200);
        assertThat(all.total()).isEqualTo(f.proposals()).isEqualTo(4);
        assertThat(all.total() - all.late()).isEqualTo(f.proposalsAnswered()).isEqualTo(2);
        assertThat(all.notPublic()).isEqualTo(1);
        assertThat(all.lines()).extracting(ProgramEvidence.ProposalLine::id).containsExactly(last, slow, first)
                .doesNotContain(before, after, secret, foreign);
        assertThat(all.lines().get(0).answeredOn()).isNull();
        assertThat(all.lines().get(2).createdOn()).isEqualTo(FROM);
        assertThat(all.lines().get(2).days()).isEqualTo(3);

        ProgramEvidence.Proposals answered = evidence.proposals(col, FROM, TO, true, 15, 200);
        assertThat(answered.total()).isEqualTo(f.proposalsAnswered());
        assertThat(answered.late()).isEqualTo(1);
        assertThat(answered.lines()).extracting(ProgramEvidence.ProposalLine::id).containsExactly(slow, first);
        assertThat(evidence.proposals(col, FROM, TO, false, 15, 1).lines()).hasSize(1);
    }
}
