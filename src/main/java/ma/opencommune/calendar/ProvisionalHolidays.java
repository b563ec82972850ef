package ma.opencommune.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, writes the provisional religious holidays (CAL-3) of the current year and the next three years
 * that are not yet in the database. Idempotent and safe when several nodes start at once: each insert is its own
 * statement and a duplicate is a no-op. Existing rows, confirmed or moved by an admin, are never touched.
 */
@Component
class ProvisionalHolidays implements ApplicationRunner {

    /** Moon sighting differs from Umm al-Qura by a day or two; a larger offset is a configuration mistake. */
    static final int MAX_OFFSET = 3;

    private static final Logger log = LoggerFactory.getLogger(ProvisionalHolidays.class);

    private final HolidayStore store;
    private final Clock clock;
    private final int offsetDays;

    ProvisionalHolidays(HolidayStore store, Clock clock, @Value("${opencommune.calendar.hijri-offset-days:0}") int offsetDays) {
        if (Math.abs(offsetDays) > MAX_OFFSET) {
            throw new IllegalStateException("opencommune.calendar.hijri-offset-days must be between -" + MAX_OFFSET
                    + " and " + MAX_OFFSET + ", not " + offsetDays);
        }
        this.store = store;
        this.clock = clock;
        this.offsetDays = offsetDays;
    }

    @Override
    public void run(ApplicationArguments args) {
        int written = generate(LocalDate.now(clock).getYear());
        if (written > 0) {
            log.info("{} provisional religious holidays written (Umm al-Qura, offset {} days)", written, offsetDays);
        }
    }

    /** Each night, so a node running across New Year also writes the new fourth year; one node does it (ShedLock). */
    @org.springframework.scheduling.annotation.Scheduled(cron = "0 15 2 * * *", zone = "Africa/Casablanca")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "calendar.provisional-holidays", lockAtMostFor = "PT10M")
    public void nightly() {
        run(null);
    }

    int generate(int currentYear) {
        Instant now = Instant.now(clock);
        int written = 0;
        for (int year = currentYear; year <= currentYear + WorkingDays.YEARS_AHEAD; year++) {
            for (HijriHolidays.Occurrence o : HijriHolidays.inYear(year, offsetDays)) {
                if (store.insertProvisional(o.holiday().name(), o.hijriYear(), o.start(), o.holiday().days, now)) {
                    written++;
                }
            }
        }
        return written;
    }
}
