package ma.opencommune.program.web;

import java.time.Instant;
import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Localized;
import ma.opencommune.platform.web.SameForEveryAnonymousVisitor;
import ma.opencommune.program.PhaseKind;
import ma.opencommune.program.Principle;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.ProgramGuard;
import ma.opencommune.program.ProposalDiscussion;
import ma.opencommune.program.ProposalStatus;
import ma.opencommune.program.Proposals;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Public pages of proposals: the filtered list, the form (while the proposals phase is open), and one proposal
 * with its answer, supports and threaded comments. Every action is a plain form POST: no JavaScript needed.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/program/{processId}/proposals")
class ProposalController {

    private final Territory territory;
    private final Processes processes;
    private final Proposals proposals;
    private final ProposalDiscussion discussion;
    private final ProgramGuard guard;

    ProposalController(Territory territory, Processes processes, Proposals proposals, ProposalDiscussion discussion, ProgramGuard guard) {
        this.territory = territory;
        this.processes = processes;
        this.proposals = proposals;
        this.discussion = discussion;
        this.guard = guard;
    }

    @GetMapping
    @SameForEveryAnonymousVisitor
    String list(Lang lang, @PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String principle, @RequestParam(required = false) String status,
            @RequestParam(required = false) String area, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String afterSupports, @RequestParam(required = false) String afterId, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        Proposals.Filter filter = filter(principle, status, area, sort, afterSupports, afterId);
        Proposals.Page page = proposals.list(c, processId, filter);
        Map<Long, Localized> areas = proposals.areas(c, processId);
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("today", processes.today());
        model.addAttribute("open", p.isOpen(PhaseKind.PROPOSALS, processes.today()));
        model.addAttribute("page", page);
        model.addAttribute("areas", areas);
        model.addAttribute("filter", filter);
        model.addAttribute("principles", Principle.values());
        model.addAttribute("statuses", ProposalStatus.values());
        model.addAttribute("filtered", filter.principle() != null || filter.status() != null || filter.areaId() != null);
        if (page.next() != null) {
            UriComponentsBuilder next = UriComponentsBuilder.fromPath("/" + lang.code() + "/c/" + slug + "/program/" + processId + "/proposals");
            if (filter.principle() != null) {
                next.queryParam("principle", filter.principle().name());
            }
            if (filter.status() != null) {
                next.queryParam("status", filter.status().name());
            }
            if (filter.areaId() != null) {
                next.queryParam("area", filter.areaId());
            }
            next.queryParam("sort", filter.sort().param());
            if (filter.sort() == Proposals.Sort.SUPPORTS) {
                next.queryParam("afterSupports", page.next().supports());
            }
            next.queryParam("afterId", page.next().id());
            model.addAttribute("nextUrl", next.build().toUriString());
        }
        return "program/proposals";
    }

