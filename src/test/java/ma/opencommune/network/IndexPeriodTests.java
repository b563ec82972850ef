package ma.opencommune.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Periods from addresses and stored keys, their ends and their length, on a fixed day. */
class IndexPeriodTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void twelveMonthsIsTheCurrentRollingPeriodCutAtToday() {
        IndexPeriod p = IndexPeriod.ofParam("12m", TODAY).orElseThrow();
        assertThat(p.key()).isEqualTo("R2026-11");
        assertThat(p.from()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(p.to()).isEqualTo(TODAY);
        assertThat(p.isRolling()).isTrue();
        assertThat(p.param()).isEqualTo("2026-11");
        assertThat(IndexPeriod.ofParam(null, TODAY)).contains(p);
        assertThat(IndexPeriod.ofParam(" ", TODAY)).contains(p);
        assertThat(p.months()).isEqualTo(12);
    }

    @Test
    void aYearAndAMonthAreParsedAndTheFutureIsNot() {
        IndexPeriod y = IndexPeriod.ofParam("2025", TODAY).orElseThrow();
        assertThat(y.key()).isEqualTo("Y2025");
        assertThat(y.from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(y.to()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(y.isRolling()).isFalse();
        IndexPeriod m = IndexPeriod.ofParam("2026-03", TODAY).orElseThrow();
        assertThat(m.from()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(m.to()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(IndexPeriod.ofParam("2026-11", TODAY)).isPresent();
        assertThat(IndexPeriod.ofParam("2026-12", TODAY)).as("next month").isEmpty();
        assertThat(IndexPeriod.ofParam("2027", TODAY)).as("next year").isEmpty();
        assertThat(IndexPeriod.ofParam("2026", TODAY).orElseThrow().to()).as("this year runs until today").isEqualTo(TODAY);
    }

    @Test
    void malformedPeriodsAreEmpty() {
        assertThat(IndexPeriod.ofParam("2025-13", TODAY)).isEmpty();
        assertThat(IndexPeriod.ofParam("2025-00", TODAY)).isEmpty();
        assertThat(IndexPeriod.ofParam("garbage", TODAY)).isEmpty();
        assertThat(IndexPeriod.ofParam("2025-1", TODAY)).isEmpty();
        assertThat(IndexPeriod.ofParam("<script>", TODAY)).isEmpty();
        assertThat(IndexPeriod.ofParam("1999", TODAY)).as("before the index's first year").isEmpty();
        assertThat(IndexPeriod.ofKey("X2025", TODAY)).isEmpty();
        assertThat(IndexPeriod.ofKey(null, TODAY)).isEmpty();
        assertThat(IndexPeriod.ofKey("R2026-10", TODAY)).contains(IndexPeriod.rolling(YearMonth.of(2026, 10), TODAY));
    }

    @Test
    void aPeriodIsOpenUntilTheLastDayOfItsMonthAndClosedTheDayAfter() {
        IndexPeriod p = IndexPeriod.rolling(YearMonth.of(2026, 2), LocalDate.of(2026, 2, 10));
        assertThat(p.to()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(p.naturalEnd()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(p.isOpen(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(p.isOpen(LocalDate.of(2026, 3, 1))).isFalse();
        IndexPeriod y = IndexPeriod.year(2025, TODAY);
        assertThat(y.naturalEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(y.isOpen(LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(y.isOpen(LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(y.lastMonth()).isEqualTo(YearMonth.of(2025, 12));
    }

    @Test
    void monthsCountTheStartedMonthsOfARunningYear() {
        assertThat(IndexPeriod.year(2026, LocalDate.of(2026, 3, 15)).months()).isEqualTo(3);
        assertThat(IndexPeriod.year(2026, LocalDate.of(2026, 1, 1)).months()).isEqualTo(1);
        assertThat(IndexPeriod.year(2025, TODAY).months()).isEqualTo(12);
    }
}
