package ma.opencommune.network;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What was measured for one indicator before scoring: a value in the indicator's unit and the number of cases it rests
 * on ({@code count}, compared with the indicator's minimum count), with the numerator and denominator of a share; or
 * no data, or not applicable.
 */
record Measure(IndicatorStatus status, BigDecimal value, Long numerator, Long denominator, long count) {

    static final Measure NO_DATA = new Measure(IndicatorStatus.NO_DATA, null, null, null, 0);
    static final Measure NOT_APPLICABLE = new Measure(IndicatorStatus.NOT_APPLICABLE, null, null, null, 0);

    /** A share {@code part / whole}; no data when the whole is zero. */
    static Measure share(long part, long whole) {
        if (whole == 0) {
            return NO_DATA;
        }
        return new Measure(IndicatorStatus.OK, BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP),
                part, whole, whole);
    }

    /** A value resting on {@code count} cases (a median, a rate); no data when the value is null. */
    static Measure value(Number value, long count) {
        if (value == null) {
            return NO_DATA;
        }
        return new Measure(IndicatorStatus.OK, new BigDecimal(value.toString()).setScale(4, RoundingMode.HALF_UP), null, null, count);
    }

    static Measure yesNo(boolean yes) {
        return new Measure(IndicatorStatus.OK, yes ? BigDecimal.ONE : BigDecimal.ZERO, yes ? 1L : 0L, 1L, 1);
    }

    boolean isShare() {
        return numerator != null && denominator != null && denominator > 0;
    }
}
