package ma.opencommune.council.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import ma.opencommune.council.DocumentCatalog;
import ma.opencommune.council.DocumentKind;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.web.SameForEveryAnonymousVisitor;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public document library of a collectivity: the search with its type and year filters (a plain GET form, no
 * JavaScript), a document's page, and its file. Drafts and other collectivities' ids answer 404.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/documents")
class DocumentPagesController {

    static final int PAGE = 20;

    private final Territory territory;
    private final DocumentCatalog catalog;

    DocumentPagesController(Territory territory, DocumentCatalog catalog) {
        this.territory = territory;
        this.catalog = catalog;
    }

    @GetMapping
    @SameForEveryAnonymousVisitor
    String list(Lang lang, @PathVariable String slug, @RequestParam(required = false) String q, @RequestParam(required = false) String type,
            @RequestParam(required = false) String year, @RequestParam(required = false) String after, Model model) {
        Collectivity c = territory.require(slug);
        Filters f = Filters.read(q, type, year, after);
        DocumentCatalog.Page page = catalog.search(c.id(), f.query(), PAGE);
        model.addAttribute("collectivity", c);
        model.addAttribute("filters", f);
        model.addAttribute("page", page);
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("years", catalog.years(c.id()));
        String base = "/" + lang.code() + "/c/" + c.slug() + "/documents";
        model.addAttribute("firstUrl", f.after() == null ? null : f.url(base, null));
        model.addAttribute("nextUrl", page.next() == null ? null : f.url(base, page.next()));
        return "council/document-list";
    }

    @GetMapping("/{id}")
    @SameForEveryAnonymousVisitor
    String document(@PathVariable String slug, @PathVariable long id, Model model) {
        Collectivity c = territory.require(slug);
        model.addAttribute("collectivity", c);
        model.addAttribute("document", catalog.document(c.id(), id));
        return "council/document-page";
    }

    @GetMapping("/{id}/file")
    void file(@PathVariable String slug, @PathVariable long id, HttpServletResponse response) throws IOException {
        Collectivity c = territory.require(slug);
        send(catalog.file(c.id(), c.slug(), id), "public, max-age=60", response);
    }

    /**
     * Sends a stored file as an attachment: its type fixed (nosniff: the browser guesses nothing), a name safe in the
     * header (ASCII fallback, the real name UTF-8 encoded), streamed without holding the file in memory.
     */
    static void send(DocumentCatalog.Download d, String cache, HttpServletResponse response) throws IOException {
        String ascii = d.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        response.setContentType(d.contentType());
        response.setContentLengthLong(d.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, cache);
        try (InputStream in = d.content(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** The search as typed, bounded and read leniently: a type or year that is not one is no filter. */
    record Filters(String q, DocumentKind kind, Integer year, DocumentCatalog.Cursor after) {

        static Filters read(String q, String type, String year, String after) {
            String query = q == null ? "" : q.strip();
            if (query.length() > DocumentCatalog.QUERY_MAX) {
                query = query.substring(0, DocumentCatalog.QUERY_MAX);
            }
            DocumentKind kind = null;
            for (DocumentKind k : DocumentKind.values()) {
                if (k.name().equalsIgnoreCase(type == null ? "" : type.strip())) {
                    kind = k;
                }
            }
            Long y = Check.number(year);
            return new Filters(query, kind, y == null || y < 0 || y > 9999 ? null : y.intValue(), DocumentCatalog.Cursor.parse(after));
        }

        DocumentCatalog.Query query() {
            return new DocumentCatalog.Query(q, kind, year, after);
        }

        String type() {
            return kind == null ? "" : kind.name();
        }

        String url(String base, DocumentCatalog.Cursor from) {
            StringBuilder b = new StringBuilder();
            param(b, "q", q.isEmpty() ? null : q);
            param(b, "type", kind == null ? null : kind.name());
            param(b, "year", year == null ? null : year.toString());
            param(b, "after", from == null ? null : from.toString());
            return b.isEmpty() ? base : base + "?" + b;
        }

        private static void param(StringBuilder b, String name, String value) {
            if (value != null) {
                b.append(b.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }
}
