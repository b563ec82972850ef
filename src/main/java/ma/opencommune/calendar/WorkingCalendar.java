package ma.opencommune.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The working days of a date range, loaded once (CAL-1: Monday to Friday and not a public holiday). Immutable,
 * so a list page can compute many legal clocks from one database query. Asking about a day outside the range
 * is a programming error and throws, rather than silently counting an unknown holiday as a working day.
 */
public final class WorkingCalendar {

    private final LocalDate from;
    private final LocalDate to;
    private final Set<LocalDate> holidays;

    WorkingCalendar(LocalDate from, LocalDate to, Collection<Holiday> holidays) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("empty range " + from + ".." + to);
        }
        this.from = from;
        this.to = to;
        Set<LocalDate> days = new HashSet<>();
        holidays.forEach(h -> days.addAll(h.dates()));
        this.holidays = Set.copyOf(days);
    }

    /** First day covered. */
    public LocalDate from() {
        return from;
    }

    /** Last day covered. */
    public LocalDate to() {
        return to;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** CAL-1. */
    public boolean isWorkingDay(LocalDate day) {
        require(day);
        return isWeekday(day) && !holidays.contains(day);
    }

    public boolean isPublicHoliday(LocalDate day) {
        require(day);
        return holidays.contains(day);
    }

    /**
     * The {@code n}th working day after {@code start} (before it when {@code n} is negative); {@code start} itself
     * when {@code n} is 0. {@code start} need not be a working day: a request received on a Saturday starts its
     * clock on Monday, whose working day is the first one counted.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        return tryAddWorkingDays(start, n).orElseThrow(() -> new IllegalArgumentException(
                n + " working days from " + start + " run outside " + from + ".." + to));
    }

    /** Empty when the answer lies beyond the range, so the caller can load a longer one. */
    Optional<LocalDate> tryAddWorkingDays(LocalDate start, int n) {
        int step = n < 0 ? -1 : 1;
        int left = Math.abs(n);
        LocalDate day = start;
        while (left > 0) {
            day = day.plusDays(step);
            if (!covers(day)) {
                return Optional.empty();
            }
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return Optional.of(day);
    }

    /**
     * Working days after {@code from} up to and including {@code to}, so that
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}; negative when {@code to} is before {@code from}
     * (a deadline already passed). Between today and a deadline, this is the number of working days left.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    static boolean isWeekday(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    private void require(LocalDate day) {
        if (!covers(day)) {
            throw new IllegalArgumentException(day + " is outside the loaded range " + from + ".." + to);
        }
    }
}
