package ma.opencommune.network;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.opencommune.platform.Morocco;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored results of the openness index, as pages, the API and the cohort selection read them: every read is one
 * statement over the snapshots, whatever the number of members. Results are written by {@link IndexComputation}.
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

    private final JdbcClient jdbc;
    private final Clock clock;

    OpennessIndex(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
        return jdbc.sql("select distinct period_key from network_index_score order by period_key desc").query(String.class).list().stream()
                .map(k -> IndexPeriod.ofKey(k, today)).flatMap(Optional::stream).toList();
    }

    /** Every member's result for the period: ranked ones first by rank, then those without a score. */
    public List<MemberScore> ranking(IndexPeriod period) {
        return jdbc.sql("select " + SCORE_COLUMNS + " from network_index_score where period_key = ?"
                + " order by case when rank_position is null then 1 else 0 end, rank_position, collectivity_id")
                .param(period.key()).query(OpennessIndex::score).list();
    }

    public Optional<MemberScore> score(long collectivityId, IndexPeriod period) {
        return jdbc.sql("select " + SCORE_COLUMNS + " from network_index_score where period_key = ? and collectivity_id = ?")
                .params(period.key(), collectivityId).query(OpennessIndex::score).optional();
    }

    /** The member's indicators for the period, in the catalogue's order (empty when the period was not computed). */
    public List<IndicatorValue> indicators(long collectivityId, IndexPeriod period) {
        List<IndicatorValue> values = new ArrayList<>(jdbc.sql("select " + VALUE_COLUMNS + " from network_indicator_value"
                + " where period_key = ? and collectivity_id = ?").params(period.key(), collectivityId).query(OpennessIndex::valueRow).list()
                .stream().filter(v -> v != null).toList());
        values.sort(java.util.Comparator.comparing(IndicatorValue::indicator));
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
        all.values().forEach(l -> l.sort(java.util.Comparator.comparing(IndicatorValue::indicator)));
        return all;
    }

    /** The member's monthly snapshots (twelve months rolling), the oldest first, at most {@link #TREND_MONTHS}. */
    public List<MemberScore> trend(long collectivityId) {
        List<MemberScore> newestFirst = jdbc.sql("select " + SCORE_COLUMNS + " from network_index_score where collectivity_id = ?"
                + " and period_key like 'R%' order by period_key desc limit " + TREND_MONTHS)
                .param(collectivityId).query(OpennessIndex::score).list();
        List<MemberScore> trend = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(trend);
        return trend;
    }

    /** When results were last computed, if ever. */
    public Optional<Instant> lastComputed() {
        return Optional.ofNullable(jdbc.sql("select max(computed_at) from network_index_score").query(java.sql.Timestamp.class).optional()
                .orElse(null)).map(java.sql.Timestamp::toInstant);
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
