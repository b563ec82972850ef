package ma.opencommune.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ma.opencommune.calendar.HijriHolidays.Occurrence;
import ma.opencommune.calendar.HijriHolidays.Religious;
import org.junit.jupiter.api.Test;

/** CAL-3: provisional Gregorian dates of the religious holidays from the Umm al-Qura calendar (ICU4J). */
class HolidayProvisionalDatesTests {

    static Map<Religious, List<Occurrence>> byHoliday(int year, int offset) {
        return HijriHolidays.inYear(year, offset).stream().collect(Collectors.groupingBy(Occurrence::holiday));
    }

    @Test
    void umAlQuraGivesTheKnownDatesOf1447And1448() {
        Map<Religious, List<Occurrence>> y2026 = byHoliday(2026, 0);
        assertThat(y2026.get(Religious.EID_AL_FITR)).containsExactly(new Occurrence(Religious.EID_AL_FITR, 1447, of(2026, 3, 20)));
        assertThat(y2026.get(Religious.EID_AL_ADHA)).containsExactly(new Occurrence(Religious.EID_AL_ADHA, 1447, of(2026, 5, 27)));
        assertThat(y2026.get(Religious.ISLAMIC_NEW_YEAR)).containsExactly(new Occurrence(Religious.ISLAMIC_NEW_YEAR, 1448, of(2026, 6, 16)));
        assertThat(y2026.get(Religious.MAWLID)).containsExactly(new Occurrence(Religious.MAWLID, 1448, of(2026, 8, 25)));
    }

    @Test
    void muharramLastsOneDayAndMawlidAndBothEidsTwo() {
        assertThat(Religious.ISLAMIC_NEW_YEAR.days).isEqualTo(1);
        assertThat(Religious.MAWLID.days).isEqualTo(2);
        assertThat(Religious.EID_AL_FITR.days).isEqualTo(2);
        assertThat(Religious.EID_AL_ADHA.days).isEqualTo(2);
    }

    @Test
    void theConfiguredOffsetShiftsEveryProvisionalDate() {
        assertThat(byHoliday(2026, 1).get(Religious.EID_AL_FITR).get(0).start()).isEqualTo(of(2026, 3, 21));
        assertThat(byHoliday(2026, -1).get(Religious.MAWLID).get(0).start()).isEqualTo(of(2026, 8, 24));
    }

    @Test
    void everyYearHasEachHolidayAndAHolidayCanFallTwiceInOneYear() {
        for (int year = 2024; year <= 2060; year++) {
            assertThat(byHoliday(year, 0)).as("year " + year).containsOnlyKeys(Religious.values());
        }
        // 1 Muharram 1429 and 1430 both fell in 2008 (a Hijri year is 11 days shorter).
        assertThat(byHoliday(2008, 0).get(Religious.ISLAMIC_NEW_YEAR)).extracting(Occurrence::hijriYear).containsExactly(1429, 1430);
    }

    @Test
    void occurrencesAreListedInDateOrderWithinTheirGregorianYear() {
        List<Occurrence> y2027 = HijriHolidays.inYear(2027, 0);
        assertThat(y2027).isSortedAccordingTo(java.util.Comparator.comparing(Occurrence::start));
        assertThat(y2027).allMatch(o -> o.start().getYear() == 2027);
    }

    @Test
    void anOffsetBeyondThreeDaysIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ProvisionalHolidays(null, Clock.systemUTC(), 5)).isInstanceOf(IllegalStateException.class);
    }
}
