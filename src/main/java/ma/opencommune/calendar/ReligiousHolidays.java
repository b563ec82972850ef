package ma.opencommune.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Religious holidays as the platform admin manages them (CAL-3): the provisional date stays on record, the admin
 * confirms it or moves the holiday to the announced date, and every change is published as
 * {@link HolidayChanged} so legal clocks are recomputed and the change is logged.
 */
@Service
public class ReligiousHolidays {

    /** The date asked for is not allowed; {@link #messageKey()} explains why to the admin. */
    public static class DateRefused extends RuntimeException {

        private final String messageKey;

        DateRefused(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final HolidayStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxMoveDays;

    ReligiousHolidays(HolidayStore store, ApplicationEventPublisher events, Clock clock,
            @Value("${opencommune.calendar.max-move-days:3}") int maxMoveDays) {
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.maxMoveDays = maxMoveDays;
    }

    public Holiday require(long id) {
        return store.religious(id).orElseThrow(() -> new NotFoundException("religious holiday " + id));
    }

    /** The religious holidays with a day off between two dates, in date order. */
    public List<Holiday> between(LocalDate from, LocalDate to) {
        return store.between(from, to).stream().filter(Holiday::religious).toList();
    }

    /** How far from the provisional date a holiday may be moved: moon sighting shifts it by a day or two, not more. */
    public int maxMoveDays() {
        return maxMoveDays;
    }

    public LocalDate earliest(Holiday holiday) {
        return holiday.provisionalDate().minusDays(maxMoveDays);
    }

    public LocalDate latest(Holiday holiday) {
        return holiday.provisionalDate().plusDays(maxMoveDays);
    }

    /** Records that the holiday falls on its current date. Confirming twice is refused: nothing would change. */
    @Transactional
    public Holiday confirm(long actorId, long id) {
        Holiday holiday = require(id);
        if (!holiday.provisional()) {
            throw new ConflictException("holidays.already-confirmed");
        }
        return apply(actorId, holiday, holiday.start());
    }

    /**
     * Moves the holiday to the announced first day, which confirms it. A date more than {@link #maxMoveDays()}
     * from the provisional date is refused as a likely typing mistake (a wrong month or year).
     */
    @Transactional
    public Holiday move(long actorId, long id, LocalDate start) {
        Holiday holiday = require(id);
        if (Math.abs(ChronoUnit.DAYS.between(holiday.provisionalDate(), start)) > maxMoveDays) {
            throw new DateRefused("validation.holiday.too-far");
        }
        if (start.equals(holiday.start())) {
            return confirm(actorId, id);
        }
        return apply(actorId, holiday, start);
    }

    private Holiday apply(long actorId, Holiday holiday, LocalDate start) {
        Instant now = Instant.now(clock);
        if (!store.confirm(holiday, start, actorId, now)) {
            throw new ConflictException("holidays.changed-meanwhile");
        }
        events.publishEvent(new HolidayChanged(UUID.randomUUID(), now, actorId, holiday.id(), holiday.code(), holiday.hijriYear(),
                holiday.start(), start, holiday.days()));
        return new Holiday(holiday.id(), holiday.code(), holiday.kind(), start, holiday.days(), Holiday.Status.CONFIRMED,
                holiday.hijriYear(), holiday.provisionalDate(), false);
    }
}
