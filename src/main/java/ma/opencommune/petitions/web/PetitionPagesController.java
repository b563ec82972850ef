package ma.opencommune.petitions.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.petitions.NotEligibleException;
import ma.opencommune.petitions.PetitionListing;
import ma.opencommune.petitions.Petitions;
import ma.opencommune.petitions.Signatures;
import ma.opencommune.petitions.SigningLimits;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.web.SameForEveryAnonymousVisitor;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityType;
import ma.opencommune.territory.Territory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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
 * The public side of petitions: the collectivity's list by stage with counts against the threshold, a petition's page
 * with its timeline, and signing or withdrawing one's signature from that page (PET-1). Plain forms and redirects: no
 * JavaScript needed. A refusal is said on the page in the reader's language with what to do next, never as an error.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/petitions")
class PetitionPagesController {

    static final int PAGE = 20;

    /** A line of the list with its count and the share of the threshold it reached. */
    record Row(PetitionListing.Line line, long count, int percent) {
    }

    private final Territory territory;
    private final Petitions petitions;
    private final PetitionListing listing;
    private final Signatures signatures;
    private final SigningLimits limits;
    private final PetitionPage page;

    PetitionPagesController(Territory territory, Petitions petitions, PetitionListing listing, Signatures signatures, SigningLimits limits,
            PetitionPage page) {
        this.territory = territory;
        this.petitions = petitions;
        this.listing = listing;
        this.signatures = signatures;
        this.limits = limits;
        this.page = page;
    }

    @GetMapping
    @SameForEveryAnonymousVisitor
    String list(Lang lang, @PathVariable String slug, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String before, Model model) {
        Collectivity c = territory.require(slug);
        PetitionListing.Stage s = PetitionListing.Stage.parse(stage);
        Long beforeId = Check.number(before);
        List<PetitionListing.Line> lines = listing.list(c, s, beforeId, PAGE + 1);
        boolean more = lines.size() > PAGE;
        List<PetitionListing.Line> shown = more ? lines.subList(0, PAGE) : lines;
        // One statement for the whole page's counts: no query per line.
        Map<Long, Long> counts = petitions.signatureCounts(c, shown.stream().map(PetitionListing.Line::id).toList());
        model.addAttribute("collectivity", c);
        model.addAttribute("rows", shown.stream().map(l -> {
            long count = counts.getOrDefault(l.id(), 0L);
            return new Row(l, count, PetitionPage.percent(count, l.threshold()));
        }).toList());
        model.addAttribute("stage", s);
        model.addAttribute("stages", PetitionListing.Stage.values());
        model.addAttribute("threshold", petitions.rules().threshold(c));
        // Provinces, prefectures and regions gather signatories from their communes; a region from each province (PET-7).
        model.addAttribute("regional", c.type() != CollectivityType.COMMUNE);
        model.addAttribute("region", c.type() == CollectivityType.REGION);
        model.addAttribute("rules", petitions.rules());
        model.addAttribute("paged", beforeId != null);
        String base = "/" + lang.code() + "/c/" + c.slug() + "/petitions?stage=" + s.param();
        model.addAttribute("firstUrl", base);
        model.addAttribute("nextUrl", more ? base + "&before=" + shown.get(shown.size() - 1).id() : null);
        return "petitions/list";
    }

    @GetMapping("/{id}")
    @SameForEveryAnonymousVisitor
    String petition(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model) {
        return page.fill(territory.require(slug), id, user, model);
    }

    /** "Log in to sign" leads here: the login page first, then back to the petition's signing form. */
    @GetMapping("/{id}/signature")
    String toSign(Lang lang, @PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user) {
        Collectivity c = territory.require(slug);
        requireSignedIn(user);
        return back(lang, c, id) + "#sign";
    }

    /**
     * PET-1: a verified resident or economic actor of the commune signs with the declaration. A second submit (a double
     * click, another tab, another account of the same person) signs nothing and says "already signed".
     */
    @PostMapping("/{id}/signature")
    String sign(Lang lang, @PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("signForm") PetitionPage.SignForm form, BindingResult result, Model model, RedirectAttributes redirect,
            HttpServletRequest request, HttpServletResponse response) {
        Collectivity c = territory.require(slug);
        requireSignedIn(user);
        limits.attempt(user, request.getRemoteAddr());
        try {
            signatures.sign(c, id, user, form.isConfirmEligibility(), form.isKeepInformed());
            redirect.addFlashAttribute("notice", "petitions.sign.done");
            return back(lang, c, id) + "#sign";
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "signForm", result);
            return page.fill(c, id, user, model);
        } catch (NotEligibleException e) {
            return page.refused(c, id, user, model, response, HttpStatus.FORBIDDEN.value(), "sign", e.messageKey());
        } catch (ConflictException e) {
            return page.refused(c, id, user, model, response, HttpStatus.CONFLICT.value(), "sign", signingReason(e.messageKey()));
        }
    }

    /** The signatory withdraws their signature, until the petition is filed. */
    @PostMapping("/{id}/signature/withdraw")
    String withdraw(Lang lang, @PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        Collectivity c = territory.require(slug);
        requireSignedIn(user);
        limits.attempt(user, request.getRemoteAddr());
        try {
            signatures.withdraw(c, id, user);
            redirect.addFlashAttribute("notice", "petitions.sign.withdrawn");
            return back(lang, c, id) + "#sign";
        } catch (ConflictException e) {
            return page.refused(c, id, user, model, response, HttpStatus.CONFLICT.value(), "sign", signingReason(e.messageKey()));
        }
    }

    /** The core says "cannot be filed" when a petition no longer collects; a signatory needs to hear why they cannot sign. */
    private static String signingReason(String key) {
        return "petitions.conflict.not-collecting".equals(key) ? "petitions.sign.closed" : key;
    }

    static String back(Lang lang, Collectivity c, long id) {
        return "redirect:/" + lang.code() + "/c/" + c.slug() + "/petitions/" + id;
    }

    /** Anonymous: the login page, then back to the address asked for. */
    static void requireSignedIn(AccountUser user) {
        if (user == null || !user.isEnabled()) {
            throw new AccessDeniedException("sign in first");
        }
    }
}
