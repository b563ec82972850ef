package ma.opencommune.information.web;

import ma.opencommune.identity.AccountUser;
import ma.opencommune.information.ComplaintOutcome;
import ma.opencommune.information.Complaints;
import ma.opencommune.information.InformationRequest;
import ma.opencommune.information.InformationRequests;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The collectivity's officers record what the head of the body (ATI-8) and the CDAI (ATI-9) decided on a
 * request's complaints. Officers of that collectivity only: anyone else gets 403, another collectivity's number 404.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/information/requests/{tn}/complaints")
class ComplaintAdminController {

    private final Territory territory;
    private final InformationRequests requests;
    private final Complaints complaints;

    ComplaintAdminController(Territory territory, InformationRequests requests, Complaints complaints) {
        this.territory = territory;
        this.requests = requests;
        this.complaints = complaints;
    }

    @GetMapping
    String page(@PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        model.addAttribute("outcomeForm", new ComplaintForm());
        return fill(c, tn, user, model);
    }

    private String fill(Collectivity c, String tn, AccountUser user, Model model) {
        InformationRequest r = requests.forOfficer(c, tn, user);
        model.addAttribute("collectivity", c);
        model.addAttribute("r", r);
        model.addAttribute("today", requests.today());
        Complaints.State state = complaints.state(r);
        model.addAttribute("complaints", state);
        // One outcome form at a time (the oldest undecided complaint): field ids stay unique on the page.
        model.addAttribute("pending", state.complaints().stream().filter(k -> !k.decided()).findFirst().orElse(null));
        model.addAttribute("outcomes", ComplaintOutcome.values());
        return "information/admin-complaints";
    }

    @PostMapping
    String record(Lang lang, @PathVariable String slug, @PathVariable String tn, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("outcomeForm") ComplaintForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        InformationRequest r = requests.forOfficer(c, tn, user);
        try {
            complaints.recordOutcome(c, r.trackingNumber(), user, form.level(), form.outcome(), form.getOutcomeText(), form.decided());
            redirect.addFlashAttribute("notice", "information.complaint.decided");
            return "redirect:/" + lang.code() + "/c/" + c.slug() + "/admin/information/requests/" + r.trackingNumber() + "/complaints";
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "outcomeForm", result);
            return fill(c, tn, user, model);
        }
    }
}
