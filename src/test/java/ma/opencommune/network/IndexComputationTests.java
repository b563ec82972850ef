package ma.opencommune.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.CollectivityFilter;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Computing and storing the index on the demo data: one row per member, shared ranks for ties, closed snapshots left
 * alone once computed after their end, and what {@link OpennessIndex} reads back in the stored order.
 */
@IntegrationTest
class IndexComputationTests {

    @Autowired IndexComputation computation;
    @Autowired OpennessIndex index;
    @Autowired Territory territory;
    @Autowired JdbcClient jdbc;

    @Test
    void recomputeStoresOneRowPerMemberAndTheRankingReadsThemBackInOrder() {
        IndexPeriod period = IndexPeriod.rolling(YearMonth.from(index.today()).minusMonths(2), index.today());
        int members = territory.list(new CollectivityFilter(null, null, true)).size();
        assertThat(computation.recompute(period)).isEqualTo(members).isPositive();
        assertThat(jdbc.sql("select count(*) from network_index_score where period_key = ?").param(period.key()).query(Integer.class).single())
                .isEqualTo(members);
        assertThat(jdbc.sql("select count(distinct collectivity_id) from network_indicator_value where period_key = ?").param(period.key())
                .query(Integer.class).single()).isEqualTo(members);
        List<MemberScore> ranking = index.ranking(period);
        assertThat(ranking).hasSize(members);
        Integer previous = 0;
        boolean unranked = false;
        for (MemberScore s : ranking) {
            if (s.rank() == null) {
                unranked = true;
                assertThat(s.score()).isNull();
            } else {
                assertThat(unranked).as("ranked ones first").isFalse();
                assertThat(s.rank()).isGreaterThanOrEqualTo(previous);
                previous = s.rank();
            }
        }
        long taroudant = territory.require("taroudant").id();
        MemberScore t = index.score(taroudant, period).orElseThrow();
        Evaluation e = computation.evaluate(territory.require("taroudant"), period);
        assertThat(t.score()).isEqualTo(e.score());
        assertThat(t.coverage()).isEqualTo(e.coverage());
        assertThat(index.indicators(taroudant, period)).extracting(IndicatorValue::indicator)
                .containsExactlyElementsOf(e.indicators().stream().map(IndicatorValue::indicator).sorted().toList());
    }

    @Test
    void equalScoresShareARankAndTheNextRankSkips() {
        List<IndexComputation.Computed> results = List.of(computed(1, "80.0"), computed(2, "70.0"), computed(3, "80.0"), computed(4, null),
                computed(5, "90.0"));
        IndexComputation.rank(results);
        assertThat(results).extracting(c -> c.rank()[0]).containsExactly(2, 4, 2, null, 1);
    }

    static IndexComputation.Computed computed(long id, String score) {
        return new IndexComputation.Computed(id, new IndexCalculator.Result(List.of(), Map.of(), score == null ? null : new BigDecimal(score), 60),
                new Integer[1]);
    }

    @Test
    void aClosedPeriodComputedAfterItsEndIsNotComputedAgain() {
        // The demo computed every due period at startup; a second pass only refreshes the running ones.
        computation.recomputeDue();
        List<IndexPeriod> again = computation.recomputeDue();
        assertThat(again).extracting(IndexPeriod::key).containsExactly("R" + YearMonth.from(index.today()), "Y" + index.today().getYear());
    }

    @Test
    void theTrendIsTheMonthlySnapshotsOldestFirst() {
        long taroudant = territory.require("taroudant").id();
        List<MemberScore> trend = index.trend(taroudant);
        assertThat(trend).isNotEmpty().hasSizeLessThanOrEqualTo(OpennessIndex.TREND_MONTHS);
        assertThat(trend).allSatisfy(s -> assertThat(s.periodKey()).startsWith("R"));
        assertThat(trend).extracting(MemberScore::periodKey).isSorted();
        assertThat(trend.get(trend.size() - 1).periodKey()).isEqualTo("R" + YearMonth.from(index.today()));
    }
}
