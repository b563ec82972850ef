package ma.opencommune.network;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.ShortLivedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored results of the openness index, as pages, the API and the cohort selection read them. Results are written
 * by {@link IndexComputation}, at most a few times an hour, and read by every visitor of the dashboard: each node keeps
 * a period's ranking in memory ({@link Snapshot}) until a computation gives the period a new generation in
 * {@code network_index_period}, which the node reads at most once every {@code opencommune.public-cache.max-age}
 * (DESIGN.md: caches are invalidated through the database). Other reads are one statement whatever the number of members.
 */
@Service
@Transactional(readOnly = true)
public class OpennessIndex {

    /** Percent of the methodology's weight that must have data for a member to get an overall score and a rank. */
    public static final int MINIMUM_COVERAGE = 50;
    /** Monthly snapshots shown in a member's trend. */
    public static final int TREND_MONTHS = 24;

    private static final String SCORE_COLUMNS = "period_key, collectivity_id, period_from, period_to, methodology_version, score, coverage,"
            + " rank_position, transparency, access, participation, digital, computed_at";

    /** A computed period as {@code network_index_period} records it. */
    private record Stamp(long generation, Instant computedAt) {
    }

    /**
     * Every member's result for a period as one computation stored them: ranked members first by rank, then those
     * without a score. {@code generation} is 0 for a period never computed (then {@code ranking} is empty).
     */
    public record Snapshot(String periodKey, long generation, List<MemberScore> ranking, Map<Long, MemberScore> byMember) {

        public Optional<MemberScore> score(long collectivityId) {
            return Optional.ofNullable(byMember.get(collectivityId));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    /** The computed periods, read again at most once per max-age (at every call when it is zero, as in tests). */
    private final ShortLivedCache<Boolean, Map<String, Stamp>> computed;
    /** The rankings this node read, by period key, replaced when their period's generation moves on. */
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    OpennessIndex(JdbcClient jdbc, Clock clock, @Value("${opencommune.public-cache.max-age:10s}") Duration maxAge) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.computed = new ShortLivedCache<>(maxAge, 1);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE);
    }

    /** The twelve months ending today: the index's default period. */
    public IndexPeriod currentPeriod() {
        return IndexPeriod.rolling(YearMonth.from(today()), today());
    }

    /** The period an address asks for ({@code 12m}, {@code 2025}, {@code 2026-11}); empty when malformed or in the future. */
    public Optional<IndexPeriod> period(String param) {
        return IndexPeriod.ofParam(param, today());
    }

    /** The periods with stored results, the newest first (rolling months, then calendar years). */
    public List<IndexPeriod> periods() {
        LocalDate today = today();
        return computed().keySet().stream().sorted(Comparator.reverseOrder()).map(k -> IndexPeriod.ofKey(k, today)).flatMap(Optional::stream)
                .toList();
    }

    /** Every member's result for the period: ranked ones first by rank, then those without a score. */
    public List<MemberScore> ranking(IndexPeriod period) {
        return snapshot(period).ranking();
    }

    public Optional<MemberScore> score(long collectivityId, IndexPeriod period) {
        return snapshot(period).score(collectivityId);
    }

    /**
     * The period's results as last computed: from this node's memory while the period's generation has not moved, else
     * read in one statement and kept. Two visitors who find it out of date at once may both read it; either copy is right.
     */
    public Snapshot snapshot(IndexPeriod period) {
        Stamp stamp = computed().get(period.key());
        if (stamp == null) {
            snapshots.remove(period.key());
            return new Snapshot(period.key(), 0, List.of(), Map.of());
        }
        Snapshot kept = snapshots.get(period.key());
        if (kept != null && kept.generation() == stamp.generation()) {
            return kept;
        }
        List<MemberScore> ranking = jdbc.sql("select " + SCORE_COLUMNS + " from network_index_score where period_key = ?"
                + " order by case when rank_position is null then 1 else 0 end, rank_position, collectivity_id")
                .param(period.key()).query(OpennessIndex::score).list();
        Map<Long, MemberScore> byMember = new HashMap<>();
        ranking.forEach(s -> byMember.put(s.collectivityId(), s));
        Snapshot fresh = new Snapshot(period.key(), stamp.generation(), List.copyOf(ranking), Collections.unmodifiableMap(byMember));
        snapshots.merge(period.key(), fresh, (a, b) -> a.generation() >= b.generation() ? a : b);
        return fresh;
    }

