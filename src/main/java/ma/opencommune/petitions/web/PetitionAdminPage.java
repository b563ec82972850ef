package ma.opencommune.petitions.web;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.petitions.Petition;
import ma.opencommune.petitions.PetitionDetails;
import ma.opencommune.petitions.PetitionKind;
import ma.opencommune.petitions.PetitionStatus;
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
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Morocco;
import ma.opencommune.territory.Collectivity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A petition's staff page, shared by the controllers that act on it: what it shows, which actions the petition's
 * status allows (only those are offered), and how an action's refusal comes back. A field error or a refusal of the
 * aggregate (a {@code petitions.conflict.*} key) re-shows the page with the error in the action's own form, in the
 * reader's language; the action's transaction rolled back, so nothing is half-saved.
 */
@Component
class PetitionAdminPage {

    static final String VIEW = "petitions/admin-petition";

    /** The page's forms, each with its fresh instance. */
    private static final Map<String, Supplier<Object>> FORMS = new LinkedHashMap<>();

    static {
        FORMS.put("filingForm", EmptyForm::new);
        FORMS.put("checkForm", EmptyForm::new);
        FORMS.put("inadmissibleForm", InadmissibleForm::new);
        FORMS.put("acceptForm", AcceptForm::new);
        FORMS.put("rejectForm", RejectForm::new);
        FORMS.put("outcomeForm", OutcomeForm::new);
        FORMS.put("paperForm", PaperForm::new);
        FORMS.put("removalForm", EmptyForm::new);
    }

    private final PetitionDetails details;
    private final Petitions petitions;
    private final ma.opencommune.petitions.PetitionWorkspace workspace;
    private final ma.opencommune.petitions.PaperSignatures paper;

    PetitionAdminPage(PetitionDetails details, Petitions petitions, ma.opencommune.petitions.PetitionWorkspace workspace,
            ma.opencommune.petitions.PaperSignatures paper) {
        this.paper = paper;
        this.details = details;
        this.petitions = petitions;
        this.workspace = workspace;
    }

    static String url(Lang lang, String slug, long id) {
        return "/" + lang.code() + "/c/" + slug + "/admin/petitions/" + id;
    }

    /** Everything the page shows, with a fresh form for each action not being re-shown with its errors. */
    String fill(Lang lang, Collectivity c, long id, AccountUser user, Long paperBefore, Model model) {
        PetitionDetails.Details d = details.details(c, user, id, paperBefore);
        Petition p = d.petition();
        LocalDate today = petitions.today();
        boolean citizens = p.kind() == PetitionKind.CITIZENS;
        boolean filed = p.status() == PetitionStatus.FILED;
        model.addAttribute("collectivity", c);
        model.addAttribute("d", d);
        model.addAttribute("p", p);
        model.addAttribute("today", today);
        model.addAttribute("paperBefore", paperBefore);
        model.addAttribute("collecting", citizens && p.status().collecting());
        // PET-5: only before anyone signed; the aggregate checks again under the row lock.
        model.addAttribute("canDeclareInadmissible", p.status() == PetitionStatus.OPEN && d.total() == 0);
        model.addAttribute("canFile", citizens && p.status().collecting() && d.total() >= p.threshold());
        model.addAttribute("canCheck", !citizens && filed && p.associationCheckedAt() == null);
        model.addAttribute("canDecide", filed);
        model.addAttribute("canAccept", filed && (citizens || p.associationCheckedAt() != null));
        model.addAttribute("canConclude", p.status() == PetitionStatus.ACCEPTED);
        model.addAttribute("legalFile", citizens && d.total() > 0);
        model.addAttribute("overdue", p.decisionOverdue(today));
        model.addAttribute("daysLeft", p.decisionDue() == null ? 0 : ChronoUnit.DAYS.between(today, p.decisionDue()));
        model.addAttribute("nextSession", monthYear(Petition.nextSessionMonth(today), lang));
        model.addAttribute("percent", p.threshold() <= 0 ? 0 : Math.min(100, d.total() * 100 / p.threshold()) / 5 * 5);
        model.addAttribute("grounds", RejectionGround.values());
        model.addAttribute("bases", SignatureBasis.values());
        model.addAttribute("communes", paper.communes(c));
        FORMS.forEach((name, fresh) -> {
            if (!model.containsAttribute(name)) {
                model.addAttribute(name, fresh.get());
            }
        });
        return VIEW;
    }

    /** PET-8: "May 2027" in the page's language, with Western digits. */
    static String monthYear(YearMonth month, Lang lang) {
        ULocale locale = ULocale.forLocale(lang.locale()).setKeywordValue("numbers", "latn");
        DateFormat format = DateFormat.getInstanceForSkeleton("yMMMM", locale);
        format.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone(Morocco.ZONE.getId()));
        return format.format(Date.from(month.atDay(15).atStartOfDay(Morocco.ZONE).toInstant()));
    }

    /** What one action posts: its form, the checks parsed from it, where the page scrolls back to, and the action. */
    record Action(String formName, BindingResult result, Check parsed, Map<String, String> fieldNames, String notice, String anchor,
            Runnable run) {
    }

    /**
     * Runs one action. Field errors (parsed here or found by the service) and a refusal of the aggregate re-show the page
     * with the errors in the action's form; success redirects back to the page with a notice. 403 and 404 go to the
     * error pages.
     */
    String act(Lang lang, Collectivity c, long id, AccountUser user, Model model, RedirectAttributes redirect, Action action) {
        // Every step here is the bureau's: staff of this collectivity only (403), never on a draft (404), even where the
        // domain would let someone else (the agent) take the same step from their own pages.
        workspace.staffPetition(c, user, id);
        BindingResult result = action.result();
        try {
            action.parsed().orThrow();
            action.run().run();
        } catch (InvalidInput invalid) {
            Map<String, String> errors = new LinkedHashMap<>(action.parsed().errors());
            invalid.errors().forEach((field, key) -> errors.putIfAbsent(action.fieldNames().getOrDefault(field, field), key));
            new InvalidInput(errors).rejectInto(result);
        } catch (ConflictException refused) {
            result.reject(refused.messageKey());
        }
        if (result.hasErrors()) {
            FormErrors.tidy(model, action.formName(), result);
            model.addAttribute("errorAnchor", action.anchor());
            // The form stays on the page with its error even when the petition's status no longer offers the step.
            model.addAttribute("errorForm", action.formName());
            return fill(lang, c, id, user, null, model);
        }
        redirect.addFlashAttribute("notice", action.notice());
        return "redirect:" + url(lang, c.slug(), id) + "#" + action.anchor();
    }
}
