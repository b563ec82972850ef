package ma.opencommune.network.exchange.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.network.exchange.Practice;
import ma.opencommune.network.exchange.PracticeDiscussion;
import ma.opencommune.network.exchange.PracticeLibrary;
import ma.opencommune.network.exchange.PracticeTag;
import ma.opencommune.network.exchange.Practices;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The network's public library of good practices: search and filters, a practice's page with its documents, comments and
 * questions (logged-in accounts post; the authoring collectivity's staff answer; the coordinator hides with a reason).
 */
@Controller
@RequestMapping(Lang.PATH + "/network/practices")
class PracticePagesController {

    static final int PAGE = 20;

    private final PracticeLibrary library;
    private final PracticeDiscussion discussion;
    private final Practices practices;
    private final Territory territory;
    private final Access access;

    PracticePagesController(PracticeLibrary library, PracticeDiscussion discussion, Practices practices, Territory territory, Access access) {
        this.library = library;
        this.discussion = discussion;
        this.practices = practices;
        this.territory = territory;
        this.access = access;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String c, @RequestParam(required = false) String page, Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > PracticeLibrary.QUERY_MAX) {
            query = query.substring(0, PracticeLibrary.QUERY_MAX);
        }
        PracticeTag t = PracticeTag.of(tag).orElse(null);
        List<Long> authorIds = library.authors();
        Map<Long, Collectivity> authors = territory.byIds(authorIds);
        Collectivity chosen = c == null ? null : authors.values().stream().filter(a -> a.slug().equals(c)).findFirst().orElse(null);
        Long n = Check.number(page);
        int pageNumber = n == null || n < 0 || n > 10_000 ? 0 : n.intValue();
        PracticeLibrary.Page found = library.search(new PracticeLibrary.Query(query, t, chosen == null ? null : chosen.id(), pageNumber), PAGE);
        model.addAttribute("q", query);
        model.addAttribute("tag", t);
        model.addAttribute("chosen", chosen);
        model.addAttribute("tags", PracticeTag.values());
        model.addAttribute("authors", authors.values().stream().sorted((a, b) -> a.slug().compareTo(b.slug())).toList());
        model.addAttribute("collectivities", authors);
        model.addAttribute("page", found);
        return "network/exchange/practice-list";
    }

    @GetMapping("/{practiceId}")
    String practice(@PathVariable long practiceId, @AuthenticationPrincipal AccountUser user, Model model) {
        Practice p = library.practice(practiceId);
        PracticeCommentForm form = new PracticeCommentForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        form.setKind("COMMENT");
        return fill(p, user, form, null, model);
    }

    private String fill(Practice p, AccountUser user, PracticeCommentForm form, String error, Model model) {
        Collectivity c = territory.find(p.collectivityId()).orElseThrow();
        model.addAttribute("practice", p);
        model.addAttribute("collectivity", c);
        model.addAttribute("documents", library.documents(p));
        model.addAttribute("comments", discussion.comments(p.id()));
        model.addAttribute("signedIn", user != null);
        model.addAttribute("canAnswer", user != null && practices.isWriter(c, user));
        model.addAttribute("coordinator", user != null && access.isCoordinator(user));
        model.addAttribute("commentForm", form);
        model.addAttribute("commentError", error);
        model.addAttribute("bodyMax", PracticeDiscussion.BODY_MAX);
        return "network/exchange/practice-page";
    }

    @PostMapping("/{practiceId}/comments")
    String comment(Lang lang, @PathVariable long practiceId, @AuthenticationPrincipal AccountUser user, PracticeCommentForm form,
            Model model, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/" + lang.code() + "/login";
        }
        PracticeDiscussion.Kind kind = "QUESTION".equals(form.getKind()) ? PracticeDiscussion.Kind.QUESTION : PracticeDiscussion.Kind.COMMENT;
        try {
            long id = discussion.post(user, practiceId, kind, form.getBody(), form.getSubmissionKey());
            redirect.addFlashAttribute("notice", kind == PracticeDiscussion.Kind.QUESTION ? "network.exchange.notice.asked"
                    : "network.exchange.notice.commented");
            return "redirect:/" + lang.code() + "/network/practices/" + practiceId + "#comment-" + id;
        } catch (InvalidInput invalid) {
            return fill(library.practice(practiceId), user, form, invalid.errors().values().iterator().next(), model);
        }
    }

    @PostMapping("/{practiceId}/comments/{commentId}/hiding")
    String hide(Lang lang, @PathVariable long practiceId, @PathVariable long commentId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        String notice = "network.exchange.notice.hidden";
        try {
            discussion.hide(user, practiceId, commentId, reason);
        } catch (InvalidInput invalid) {
            notice = "network.exchange.validation.hide-reason";
        } catch (ConflictException e) {
            notice = e.messageKey();
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/" + lang.code() + "/network/practices/" + practiceId + "#comment-" + commentId;
    }

    @GetMapping("/{practiceId}/documents/{documentId}")
    void file(@PathVariable long practiceId, @PathVariable long documentId, HttpServletResponse response) throws IOException {
        send(library.file(practiceId, documentId), "public, max-age=300", response);
    }

    static void send(Practices.Download d, String cache, HttpServletResponse response) throws IOException {
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
}
