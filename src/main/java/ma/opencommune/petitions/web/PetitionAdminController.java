package ma.opencommune.petitions.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.petitions.PaperSignatures;
import ma.opencommune.petitions.PetitionWorkspace;
import ma.opencommune.petitions.Petitions;
import ma.opencommune.petitions.RejectionGround;
import ma.opencommune.petitions.SignatureBasis;
import ma.opencommune.petitions.web.PetitionAdminForms.AcceptForm;
import ma.opencommune.petitions.web.PetitionAdminForms.EmptyForm;
import ma.opencommune.petitions.web.PetitionAdminForms.InadmissibleForm;
import ma.opencommune.petitions.web.PetitionAdminForms.OutcomeForm;
import ma.opencommune.petitions.web.PetitionAdminForms.PaperForm;
import ma.opencommune.petitions.web.PetitionAdminForms.RejectForm;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bureau staff's workspace for petitions (PET-1, PET-4..PET-8): the list by stage and a petition's page with every
 * step the law gives staff, each posting its own form. Council secretaries and staff administrators of the collectivity
 * in the URL only: anyone else gets 403, another collectivity's petition (or a draft) 404, and neither changes anything.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/petitions")
class PetitionAdminController {

    private final Territory territory;
    private final PetitionWorkspace workspace;
    private final Petitions petitions;
    private final PaperSignatures paper;
    private final PetitionAdminPage page;

    PetitionAdminController(Territory territory, PetitionWorkspace workspace, Petitions petitions, PaperSignatures paper,
            PetitionAdminPage page) {
        this.territory = territory;
        this.workspace = workspace;
        this.petitions = petitions;
        this.paper = paper;
        this.page = page;
    }

    @GetMapping({"", "/"})
    String list(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String after, Model model) {
        Collectivity c = territory.require(slug);
        PetitionWorkspace.Stage shown = PetitionWorkspace.Stage.parse(stage);
        model.addAttribute("collectivity", c);
        model.addAttribute("stage", shown);
        model.addAttribute("stages", PetitionWorkspace.Stage.values());
        model.addAttribute("after", cursor(after));
        model.addAttribute("page", workspace.list(c, user, shown, cursor(after)));
        return "petitions/admin-list";
    }

