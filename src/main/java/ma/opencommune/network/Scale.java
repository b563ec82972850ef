package ma.opencommune.network;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How an indicator's measured value becomes a 0..100 score. The formulas are published on the methodology pages with
 * their parameters, so every score can be recomputed by hand.
 *
 * <ul>
 * <li>{@link Kind#SHARE}: a share 0..1, times 100.</li>
 * <li>{@link Kind#FEWER_IS_BETTER}: 100 at or below {@code best}, 0 at or above {@code worst}, linear between.</li>
 * <li>{@link Kind#MORE_IS_BETTER}: 100 at or above {@code best} (the target), proportional below it.</li>
 * <li>{@link Kind#PARITY}: a share 0..1 of women; 100 from parity ({@code best} = 0.5), proportional below it.</li>
 * <li>{@link Kind#YES_NO}: 1 gives 100, 0 gives 0.</li>
 * </ul>
 */
public record Scale(Kind kind, BigDecimal best, BigDecimal worst) {

    public enum Kind {
        SHARE, FEWER_IS_BETTER, MORE_IS_BETTER, PARITY, YES_NO
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static Scale share() {
        return new Scale(Kind.SHARE, null, null);
    }

    static Scale fewerIsBetter(int best, int worst) {
        return new Scale(Kind.FEWER_IS_BETTER, BigDecimal.valueOf(best), BigDecimal.valueOf(worst));
    }

    static Scale moreIsBetter(int target) {
        return new Scale(Kind.MORE_IS_BETTER, BigDecimal.valueOf(target), null);
    }

    static Scale parity() {
        return new Scale(Kind.PARITY, new BigDecimal("0.5"), null);
    }

    static Scale yesNo() {
        return new Scale(Kind.YES_NO, null, null);
    }

    /** The 0..100 score of a measured value, to one decimal. */
    public BigDecimal score(BigDecimal value) {
        BigDecimal s = switch (kind) {
            case SHARE, YES_NO -> value.multiply(HUNDRED);
            case FEWER_IS_BETTER -> value.compareTo(best) <= 0 ? HUNDRED
                    : value.compareTo(worst) >= 0 ? BigDecimal.ZERO
                    : worst.subtract(value).multiply(HUNDRED).divide(worst.subtract(best), 6, RoundingMode.HALF_UP);
            case MORE_IS_BETTER, PARITY -> value.compareTo(best) >= 0 ? HUNDRED : value.multiply(HUNDRED).divide(best, 6, RoundingMode.HALF_UP);
        };
        return clamp(s).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal clamp(BigDecimal s) {
        return s.max(BigDecimal.ZERO).min(HUNDRED);
    }
}
