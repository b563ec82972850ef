package ma.opencommune.network.cohort.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.network.cohort.Cohort;
import ma.opencommune.network.cohort.CohortApplications;
import ma.opencommune.network.cohort.CohortCalls;
import ma.opencommune.network.cohort.CohortResults;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A collectivity's application to a cohort call, by its staff administrators: answers, documents, submission, withdrawal
 * and, after the results, an appeal. The collectivity comes from the address and the application is found by (call,
 * collectivity): no application id is ever taken from the request.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/calls/{callId}/application")
class CohortApplicationController {

    private final CohortApplications applications;
    private final CohortCalls calls;
    private final CohortResults results;
    private final Territory territory;

    CohortApplicationController(CohortApplications applications, CohortCalls calls, CohortResults results, Territory territory) {
        this.applications = applications;
        this.calls = calls;
        this.results = results;
        this.territory = territory;
    }

    @GetMapping
    String page(@PathVariable String slug, @PathVariable long callId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String upload, Model model) {
        Collectivity c = territory.require(slug);
        Cohort.Call call = applications.call(user, c, callId);
        model.addAttribute("collectivity", c);
        model.addAttribute("call", call);
        model.addAttribute("criteria", calls.criteria(callId));
        model.addAttribute("questions", calls.questions(callId));
        model.addAttribute("detail", applications.detail(user, c, callId).orElse(null));
        model.addAttribute("eligible", applications.eligible(call, c));
        model.addAttribute("today", calls.today());
        model.addAttribute("appealUntil", call.appealUntil(ma.opencommune.platform.Morocco.ZONE));
        if ("too-large".equals(upload)) {
            model.addAttribute("errors", Map.of("file", "documents.validation.file.too-large"));
        }
        return "network/cohort/application";
    }

    @PostMapping
    String save(Lang lang, @PathVariable String slug, @PathVariable long callId, @AuthenticationPrincipal AccountUser user,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        try {
            applications.saveAnswers(user, c, callId, answers(form));
            if ("submit".equals(form.getFirst("action"))) {
                applications.submit(user, c, callId);
                return done(lang, slug, callId, redirect, "network.cohort.notice.submitted");
            }
        } catch (InvalidInput e) {
            return CohortAdminController.back(redirect, e, form, here(lang, slug, callId) + "#answers");
        }
        return done(lang, slug, callId, redirect, "network.cohort.notice.saved");
    }

    static Map<Long, String> answers(MultiValueMap<String, String> form) {
        Map<Long, String> answers = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.matches("q\\d{1,12}") && !v.isEmpty()) {
                answers.put(Long.valueOf(k.substring(1)), v.get(0));
            }
        });
        return answers;
    }

    @PostMapping("/documents")
    String upload(Lang lang, @PathVariable String slug, @PathVariable long callId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        try {
            applications.upload(user, c, callId, file);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", e.errors());
            return "redirect:" + here(lang, slug, callId) + "#documents";
        }
        return done(lang, slug, callId, redirect, "network.cohort.notice.uploaded");
    }

    @PostMapping("/documents/{documentId}/removal")
    String remove(Lang lang, @PathVariable String slug, @PathVariable long callId, @PathVariable long documentId,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        applications.removeDocument(user, territory.require(slug), callId, documentId);
        return done(lang, slug, callId, redirect, "network.cohort.notice.saved");
    }

    @GetMapping("/documents/{documentId}")
    void document(@PathVariable String slug, @PathVariable long callId, @PathVariable long documentId, @AuthenticationPrincipal AccountUser user,
            HttpServletResponse response) throws IOException {
        send(applications.document(user, territory.require(slug), callId, documentId), response);
    }

    @PostMapping("/withdrawal")
    String withdraw(Lang lang, @PathVariable String slug, @PathVariable long callId, @AuthenticationPrincipal AccountUser user,
            RedirectAttributes redirect) {
        applications.withdraw(user, territory.require(slug), callId);
        return done(lang, slug, callId, redirect, "network.cohort.notice.withdrawn");
    }

    @PostMapping("/appeal")
    String appeal(Lang lang, @PathVariable String slug, @PathVariable long callId, @AuthenticationPrincipal AccountUser user,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        try {
            results.appeal(user, territory.require(slug), callId, form.getFirst("reasoning"));
        } catch (InvalidInput e) {
            return CohortAdminController.back(redirect, e, form, here(lang, slug, callId) + "#appeal");
        }
        return done(lang, slug, callId, redirect, "network.cohort.notice.appealed");
    }

    /** Sends a private document: never cached, downloaded rather than shown. */
    static void send(CohortApplications.File file, HttpServletResponse response) throws IOException {
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20"));
        try (InputStream in = file.content()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static String here(Lang lang, String slug, long callId) {
        return "/" + lang.code() + "/c/" + slug + "/admin/calls/" + callId + "/application";
    }

    private static String done(Lang lang, String slug, long callId, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + here(lang, slug, callId);
    }
}
