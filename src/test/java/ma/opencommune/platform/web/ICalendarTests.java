package ma.opencommune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5545 details calendars rely on: escaping, folding at 75 octets between characters, CRLF, UTC times. */
class ICalendarTests {

    @Test
    void textValuesEscapeBackslashSemicolonCommaAndLineBreaks() {
        assertThat(ICalendar.escape("a\\b;c,d\ne\r\nf")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf");
        assertThat(ICalendar.escape(null)).isEmpty();
    }

    @Test
    void shortLinesAreNotFolded() {
        String line = "SUMMARY:" + "x".repeat(67);
        assertThat(line.getBytes(StandardCharsets.UTF_8)).hasSize(75);
        assertThat(ICalendar.fold(line)).isEqualTo(line);
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithALeadingSpace() {
        String folded = ICalendar.fold("DESCRIPTION:" + "y".repeat(200));
        String[] parts = folded.split("\r\n");
        assertThat(parts.length).isGreaterThan(2);
        for (String part : parts) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        for (int i = 1; i < parts.length; i++) {
            assertThat(parts[i]).startsWith(" ");
        }
        StringBuilder unfolded = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            unfolded.append(parts[i].substring(1));
        }
        assertThat(unfolded.toString()).isEqualTo("DESCRIPTION:" + "y".repeat(200));
    }

    @Test
    void arabicAndTifinaghAreNeverSplitInsideACharacter() {
        String text = "SUMMARY:" + "ورشة تشاركية حول أولويات برنامج الجماعة ".repeat(4) + "ⴰⵙⵎⵓⵏ ⵏ ⵜⵡⵓⵔⵉ".repeat(5) + "😀";
        String folded = ICalendar.fold(text);
        for (String part : folded.split("\r\n")) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThanOrEqualTo(75);
            // Each line decodes on its own: no character was cut in two.
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(part);
            assertThat(part).doesNotContain("\uFFFD");
            assertThat(Character.isLowSurrogate(part.charAt(part.startsWith(" ") ? 1 : 0))).isFalse();
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(text);
    }

    @Test
    void aCalendarHasCrlfLinesUtcTimesAStableUidAndMarksCancellations() {
        Instant start = Instant.parse("2027-03-31T09:00:00Z");
        String ics = ICalendar.calendar("Program workshops", "Taroudant", Instant.parse("2027-03-01T08:00:00Z"), List.of(
                new ICalendar.Event("workshop-7@opencommune", start, start.plusSeconds(7200), start.minusSeconds(86400), "Atelier, eau; médina",
                        "Ordre du jour\n1. Accueil", "Salle des fêtes", "http://localhost/fr/c/taroudant/program/1/workshops/7", true)));
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(ics).contains("UID:workshop-7@opencommune\r\n", "DTSTART:20270331T090000Z\r\n", "DTEND:20270331T110000Z\r\n",
                "DTSTAMP:20270301T080000Z\r\n", "SUMMARY:Atelier\\, eau\\; médina\r\n", "DESCRIPTION:Ordre du jour\\n1. Accueil\r\n",
                "STATUS:CANCELLED\r\n");
    }

    @Test
    void optionalPropertiesLeftNullAreLeftOut() {
        Instant start = Instant.parse("2027-04-01T10:00:00Z");
        String ics = ICalendar.calendar("Council sessions", "Sessions", start, List.of(
                new ICalendar.Event("council-session-3@opencommune", start, start.plusSeconds(3600), null, "Session", null, null, null, false)));
        assertThat(ics).contains("PRODID:-//Open Commune//Council sessions//EN\r\n", "STATUS:CONFIRMED\r\n")
                .doesNotContain("CREATED:", "DESCRIPTION:", "LOCATION:", "URL:");
    }
}