    /** A cursor from the query string; anything but a positive number is the first page. */
    static Long cursor(String value) {
        try {
            long n = Long.parseLong(value == null ? "" : value.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/{petitionId}")
    String petition(Lang lang, @PathVariable String slug, @PathVariable long petitionId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String paperBefore, Model model) {
        return page.fill(lang, territory.require(slug), petitionId, user, cursor(paperBefore), model);
    }

    /** PET-3: the agent filed the petition at the office; staff record it and the bureau's clock starts (PET-6). */
    @PostMapping("/{petitionId}/filing")
    String file(Lang lang, @PathVariable String slug, @PathVariable long petitionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("filingForm") EmptyForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        return page.act(lang, c, petitionId, user, model, redirect, new PetitionAdminPage.Action("filingForm", result, new Check(),
                Map.of(), "petitions.admin.filing.done", "decision", () -> petitions.file(c, petitionId, user)));
    }

    /** PET-5: inadmissible before anyone signed, with a ground and reasoning. */
    @PostMapping("/{petitionId}/inadmissible")
    String inadmissible(Lang lang, @PathVariable String slug, @PathVariable long petitionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("inadmissibleForm") InadmissibleForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check parsed = new Check();
        RejectionGround ground = PetitionAdminForms.code(parsed, "inadmissibleGround", RejectionGround.class, form.getInadmissibleGround());
        parsed.text("inadmissibleReasoning", form.getInadmissibleReasoning(), true, PetitionAdminForms.REASONING_MAX);
        return page.act(lang, c, petitionId, user, model, redirect, new PetitionAdminPage.Action("inadmissibleForm", result, parsed,
                Map.of(), "petitions.admin.inadmissible.done", "decision",
                () -> petitions.declareInadmissible(c, petitionId, user, ground, form.getInadmissibleReasoning())));
    }

    /** PET-6, PET-8: onto the next ordinary session, referred to a committee. */
    @PostMapping("/{petitionId}/acceptance")
    String accept(Lang lang, @PathVariable String slug, @PathVariable long petitionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("acceptForm") AcceptForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check parsed = new Check();
        LocalDate session = parsed.date("sessionOn", form.getSessionOn(), true);
        parsed.text("committee", form.getCommittee(), true, PetitionAdminForms.COMMITTEE_MAX);
        return page.act(lang, c, petitionId, user, model, redirect, new PetitionAdminPage.Action("acceptForm", result, parsed, Map.of(),
                "petitions.admin.accept.done", "decision", () -> petitions.accept(c, petitionId, user, session, form.getCommittee())));
    }

    /** PET-6: a ground and the written reasoning the agent receives. */
    @PostMapping("/{petitionId}/rejection")
    String reject(Lang lang, @PathVariable String slug, @PathVariable long petitionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("rejectForm") RejectForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check parsed = new Check();
        RejectionGround ground = PetitionAdminForms.code(parsed, "rejectGround", RejectionGround.class, form.getRejectGround());
        parsed.text("rejectReasoning", form.getRejectReasoning(), true, PetitionAdminForms.REASONING_MAX);
        return page.act(lang, c, petitionId, user, model, redirect, new PetitionAdminPage.Action("rejectForm", result, parsed, Map.of(),
                "petitions.admin.reject.done", "decision", () -> petitions.reject(c, petitionId, user, ground, form.getRejectReasoning())));
    }

    /** The council's decision after the session: its reference and a summary. */
    @PostMapping("/{petitionId}/outcome")
    String conclude(Lang lang, @PathVariable String slug, @PathVariable long petitionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("outcomeForm") OutcomeForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check parsed = new Check().text("decisionReference", form.getDecisionReference(), true, PetitionAdminForms.REFERENCE_MAX)
                .text("outcomeSummary", form.getOutcomeSummary(), true, PetitionAdminForms.SUMMARY_MAX);
        return page.act(lang, c, petitionId, user, model, redirect, new PetitionAdminPage.Action("outcomeForm", result, parsed, Map.of(),
                "petitions.admin.outcome.done", "decision",
                () -> petitions.conclude(c, petitionId, user, form.getDecisionReference(), form.getOutcomeSummary())));
    }

    /** PET-4: staff checked the association's constitution, seat or branch, field and documents. */
    @PostMapping("/{petitionId}/association-check")
    String checkAssociation(Lang lang, @PathVariable String slug, @PathVariable long petitionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("checkForm") EmptyForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        return page.act(lang, c, petitionId, user, model, redirect, new PetitionAdminPage.Action("checkForm", result, new Check(), Map.of(),
                "petitions.admin.check.done", "association", () -> petitions.checkAssociation(c, petitionId, user)));
    }

    /** PET-1: a signature collected on paper; a number that already signed, online or on paper, is refused. */
    @PostMapping("/{petitionId}/paper-signatures")
    String addPaper(Lang lang, @PathVariable String slug, @PathVariable long petitionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("paperForm") PaperForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        return page.act(lang, c, petitionId, user, model, redirect, new PetitionAdminPage.Action("paperForm", result, new Check(),
                Map.of(), "petitions.admin.paper.done", "paper-add", () -> {
                    Check parsed = new Check();
                    SignatureBasis basis = PetitionAdminForms.code(parsed, "basis", SignatureBasis.class, form.getBasis());
                    try {
                        // Called even with an unreadable basis: the service's own checks of the name and number show at once.
                        paper.add(c, petitionId, user, form.getFullName(), form.getCin(), basis, Check.number(form.getCommuneId()));
                    } catch (InvalidInput invalid) {
                        Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
                        invalid.errors().forEach(errors::putIfAbsent);
                        throw new InvalidInput(errors);
                    }
                }));
    }

    /** A paper entry typed in error, until filing. Removing it twice (a double submit) says it is gone. */
    @PostMapping("/{petitionId}/paper-signatures/{signatureId}/removal")
    String removePaper(Lang lang, @PathVariable String slug, @PathVariable long petitionId, @PathVariable long signatureId,
            @AuthenticationPrincipal AccountUser user, @ModelAttribute("removalForm") EmptyForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        // The petition itself must exist for this person (403, 404 otherwise): a 404 from here on is about the entry.
        workspace.staffPetition(c, user, petitionId);
        return page.act(lang, c, petitionId, user, model, redirect, new PetitionAdminPage.Action("removalForm", result, new Check(), Map.of(),
                "petitions.admin.paper.removed", "paper", () -> {
                    try {
                        paper.remove(c, petitionId, user, signatureId);
                    } catch (NotFoundException gone) {
                        throw new ConflictException("petitions.admin.paper.gone");
                    }
                }));
    }
}
