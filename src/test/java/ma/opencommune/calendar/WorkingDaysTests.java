package ma.opencommune.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * CAL-1 working-day arithmetic at its edges, with the real 2025-2026 Moroccan holidays (religious ones on their
 * Umm al-Qura dates) and the Ramadan clock change of Africa/Casablanca. No database: the holidays come from a list.
 */
class WorkingDaysTests {

    static final List<Holiday> HOLIDAYS = List.of(
            fixed("NEW_YEAR", of(2026, 1, 1)),                 // Thursday
            fixed("INDEPENDENCE_MANIFESTO", of(2026, 1, 11)),  // Sunday: no day in lieu
            fixed("AMAZIGH_NEW_YEAR", of(2026, 1, 14)),        // Wednesday
            religious("EID_AL_FITR", of(2026, 3, 20), 2),      // Friday and Saturday
            fixed("LABOUR_DAY", of(2026, 5, 1)),               // Friday
            religious("EID_AL_ADHA", of(2026, 5, 27), 2),      // Wednesday and Thursday
            fixed("REVOLUTION_DAY", of(2026, 8, 20)),          // Thursday
            fixed("YOUTH_DAY", of(2026, 8, 21)),               // Friday
            religious("MAWLID", of(2026, 8, 25), 2),           // Tuesday and Wednesday
            fixed("INDEPENDENCE_DAY", of(2025, 11, 18)));

    final AtomicInteger queries = new AtomicInteger();
    final WorkingDays days = new WorkingDays(source(HOLIDAYS));

    HolidaySource source(List<Holiday> holidays) {
        return (from, to) -> {
            queries.incrementAndGet();
            return holidays.stream().filter(h -> h.overlaps(from, to)).toList();
        };
    }

    static Holiday fixed(String code, LocalDate date) {
        return Holiday.fixed(code, date, false);
    }

    static Holiday religious(String code, LocalDate start, int length) {
        return new Holiday(1L, code, Holiday.Kind.RELIGIOUS, start, length, Holiday.Status.PROVISIONAL, 1447, start, false);
    }

    @Test
    void weekdaysAreWorkingDaysAndWeekendsAndHolidaysAreNot_CAL1() {
        assertThat(days.isWorkingDay(of(2026, 1, 2))).as("Friday").isTrue();
        assertThat(days.isWorkingDay(of(2026, 1, 3))).as("Saturday").isFalse();
        assertThat(days.isWorkingDay(of(2026, 1, 4))).as("Sunday").isFalse();
        assertThat(days.isWorkingDay(of(2026, 1, 14))).as("Amazigh New Year").isFalse();
        assertThat(days.isWorkingDay(of(2026, 3, 21))).as("second day of Eid on a Saturday").isFalse();
        assertThat(days.isWorkingDay(of(2026, 1, 12))).as("the Monday after a holiday on a Sunday is not a day in lieu").isTrue();
    }

    @Test
    void addingWorkingDaysCrossesTheYearBoundaryAndSkipsNewYearsDay() {
        LocalDate newYearsEve = of(2025, 12, 31); // Wednesday
        assertThat(days.addWorkingDays(newYearsEve, 1)).isEqualTo(of(2026, 1, 2));
        assertThat(days.addWorkingDays(newYearsEve, 2)).isEqualTo(of(2026, 1, 5));
        assertThat(days.addWorkingDays(newYearsEve, 10)).as("skips 1 and 14 January").isEqualTo(of(2026, 1, 16));
        assertThat(days.workingDaysBetween(newYearsEve, of(2026, 1, 16))).isEqualTo(10);
    }

    @Test
    void aHolidayOnAFridayCarriesTheDeadlineOverTheWeekendToMonday() {
        assertThat(days.addWorkingDays(of(2026, 4, 30), 1)).as("Labour Day is a Friday").isEqualTo(of(2026, 5, 4));
        assertThat(days.workingDaysBetween(of(2026, 4, 30), of(2026, 5, 4))).isEqualTo(1);
    }

    @Test
    void aTwoDayEidNextToAWeekendAndConsecutiveHolidaysAreAllSkipped() {
        assertThat(days.addWorkingDays(of(2026, 3, 19), 1)).as("Eid al-Fitr Friday-Saturday, then Sunday").isEqualTo(of(2026, 3, 23));
        assertThat(days.addWorkingDays(of(2026, 5, 26), 1)).as("Eid al-Adha Wednesday-Thursday").isEqualTo(of(2026, 5, 29));
        // 20 and 21 August (Thursday, Friday), the weekend, Monday 24 at work, then Mawlid on Tuesday and Wednesday.
        LocalDate wednesday = of(2026, 8, 19);
        assertThat(days.addWorkingDays(wednesday, 1)).isEqualTo(of(2026, 8, 24));
        assertThat(days.addWorkingDays(wednesday, 2)).isEqualTo(of(2026, 8, 27));
        assertThat(days.workingDaysBetween(wednesday, of(2026, 8, 31))).isEqualTo(4);
    }

    @Test
    void aClockStartedOnAWeekendOrAHolidayCountsFromTheNextWorkingDay() {
        assertThat(days.addWorkingDays(of(2026, 5, 2), 1)).as("from a Saturday").isEqualTo(of(2026, 5, 4));
        assertThat(days.addWorkingDays(of(2026, 5, 1), 1)).as("from Labour Day").isEqualTo(of(2026, 5, 4));
        assertThat(days.addWorkingDays(of(2026, 3, 21), 1)).as("from the second day of Eid").isEqualTo(of(2026, 3, 23));
        assertThat(days.addWorkingDays(of(2026, 5, 2), 0)).as("zero days is the start itself").isEqualTo(of(2026, 5, 2));
    }

