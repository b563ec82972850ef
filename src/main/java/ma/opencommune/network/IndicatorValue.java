package ma.opencommune.network;

import java.math.BigDecimal;

/**
 * One indicator of one member for one period, as computed and stored: the measured value in the indicator's unit
 * (a share 0..1, days, per 1,000...), the counts it comes from (numerator and denominator of a share; the number of
 * cases of a median), the 95% Wilson interval of a share, its status, and its 0..100 score when the status is OK.
 */
public record IndicatorValue(Indicator indicator, IndicatorStatus status, BigDecimal measured, Long numerator, Long denominator,
        BigDecimal lowerBound, BigDecimal upperBound, BigDecimal score) {

    public static IndicatorValue of(Indicator indicator, IndicatorStatus status) {
        return new IndicatorValue(indicator, status, null, null, null, null, null, null);
    }

    public boolean scored() {
        return status == IndicatorStatus.OK && score != null;
    }
}
