package ma.opencommune.network.exchange.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.network.exchange.Practice;
import ma.opencommune.network.exchange.PracticeDiscussion;
import ma.opencommune.network.exchange.PracticeTag;
import ma.opencommune.network.exchange.Practices;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The good practices of a member collectivity, staff side: list, new draft, a practice's page (edit the draft, attach
 * and remove documents, publish, withdraw with a reason), and answers to questions. Staff administrators and program
 * managers of the collectivity in the URL only; a collectivity outside the network is refused (checked in the façade).
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/practices")
class PracticeAdminController {

    static final Map<String, String> LABELS = labels();

    private final Territory territory;
    private final Practices practices;
    private final PracticeDiscussion discussion;

    PracticeAdminController(Territory territory, Practices practices, PracticeDiscussion discussion) {
        this.territory = territory;
        this.practices = practices;
        this.discussion = discussion;
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : new String[] {"textLang", "titleAr", "titleFr", "summaryAr", "summaryFr", "problem", "actions", "results", "costMad",
            "costText", "period", "contactName", "contactRole", "contactEmail", "contactPhone", "tags", "file", "reason", "answer"}) {
            m.put(f, "network.exchange.field." + f);
        }
        return Map.copyOf(m);
    }

    @GetMapping
    String list(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        practices.requireWriter(c, user);
        model.addAttribute("collectivity", c);
        model.addAttribute("practices", practices.list(c, user));
        return "network/exchange/practice-admin-list";
    }

    @GetMapping("/new")
    String form(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        practices.requireWriter(c, user);
        PracticeForm form = new PracticeForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        form.setTextLang("ar");
        model.addAttribute("form", form);
        return fillNew(c, model);
    }

    private String fillNew(Collectivity c, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("tags", PracticeTag.values());
        model.addAttribute("labels", LABELS);
        return "network/exchange/practice-admin-new";
    }

    @PostMapping("/new")
    String create(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") PracticeForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        practices.requireWriter(c, user);
        Check typed = new Check();
        Practices.Draft d = form.draft(typed);
        try {
            if (!typed.ok()) {
                throw merged(typed, practices.problems(d));
            }
            Practices.Saved saved = practices.create(c, user, d, form.getSubmissionKey());
            return back(lang, slug, saved.id(), redirect, saved.created() ? "network.exchange.notice.created" : "network.exchange.notice.already");
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillNew(c, model);
        }
    }

    static InvalidInput merged(Check typed, Map<String, String> rest) {
        Map<String, String> all = new LinkedHashMap<>(typed.errors());
        rest.forEach(all::putIfAbsent);
        return new InvalidInput(all);
    }

    @GetMapping("/{practiceId}")
    String page(@PathVariable String slug, @PathVariable long practiceId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String upload, Model model) {
        Collectivity c = territory.require(slug);
        Practice p = practices.practice(c, user, practiceId);
        model.addAttribute("form", PracticeForm.of(p));
        if ("too-large".equals(upload)) {
            model.addAttribute("fileError", "network.exchange.validation.file.too-large");
        }
        return fillPage(c, p, user, model);
    }

    /** Where the servlet sends an upload above its limit back to (the page, saying why). */
    @GetMapping("/{practiceId}/documents")
    String uploadRefused(@PathVariable String slug, @PathVariable long practiceId, @AuthenticationPrincipal AccountUser user, Model model) {
        return page(slug, practiceId, user, "too-large", model);
    }

    private String fillPage(Collectivity c, Practice p, AccountUser user, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("practice", p);
        model.addAttribute("documents", practices.documents(c, user, p.id()));
        model.addAttribute("tags", PracticeTag.values());
        model.addAttribute("labels", LABELS);
        model.addAttribute("maxMegabytes", Practices.DOCUMENT_BYTES_MAX / (1024 * 1024));
        return "network/exchange/practice-admin-page";
    }

    @PostMapping("/{practiceId}")
    String edit(Lang lang, @PathVariable String slug, @PathVariable long practiceId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") PracticeForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Practice p = practices.practice(c, user, practiceId);
        Check typed = new Check();
        Practices.Draft d = form.draft(typed);
        try {
            if (!typed.ok()) {
                throw merged(typed, practices.problems(d));
            }
            practices.edit(c, user, practiceId, d);
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillPage(c, p, user, model);
        } catch (ConflictException e) {
            return back(lang, slug, practiceId, redirect, e.messageKey());
        }
        return back(lang, slug, practiceId, redirect, "network.exchange.notice.saved");
    }

    @PostMapping("/{practiceId}/publication")
    String publish(Lang lang, @PathVariable String slug, @PathVariable long practiceId, @AuthenticationPrincipal AccountUser user,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        try {
            practices.publish(c, user, practiceId);
        } catch (ConflictException e) {
            return back(lang, slug, practiceId, redirect, e.messageKey());
        }
        return back(lang, slug, practiceId, redirect, "network.exchange.notice.published");
    }

    @PostMapping("/{practiceId}/withdrawal")
    String withdraw(Lang lang, @PathVariable String slug, @PathVariable long practiceId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Practice p = practices.practice(c, user, practiceId);
        try {
            practices.withdraw(c, user, practiceId, reason);
        } catch (InvalidInput invalid) {
            model.addAttribute("form", PracticeForm.of(p));
            model.addAttribute("reason", reason);
            model.addAttribute("reasonError", invalid.errors().get("reason"));
            return fillPage(c, p, user, model);
        } catch (ConflictException e) {
            return back(lang, slug, practiceId, redirect, e.messageKey());
        }
        return back(lang, slug, practiceId, redirect, "network.exchange.notice.withdrawn");
    }

    @PostMapping("/{practiceId}/documents")
    String attach(Lang lang, @PathVariable String slug, @PathVariable long practiceId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Practice p = practices.practice(c, user, practiceId);
        try {
            practices.attach(c, user, practiceId, file);
        } catch (InvalidInput invalid) {
            model.addAttribute("form", PracticeForm.of(p));
            model.addAttribute("fileError", invalid.errors().get("file"));
            return fillPage(c, p, user, model);
        }
        return back(lang, slug, practiceId, redirect, "network.exchange.notice.attached");
    }

    @PostMapping("/{practiceId}/documents/{documentId}/removal")
    String remove(Lang lang, @PathVariable String slug, @PathVariable long practiceId, @PathVariable long documentId,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        practices.removeDocument(territory.require(slug), user, practiceId, documentId);
        return back(lang, slug, practiceId, redirect, "network.exchange.notice.removed");
    }

    @GetMapping("/{practiceId}/documents/{documentId}")
    void file(@PathVariable String slug, @PathVariable long practiceId, @PathVariable long documentId,
            @AuthenticationPrincipal AccountUser user, HttpServletResponse response) throws IOException {
        PracticePagesController.send(practices.file(territory.require(slug), user, practiceId, documentId), "private, no-store", response);
    }

    /** The answer of the collectivity's staff to a question on its practice, sent from the practice's public page. */
    @PostMapping("/{practiceId}/questions/{commentId}/answer")
    String answer(Lang lang, @PathVariable String slug, @PathVariable long practiceId, @PathVariable long commentId,
            @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        String notice;
        try {
            discussion.answer(c, user, practiceId, commentId, answer);
            notice = "network.exchange.notice.answered";
        } catch (InvalidInput invalid) {
            notice = "network.exchange.validation.answer";
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/" + lang.code() + "/network/practices/" + practiceId + "#comment-" + commentId;
    }

    private static String back(Lang lang, String slug, long id, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/practices/" + id;
    }
}
