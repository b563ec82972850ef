package ma.opencommune.platform.web;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Morocco;
import org.springframework.stereotype.Component;

/**
 * Date formatting for pages ({@code ${@dates.date(d, lang)}}): Gregorian in the page's language with Western
 * digits, as Moroccan administration writes them, and the Hijri date where custom uses it.
 */
@Component("dates")
public class Dates {

    private static final TimeZone ZONE = TimeZone.getTimeZone(Morocco.ZONE.getId());

    // Building an ICU format is the costly part of a list page with many dates; formats are not thread-safe, so
    // each call clones a prototype made once per language.
    private final java.util.Map<Lang, DateFormat> dates = new java.util.EnumMap<>(Lang.class);
    private final java.util.Map<Lang, DateFormat> dateTimes = new java.util.EnumMap<>(Lang.class);
    private final java.util.Map<Lang, com.ibm.icu.text.NumberFormat> numbers = new java.util.EnumMap<>(Lang.class);

    private record DayKey(LocalDate day, Lang lang) {
    }

    private static final int MAX_WRITTEN_DAYS = 50_000;
    private static final int SMALL = 1_000;
    private final java.util.concurrent.ConcurrentHashMap<DayKey, String> writtenDays = new java.util.concurrent.ConcurrentHashMap<>();
    // Racy but safe: two threads may both write the same string into a slot.
    private final java.util.Map<Lang, String[]> smallNumbers = new java.util.EnumMap<>(Lang.class);

    public Dates() {
        for (Lang lang : Lang.values()) {
            DateFormat date = DateFormat.getDateInstance(DateFormat.LONG, locale(lang));
            date.setTimeZone(ZONE);
            dates.put(lang, date);
            DateFormat dateTime = DateFormat.getDateTimeInstance(DateFormat.LONG, DateFormat.SHORT, locale(lang));
            dateTime.setTimeZone(ZONE);
            dateTimes.put(lang, dateTime);
            numbers.put(lang, com.ibm.icu.text.NumberFormat.getInstance(locale(lang)));
            smallNumbers.put(lang, new String[SMALL]);
        }
    }

    static ULocale locale(Lang lang) {
        return switch (lang) {
            case AR -> new ULocale("ar_MA@numbers=latn");
            case FR -> new ULocale("fr_MA");
            case ZGH -> new ULocale("zgh_MA@numbers=latn");
            case EN -> new ULocale("en_GB");
        };
    }

    public String date(LocalDate date, Lang lang) {
        if (date == null) {
            return "";
        }
        // A list repeats a few days many times: each (day, language) is written once and then looked up.
        if (writtenDays.size() > MAX_WRITTEN_DAYS) {
            writtenDays.clear();
        }
        return writtenDays.computeIfAbsent(new DayKey(date, lang),
                k -> ((DateFormat) dates.get(lang).clone()).format(Date.from(date.atStartOfDay(Morocco.ZONE).toInstant())));
    }

    public String dateTime(Instant instant, Lang lang) {
        if (instant == null) {
            return "";
        }
        return ((DateFormat) dateTimes.get(lang).clone()).format(Date.from(instant));
    }

    /** The Hijri (Umm al-Qura) date of a Gregorian day, written in the page's language. */
    public String hijri(LocalDate date, Lang lang) {
        if (date == null) {
            return "";
        }
        ULocale base = locale(lang);
        ULocale withCalendar = base.setKeywordValue("calendar", "islamic-umalqura");
        IslamicCalendar calendar = new IslamicCalendar(ZONE, withCalendar);
        calendar.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
        calendar.setTime(Date.from(date.atTime(12, 0).atZone(Morocco.ZONE).toInstant()));
        DateFormat format = calendar.getDateTimeFormat(DateFormat.LONG, DateFormat.NONE, withCalendar);
        format.setCalendar(calendar);
        return format.format(calendar.getTime());
    }

    public String number(Number n, Lang lang) {
        if (n == null) {
            return "";
        }
        if ((n instanceof Integer || n instanceof Long) && n.longValue() >= 0 && n.longValue() < SMALL) {
            // Counts and days left on a page are mostly small: each is written once per language.
            String[] written = smallNumbers.get(lang);
            int i = n.intValue();
            String s = written[i];
            if (s == null) {
                s = ((com.ibm.icu.text.NumberFormat) numbers.get(lang).clone()).format(i);
                written[i] = s;
            }
            return s;
        }
        return ((com.ibm.icu.text.NumberFormat) numbers.get(lang).clone()).format(n);
    }

    /** Today in Morocco. */
    public LocalDate today() {
        return LocalDate.now(Morocco.ZONE);
    }

}
