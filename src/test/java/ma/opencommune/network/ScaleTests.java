package ma.opencommune.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Every scale at its edges: the best, a tenth either side of it, the worst, and in between. */
class ScaleTests {

    static BigDecimal score(Scale s, String value) {
        return s.score(new BigDecimal(value));
    }

    @Test
    void fewerIsBetterGives100AtOrBelowTheBestAndZeroAtOrAboveTheWorst() {
        Scale s = Indicator.DECISIONS_PUBLICATION_DAYS.scale();
        assertThat(score(s, "8")).isEqualByComparingTo("100");
        assertThat(score(s, "7.9")).isEqualByComparingTo("100");
        assertThat(score(s, "8.1")).isEqualByComparingTo("99.8");
        assertThat(score(s, "34")).isEqualByComparingTo("50");
        assertThat(score(s, "59.9")).isEqualByComparingTo("0.2");
        assertThat(score(s, "60")).isEqualByComparingTo("0");
        assertThat(score(s, "60.1")).isEqualByComparingTo("0");
        assertThat(score(s, "0")).isEqualByComparingTo("100");
    }

    @Test
    void moreIsBetterIsProportionalUpToTheTarget() {
        Scale s = Indicator.DOCUMENTS_PUBLISHED.scale();
        assertThat(score(s, "12")).isEqualByComparingTo("100");
        assertThat(score(s, "12.1")).isEqualByComparingTo("100");
        assertThat(score(s, "11.9")).isEqualByComparingTo("99.2");
        assertThat(score(s, "6")).isEqualByComparingTo("50");
        assertThat(score(s, "0")).isEqualByComparingTo("0");
    }

    @Test
    void parityGives100FromHalfAndProportionallyBelow() {
        Scale s = Indicator.WOMEN_SHARE.scale();
        assertThat(score(s, "0.5")).isEqualByComparingTo("100");
        assertThat(score(s, "0.6")).isEqualByComparingTo("100");
        assertThat(score(s, "0.49")).isEqualByComparingTo("98");
        assertThat(score(s, "0.25")).isEqualByComparingTo("50");
        assertThat(score(s, "0")).isEqualByComparingTo("0");
    }

    @Test
    void sharesAndYesNoAreTimesAHundredWithinBounds() {
        assertThat(score(Scale.share(), "0.4567")).isEqualByComparingTo("45.7");
        assertThat(score(Scale.share(), "1")).isEqualByComparingTo("100");
        assertThat(score(Scale.share(), "0")).isEqualByComparingTo("0");
        assertThat(score(Scale.yesNo(), "1")).isEqualByComparingTo("100");
        assertThat(score(Scale.yesNo(), "0")).isEqualByComparingTo("0");
        assertThat(score(Scale.share(), "1.2")).as("clamped").isEqualByComparingTo("100");
    }
}
