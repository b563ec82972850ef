package ma.opencommune.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/**
 * A platform admin confirmed or moved a religious holiday (CAL-3). Modules that run legal clocks recompute every
 * open deadline that runs across {@link #affectedFrom()}; the action log records who changed what.
 *
 * @param previousStart the first day off before the change
 * @param start the first day off now
 */
public record HolidayChanged(UUID eventId, Instant occurredAt, Long actorId, long holidayId, String code, int hijriYear,
        LocalDate previousStart, LocalDate start, int days) implements Auditable {

    public boolean moved() {
        return !previousStart.equals(start);
    }

    /** The earliest day whose working-day status may have changed; deadlines computed across it are stale. */
    public LocalDate affectedFrom() {
        return previousStart.isBefore(start) ? previousStart : start;
    }

    @Override
    public Long collectivityId() {
        return null;
    }

    @Override
    public String action() {
        return moved() ? "calendar.holiday-moved" : "calendar.holiday-confirmed";
    }

    @Override
    public String summary() {
        return moved()
                ? code + " " + hijriYear + " moved from " + previousStart + " to " + start + " (" + days + " days)"
                : code + " " + hijriYear + " confirmed on " + start + " (" + days + " days)";
    }
}
