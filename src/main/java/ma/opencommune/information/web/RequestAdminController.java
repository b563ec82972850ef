package ma.opencommune.information.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.stream.Collectors;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.information.AnswerKind;
import ma.opencommune.information.Attachments;
import ma.opencommune.information.CinDisclosure;
import ma.opencommune.information.ExtensionReason;
import ma.opencommune.information.InformationGuard;
import ma.opencommune.information.InformationRequest;
import ma.opencommune.information.InformationRequests;
import ma.opencommune.information.OfficerQueue;
import ma.opencommune.information.RefusalGround;
import ma.opencommune.information.RequestStatus;
import ma.opencommune.information.web.AdminForms.AnswerForm;
import ma.opencommune.information.web.AdminForms.AssignForm;
import ma.opencommune.information.web.AdminForms.ClarificationForm;
import ma.opencommune.information.web.AdminForms.ExtensionForm;
import ma.opencommune.information.web.AdminForms.FilesForm;
import ma.opencommune.information.web.AdminForms.NoteForm;
import ma.opencommune.information.web.AdminForms.RefusalForm;
import ma.opencommune.information.web.AdminForms.TransferForm;
import ma.opencommune.information.web.AdminForms.UnclearForm;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The information officers' workspace (ATI-10): the queue by due date and a request's page with every action of the
 * law. Each action posts its own form; a field error re-shows the page with the error beside the field, a refused
 * transition (a second extension, answering a withdrawn request) is a 409 page, and neither changes anything.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/information")
class RequestAdminController {

    private static final String[] FORMS = {"assignForm", "noteForm", "clarificationForm", "extensionForm", "answerForm", "refusalForm",
        "transferForm", "unclearForm", "filesForm"};

    private final Territory territory;
    private final InformationRequests requests;
    private final OfficerQueue queue;
    private final Attachments attachments;
    private final CinDisclosure cins;
    private final InformationGuard guard;
    private final RoleGrants grants;

    RequestAdminController(Territory territory, InformationRequests requests, OfficerQueue queue, Attachments attachments,
            CinDisclosure cins, InformationGuard guard, RoleGrants grants) {
        this.territory = territory;
        this.requests = requests;
        this.queue = queue;
        this.attachments = attachments;
        this.cins = cins;
        this.guard = guard;
        this.grants = grants;
    }

    static String detail(Lang lang, String slug, String tn) {
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/information/requests/" + tn;
    }

