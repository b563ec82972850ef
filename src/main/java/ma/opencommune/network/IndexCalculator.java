package ma.opencommune.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns measures into scores, the published way: each indicator measured on at least its minimum count is scored 0..100
 * on its scale; a pillar is the weighted mean of its scored indicators (the weights of those without data are shared
 * among the others); the overall score is the weighted mean of the pillars with a score, provided the indicators with
 * data weigh at least {@link OpennessIndex#MINIMUM_COVERAGE} percent of the whole methodology. Pure: no I/O.
 */
final class IndexCalculator {

    /** z for a 95% two-sided interval. */
    private static final double Z = 1.959964;

    private IndexCalculator() {
    }

    record Result(List<IndicatorValue> indicators, Map<Pillar, BigDecimal> pillars, BigDecimal score, int coverage) {
    }

    static Result compute(Methodology methodology, Map<Indicator, Measure> measures) {
        List<IndicatorValue> values = new ArrayList<>();
        Map<Pillar, BigDecimal> pillars = new EnumMap<>(Pillar.class);
        BigDecimal weightedPillars = BigDecimal.ZERO;
        int pillarWeightWithData = 0;
        // Coverage in hundredths of a percent: sum over pillars of pillar weight x scored indicator weight.
        long coverageUnits = 0;
        for (Pillar pillar : Pillar.values()) {
            BigDecimal weighted = BigDecimal.ZERO;
            int weightWithData = 0;
            for (Indicator indicator : Indicator.of(pillar)) {
                int weight = methodology.weight(indicator);
                if (weight == 0) {
                    continue;
                }
                IndicatorValue value = value(indicator, measures.getOrDefault(indicator, Measure.NO_DATA));
                values.add(value);
                if (value.scored()) {
                    weighted = weighted.add(value.score().multiply(BigDecimal.valueOf(weight)));
                    weightWithData += weight;
                }
            }
            if (weightWithData > 0) {
                BigDecimal score = weighted.divide(BigDecimal.valueOf(weightWithData), 1, RoundingMode.HALF_UP);
                pillars.put(pillar, score);
                int pw = methodology.weight(pillar);
                if (pw > 0) {
                    weightedPillars = weightedPillars.add(score.multiply(BigDecimal.valueOf(pw)));
                    pillarWeightWithData += pw;
                    coverageUnits += (long) pw * weightWithData;
                }
            }
        }
        int coverage = (int) Math.round(coverageUnits / 100.0);
        BigDecimal score = pillarWeightWithData == 0 || coverage < OpennessIndex.MINIMUM_COVERAGE ? null
                : weightedPillars.divide(BigDecimal.valueOf(pillarWeightWithData), 1, RoundingMode.HALF_UP);
        return new Result(values, pillars, score, coverage);
    }

    static IndicatorValue value(Indicator indicator, Measure m) {
        if (m.status() != IndicatorStatus.OK) {
            return IndicatorValue.of(indicator, m.status());
        }
        BigDecimal lower = null;
        BigDecimal upper = null;
        if (m.isShare() && indicator.unit() == Indicator.Unit.SHARE) {
            double[] w = wilson(m.numerator(), m.denominator());
            lower = BigDecimal.valueOf(w[0]).setScale(4, RoundingMode.HALF_UP);
            upper = BigDecimal.valueOf(w[1]).setScale(4, RoundingMode.HALF_UP);
        }
        boolean enough = m.count() >= indicator.minimumCount();
        return new IndicatorValue(indicator, enough ? IndicatorStatus.OK : IndicatorStatus.LOW_COUNT, m.value(), m.numerator(),
                m.denominator(), lower, upper, enough ? indicator.scale().score(m.value()) : null);
    }

    /** The 95% Wilson score interval of {@code k} successes in {@code n} trials. */
    static double[] wilson(long k, long n) {
        double p = (double) k / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
