package ma.opencommune.council.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import ma.opencommune.council.CouncilDecisionReads;
import ma.opencommune.council.CouncilDecisionReads.Decision;
import ma.opencommune.council.CouncilSessions;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Morocco;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Machine-readable council: an Atom feed (RFC 4287) of the newest published decisions, an iCalendar (RFC 5545) of the
 * public sessions, and the published decisions as CSV (RFC 4180, UTF-8 with BOM, formula-guarded, streamed row by row)
 * with the list's filters.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/council")
class CouncilFeedsController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    private static final String NS = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** A session is shown in calendars as lasting this long: the law gives no end time. */
    private static final long SESSION_HOURS = 3;

    private final Territory territory;
    private final CouncilSessions sessions;
    private final CouncilDecisionReads decisions;
    private final MessageSource messages;
    private final String baseUrl;

    CouncilFeedsController(Territory territory, CouncilSessions sessions, CouncilDecisionReads decisions, MessageSource messages,
            @Value("${opencommune.base-url}") String baseUrl) {
        this.territory = territory;
        this.sessions = sessions;
        this.decisions = decisions;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping("/decisions.atom")
    ResponseEntity<String> atom(Lang lang, @PathVariable String slug) throws XMLStreamException {
        Collectivity c = territory.require(slug);
        List<Decision> entries = decisions.page(c.id(), CouncilDecisionReads.Filter.NONE, null, 50);
        String base = baseUrl + "/" + lang.code() + "/c/" + slug + "/council/decisions";
        String tag = "tag:" + java.net.URI.create(baseUrl).getHost() + ",2026:" + slug + "/council/decisions";
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(NS);
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang.code());
        text(xml, "id", tag);
        text(xml, "title", messages.getMessage("council.decisions.title", null, lang.locale()) + " — " + c.name(lang.code()));
        text(xml, "updated", iso(entries.stream().map(Decision::publishedAt).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                .orElse(Instant.EPOCH)));
        link(xml, "self", base + ".atom", ATOM.toString());
        link(xml, "alternate", base, "text/html");
        xml.writeStartElement("author");
        text(xml, "name", c.name(lang.code()));
        xml.writeEndElement();
        for (Decision d : entries) {
            xml.writeStartElement("entry");
            text(xml, "id", tag + "/" + d.id());
            text(xml, "title", d.number() + " — " + d.title(lang.code()));
            text(xml, "updated", iso(d.publishedAt()));
            link(xml, "alternate", base + "/" + d.id(), "text/html");
            xml.writeStartElement("summary");
            xml.writeAttribute("type", "text");
            String body = d.text(lang.code()) == null ? "" : d.text(lang.code());
            xml.writeCharacters(xmlSafe(body.length() > 1000 ? body.substring(0, 1000) + "…" : body));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(ATOM).body(out.toString());
    }

    @GetMapping("/sessions.ics")
    ResponseEntity<String> calendar(Lang lang, @PathVariable String slug) {
        Collectivity c = territory.require(slug);
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Open Commune//Council sessions//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(messages.getMessage("council.sessions.title", null, lang.locale()) + " — " + c.name(lang.code())));
        String stamp = UTC.format(Instant.now());
        for (CouncilSessions.SessionLine s : sessions.publicSessions(c)) {
            Instant start = s.heldOn().atTime(s.startsAt()).atZone(Morocco.ZONE).toInstant();
            line(out, "BEGIN:VEVENT");
            line(out, "UID:council-session-" + s.id() + "@opencommune");
            line(out, "DTSTAMP:" + stamp);
            line(out, "DTSTART:" + UTC.format(start));
            line(out, "DTEND:" + UTC.format(start.plusSeconds(SESSION_HOURS * 3600)));
            line(out, "SUMMARY:" + escape(messages.getMessage("council.session.kind." + s.kind(), null, lang.locale()) + " — " + c.name(lang.code())));
            line(out, "LOCATION:" + escape(s.place()));
            line(out, "URL:" + baseUrl + "/" + lang.code() + "/c/" + slug + "/council/sessions/" + s.id());
            line(out, "STATUS:CONFIRMED");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return ResponseEntity.ok().contentType(CALENDAR).body(out.toString());
    }

    @GetMapping("/decisions.csv")
    void csv(Lang lang, @PathVariable String slug, @RequestParam(required = false) String year, @RequestParam(required = false) String session,
            @RequestParam(required = false) String topic, HttpServletResponse response) throws IOException {
        Collectivity c = territory.require(slug);
        CouncilDecisionReads.Filter f = CouncilFilters.parse(year, session, topic);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-council-decisions.csv\"");
        Writer w = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
        w.write('\uFEFF');
        row(w, "id", "number", "session_date", "session_kind", "topic", "title_ar", "title_fr", "votes_for", "votes_against", "votes_abstain",
                "outcome", "published_on", "revision", "url");
        String base = baseUrl + "/" + lang.code() + "/c/" + slug + "/council/decisions/";
        try {
            decisions.stream(c.id(), f, d -> {
                try {
                    row(w, Long.toString(d.id()), d.number(), d.sessionOn().toString(), d.sessionKind().name(), d.topic().name(), d.titleAr(),
                            d.titleFr(), Integer.toString(d.votes().votesFor()), Integer.toString(d.votes().against()),
                            Integer.toString(d.votes().abstain()), d.outcome().name(), String.valueOf(d.publishedOn()), Integer.toString(d.revision()),
                            base + d.id());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    private static void row(Writer w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells[i]));
        }
        w.write("\r\n");
    }

    /** One CSV field: a value a spreadsheet would run as a formula gets an apostrophe, then RFC 4180 quoting. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf('"') >= 0 || v.indexOf(',') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** A content line folded at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    /** TEXT escaping (RFC 5545 §3.3.11). */
    static String escape(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    private static String iso(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format((at == null ? Instant.EPOCH : at).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    static String xmlSafe(String value) {
        return value == null ? "" : value.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]", "");
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }
}