    /** Lenient: a value that names nothing is "any", so an edited URL shows a list rather than an error. */
    static Proposals.Filter filter(String principle, String status, String area, String sort, String afterSupports, String afterId) {
        Long areaId = number(area);
        Long id = number(afterId);
        Long supports = number(afterSupports);
        Proposals.Sort order = Proposals.Sort.parse(sort);
        Proposals.Cursor after = id == null ? null : new Proposals.Cursor(
                supports == null ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, Math.max(0, supports)), id);
        return new Proposals.Filter(Principle.parse(principle), ProposalStatus.parse(status), areaId, order, after);
    }

    static Long number(String value) {
        if (Check.blank(value) || value.length() > 18) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/new")
    String newProposal(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        model.addAttribute("form", new ProposalForm());
        return fillForm(c, p, user, model);
    }

    private String fillForm(Collectivity c, Process p, AccountUser user, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("open", p.isOpen(PhaseKind.PROPOSALS, processes.today()));
        model.addAttribute("signedIn", user != null && user.isEnabled());
        model.addAttribute("areas", proposals.areas(c, p.id()));
        model.addAttribute("principles", Principle.values());
        return "program/proposal-new";
    }

    @PostMapping
    String submit(Lang lang, @PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") ProposalForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        guard.requireParticipant(user);
        Process p = processes.requireVisible(c, processId, user);
        try {
            long id = proposals.submit(c, processId, user, form.toSubmission());
            redirect.addFlashAttribute("notice", "program.proposal.submitted");
            return "redirect:/" + lang.code() + "/c/" + slug + "/program/" + processId + "/proposals/" + id;
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillForm(c, p, user, model);
        }
    }

    @GetMapping("/{proposalId}")
    @SameForEveryAnonymousVisitor
    String proposal(@PathVariable String slug, @PathVariable long processId, @PathVariable long proposalId,
            @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String replyTo,
            @RequestParam(required = false) String report, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        model.addAttribute("commentForm", new CommentForm());
        return fillPage(c, p, proposalId, user, number(replyTo), number(report), model);
    }

    private String fillPage(Collectivity c, Process p, long proposalId, AccountUser user, Long replyTo, Long report, Model model) {
        Proposals.Detail detail = proposals.detail(c, p.id(), proposalId, user);
        var comments = discussion.comments(c, proposalId);
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("detail", detail);
        model.addAttribute("proposal", detail.proposal());
        model.addAttribute("comments", comments);
        model.addAttribute("open", p.isOpen(PhaseKind.PROPOSALS, processes.today()));
        model.addAttribute("signedIn", user != null && user.isEnabled());
        model.addAttribute("isManager", guard.isManager(user, c));
        model.addAttribute("now", Instant.now());
        model.addAttribute("replyTo", replyTo == null ? null : comments.stream().filter(m -> m.id() == replyTo).findFirst().orElse(null));
        model.addAttribute("reportOf", report == null ? null : comments.stream().filter(m -> m.id() == report && !m.hidden()).findFirst().orElse(null));
        return "program/proposal";
    }

    @PostMapping("/{proposalId}/support")
    String support(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long proposalId,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        proposals.require(c, processId, proposalId);
        boolean done = discussion.support(c, proposalId, user);
        redirect.addFlashAttribute("notice", done ? "program.proposal.supported" : "program.proposal.already-supported");
        return back(lang, slug, processId, proposalId);
    }

    @PostMapping("/{proposalId}/support/withdraw")
    String withdraw(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long proposalId,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        proposals.require(c, processId, proposalId);
        discussion.withdraw(c, proposalId, user);
        redirect.addFlashAttribute("notice", "program.proposal.withdrawn");
        return back(lang, slug, processId, proposalId);
    }

    @PostMapping("/{proposalId}/comments")
    String comment(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long proposalId,
            @AuthenticationPrincipal AccountUser user, @ModelAttribute("commentForm") CommentForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        guard.requireParticipant(user);
        Process p = processes.requireVisible(c, processId, user);
        proposals.require(c, processId, proposalId);
        Long parent = number(form.getParentId());
        try {
            long id = discussion.comment(c, proposalId, parent, user, form.getBody());
            redirect.addFlashAttribute("notice", "program.comment.posted");
            return back(lang, slug, processId, proposalId) + "#comment-" + id;
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "commentForm", result);
            return fillPage(c, p, proposalId, user, parent, null, model);
        }
    }

    @PostMapping("/{proposalId}/comments/{commentId}/report")
    String report(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long proposalId,
            @PathVariable long commentId, @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        proposals.require(c, processId, proposalId);
        String cut = reason != null && reason.length() > 500 ? reason.substring(0, 500) : reason;
        boolean done = discussion.report(c, commentId, user, cut);
        redirect.addFlashAttribute("notice", done ? "program.comment.reported" : "program.comment.already-reported");
        return back(lang, slug, processId, proposalId) + "#comment-" + commentId;
    }

    private static String back(Lang lang, String slug, long processId, long proposalId) {
        return "redirect:/" + lang.code() + "/c/" + slug + "/program/" + processId + "/proposals/" + proposalId;
    }

    /** A comment or a reply ({@code parentId}). */
    public static class CommentForm {
        private String body, parentId;

        public String getBody() { return body; }
        public void setBody(String v) { body = v; }
        public String getParentId() { return parentId; }
        public void setParentId(String v) { parentId = v; }
    }
}
