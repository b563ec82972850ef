package ma.opencommune.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * Writes iCalendar (RFC 5545) for every module that publishes dated events (program workshops, council sessions):
 * CRLF line endings, content lines folded at 75 octets without splitting a UTF-8 character (Arabic and Tifinagh take
 * 2 and 3 octets), text values escaped, times in UTC.
 */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** The media type every calendar is served with. */
    public static final MediaType MEDIA_TYPE = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    static final String CRLF = "\r\n";
    static final int MAX_OCTETS = 75;

    /**
     * One event; {@code uid} must stay the same for the same item so calendars update it in place. {@code created},
     * {@code description}, {@code location} and {@code url} may be null (then the property is left out).
     */
    public record Event(String uid, Instant start, Instant end, Instant created, String summary, String description, String location,
            String url, boolean cancelled) {
    }

    private ICalendar() {
    }

    /**
     * A whole calendar. {@code product} names what it lists in the PRODID ("Program workshops"), {@code name} is the
     * title calendars show, {@code stamp} the DTSTAMP of every event (when the calendar was written).
     */
    public static String calendar(String product, String name, Instant stamp, List<Event> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Open Commune//" + product + "//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(name));
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid());
            line(out, "DTSTAMP:" + UTC.format(stamp));
            if (e.created() != null) {
                line(out, "CREATED:" + UTC.format(e.created()));
            }
            line(out, "DTSTART:" + UTC.format(e.start()));
            line(out, "DTEND:" + UTC.format(e.end()));
            line(out, "SUMMARY:" + escape(e.summary()));
            if (e.description() != null && !e.description().isBlank()) {
                line(out, "DESCRIPTION:" + escape(e.description()));
            }
            if (e.location() != null && !e.location().isBlank()) {
                line(out, "LOCATION:" + escape(e.location()));
            }
            if (e.url() != null) {
                line(out, "URL:" + e.url());
            }
            // A cancelled event keeps its UID with a higher sequence, so calendars mark it cancelled instead of keeping it.
            line(out, "SEQUENCE:" + (e.cancelled() ? 1 : 0));
            line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void line(StringBuilder out, String content) {
        out.append(fold(content)).append(CRLF);
    }

    /** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as {@code \n}. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> out.append("\\n");
                default -> {
                    // Other control characters are not allowed in TEXT values.
                    if (ch >= 0x20 || ch == '\t') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets excluding the line break; each
     * continuation begins with one space, which counts toward its 75. Breaks fall between code points only.
     */
    public static String fold(String line) {
        StringBuilder out = new StringBuilder(line.length() + 16);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
