package ma.opencommune.platform.web;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;

/**
 * Writes Atom feeds (RFC 4287) for every module that syndicates (a process's events, a council's decisions). Written
 * with the JDK's XML writer, so every text is escaped; characters XML 1.0 cannot carry at all are dropped.
 */
public final class AtomFeed {

    /** The media type every feed is served with. */
    public static final MediaType MEDIA_TYPE = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    /** Longest summary, in characters: a feed reader shows an extract and links to the page. */
    static final int MAX_SUMMARY = 1000;
    private static final String NS = "http://www.w3.org/2005/Atom";

    /**
     * The feed itself: {@code lang} its language code, {@code id} a permanent IRI (see {@link #tag}), {@code selfUrl}
     * the feed's own address, {@code pageUrl} the HTML page it follows, {@code author} the collectivity's name.
     */
    public record Feed(String lang, String id, String title, Instant updated, String selfUrl, String pageUrl, String author) {
    }

    /** One entry; {@code summary} may be null or blank (then there is none) and is cut to {@value #MAX_SUMMARY} characters. */
    public record Entry(String id, String title, Instant updated, String pageUrl, String summary) {
    }

    private AtomFeed() {
    }

    /** A tag URI (RFC 4151) on the platform's host: stays the same when the feed moves between http and https. */
    public static String tag(String baseUrl, String path) {
        return "tag:" + URI.create(baseUrl).getHost() + ",2026:" + path;
    }

    /** The whole feed as a document. */
    public static String write(Feed feed, List<Entry> entries) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", feed.lang());
            text(xml, "id", feed.id());
            text(xml, "title", feed.title());
            text(xml, "updated", iso(feed.updated()));
            link(xml, "self", feed.selfUrl(), MEDIA_TYPE.toString());
            link(xml, "alternate", feed.pageUrl(), "text/html");
            xml.writeStartElement("author");
            text(xml, "name", feed.author());
            xml.writeEndElement();
            for (Entry e : entries) {
                xml.writeStartElement("entry");
                text(xml, "id", e.id());
                text(xml, "title", e.title());
                text(xml, "updated", iso(e.updated()));
                link(xml, "alternate", e.pageUrl(), "text/html");
                if (e.summary() != null && !e.summary().isBlank()) {
                    xml.writeStartElement("summary");
                    xml.writeAttribute("type", "text");
                    String s = e.summary();
                    xml.writeCharacters(xmlSafe(s.length() > MAX_SUMMARY ? s.substring(0, MAX_SUMMARY) + "…" : s));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            // Writing to a string cannot fail for want of space; what is left is a bug.
            throw new IllegalStateException(e);
        }
    }

    /** Atom dates: RFC 3339 in UTC, to the second; a missing date is the epoch rather than an invalid feed. */
    static String iso(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format((at == null ? Instant.EPOCH : at).truncatedTo(ChronoUnit.SECONDS));
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