    @Test
    void theDayBeforeTheDeadlineHasOneWorkingDayLeftTheDeadlineNoneAndTheDayAfterIsLate() {
        LocalDate received = of(2026, 2, 2); // Monday, a month without holidays
        LocalDate deadline = days.addWorkingDays(received, 20); // ATI-4
        assertThat(deadline).isEqualTo(of(2026, 3, 2));
        assertThat(days.workingDaysBetween(received, deadline)).isEqualTo(20);
        assertThat(days.workingDaysBetween(of(2026, 2, 27), deadline)).as("Friday before").isEqualTo(1);
        assertThat(days.workingDaysBetween(of(2026, 2, 28), deadline)).as("Saturday before").isEqualTo(1);
        assertThat(days.workingDaysBetween(deadline, deadline)).isZero();
        assertThat(days.workingDaysBetween(of(2026, 3, 3), deadline)).as("one day late").isEqualTo(-1);
    }

    @Test
    void countingBetweenUndoesAddingAndNegativeDaysCountBackwards() {
        for (LocalDate start = of(2025, 12, 20); start.isBefore(of(2026, 9, 10)); start = start.plusDays(3)) {
            for (int n : new int[] {1, 3, 20, 40}) {
                LocalDate end = days.addWorkingDays(start, n);
                assertThat(days.isWorkingDay(end)).isTrue();
                assertThat(days.workingDaysBetween(start, end)).as(start + " + " + n).isEqualTo(n);
                assertThat(days.workingDaysBetween(end, start)).isEqualTo(-n);
            }
        }
        assertThat(days.addWorkingDays(of(2026, 1, 5), -2)).as("back over New Year").isEqualTo(of(2025, 12, 31));
    }

    @Test
    void eachComputationReadsTheHolidaysOnceAndNothingIsKeptBetweenCalls() {
        days.addWorkingDays(of(2026, 1, 1), 20);
        assertThat(queries).hasValue(1);
        days.addWorkingDays(of(2026, 1, 1), 250);
        days.workingDaysBetween(of(2025, 12, 1), of(2026, 9, 1));
        days.isWorkingDay(of(2026, 1, 1));
        assertThat(queries).as("no cache: every call asks again").hasValue(4);
    }

    @Test
    void aLongerRangeIsLoadedWhenHolidaysOutlastTheFirstEstimate() {
        List<Holiday> longClosure = new ArrayList<>();
        for (LocalDate d = of(2026, 6, 1); d.isBefore(of(2026, 9, 1)); d = d.plusDays(1)) {
            longClosure.add(fixed("CLOSURE", d));
        }
        WorkingDays closed = new WorkingDays(source(longClosure));
        assertThat(closed.addWorkingDays(of(2026, 5, 29), 1)).isEqualTo(of(2026, 9, 1));
        assertThat(queries.get()).isGreaterThan(1);
    }

    @Test
    void aLoadedCalendarRefusesDaysOutsideItsRange() {
        WorkingCalendar january = days.calendar(of(2026, 1, 1), of(2026, 1, 31));
        assertThat(january.isPublicHoliday(of(2026, 1, 14))).isTrue();
        assertThatThrownBy(() -> january.isWorkingDay(of(2026, 2, 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> january.addWorkingDays(of(2026, 1, 20), 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> days.addWorkingDays(of(2026, 1, 20), Integer.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Morocco is UTC+1, except during Ramadan (2026: 15 February to 22 March) when it is UTC+0. */
    @Test
    void aReceiptAt2330UtcIsDatedInCasablancaOnBothSidesOfTheRamadanClockChange() {
        Instant beforeRamadan = Instant.parse("2026-02-12T23:30:00Z"); // Thursday 23:30 UTC = Friday 00:30 in Morocco
        Instant duringRamadan = Instant.parse("2026-02-19T23:30:00Z"); // Thursday 23:30 UTC = Thursday 23:30 in Morocco
        Instant afterRamadan = Instant.parse("2026-03-26T23:30:00Z"); // back to UTC+1: Friday 00:30
        assertThat(WorkingDays.dayOf(beforeRamadan)).isEqualTo(of(2026, 2, 13));
        assertThat(WorkingDays.dayOf(duringRamadan)).isEqualTo(of(2026, 2, 19));
        assertThat(WorkingDays.dayOf(afterRamadan)).isEqualTo(of(2026, 3, 27));
        assertThat(WorkingDays.dayOf(beforeRamadan).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);

        // The same 23:30 UTC receipt starts a different clock: received Friday → Monday; received Thursday → Friday.
        assertThat(days.addWorkingDays(beforeRamadan, 1)).isEqualTo(of(2026, 2, 16));
        assertThat(days.addWorkingDays(duringRamadan, 1)).isEqualTo(of(2026, 2, 20));
        assertThat(days.workingDaysBetween(duringRamadan, afterRamadan)).isEqualTo(25);

        // 2025: the clocks went back on 23 February and forward on 6 April.
        assertThat(WorkingDays.dayOf(Instant.parse("2025-02-21T23:30:00Z"))).isEqualTo(of(2025, 2, 22));
        assertThat(WorkingDays.dayOf(Instant.parse("2025-03-06T23:30:00Z"))).isEqualTo(of(2025, 3, 6));
        assertThat(WorkingDays.dayOf(Instant.parse("2025-04-10T23:30:00Z"))).isEqualTo(of(2025, 4, 11));
    }
}
