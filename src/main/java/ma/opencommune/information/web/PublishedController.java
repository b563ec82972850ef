package ma.opencommune.information.web;

import ma.opencommune.information.Publication;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The public list of published answers, searchable regardless of hamza, diacritics or accents, and each one's page. */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/information/published")
class PublishedController {

    static final int QUERY_MAX = 200;

    private final Territory territory;
    private final Publication publication;

    PublishedController(Territory territory, Publication publication) {
        this.territory = territory;
        this.publication = publication;
    }

    @GetMapping
    String list(Lang lang, @PathVariable String slug, @RequestParam(required = false) String q,
            @RequestParam(required = false, defaultValue = "1") String page, Model model) {
        Collectivity c = territory.require(slug);
        String query = q == null ? "" : q.strip();
        if (query.length() > QUERY_MAX) {
            query = query.substring(0, QUERY_MAX);
        }
        int p = page(page);
        Publication.Page result = publication.published(c.id(), query, p);
        String base = "/" + lang.code() + "/c/" + slug + "/information/published";
        model.addAttribute("collectivity", c);
        model.addAttribute("q", query);
        model.addAttribute("result", result);
        model.addAttribute("nextUrl", result.hasNext() ? link(base, query, result.page() + 1) : null);
        model.addAttribute("previousUrl", result.page() > 1 ? link(base, query, result.page() - 1) : null);
        return "information/published";
    }

    static int page(String page) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(page.strip()), Publication.MAX_PAGE));
        } catch (NumberFormatException | NullPointerException e) {
            return 1;
        }
    }

    private static String link(String base, String q, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(base);
        if (!q.isEmpty()) {
            b.queryParam("q", q);
        }
        return b.queryParam("page", page).encode().build().toUriString();
    }

    @GetMapping("/{trackingNumber}")
    String show(@PathVariable String slug, @PathVariable String trackingNumber, Model model) {
        Collectivity c = territory.require(slug);
        model.addAttribute("collectivity", c);
        model.addAttribute("request", publication.publicRequest(c.id(), trackingNumber));
        return "information/published-request";
    }
}
