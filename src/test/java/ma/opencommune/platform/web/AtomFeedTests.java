package ma.opencommune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** What feed readers rely on: a well-formed Atom document, escaped text, stable ids, bounded summaries. */
class AtomFeedTests {

    private static final AtomFeed.Feed HEAD = new AtomFeed.Feed("ar", "tag:localhost,2026:taroudant/x", "قرارات <المجلس> & co",
            Instant.parse("2027-01-02T03:04:05.678Z"), "http://localhost/ar/x.atom", "http://localhost/ar/x", "جماعة تارودانت");

    @Test
    void aTagUriUsesTheHostOnly() {
        assertThat(AtomFeed.tag("https://commune.example.ma:8443", "taroudant/council/decisions"))
                .isEqualTo("tag:commune.example.ma,2026:taroudant/council/decisions");
    }

    @Test
    void aFeedIsWellFormedWithEscapedTextAndSecondPrecisionDates() throws Exception {
        String xml = AtomFeed.write(HEAD, List.of(new AtomFeed.Entry("tag:localhost,2026:taroudant/x/1", "<script>alert(1)</script>",
                Instant.parse("2027-01-01T00:00:00Z"), "http://localhost/ar/x/1", "Texte\u0001 \"cité\" & <b>")));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isNull();
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("قرارات <المجلس> & co");
        assertThat(doc.getElementsByTagName("title").item(1).getTextContent()).isEqualTo("<script>alert(1)</script>");
        assertThat(doc.getElementsByTagName("summary").item(0).getTextContent()).isEqualTo("Texte \"cité\" & <b>");
        assertThat(xml).contains("<updated>2027-01-02T03:04:05Z</updated>", "xml:lang=\"ar\"", "rel=\"self\"",
                "type=\"application/atom+xml;charset=UTF-8\"");
    }

    @Test
    void aBlankSummaryIsLeftOutAndALongOneIsCut() {
        String xml = AtomFeed.write(HEAD, List.of(new AtomFeed.Entry("a", "A", null, "http://localhost/a", " "),
                new AtomFeed.Entry("b", "B", null, "http://localhost/b", "y".repeat(5000))));
        assertThat(xml).containsOnlyOnce("<summary").contains("y".repeat(AtomFeed.MAX_SUMMARY) + "…</summary>")
                .doesNotContain("y".repeat(AtomFeed.MAX_SUMMARY + 1)).contains("<updated>1970-01-01T00:00:00Z</updated>");
    }
}
