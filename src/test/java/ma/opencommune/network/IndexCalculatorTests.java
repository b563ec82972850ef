package ma.opencommune.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published scoring rules: minimum counts at their edge, the Wilson interval against known values, pillar weights
 * shared among indicators with data, the coverage threshold, and "not applicable" never counted as zero.
 */
class IndexCalculatorTests {

    /** Pillars 25 each; indicators equal within their pillar (digitalization 34/33/33). */
    static Methodology methodology() {
        Map<Pillar, Integer> pillars = new EnumMap<>(Pillar.class);
        Map<Indicator, Integer> indicators = new EnumMap<>(Indicator.class);
        for (Pillar p : Pillar.values()) {
            pillars.put(p, 25);
            var list = Indicator.of(p);
            int each = 100 / list.size();
            for (int i = 0; i < list.size(); i++) {
                indicators.put(list.get(i), each + (i < 100 % list.size() ? 1 : 0));
            }
        }
        return new Methodology(1, Instant.now(), pillars, indicators, null, "test");
    }

    static Map<Indicator, Measure> allFull(Pillar... pillars) {
        Map<Indicator, Measure> m = new EnumMap<>(Indicator.class);
        for (Pillar p : pillars) {
            for (Indicator i : Indicator.of(p)) {
                m.put(i, full(i));
            }
        }
        return m;
    }

    /** A measure scoring 100 with enough cases. */
    static Measure full(Indicator i) {
        long n = Math.max(1, i.minimumCount());
        return switch (i.unit()) {
            case SHARE -> i.scale().kind() == Scale.Kind.PARITY ? Measure.share(n / 2, n) : Measure.share(n, n);
            case YES_NO -> Measure.yesNo(true);
            case DAYS, WORKING_DAYS -> Measure.value(0, n);
            case PER_1000, COUNT -> Measure.value(1000, n);
        };
    }

    @Test
    void oneCaseBelowTheMinimumIsShownButNotScoredAndTheMinimumIsScored() {
        IndicatorValue below = IndexCalculator.value(Indicator.REQUESTS_IN_TIME, Measure.share(4, 4));
        assertThat(below.status()).isEqualTo(IndicatorStatus.LOW_COUNT);
        assertThat(below.score()).isNull();
        assertThat(below.measured()).isEqualByComparingTo("1");
        assertThat(below.denominator()).isEqualTo(4);
        IndicatorValue at = IndexCalculator.value(Indicator.REQUESTS_IN_TIME, Measure.share(5, 5));
        assertThat(at.status()).isEqualTo(IndicatorStatus.OK);
        assertThat(at.score()).isEqualByComparingTo("100");
        IndicatorValue median = IndexCalculator.value(Indicator.REQUEST_MEDIAN_DAYS, Measure.value(3, 4));
        assertThat(median.status()).isEqualTo(IndicatorStatus.LOW_COUNT);
        assertThat(IndexCalculator.value(Indicator.REQUEST_MEDIAN_DAYS, Measure.value(3, 5)).score()).isEqualByComparingTo("100");
    }

    @Test
    void wilsonIntervalsMatchKnownValues() {
        double[] one = IndexCalculator.wilson(1, 1);
        assertThat(one[0]).isCloseTo(0.2065, within(0.0001));
        assertThat(one[1]).isCloseTo(1.0, within(0.0001));
        double[] zero = IndexCalculator.wilson(0, 1);
        assertThat(zero[0]).isCloseTo(0.0, within(0.0001));
        assertThat(zero[1]).isCloseTo(0.7935, within(0.0001));
        double[] half = IndexCalculator.wilson(50, 100);
        assertThat(half[0]).isCloseTo(0.4038, within(0.0001));
        assertThat(half[1]).isCloseTo(0.5962, within(0.0001));
        IndicatorValue v = IndexCalculator.value(Indicator.REQUESTS_IN_TIME, Measure.share(50, 100));
        assertThat(v.lowerBound()).isEqualByComparingTo("0.4038");
        assertThat(v.upperBound()).isEqualByComparingTo("0.5962");
    }

