package ma.opencommune.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Provisional Gregorian dates of the religious holidays (CAL-3), from ICU4J's Umm al-Qura calendar. Morocco fixes
 * the real dates by moon sighting, often a day after Umm al-Qura: hence a configurable offset, and an admin who
 * confirms or moves each date when it is announced.
 */
final class HijriHolidays {

    /** The religious holidays of CAL-3: Hijri month (0 = Muharram), first day, number of days off. */
    enum Religious {
        ISLAMIC_NEW_YEAR(IslamicCalendar.MUHARRAM, 1, 1),
        MAWLID(IslamicCalendar.RABI_1, 12, 2),
        EID_AL_FITR(IslamicCalendar.SHAWWAL, 1, 2),
        EID_AL_ADHA(IslamicCalendar.DHU_AL_HIJJAH, 10, 2);

        final int month;
        final int day;
        final int days;

        Religious(int month, int day, int days) {
            this.month = month;
            this.day = day;
            this.days = days;
        }
    }

    /** One computed occurrence. */
    record Occurrence(Religious holiday, int hijriYear, LocalDate start) {
    }

    /** ICU counts Julian days from noon, 1 January 4713 BC; this is 1970-01-01's. */
    private static final long EPOCH_JULIAN_DAY = 2_440_588L;

    private HijriHolidays() {
    }

    /** Every occurrence whose first (shifted) day falls in this Gregorian year, in date order. */
    static List<Occurrence> inYear(int year, int offsetDays) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<Occurrence> found = new ArrayList<>();
        // A Gregorian year meets two or three Hijri years (a Hijri year is 11 days shorter), and the offset can
        // push an occurrence across 1 January: look one Hijri year wider on each side.
        for (int hijriYear = hijriYear(first) - 1; hijriYear <= hijriYear(last) + 1; hijriYear++) {
            for (Religious holiday : Religious.values()) {
                LocalDate start = toGregorian(hijriYear, holiday.month, holiday.day).plusDays(offsetDays);
                if (start.getYear() == year) {
                    found.add(new Occurrence(holiday, hijriYear, start));
                }
            }
        }
        found.sort(Comparator.comparing(Occurrence::start));
        return found;
    }

    static LocalDate toGregorian(int hijriYear, int month, int day) {
        IslamicCalendar calendar = umAlQura();
        calendar.clear();
        calendar.set(Calendar.EXTENDED_YEAR, hijriYear);
        calendar.set(Calendar.MONTH, month);
        calendar.set(Calendar.DAY_OF_MONTH, day);
        return LocalDate.ofEpochDay(calendar.get(Calendar.JULIAN_DAY) - EPOCH_JULIAN_DAY);
    }

    static int hijriYear(LocalDate date) {
        IslamicCalendar calendar = umAlQura();
        calendar.clear();
        calendar.set(Calendar.JULIAN_DAY, (int) (date.toEpochDay() + EPOCH_JULIAN_DAY));
        return calendar.get(Calendar.EXTENDED_YEAR);
    }

    /** ICU calendars are mutable and not thread-safe: a new one per computation. */
    private static IslamicCalendar umAlQura() {
        IslamicCalendar calendar = new IslamicCalendar(TimeZone.GMT_ZONE);
        calendar.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
        return calendar;
    }
}
