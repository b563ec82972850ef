package ma.opencommune.program;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposals behind the participation figures of the network's openness index ({@link ProgramFigures#of}), for its
 * drill-down: the same proposals (created between {@code from} and {@code to}, Moroccan days, both included), counted
 * all, but listed only when the public can read them (their process is published, as {@link Processes#requireVisible}
 * asks of an anonymous visitor). A count statement and one bounded list statement.
 */
@Service
@Transactional(readOnly = true)
public class ProgramEvidence {

    /** One public proposal: its title as the public page shows it, created and answered days, days to answer (null: not yet). */
    public record ProposalLine(long id, long processId, String title, LocalDate createdOn, LocalDate answeredOn, Integer days, boolean late) {
    }

    /**
     * The proposals of the period: {@code total} and {@code late} count every one (as the figures do), {@code notPublic}
     * those of unpublished processes, which are counted but never listed.
     */
    public record Proposals(long total, long late, long notPublic, List<ProposalLine> lines) {
    }

    private final JdbcClient jdbc;

    ProgramEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * With {@code answeredOnly} false, every proposal of the period, late when not answered (PROPOSALS_ANSWERED); with it
     * true, the answered ones, late when the answer took more than {@code lateAfterDays} days (PROPOSAL_ANSWER_DAYS).
     */
    public Proposals proposals(long collectivityId, LocalDate from, LocalDate to, boolean answeredOnly, int lateAfterDays, int limit) {
        OffsetDateTime start = from.atStartOfDay(Morocco.ZONE).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(Morocco.ZONE).toOffsetDateTime();
        String days = "(extract(epoch from p.answered_at) - extract(epoch from p.created_at)) / 86400.0";
        String late = answeredOnly ? "case when " + days + " > " + lateAfterDays + " then 1 else 0 end"
                : "case when p.answered_at is null then 1 else 0 end";
        String where = " from program_proposal p join program_process pr on pr.id = p.process_id"
                + " where p.collectivity_id = :c and p.created_at >= :start and p.created_at < :end"
                + (answeredOnly ? " and p.answered_at is not null" : "");
        long[] counts = jdbc.sql("select count(*), coalesce(sum(" + late + "), 0),"
                + " coalesce(sum(case when pr.published_at is null then 1 else 0 end), 0)" + where)
                .param("c", collectivityId).param("start", start).param("end", end)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        List<ProposalLine> lines = jdbc.sql("select p.id, p.process_id, p.title, p.created_at, p.answered_at, " + late + " late" + where
                + " and pr.published_at is not null order by late desc, p.created_at desc, p.id desc fetch first " + Math.max(0, limit)
                + " rows only")
                .param("c", collectivityId).param("start", start).param("end", end)
                .query((rs, i) -> {
                    LocalDate created = Sql.instant(rs, 4).atZone(Morocco.ZONE).toLocalDate();
                    var answeredAt = Sql.instant(rs, 5);
                    LocalDate answered = answeredAt == null ? null : answeredAt.atZone(Morocco.ZONE).toLocalDate();
                    Integer d = answeredAt == null ? null : (int) ChronoUnit.DAYS.between(Sql.instant(rs, 4), answeredAt);
                    return new ProposalLine(rs.getLong(1), rs.getLong(2), rs.getString(3), created, answered, d, rs.getInt(6) == 1);
                })
                .list();
        return new Proposals(counts[0], counts[1], counts[2], lines);
    }
}
