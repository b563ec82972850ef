package ma.opencommune.information;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.ShortLivedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Public statistics of a collectivity's requests, by year of receipt (Moroccan calendar). Set-based: four aggregate
 * statements whatever the number of requests, each on the collectivity's requests received in the period
 * ({@code ix_request_received}). A share of a small count is shown with its count, never alone.
 *
 * <p>A year's figures are kept for {@code opencommune.public-cache.max-age} (a few seconds) on each node: a busy
 * statistics page computes them once per period, not once per view, and opens no database transaction in between.
 */
@Service
public class InformationStatistics {

    /** Below this many responses a percentage says little: pages show "n of m" only. */
    public static final int SHARE_MIN = 10;

    /** Complaints of one level by outcome ({@code null} key: still awaiting a decision). */
    public record Complaints(long filed, Map<ComplaintOutcome, Long> byOutcome, long pending) {
    }

    /** The figures of one collectivity and year. */
    public record Statistics(long collectivityId, int year, long received, long responded, long respondedInTime, Double medianWorkingDays,
            long extensions, Map<RefusalGround, Long> refusals, long transfers, long withdrawals,
            Map<ComplaintLevel, Complaints> complaints, long open, long overdue) {

        public long refused() {
            return refusals.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Share of responses given in time, in percent, or null when there are too few responses to say. */
        public Integer inTimePercent() {
            return responded < SHARE_MIN ? null : (int) Math.round(100.0 * respondedInTime / responded);
        }
    }

    private record Totals(long received, long responded, long inTime, long extensions, long transfers, long withdrawals, long open,
            long overdue) {
    }

    private record YearKey(long collectivityId, int year) {
    }

    private final JdbcClient jdbc;
    private final ProactiveRegister register;
    private final Publication publication;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final ShortLivedCache<YearKey, Statistics> byYear;
    private final ShortLivedCache<Long, List<Integer>> years;

    InformationStatistics(JdbcClient jdbc, ProactiveRegister register, Publication publication, Clock clock,
            PlatformTransactionManager transactions, @Value("${opencommune.public-cache.max-age:10s}") Duration maxAge) {
        this.jdbc = jdbc;
        this.register = register;
        this.publication = publication;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.byYear = new ShortLivedCache<>(maxAge, 10_000);
        this.years = new ShortLivedCache<>(maxAge, 10_000);
    }

    public LocalDate today() {
        return WorkingDays.dayOf(Instant.now(clock));
    }

    /** The years a selector offers: from the first request received (or this year) to this year, newest first. */
    public List<Integer> years(long collectivityId) {
        return years.get(collectivityId, () -> loadYears(collectivityId));
    }

    private List<Integer> loadYears(long collectivityId) {
        int now = today().getYear();
        Instant first = jdbc.sql("select min(received_at) from info_request where collectivity_id = ?").param(collectivityId)
                .query((rs, i) -> Sql.instant(rs, 1)).optional().orElse(null);
        int from = first == null ? now : Math.min(now, WorkingDays.dayOf(first).getYear());
        List<Integer> offered = new ArrayList<>();
        for (int y = now; y >= Math.max(from, now - 50); y--) {
            offered.add(y);
        }
        return List.copyOf(offered);
    }

    /** The statistics of the requests received in {@code year} (at most {@code max-age} old). */
    public Statistics year(long collectivityId, int year) {
        return byYear.get(new YearKey(collectivityId, year), () -> readOnly.execute(status -> compute(collectivityId, year)));
    }

    private Statistics compute(long collectivityId, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Instant start = start(from);
        Instant end = start(to.plusDays(1));
        LocalDate today = today();
        Totals t = totals(collectivityId, start, end, today);
        Map<RefusalGround, Long> refusals = new EnumMap<>(RefusalGround.class);
        jdbc.sql("select refusal_ground, count(*) n from info_request where collectivity_id = ? and received_at >= ? and received_at < ?"
                + " and status in ('REFUSED', 'CLOSED_UNCLEAR') group by refusal_ground")
                .params(collectivityId, Sql.at(start), Sql.at(end))
                .query((rs, i) -> refusals.put(RefusalGround.valueOf(rs.getString(1)), rs.getLong(2))).list();
        Map<ComplaintLevel, Map<ComplaintOutcome, Long>> outcomes = new EnumMap<>(ComplaintLevel.class);
        Map<ComplaintLevel, long[]> filed = new EnumMap<>(ComplaintLevel.class);
        jdbc.sql("select c.level, c.outcome, count(*) n from info_complaint c join info_request r on r.id = c.request_id"
                + " where r.collectivity_id = ? and r.received_at >= ? and r.received_at < ? group by c.level, c.outcome")
                .params(collectivityId, Sql.at(start), Sql.at(end))
                .query((rs, i) -> {
                    ComplaintLevel level = ComplaintLevel.valueOf(rs.getString(1));
                    String outcome = rs.getString(2);
                    long n = rs.getLong(3);
                    long[] counts = filed.computeIfAbsent(level, l -> new long[2]);
                    counts[0] += n;
                    if (outcome == null) {
                        counts[1] += n;
                    } else {
                        outcomes.computeIfAbsent(level, l -> new EnumMap<>(ComplaintOutcome.class)).put(ComplaintOutcome.valueOf(outcome), n);
                    }
                    return level;
                }).list();
        Map<ComplaintLevel, Complaints> complaints = new EnumMap<>(ComplaintLevel.class);
        for (ComplaintLevel level : ComplaintLevel.values()) {
            long[] counts = filed.getOrDefault(level, new long[2]);
            complaints.put(level, new Complaints(counts[0], outcomes.getOrDefault(level, Map.of()), counts[1]));
        }
        return new Statistics(collectivityId, year, t.received(), t.responded(), t.inTime(), median(collectivityId, start, end),
                t.extensions(), refusals, t.transfers(), t.withdrawals(), complaints, t.open(), t.overdue());
    }

    /** The façade for the network's index: requests received between {@code from} and {@code to}, both included. */
    @Transactional(readOnly = true)
    public InformationFigures figures(long collectivityId, LocalDate from, LocalDate to) {
        Instant start = start(from);
        Instant end = start(to.plusDays(1));
        LocalDate today = today();
        Totals t = totals(collectivityId, start, end, today);
        long[] items = register.counts(collectivityId, to.isBefore(today) ? to : today);
        return new InformationFigures(collectivityId, from, to, t.received(), t.responded(), t.inTime(), median(collectivityId, start, end),
                items[0], items[1], publication.publishedCount(collectivityId, start, end), t.overdue());
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(Morocco.ZONE).toInstant();
    }

    private Totals totals(long collectivityId, Instant start, Instant end, LocalDate today) {
        return jdbc.sql("""
                select count(*),
                    sum(case when status in ('ANSWERED', 'PARTLY_ANSWERED', 'REFUSED', 'CLOSED_UNCLEAR') then 1 else 0 end),
                    sum(case when status in ('ANSWERED', 'PARTLY_ANSWERED', 'REFUSED', 'CLOSED_UNCLEAR') and closed_on <= due_on then 1 else 0 end),
                    sum(case when extended_on is not null then 1 else 0 end),
                    sum(case when status = 'TRANSFERRED' then 1 else 0 end),
                    sum(case when status = 'WITHDRAWN' then 1 else 0 end),
                    sum(case when closed_at is null then 1 else 0 end),
                    sum(case when closed_at is null and status <> 'CLARIFICATION' and due_on < ? then 1 else 0 end)
                from info_request where collectivity_id = ? and received_at >= ? and received_at < ?""")
                .params(today, collectivityId, Sql.at(start), Sql.at(end))
                .query((rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8)))
                .single();
    }

