package ma.opencommune.council.web;

import ma.opencommune.council.CouncilCodes;
import ma.opencommune.council.CouncilDecisionReads;
import ma.opencommune.council.CouncilDecisions;
import ma.opencommune.council.CouncilSessions;
import ma.opencommune.council.web.CouncilAdminForms.DecisionForm;
import ma.opencommune.council.web.CouncilAdminForms.EmptyForm;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
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
 * The council secretary's decisions: drafted on an item of a held session with the vote (counts, or each present member's
 * vote), edited while a draft, published, and afterwards corrected only with a reason (each change kept as a version).
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/council")
class CouncilDecisionAdminController {

    private final Territory territory;
    private final CouncilSessions sessions;
    private final CouncilDecisions decisions;
    private final CouncilDecisionReads reads;
    private final CouncilAdminPage page;

    CouncilDecisionAdminController(Territory territory, CouncilSessions sessions, CouncilDecisions decisions, CouncilDecisionReads reads,
            CouncilAdminPage page) {
        this.territory = territory;
        this.sessions = sessions;
        this.decisions = decisions;
        this.reads = reads;
        this.page = page;
    }

    @GetMapping("/sessions/{sessionId}/decisions/new")
    String blank(@PathVariable String slug, @PathVariable long sessionId, @AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("decisionForm", new DecisionForm());
        return page.decision(territory.require(slug), user, sessionId, null, model);
    }

    @PostMapping("/sessions/{sessionId}/decisions")
    String draft(Lang lang, @PathVariable String slug, @PathVariable long sessionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("decisionForm") DecisionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        sessions.require(c, user, sessionId);
        Check parsed = new Check();
        CouncilDecisions.DecisionDraft d = draft(parsed, form);
        CouncilDecisions.VoteInput v = votes(parsed, form);
        long[] id = new long[1];
        if (!CouncilAdminPage.run(model, "decisionForm", result, parsed, () -> id[0] = decisions.draft(c, user, sessionId, d, v))) {
            return page.decision(c, user, sessionId, null, model);
        }
        redirect.addFlashAttribute("notice", "council.admin.decision.drafted");
        return "redirect:" + url(lang, c, id[0]);
    }

    @GetMapping("/decisions/{decisionId}")
    String edit(@PathVariable String slug, @PathVariable long decisionId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        CouncilDecisionReads.Decision d = staffDecision(c, user, decisionId);
        model.addAttribute("decisionForm", form(d, reads.votes(c.id(), decisionId)));
        return page.decision(c, user, d.sessionId(), d, model);
    }

    /** A draft rewritten, or a published decision corrected (then the reason is required). */
    @PostMapping("/decisions/{decisionId}")
    String save(Lang lang, @PathVariable String slug, @PathVariable long decisionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("decisionForm") DecisionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        CouncilDecisionReads.Decision old = staffDecision(c, user, decisionId);
        Check parsed = new Check();
        CouncilDecisions.DecisionDraft d = draft(parsed, form);
        CouncilDecisions.VoteInput v = votes(parsed, form);
        boolean published = old.status() == CouncilCodes.DecisionStatus.PUBLISHED;
        if (published) {
            parsed.text("reason", form.getReason(), true, 2_000);
        }
        if (!CouncilAdminPage.run(model, "decisionForm", result, parsed, () -> {
            if (published) {
                decisions.correct(c, user, decisionId, d, v, form.getReason());
            } else {
                decisions.update(c, user, decisionId, d, v);
            }
        })) {
            return page.decision(c, user, old.sessionId(), old, model);
        }
        redirect.addFlashAttribute("notice", published ? "council.admin.decision.corrected" : "council.admin.decision.saved");
        return "redirect:" + url(lang, c, decisionId);
    }

    @PostMapping("/decisions/{decisionId}/publication")
    String publish(Lang lang, @PathVariable String slug, @PathVariable long decisionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("stepForm") EmptyForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        CouncilDecisionReads.Decision old = staffDecision(c, user, decisionId);
        if (!CouncilAdminPage.run(model, "stepForm", result, new Check(), () -> decisions.publish(c, user, decisionId))) {
            model.addAttribute("decisionForm", form(old, reads.votes(c.id(), decisionId)));
            return page.decision(c, user, old.sessionId(), old, model);
        }
        redirect.addFlashAttribute("notice", "council.admin.decision.published");
        return "redirect:" + url(lang, c, decisionId);
    }

    private CouncilDecisionReads.Decision staffDecision(Collectivity c, AccountUser user, long id) {
        sessions.staffSessions(c, user); // 403 first: outsiders learn nothing of which ids exist
        return reads.staffDecision(c.id(), id);
    }

    static String url(Lang lang, Collectivity c, long id) {
        return "/" + lang.code() + "/c/" + c.slug() + "/admin/council/decisions/" + id;
    }

    private static CouncilDecisions.DecisionDraft draft(Check parsed, DecisionForm f) {
        Long item = Check.number(f.getAgendaItemId());
        parsed.when(item == null, "agendaItemId", Check.blank(f.getAgendaItemId()) ? "validation.required" : "validation.choose");
        CouncilCodes.Topic topic = CouncilAdminForms.code(parsed, "topic", CouncilCodes.Topic.class, f.getTopic());
        CouncilCodes.Outcome outcome = CouncilAdminForms.code(parsed, "outcome", CouncilCodes.Outcome.class, f.getOutcome());
        return new CouncilDecisions.DecisionDraft(item, f.getNumber() == null ? "" : f.getNumber(), f.getTitleAr(), f.getTitleFr(), f.getTextAr(),
                f.getTextFr(), topic, outcome);
    }

    private static CouncilDecisions.VoteInput votes(Check parsed, DecisionForm f) {
        return new CouncilDecisions.VoteInput(CouncilAdminForms.count(parsed, "votesFor", f.getVotesFor()),
                CouncilAdminForms.count(parsed, "votesAgainst", f.getVotesAgainst()), CouncilAdminForms.count(parsed, "votesAbstain", f.getVotesAbstain()),
                CouncilAdminForms.perMember(parsed, "votesFor", CouncilCodes.Choice.class, f.getVote()));
    }

    private static DecisionForm form(CouncilDecisionReads.Decision d, java.util.List<CouncilDecisionReads.MemberVote> votes) {
        DecisionForm f = new DecisionForm();
        f.setAgendaItemId(Long.toString(d.agendaItemId()));
        f.setNumber(d.number());
        f.setTitleAr(d.titleAr());
        f.setTitleFr(d.titleFr());
        f.setTextAr(d.textAr());
        f.setTextFr(d.textFr());
        f.setTopic(d.topic().name());
        f.setOutcome(d.outcome().name());
        // Counts derived from per-member votes are not typed again: changing one member's vote then needs no arithmetic.
        if (!d.perMember()) {
            f.setVotesFor(Integer.toString(d.votes().votesFor()));
            f.setVotesAgainst(Integer.toString(d.votes().against()));
            f.setVotesAbstain(Integer.toString(d.votes().abstain()));
        }
        votes.forEach(v -> f.getVote().put(Long.toString(v.memberId()), v.choice().name()));
        return f;
    }
}
