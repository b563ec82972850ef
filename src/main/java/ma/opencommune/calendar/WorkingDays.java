package ma.opencommune.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ma.opencommune.platform.Morocco;
import org.springframework.stereotype.Service;

/**
 * Working-day arithmetic for legal clocks (CAL-1) and the holidays of a year. Each call reads the holidays of the
 * range it needs in one query and keeps nothing between calls, so a holiday moved on one node counts on every node
 * at once. Instants (a request's receipt, a notice's sending) become dates in {@code Africa/Casablanca}, whose
 * offset changes during Ramadan.
 */
@Service
public class WorkingDays {

    /** Religious holidays are computed this many years after the current one (CAL-3). */
    public static final int YEARS_AHEAD = 3;

    /** Far beyond any legal clock (decades); a larger count is a bug, and would overflow the range arithmetic. */
    static final int MAX_WORKING_DAYS = 10_000;

    private final HolidaySource holidays;

    WorkingDays(HolidaySource holidays) {
        this.holidays = holidays;
    }

    /** The Moroccan calendar day of an instant: what "received on" means for a legal clock. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(Morocco.ZONE).toLocalDate();
    }

    /** CAL-1: Monday to Friday and not a public holiday. */
    public boolean isWorkingDay(LocalDate day) {
        return calendar(day, day).isWorkingDay(day);
    }

    public boolean isWorkingDay(Instant instant) {
        return isWorkingDay(dayOf(instant));
    }

    /**
     * The {@code n}th working day after {@code start} (before it when {@code n} is negative; {@code start} when 0),
     * e.g. the deadline of a request received on {@code start} with {@code n} working days to answer (ATI-4).
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n > MAX_WORKING_DAYS || n < -MAX_WORKING_DAYS) {
            throw new IllegalArgumentException(n + " working days");
        }
        // Wide enough for n working days plus the weekends and every holiday cluster of a Moroccan year, so one
        // query almost always suffices; a longer range is loaded only if it did not.
        int span = Math.abs(n) * 7 / 5 + Math.abs(n) / 10 + 21;
        while (true) {
            LocalDate end = n < 0 ? start.minusDays(span) : start.plusDays(span);
            WorkingCalendar calendar = n < 0 ? calendar(end, start) : calendar(start, end);
            Optional<LocalDate> day = calendar.tryAddWorkingDays(start, n);
            if (day.isPresent()) {
                return day.get();
            }
            span *= 2;
        }
    }

    /** The deadline counted from the Moroccan day on which {@code start} falls. */
    public LocalDate addWorkingDays(Instant start, int n) {
        return addWorkingDays(dayOf(start), n);
    }

    /**
     * Working days after {@code from} up to and including {@code to} (negative when {@code to} is earlier):
     * between today and a deadline, the working days left.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return 0;
        }
        return to.isBefore(from) ? calendar(to, from).workingDaysBetween(from, to) : calendar(from, to).workingDaysBetween(from, to);
    }

    public int workingDaysBetween(Instant from, Instant to) {
        return workingDaysBetween(dayOf(from), dayOf(to));
    }

    /** The working days of a range in one query, for pages that compute many clocks at once. */
    public WorkingCalendar calendar(LocalDate from, LocalDate to) {
        return new WorkingCalendar(from, to, holidays.between(from, to));
    }

    /** Every holiday with a day off in this year, in date order; provisional religious dates are marked so. */
    public List<Holiday> holidays(int year) {
        return holidays.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
