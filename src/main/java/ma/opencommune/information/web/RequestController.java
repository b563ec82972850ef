package ma.opencommune.information.web;

import ma.opencommune.identity.AccountUser;
import ma.opencommune.information.ComplaintLevel;
import ma.opencommune.information.Complaints;
import ma.opencommune.information.Delivery;
import ma.opencommune.information.InformationGuard;
import ma.opencommune.information.InformationRequest;
import ma.opencommune.information.InformationRequests;
import ma.opencommune.information.MyRequests;
import ma.opencommune.information.internal.ReceiptPdf;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The requester's side of Law 31-13: the collectivity's access-to-information page, the ATI-2 form, the request's
 * own page (legal clock, answer, history, clarification, withdrawal, complaints), its PDF receipt, and the list of
 * one's requests. Plain forms and redirects: no JavaScript needed.
 */
@Controller
class RequestController {

    private static final String BASE = Lang.PATH + "/c/{slug}/information";
    private static final String REQUEST = BASE + "/requests/{tn}";

    private final Territory territory;
    private final InformationRequests requests;
    private final Complaints complaints;
    private final MyRequests mine;
    private final InformationGuard guard;
    private final ReceiptPdf pdf;

    RequestController(Territory territory, InformationRequests requests, Complaints complaints, MyRequests mine, InformationGuard guard,
            ReceiptPdf pdf) {
        this.territory = territory;
        this.requests = requests;
        this.complaints = complaints;
        this.mine = mine;
        this.guard = guard;
        this.pdf = pdf;
    }

    @GetMapping(BASE)
    String home(@PathVariable String slug, Model model) {
        Collectivity c = territory.require(slug);
        model.addAttribute("collectivity", c);
        model.addAttribute("rules", requests.rules());
        return "information/home";
    }

    private static void requireSignedIn(AccountUser user) {
        if (user == null || !user.isEnabled()) {
            // Anonymous: the login page, then back here.
            throw new AccessDeniedException("sign in to file a request");
        }
    }

    @GetMapping(BASE + "/new")
    String form(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        requireSignedIn(user);
        RequestForm form = new RequestForm();
        form.setEmail(user.email());
        form.setDelivery(Delivery.EMAIL.name());
        model.addAttribute("form", form);
        return fillForm(c, model);
    }

    private String fillForm(Collectivity c, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("deliveries", Delivery.values());
        model.addAttribute("rules", requests.rules());
        return "information/new";
    }

    @PostMapping(BASE + "/new")
    String file(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") RequestForm form,
            BindingResult result, Model model) {
        Collectivity c = territory.require(slug);
        requireSignedIn(user);
        try {
            InformationRequests.Receipt receipt = requests.file(c, user, form.toFiling(), lang);
            return "redirect:/" + lang.code() + "/c/" + c.slug() + "/information/requests/" + receipt.trackingNumber() + "?filed";
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillForm(c, model);
        }
    }

    @GetMapping(REQUEST)
    String request(@PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String filed, Model model) {
        Collectivity c = territory.require(slug);
        model.addAttribute("answerForm", new ClarificationForm());
        model.addAttribute("complaintForm", new ComplaintForm());
        model.addAttribute("outcomeForm", new ComplaintForm());
        model.addAttribute("filed", filed != null);
        return fillPage(c, tn, user, model);
    }

    private String fillPage(Collectivity c, String tn, AccountUser user, Model model) {
        InformationRequest r = requests.forRequesterOrOfficer(c, tn, user);
        model.addAttribute("collectivity", c);
        model.addAttribute("r", r);
        model.addAttribute("isRequester", InformationRequests.isRequester(r, user));
        model.addAttribute("isOfficer", guard.isOfficer(user, c));
        model.addAttribute("today", requests.today());
        model.addAttribute("daysLeft", r.status().open() ? requests.workingDaysLeft(r) : 0);
        model.addAttribute("history", requests.history(r, false));
        model.addAttribute("clarifications", requests.clarifications(r));
        model.addAttribute("complaints", complaints.state(r));
        model.addAttribute("attachments", mine.attachments(r));
        model.addAttribute("outcomes", ma.opencommune.information.ComplaintOutcome.values());
        return "information/request";
    }

