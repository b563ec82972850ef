package ma.opencommune.program.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Lang;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.ProgramFeed;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Atom feed (RFC 4287) of a process: its newest 50 public events, titled in the page language. Written with the
 * JDK's XML writer, so every text is escaped.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/program/{processId}")
class ProgramFeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final String NS = "http://www.w3.org/2005/Atom";

    private final Territory territory;
    private final Processes processes;
    private final ProgramFeed feed;
    private final MessageSource messages;
    private final String baseUrl;

    ProgramFeedController(Territory territory, Processes processes, ProgramFeed feed, MessageSource messages,
            @Value("${opencommune.base-url}") String baseUrl) {
        this.territory = territory;
        this.processes = processes;
        this.feed = feed;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping("/feed.atom")
    ResponseEntity<String> atom(Lang lang, @PathVariable String slug, @PathVariable long processId,
            @AuthenticationPrincipal AccountUser user) throws XMLStreamException {
        Collectivity c = territory.require(slug);
        // Only published processes have a feed: a manager's draft preview is not syndicated.
        Process p = processes.requireVisible(c, processId, null);
        List<ProgramFeed.Entry> entries = feed.entries(c.id(), processId);
        String processUrl = baseUrl + "/" + lang.code() + "/c/" + slug + "/program/" + processId;
        Instant updated = entries.isEmpty() ? p.publishedAt() : entries.get(0).at();

        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(NS);
        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang.code());
        text(xml, "id", "tag:" + host() + ",2026:" + slug + "/program/" + processId);
        text(xml, "title", p.title().in(lang.code()) + " — " + c.name(lang.code()));
        text(xml, "updated", format(updated));
        link(xml, "self", processUrl + "/feed.atom", ATOM.toString());
        link(xml, "alternate", processUrl, "text/html");
        xml.writeStartElement("author");
        text(xml, "name", c.name(lang.code()));
        xml.writeEndElement();
        for (ProgramFeed.Entry e : entries) {
            xml.writeStartElement("entry");
            text(xml, "id", "tag:" + host() + ",2026:" + slug + "/program/" + processId + "/" + e.kind().name().toLowerCase() + "/" + e.id());
            text(xml, "title", title(e, lang));
            text(xml, "updated", format(e.at()));
            link(xml, "alternate", processUrl + path(e), "text/html");
            if (e.text() != null && !e.text().isBlank()) {
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(xmlSafe(e.text().length() > 1000 ? e.text().substring(0, 1000) + "…" : e.text()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(ATOM).body(out.toString());
    }

    private String title(ProgramFeed.Entry e, Lang lang) {
        String title = e.title().in(lang.code());
        String detail = e.detail() == null ? "" : e.detail();
        if (e.kind() == ProgramFeed.Kind.ANSWER) {
            detail = messages.getMessage("program.monitor.status." + detail, null, detail, lang.locale());
        }
        return messages.getMessage("program.monitor.feed." + e.kind().name(), new Object[] {title == null ? "" : title, detail}, lang.locale());
    }

    private static String path(ProgramFeed.Entry e) {
        return switch (e.kind()) {
            case ANSWER -> "/proposals/" + e.id();
            case WORKSHOP -> "/workshops/" + e.id();
            case OPINION -> "/opinions/" + e.id();
            case VERSION -> "/commitments";
            case PROGRESS -> "/commitments/" + e.parentId();
        };
    }

    private String host() {
        return java.net.URI.create(baseUrl).getHost();
    }

    private static String format(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at == null ? Instant.EPOCH : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Characters XML 1.0 cannot carry at all (escaping does not help) are dropped. */
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