    @GetMapping({"", "/"})
    String queue(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String state,
            @RequestParam(required = false) String filter, @RequestParam(defaultValue = "0") String page,
            @RequestParam(required = false) String after, Model model) {
        Collectivity c = territory.require(slug);
        boolean closed = "closed".equals(state);
        OfficerQueue.Filter f = OfficerQueue.Filter.parse(filter);
        OfficerQueue.Page p = closed ? queue.closed(c, user, after) : queue.open(c, user, f, pageNumber(page));
        model.addAttribute("collectivity", c);
        model.addAttribute("closed", closed);
        model.addAttribute("filter", f);
        model.addAttribute("filters", OfficerQueue.Filter.values());
        model.addAttribute("page", p);
        model.addAttribute("after", after);
        model.addAttribute("soonDays", requests.rules().dueSoonWorkingDays());
        return "information/admin-queue";
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @GetMapping("/requests/{tn}")
    String request(@PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String upload, Model model) {
        Collectivity c = territory.require(slug);
        if ("too-large".equals(upload)) {
            // The upload was above the servlet's limit and never reached the form (platform UploadLimit).
            AnswerForm form = new AnswerForm();
            BindingResult result = new BeanPropertyBindingResult(form, "answerForm");
            result.rejectValue("files", "validation.file.too-large");
            model.addAttribute("answerForm", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "answerForm", result);
        }
        return fill(c, tn, user, model);
    }

    /** Where the platform sends an upload that was over the servlet's limit: back to the page, with the error. */
    @GetMapping({"/requests/{tn}/answer", "/requests/{tn}/attachments"})
    String uploadRefused(Lang lang, @PathVariable String slug, @PathVariable String tn, @RequestParam(required = false) String upload,
            @AuthenticationPrincipal AccountUser user) {
        requests.forOfficer(territory.require(slug), tn, user);
        return detail(lang, slug, tn) + ("too-large".equals(upload) ? "?upload=too-large#outcome" : "");
    }

    /** Everything the page shows, with a fresh form for each action not being re-shown with its errors. */
    String fill(Collectivity c, String tn, AccountUser user, Model model) {
        InformationRequest r = requests.forOfficer(c, tn, user);
        var today = requests.today();
        Map<Long, String> names = grants.grants(c.id()).stream()
                .collect(Collectors.toMap(RoleGrants.Grant::accountId, RoleGrants.Grant::displayName, (a, b) -> a));
        model.addAttribute("collectivity", c);
        model.addAttribute("r", r);
        model.addAttribute("today", today);
        model.addAttribute("open", r.status().open());
        int daysLeft = r.status().open() ? requests.workingDaysLeft(r) : 0;
        model.addAttribute("daysLeft", daysLeft);
        model.addAttribute("urgency", r.status() == RequestStatus.CLARIFICATION ? OfficerQueue.Urgency.PAUSED
                : r.overdue(today) ? OfficerQueue.Urgency.OVERDUE
                : daysLeft <= requests.rules().dueSoonWorkingDays() ? OfficerQueue.Urgency.DUE_SOON : OfficerQueue.Urgency.ON_TIME);
        model.addAttribute("history", requests.history(r, true));
        model.addAttribute("clarifications", requests.clarifications(r));
        model.addAttribute("notes", queue.notes(r));
        model.addAttribute("attachments", attachments.list(r));
        model.addAttribute("officers", guard.officers(c));
        model.addAttribute("names", names);
        model.addAttribute("reasons", ExtensionReason.values());
        model.addAttribute("grounds", RefusalGround.values());
        model.addAttribute("kinds", AnswerKind.values());
        model.addAttribute("maxMegabytes", Upload.MAX_BYTES / (1024 * 1024));
        int closeDays = requests.rules().unclarifiedCloseDays();
        model.addAttribute("closeDays", closeDays);
        model.addAttribute("unclearCloseOn", r.pausedSince() == null ? null : r.pausedSince().plusDays(closeDays));
        model.addAttribute("unclearOffered", r.status() == RequestStatus.CLARIFICATION && r.pausedSince() != null
                && !today.isBefore(r.pausedSince().plusDays(closeDays)));
        model.addAttribute("canExtend", r.status().open() && r.status() != RequestStatus.CLARIFICATION && r.extendedOn() == null
                && !today.isAfter(r.dueOn()));
        AssignForm assign = new AssignForm();
        assign.setAssignee(r.assignedTo() == null ? "" : String.valueOf(r.assignedTo()));
        Object[] fresh = {assign, new NoteForm(), new ClarificationForm(), new ExtensionForm(), new AnswerForm(), new RefusalForm(),
            new TransferForm(), new UnclearForm(), new FilesForm()};
        for (int i = 0; i < FORMS.length; i++) {
            if (!model.containsAttribute(FORMS[i])) {
                model.addAttribute(FORMS[i], fresh[i]);
            }
        }
        return "information/admin-request";
    }

    /** PDP-2: the clear identity number, on this response only (never stored in the page's session), and logged. */
    @PostMapping("/requests/{tn}/cin")
    String revealCin(@PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user, Model model,
            HttpServletResponse response) {
        Collectivity c = territory.require(slug);
        String cin = cins.reveal(c, tn, user);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("cin", cin);
        return fill(c, tn, user, model);
    }

    /** Runs one action; field errors re-show the page in place, the rest (403, 404, 409) goes to the error pages. */
    private String act(Lang lang, Collectivity c, String tn, AccountUser user, Model model, RedirectAttributes redirect, String formName,
            BindingResult result, Check parsed, Map<String, String> names, String notice, String anchor, Runnable action) {
        try {
            parsed.orThrow();
            action.run();
        } catch (InvalidInput invalid) {
            // A bad code found while parsing and the service's own checks are shown together.
            Map<String, String> errors = new java.util.LinkedHashMap<>(parsed.errors());
            AdminForms.rename(invalid.errors(), names).forEach(errors::putIfAbsent);
            new InvalidInput(errors).rejectInto(result);
            FormErrors.tidy(model, formName, result);
            model.addAttribute("errorAnchor", anchor);
            return fill(c, tn, user, model);
        }
        redirect.addFlashAttribute("notice", notice);
        return detail(lang, c.slug(), tn) + "#" + anchor;
    }

    @PostMapping("/requests/{tn}/assign")
    String assign(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("assignForm") AssignForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check parsed = new Check();
        Long assignee = form.assigneeId(parsed);
        return act(lang, c, tn, user, model, redirect, "assignForm", result, parsed, AdminForms.SAME, "information.admin.assign.done",
                "assign", () -> requests.assign(c, tn, user, assignee));
    }

    @PostMapping("/requests/{tn}/note")
    String note(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("noteForm") NoteForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        return act(lang, c, tn, user, model, redirect, "noteForm", result, new Check(), AdminForms.NOTE, "information.admin.note.done",
                "notes", () -> requests.note(c, tn, user, form.getNoteBody()));
    }

    @PostMapping("/requests/{tn}/clarification")
    String clarification(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("clarificationForm") ClarificationForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        return act(lang, c, tn, user, model, redirect, "clarificationForm", result, new Check(), AdminForms.SAME,
                "information.admin.clarification.done", "clarifications", () -> requests.askClarification(c, tn, user, form.getQuestion()));
    }

    /** ATI-5: once, before the due date passes, with a listed reason; the requester is told by email (notification module). */
    @PostMapping("/requests/{tn}/extension")
    String extension(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("extensionForm") ExtensionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check parsed = new Check();
        ExtensionReason reason = AdminForms.code(parsed, "reason", ExtensionReason.class, form.getReason());
        String view = act(lang, c, tn, user, model, redirect, "extensionForm", result, parsed, AdminForms.SAME,
                "information.admin.extension.done", "clock", () -> requests.extend(c, tn, user, reason));
        if (view.startsWith("redirect:")) {
            redirect.addFlashAttribute("noticeDate", requests.forOfficer(c, tn, user).dueOn());
        }
        return view;
    }

    /** The answer and its documents are saved together or not at all. */
    @PostMapping("/requests/{tn}/answer")
    String answer(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("answerForm") AnswerForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check parsed = new Check();
        AnswerKind kind = AdminForms.code(parsed, "answerKind", AnswerKind.class, form.getAnswerKind());
        return act(lang, c, tn, user, model, redirect, "answerForm", result, parsed, AdminForms.ANSWER, "information.admin.answer.done",
                "outcome", () -> attachments.answer(c, tn, user, kind, form.getAnswerText(), form.getFiles(), form.isPublishable()));
    }

    /** ATI-7: a ground from the closed list and the written reasoning, both required. */
    @PostMapping("/requests/{tn}/refusal")
    String refusal(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("refusalForm") RefusalForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check parsed = new Check();
        RefusalGround ground = AdminForms.code(parsed, "ground", RefusalGround.class, form.getGround());
        return act(lang, c, tn, user, model, redirect, "refusalForm", result, parsed, AdminForms.SAME, "information.admin.refusal.done",
                "outcome", () -> requests.refuse(c, tn, user, ground, form.getReasoning()));
    }

    @PostMapping("/requests/{tn}/transfer")
    String transfer(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("transferForm") TransferForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        return act(lang, c, tn, user, model, redirect, "transferForm", result, new Check(), AdminForms.TRANSFER,
                "information.admin.transfer.done", "outcome", () -> requests.transfer(c, tn, user, form.getTransferTo(), form.getTransferNote()));
    }

    /** ATI-7 unclear request: offered once the clarification has waited the configured days. */
    @PostMapping("/requests/{tn}/close-unclear")
    String closeUnclear(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("unclearForm") UnclearForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        return act(lang, c, tn, user, model, redirect, "unclearForm", result, new Check(), AdminForms.UNCLEAR,
                "information.admin.unclear.done", "outcome", () -> requests.closeUnclear(c, tn, user, form.getUnclearReasoning()));
    }

    /** More documents, before or after the answer. */
    @PostMapping("/requests/{tn}/attachments")
    String addFiles(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("filesForm") FilesForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        return act(lang, c, tn, user, model, redirect, "filesForm", result, new Check(), Map.of("files", "moreFiles"),
                "information.admin.files.done", "attachments",
                () -> attachments.add(c, tn, user, form.getMoreFiles(), form.isMorePublishable()));
    }

    @PostMapping("/requests/{tn}/attachments/{id}/publishable")
    String publishable(Lang lang, @PathVariable String slug, @PathVariable String tn, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean publishable, @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        attachments.publishable(c, tn, user, id, publishable);
        redirect.addFlashAttribute("notice", publishable ? "information.admin.files.publishable" : "information.admin.files.private");
        return detail(lang, slug, tn) + "#attachments";
    }
}