    private static String back(Lang lang, Collectivity c, String tn) {
        return "redirect:/" + lang.code() + "/c/" + c.slug() + "/information/requests/" + tn;
    }

    /** The requester answers the pending clarification question; the clock resumes. */
    @PostMapping(REQUEST + "/clarification")
    String clarify(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("answerForm") ClarificationForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        requireSignedIn(user);
        try {
            requests.answerClarification(c, tn, user, form.getAnswer());
            redirect.addFlashAttribute("notice", "information.receipt.clarified");
            return back(lang, c, tn);
        } catch (InvalidInput invalid) {
            return again(invalid, result, "answerForm", c, tn, user, model);
        }
    }

    private String again(InvalidInput invalid, BindingResult result, String name, Collectivity c, String tn, AccountUser user, Model model) {
        invalid.rejectInto(result);
        FormErrors.tidy(model, name, result);
        for (String other : new String[] {"answerForm", "complaintForm", "outcomeForm"}) {
            if (!model.containsAttribute(other)) {
                model.addAttribute(other, other.equals("answerForm") ? new ClarificationForm() : new ComplaintForm());
            }
        }
        model.addAttribute("filed", false);
        return fillPage(c, tn, user, model);
    }

    @PostMapping(REQUEST + "/withdraw")
    String withdraw(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        requireSignedIn(user);
        requests.withdraw(c, tn, user);
        redirect.addFlashAttribute("notice", "information.receipt.withdrawn");
        return back(lang, c, tn);
    }

    /** ATI-8: the complaint to the head of the body. */
    @PostMapping(REQUEST + "/complaints/head")
    String complainToHead(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("complaintForm") ComplaintForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        requireSignedIn(user);
        try {
            complaints.fileHead(c, tn, user, form.getBody());
            redirect.addFlashAttribute("notice", "information.complaint.filed");
            return back(lang, c, tn) + "#complaints";
        } catch (InvalidInput invalid) {
            return again(invalid, result, "complaintForm", c, tn, user, model);
        }
    }

    /** ATI-9: the requester records the complaint they made to the CDAI. */
    @PostMapping(REQUEST + "/complaints/cdai")
    String complainToCdai(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("complaintForm") ComplaintForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        requireSignedIn(user);
        try {
            complaints.fileCdai(c, tn, user, form.getBody(), form.getReference());
            redirect.addFlashAttribute("notice", "information.complaint.filed");
            return back(lang, c, tn) + "#complaints";
        } catch (InvalidInput invalid) {
            return again(invalid, result, "complaintForm", c, tn, user, model);
        }
    }

    /** ATI-9: the requester records the CDAI's decision, which they receive. */
    @PostMapping(REQUEST + "/complaints/cdai/outcome")
    String cdaiOutcome(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("outcomeForm") ComplaintForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        requireSignedIn(user);
        try {
            complaints.recordOutcome(c, tn, user, ComplaintLevel.CDAI, form.outcome(), form.getOutcomeText(), form.decided());
            redirect.addFlashAttribute("notice", "information.complaint.decided");
            return back(lang, c, tn) + "#complaints";
        } catch (InvalidInput invalid) {
            return again(invalid, result, "outcomeForm", c, tn, user, model);
        }
    }

    /** The PDF receipt: the requester's own document (their name, the CIN hint only). */
    @GetMapping(REQUEST + "/receipt.pdf")
    ResponseEntity<byte[]> receipt(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user) {
        Collectivity c = territory.require(slug);
        InformationRequest r = requests.forRequesterOrOfficer(c, tn, user);
        byte[] body = pdf.render(c, r, lang);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("receipt-" + r.trackingNumber() + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(body);
    }

    @GetMapping(Lang.PATH + "/account/information")
    String mine(@AuthenticationPrincipal AccountUser user, @RequestParam(defaultValue = "0") String page, Model model) {
        requireSignedIn(user);
        int number;
        try {
            number = page.length() > 6 ? 0 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            number = 0;
        }
        model.addAttribute("page", mine.page(user, number));
        return "information/mine";
    }

    /** The answer to a clarification question. */
    public static class ClarificationForm {
        private String answer;

        public String getAnswer() { return answer; }
        public void setAnswer(String v) { answer = v; }
    }
}
