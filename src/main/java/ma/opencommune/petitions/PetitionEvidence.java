package ma.opencommune.petitions;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The petitions behind PETITIONS_IN_TIME of the network's openness index, for its drill-down: exactly those
 * {@link PetitionFigures#of} counts as decided (accepted, rejected or since concluded, decided between {@code from} and
 * {@code to}, both included), late when decided after the last day of the bureau's delay (PET-6). Decided petitions are
 * public (only drafts are not). A count statement and one bounded list statement.
 */
@Service
@Transactional(readOnly = true)
public class PetitionEvidence {

    /** One decided petition: its public title, filed, due and decided days. */
    public record DecidedLine(long id, String title, PetitionStatus status, LocalDate filedOn, LocalDate decisionDue, LocalDate decidedOn,
            boolean late) {
    }

    /** The decided petitions: how many, how many late, and at most {@code limit} of them, the late ones first. */
    public record Decided(long total, long late, List<DecidedLine> lines) {
    }

    private static final String WHERE = " from petition where collectivity_id = :c and status in ('ACCEPTED', 'REJECTED', 'CONCLUDED')"
            + " and decided_on between :from and :to";
    private static final String LATE = "case when decided_on <= decision_due then 0 else 1 end";

    private final JdbcClient jdbc;

    PetitionEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Decided decided(long collectivityId, LocalDate from, LocalDate to, int limit) {
        long[] counts = jdbc.sql("select count(*), coalesce(sum(" + LATE + "), 0)" + WHERE)
                .param("c", collectivityId).param("from", from).param("to", to)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<DecidedLine> lines = jdbc.sql("select id, title, status, filed_on, decision_due, decided_on, " + LATE + " late" + WHERE
                + " order by late desc, decided_on desc, id desc fetch first " + Math.max(0, limit) + " rows only")
                .param("c", collectivityId).param("from", from).param("to", to)
                .query((rs, i) -> new DecidedLine(rs.getLong(1), rs.getString(2), PetitionStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getInt(7) == 1))
                .list();
        return new Decided(counts[0], counts[1], lines);
    }
}