    /** The member's indicators for the period, in the catalogue's order (empty when the period was not computed). */
    public List<IndicatorValue> indicators(long collectivityId, IndexPeriod period) {
        List<IndicatorValue> values = new ArrayList<>(jdbc.sql("select " + VALUE_COLUMNS + " from network_indicator_value"
                + " where period_key = ? and collectivity_id = ?").params(period.key(), collectivityId).query(OpennessIndex::valueRow).list()
                .stream().filter(v -> v != null).toList());
        values.sort(Comparator.comparing(IndicatorValue::indicator));
        return values;
    }

    /** Every member's indicators for the period, by member, for exports. */
    public Map<Long, List<IndicatorValue>> indicators(IndexPeriod period) {
        Map<Long, List<IndicatorValue>> all = new LinkedHashMap<>();
        jdbc.sql("select collectivity_id, " + VALUE_COLUMNS + " from network_indicator_value where period_key = ? order by collectivity_id, indicator")
                .param(period.key()).query((ResultSet rs) -> {
                    IndicatorValue v = read(rs, 2);
                    if (v != null) {
                        all.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(v);
                    }
                });
        all.values().forEach(l -> l.sort(Comparator.comparing(IndicatorValue::indicator)));
        return all;
    }

    /** The member's monthly snapshots (twelve months rolling), the oldest first, at most {@link #TREND_MONTHS}. */
    public List<MemberScore> trend(long collectivityId) {
        List<MemberScore> newestFirst = jdbc.sql("select " + SCORE_COLUMNS + " from network_index_score where collectivity_id = ?"
                + " and period_key like 'R%' order by period_key desc limit " + TREND_MONTHS)
                .param(collectivityId).query(OpennessIndex::score).list();
        List<MemberScore> trend = new ArrayList<>(newestFirst);
        Collections.reverse(trend);
        return trend;
    }

    /** Moves on with every computation of any period (0 before the first): what every stored result depends on. */
    public long generation() {
        return computed().values().stream().mapToLong(Stamp::generation).max().orElse(0);
    }

    /** When results were last computed, if ever. */
    public Optional<Instant> lastComputed() {
        return computed().values().stream().map(Stamp::computedAt).max(Comparator.naturalOrder());
    }

    /** A computation on this node committed: it shows here at once, and on other nodes within max-age. */
    void computedHere() {
        computed.clear();
    }

    private Map<String, Stamp> computed() {
        return computed.get(Boolean.TRUE, () -> {
            Map<String, Stamp> periods = new HashMap<>();
            jdbc.sql("select period_key, generation, computed_at from network_index_period").query((ResultSet rs) -> {
                periods.put(rs.getString(1), new Stamp(rs.getLong(2), rs.getTimestamp(3).toInstant()));
            });
            return Collections.unmodifiableMap(periods);
        });
    }

    private static final String VALUE_COLUMNS = "indicator, status, measured, numerator, denominator, lower_bound, upper_bound, score";

    private static IndicatorValue valueRow(ResultSet rs, int rowNum) throws SQLException {
        return read(rs, 1);
    }

    /** An indicator value read from the columns starting at {@code first}; null for an indicator retired from the catalogue. */
    private static IndicatorValue read(ResultSet rs, int first) throws SQLException {
        Indicator indicator;
        try {
            indicator = Indicator.valueOf(rs.getString(first));
        } catch (IllegalArgumentException retired) {
            return null;
        }
        return new IndicatorValue(indicator, IndicatorStatus.valueOf(rs.getString(first + 1)), rs.getBigDecimal(first + 2),
                (Long) rs.getObject(first + 3, Long.class), (Long) rs.getObject(first + 4, Long.class), rs.getBigDecimal(first + 5),
                rs.getBigDecimal(first + 6), rs.getBigDecimal(first + 7));
    }

    private static MemberScore score(ResultSet rs, int n) throws SQLException {
        Map<Pillar, BigDecimal> pillars = new EnumMap<>(Pillar.class);
        put(pillars, Pillar.TRANSPARENCY, rs.getBigDecimal("transparency"));
        put(pillars, Pillar.ACCESS, rs.getBigDecimal("access"));
        put(pillars, Pillar.PARTICIPATION, rs.getBigDecimal("participation"));
        put(pillars, Pillar.DIGITAL, rs.getBigDecimal("digital"));
        return new MemberScore(rs.getLong("collectivity_id"), rs.getString("period_key"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getInt("methodology_version"), rs.getBigDecimal("score"), rs.getInt("coverage"),
                (Integer) rs.getObject("rank_position", Integer.class), pillars, rs.getTimestamp("computed_at").toInstant());
    }

    private static void put(Map<Pillar, BigDecimal> pillars, Pillar pillar, BigDecimal value) {
        if (value != null) {
            pillars.put(pillar, value);
        }
    }
}
