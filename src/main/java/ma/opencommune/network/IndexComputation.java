package ma.opencommune.network;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityFilter;
import ma.opencommune.territory.Territory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the openness index of every network member from the modules' live figures and stores it. Running periods
 * (the current twelve months and calendar year) are computed again every hour and when a methodology is published;
 * a period that has ended is computed once more after its end and then kept as it is, with the methodology version it
 * was computed with, so that monthly snapshots make trends. Members are measured in parallel (each on its own read-only
 * transactions); a period's results replace the previous ones in one transaction.
 */
@Service
public class IndexComputation {

    private static final Logger log = LoggerFactory.getLogger(IndexComputation.class);
    /** Closed monthly snapshots kept up to date behind the current month. */
    static final int SNAPSHOT_MONTHS = 12;

    private final IndexMeasures measures;
    private final Methodologies methodologies;
    private final OpennessIndex index;
    private final Territory territory;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int threads;

    IndexComputation(IndexMeasures measures, Methodologies methodologies, OpennessIndex index, Territory territory, JdbcClient jdbc, JdbcTemplate template,
            TransactionTemplate transactions, Clock clock, @Value("${opencommune.network.index.threads:4}") int threads) {
        this.measures = measures;
        this.methodologies = methodologies;
        this.index = index;
        this.territory = territory;
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    @Scheduled(cron = "${opencommune.network.index.cron:0 7 * * * *}", zone = "Africa/Casablanca")
    @SchedulerLock(name = "network.index", lockAtMostFor = "PT50M")
    public void scheduled() {
        recomputeDue();
    }

    /** A coordinator published a methodology: the running periods take it at once; ended ones keep theirs. */
    @ApplicationModuleListener
    void on(MethodologyPublished published) {
        LocalDate today = today();
        recompute(IndexPeriod.rolling(YearMonth.from(today), today));
        recompute(IndexPeriod.year(today.getYear(), today));
    }

    /**
     * Computes the periods that need it: the running twelve months and year, and among the last {@value #SNAPSHOT_MONTHS}
     * monthly snapshots and last year those never computed or computed before they ended. Returns the periods computed.
     */
    public List<IndexPeriod> recomputeDue() {
        LocalDate today = today();
        List<IndexPeriod> due = new ArrayList<>();
        YearMonth month = YearMonth.from(today);
        due.add(IndexPeriod.rolling(month, today));
        due.add(IndexPeriod.year(today.getYear(), today));
        Map<String, LocalDate> computed = new LinkedHashMap<>();
        jdbc.sql("select period_key, computed_at from network_index_period").query((java.sql.ResultSet rs) -> {
            computed.put(rs.getString(1), rs.getTimestamp(2).toInstant().atZone(ma.opencommune.platform.Morocco.ZONE).toLocalDate());
        });
        List<IndexPeriod> closed = new ArrayList<>();
        for (int k = 1; k <= SNAPSHOT_MONTHS; k++) {
            closed.add(IndexPeriod.rolling(month.minusMonths(k), today));
        }
        closed.add(IndexPeriod.year(today.getYear() - 1, today));
        for (IndexPeriod p : closed) {
            LocalDate at = computed.get(p.key());
            if (at == null || !at.isAfter(p.naturalEnd())) {
                due.add(p);
            }
        }
        for (IndexPeriod p : due) {
            recompute(p);
        }
        return due;
    }

    /** Computes every member's result for the period with the current methodology; returns the number of members. */
    public int recompute(IndexPeriod period) {
        long started = System.nanoTime();
        Methodology methodology = methodologies.current();
        List<Collectivity> members = territory.list(new CollectivityFilter(null, null, true));
        List<Computed> results = measureAll(members, period, methodology);
        rank(results);
        Instant now = Instant.now(clock);
        transactions.executeWithoutResult(tx -> store(period, methodology, results, now));
        index.computedHere();
        log.info("Openness index {}: {} members computed with methodology v{} in {} ms", period.key(), members.size(), methodology.version(),
                (System.nanoTime() - started) / 1_000_000);
        return members.size();
    }

    /** Computes one collectivity's index for a period with the current methodology, member or not, without storing it. */
    public Evaluation evaluate(Collectivity collectivity, IndexPeriod period) {
        Methodology methodology = methodologies.current();
        IndexCalculator.Result r = IndexCalculator.compute(methodology, measures.measure(collectivity, period));
        return new Evaluation(collectivity.id(), period, methodology.version(), r.score(), r.coverage(), r.pillars(), r.indicators());
    }

    record Computed(long collectivityId, IndexCalculator.Result result, Integer[] rank) {
    }

    private List<Computed> measureAll(List<Collectivity> members, IndexPeriod period, Methodology methodology) {
        if (threads == 1 || members.size() < 2) {
            return members.stream().map(m -> compute(m, period, methodology)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, members.size()));
        try {
            List<Future<Computed>> futures = new ArrayList<>();
            for (Collectivity m : members) {
                futures.add(pool.submit(() -> compute(m, period, methodology)));
            }
            List<Computed> results = new ArrayList<>();
            for (Future<Computed> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("index computation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("index computation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Computed compute(Collectivity member, IndexPeriod period, Methodology methodology) {
        return new Computed(member.id(), IndexCalculator.compute(methodology, measures.measure(member, period)), new Integer[1]);
    }

    /** Standard competition ranking among the members with a score: equal scores share a rank, the next rank skips. */
    static void rank(List<Computed> results) {
        List<Computed> scored = results.stream().filter(c -> c.result().score() != null)
                .sorted(Comparator.comparing((Computed c) -> c.result().score()).reversed()).toList();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < scored.size(); i++) {
            BigDecimal s = scored.get(i).result().score();
            if (previous == null || s.compareTo(previous) != 0) {
                rank = i + 1;
                previous = s;
            }
            scored.get(i).rank()[0] = rank;
        }
    }

    private void store(IndexPeriod period, Methodology methodology, List<Computed> results, Instant now) {
        // Two computations of one period may run at once (the listener after each publication, startup, the hourly job on
        // another node): without this lock the second's delete misses the rows the first just inserted, and its inserts
        // fail on the primary key. The same row lock as Methodologies.publish; held for the few statements below.
        jdbc.sql("select version from network_methodology where version = 1 for update").query(Integer.class).list();
        jdbc.sql("delete from network_indicator_value where period_key = ?").param(period.key()).update();
        jdbc.sql("delete from network_index_score where period_key = ?").param(period.key()).update();
        Timestamp at = Timestamp.from(now);
        // A new generation tells every node that its copy of this period's ranking is out of date (OpennessIndex).
        long generation = jdbc.sql("select coalesce(max(generation), 0) + 1 from network_index_period").query(Long.class).single();
        jdbc.sql("delete from network_index_period where period_key = ?").param(period.key()).update();
        jdbc.sql("insert into network_index_period (period_key, generation, methodology_version, members, computed_at) values (?, ?, ?, ?, ?)")
                .params(period.key(), generation, methodology.version(), results.size(), at).update();
        List<Object[]> scores = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        for (Computed c : results) {
            IndexCalculator.Result r = c.result();
            scores.add(new Object[] {period.key(), c.collectivityId(), period.from(), period.to(), methodology.version(), r.score(), r.coverage(),
                    c.rank()[0], r.pillars().get(Pillar.TRANSPARENCY), r.pillars().get(Pillar.ACCESS), r.pillars().get(Pillar.PARTICIPATION),
                    r.pillars().get(Pillar.DIGITAL), at});
            for (IndicatorValue v : r.indicators()) {
                values.add(new Object[] {period.key(), c.collectivityId(), v.indicator().name(), v.status().name(), v.measured(), v.numerator(),
                        v.denominator(), v.lowerBound(), v.upperBound(), v.score()});
            }
        }
        template.batchUpdate("insert into network_index_score (period_key, collectivity_id, period_from, period_to, methodology_version, score,"
                + " coverage, rank_position, transparency, access, participation, digital, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                scores);
        template.batchUpdate("insert into network_indicator_value (period_key, collectivity_id, indicator, status, measured, numerator, denominator,"
                + " lower_bound, upper_bound, score) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), ma.opencommune.platform.Morocco.ZONE);
    }
}