    /** Median working days to respond, from the distribution (a few dozen distinct values at most), not every row. */
    private Double median(long collectivityId, Instant start, Instant end) {
        List<long[]> distribution = jdbc.sql("select working_days_taken, count(*) from info_request where collectivity_id = ?"
                + " and received_at >= ? and received_at < ? and status in ('ANSWERED', 'PARTLY_ANSWERED', 'REFUSED', 'CLOSED_UNCLEAR')"
                + " and working_days_taken is not null group by working_days_taken order by working_days_taken")
                .params(collectivityId, Sql.at(start), Sql.at(end))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        return median(distribution);
    }

    /** The median of values given as (value, count) pairs in ascending order; the mean of the two middle ones when even. */
    static Double median(List<long[]> distribution) {
        long n = distribution.stream().mapToLong(d -> d[1]).sum();
        if (n == 0) {
            return null;
        }
        long lowIndex = (n - 1) / 2;
        long highIndex = n / 2;
        Long low = null;
        Long high = null;
        long seen = 0;
        for (long[] d : distribution) {
            long next = seen + d[1];
            if (low == null && lowIndex < next) {
                low = d[0];
            }
            if (high == null && highIndex < next) {
                high = d[0];
                break;
            }
            seen = next;
        }
        return (low + high) / 2.0;
    }
}
