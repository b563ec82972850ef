package ma.opencommune.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * One public holiday in one year: a fixed-date holiday (CAL-2) or an occurrence of a religious holiday
 * (CAL-3). {@code code} names it in the message bundles ({@code holiday.<code>}).
 *
 * @param id the religious occurrence's id (null for a fixed-date holiday)
 * @param hijriYear the Hijri year of a religious occurrence (null for a fixed-date holiday)
 * @param provisionalDate the date computed from the Umm al-Qura calendar, kept after a move (null when fixed)
 * @param toVerify the rule is not yet confirmed against the Official Bulletin (RULES.md "verify")
 */
public record Holiday(Long id, String code, Kind kind, LocalDate start, int days, Status status, Integer hijriYear,
        LocalDate provisionalDate, boolean toVerify) {

    /** Where the date comes from. */
    public enum Kind { FIXED, RELIGIOUS }

    /** A religious holiday stays provisional until the official announcement is recorded; fixed ones are confirmed. */
    public enum Status { PROVISIONAL, CONFIRMED }

    public Holiday {
        if (days < 1) {
            throw new IllegalArgumentException("a holiday lasts at least one day: " + code);
        }
    }

    static Holiday fixed(String code, LocalDate date, boolean toVerify) {
        return new Holiday(null, code, Kind.FIXED, date, 1, Status.CONFIRMED, null, null, toVerify);
    }

    /** The last day off. */
    public LocalDate end() {
        return start.plusDays(days - 1L);
    }

    /** Every day off, in order. */
    public List<LocalDate> dates() {
        return Stream.iterate(start, d -> d.plusDays(1)).limit(days).toList();
    }

    public boolean provisional() {
        return status == Status.PROVISIONAL;
    }

    public boolean religious() {
        return kind == Kind.RELIGIOUS;
    }

    /** True when a holiday day falls on or between the two dates. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !end().isBefore(from) && !start.isAfter(to);
    }
}
