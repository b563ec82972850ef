package ma.opencommune.calendar;

import java.time.LocalDate;
import java.util.List;

/** Every holiday with a day off between two dates (inclusive), read in one query. */
@FunctionalInterface
interface HolidaySource {

    List<Holiday> between(LocalDate from, LocalDate to);
}
