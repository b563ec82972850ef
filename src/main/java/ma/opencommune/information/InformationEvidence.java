package ma.opencommune.information;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records behind the access-to-information figures of the network's openness index ({@link InformationStatistics#figures}),
 * listed for its drill-down: the same requests (received between {@code from} and {@code to}, Moroccan days, both included)
 * and the same register items, the late ones first, at most {@code limit} of them. One count statement and one bounded list
 * statement each. Only what is public anyway: tracking numbers and dates, never the requester, the subject or the texts
 * (the published answer's own page shows its redacted texts).
 */
@Service
@Transactional(readOnly = true)
public class InformationEvidence {

    /** Which requests are listed and what counts against the collectivity. */
    public enum Scope {
        /** Responded to, or still open past their last day (ATI-4); late = responded after the due day, or overdue. */
        ANSWERED_OR_OVERDUE,
        /** Responded to; late = responded after the due day. */
        ANSWERED,
        /** Responded to; late = the answer is not published. */
        ANSWERED_UNPUBLISHED_LATE
    }

    /** One request: no requester, no text. {@code published}: it has a public page at {@code information/published/<tracking number>}. */
    public record RequestLine(String trackingNumber, LocalDate receivedOn, LocalDate dueOn, LocalDate closedOn, Integer workingDays,
            boolean late, boolean published) {
    }

    /** The requests of a scope: how many, how many late, and at most {@code limit} of them, the late ones first. */
    public record Requests(long total, long late, List<RequestLine> lines) {
    }

    /** One item of the proactive register (ATI-11): public title, last update, next update due; late when past due. */
    public record RegisterLine(long id, String titleAr, String titleFr, LocalDate lastUpdatedOn, LocalDate nextUpdateDue, boolean late) {
    }

    /** The register as it stood on a day. */
    public record Register(long total, long late, List<RegisterLine> lines) {
    }

    private static final String RESPONDED = "status in ('ANSWERED', 'PARTLY_ANSWERED', 'REFUSED', 'CLOSED_UNCLEAR')";
    private static final String OVERDUE = "(closed_at is null and status <> 'CLARIFICATION' and due_on < :today)";

    private final JdbcClient jdbc;
    private final Clock clock;

    InformationEvidence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The requests behind REQUESTS_IN_TIME ({@code ANSWERED_OR_OVERDUE}), the median delay and published answers. */
    public Requests requests(long collectivityId, LocalDate from, LocalDate to, Scope scope, int limit) {
        Instant start = from.atStartOfDay(Morocco.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Morocco.ZONE).toInstant();
        LocalDate today = WorkingDays.dayOf(Instant.now(clock));
        String where = scope == Scope.ANSWERED_OR_OVERDUE ? "(" + RESPONDED + " or " + OVERDUE + ")" : RESPONDED;
        String late = switch (scope) {
            case ANSWERED_OR_OVERDUE -> "(" + OVERDUE + " or closed_on > due_on)";
            case ANSWERED -> "closed_on > due_on";
            case ANSWERED_UNPUBLISHED_LATE -> "published_at is null";
        };
        String from_ = " from info_request where collectivity_id = :c and received_at >= :start and received_at < :end and " + where;
        long[] counts = jdbc.sql("select count(*), coalesce(sum(case when " + late + " then 1 else 0 end), 0)" + from_)
                .param("c", collectivityId).param("start", Sql.at(start)).param("end", Sql.at(end)).param("today", today)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<RequestLine> lines = jdbc.sql("select tracking_number, received_on, due_on, closed_on, working_days_taken, case when " + late
                + " then 1 else 0 end late, published_at" + from_ + " order by late desc, received_at desc, id desc fetch first "
                + Math.max(0, limit) + " rows only")
                .param("c", collectivityId).param("start", Sql.at(start)).param("end", Sql.at(end)).param("today", today)
                .query((rs, i) -> new RequestLine(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), (Integer) rs.getObject(5, Integer.class), rs.getInt(6) == 1, rs.getObject(7) != null))
                .list();
        return new Requests(counts[0], counts[1], lines);
    }

    /**
     * The register items behind REGISTER_UP_TO_DATE, as {@link InformationStatistics#figures} judges them: on {@code to},
     * or today while the period runs on, an item is late when its next update was due before that day.
     */
    public Register register(long collectivityId, LocalDate to, int limit) {
        LocalDate today = WorkingDays.dayOf(Instant.now(clock));
        LocalDate day = to.isBefore(today) ? to : today;
        long[] counts = jdbc.sql("select count(*), coalesce(sum(case when next_update_due < ? then 1 else 0 end), 0)"
                + " from info_proactive_item where collectivity_id = ?").params(day, collectivityId)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<RegisterLine> lines = jdbc.sql("select id, title_ar, title_fr, last_updated_on, next_update_due,"
                + " case when next_update_due < ? then 1 else 0 end late from info_proactive_item where collectivity_id = ?"
                + " order by late desc, next_update_due, id fetch first " + Math.max(0, limit) + " rows only")
                .params(day, collectivityId)
                .query((rs, i) -> new RegisterLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getInt(6) == 1))
                .list();
        return new Register(counts[0], counts[1], lines);
    }
}