    @Test
    void aPillarSharesTheWeightOfItsIndicatorsWithoutDataAmongTheOthers() {
        Map<Indicator, Measure> m = new EnumMap<>(Indicator.class);
        m.put(Indicator.REQUESTS_IN_TIME, Measure.share(10, 10));
        m.put(Indicator.REGISTER_UP_TO_DATE, Measure.share(0, 10));
        IndexCalculator.Result r = IndexCalculator.compute(methodology(), m);
        assertThat(r.pillars()).containsOnlyKeys(Pillar.ACCESS);
        assertThat(r.pillars().get(Pillar.ACCESS)).isEqualByComparingTo("50");
        assertThat(r.coverage()).as("25% of the pillars x half the access weight").isEqualTo(13);
        assertThat(r.score()).as("coverage under 50").isNull();
        assertThat(r.indicators()).filteredOn(v -> v.indicator() == Indicator.ANSWERS_PUBLISHED).singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo(IndicatorStatus.NO_DATA));
    }

    @Test
    void theOverallScoreNeedsHalfTheWeightWithData() {
        Map<Indicator, Measure> half = allFull(Pillar.TRANSPARENCY, Pillar.ACCESS);
        IndexCalculator.Result r = IndexCalculator.compute(methodology(), half);
        assertThat(r.coverage()).isEqualTo(50);
        assertThat(r.score()).isEqualByComparingTo("100");
        half.remove(Indicator.REGISTER_UP_TO_DATE);
        IndexCalculator.Result less = IndexCalculator.compute(methodology(), half);
        assertThat(less.coverage()).isEqualTo(44);
        assertThat(less.score()).isNull();
        assertThat(less.pillars()).containsKeys(Pillar.TRANSPARENCY, Pillar.ACCESS);
    }

    @Test
    void notApplicableIsNeverCountedAsZero() {
        Map<Indicator, Measure> m = allFull(Pillar.values());
        m.put(Indicator.EXECUTION_PUBLISHED, Measure.NOT_APPLICABLE);
        IndexCalculator.Result r = IndexCalculator.compute(methodology(), m);
        assertThat(r.pillars().get(Pillar.TRANSPARENCY)).isEqualByComparingTo("100");
        assertThat(r.score()).isEqualByComparingTo("100");
        assertThat(r.coverage()).isEqualTo(94);
        IndicatorValue na = r.indicators().stream().filter(v -> v.indicator() == Indicator.EXECUTION_PUBLISHED).findFirst().orElseThrow();
        assertThat(na.status()).isEqualTo(IndicatorStatus.NOT_APPLICABLE);
        assertThat(na.score()).isNull();
        assertThat(na.measured()).isNull();
        // With a real zero instead, the pillar drops.
        m.put(Indicator.EXECUTION_PUBLISHED, Measure.yesNo(false));
        assertThat(IndexCalculator.compute(methodology(), m).pillars().get(Pillar.TRANSPARENCY)).isEqualByComparingTo("75");
    }

    @Test
    void anIndicatorWeighingZeroIsLeftOut() {
        Methodology base = methodology();
        Map<Indicator, Integer> weights = new EnumMap<>(base.indicatorWeights());
        weights.put(Indicator.REQUESTS_IN_TIME, 0);
        weights.put(Indicator.REQUEST_MEDIAN_DAYS, 50);
        Methodology m = new Methodology(2, Instant.now(), base.pillarWeights(), weights, null, "x");
        IndexCalculator.Result r = IndexCalculator.compute(m, Map.of(Indicator.REQUESTS_IN_TIME, Measure.share(0, 10)));
        assertThat(r.indicators()).extracting(IndicatorValue::indicator).doesNotContain(Indicator.REQUESTS_IN_TIME);
        assertThat(r.pillars()).isEmpty();
        assertThat(r.score()).isNull();
    }
}
