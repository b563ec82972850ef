package ma.opencommune.program.web;

import java.time.Instant;
import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.ProposalAnswers;
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

/**
 * Program managers answer every proposal with a reasoned public text (OGP-1), from a queue that puts the
 * unanswered ones first with their age, and moderate reported comments.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/program/{processId}")
class ProposalAdminController {

    private final Territory territory;
    private final Processes processes;
    private final Proposals proposals;
    private final ProposalAnswers answers;
    private final ProposalDiscussion discussion;

    ProposalAdminController(Territory territory, Processes processes, Proposals proposals, ProposalAnswers answers,
            ProposalDiscussion discussion) {
        this.territory = territory;
        this.processes = processes;
        this.proposals = proposals;
        this.answers = answers;
        this.discussion = discussion;
    }

    @GetMapping("/proposals")
    String queue(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(defaultValue = "0") String page, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Long asked = ProposalController.number(page);
        int current = asked == null ? 0 : (int) Math.max(0, Math.min(asked, 100_000));
        List<Proposals.Summary> rows = answers.queue(c, processId, user, current);
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("rows", rows.size() > ProposalAnswers.QUEUE_PAGE ? rows.subList(0, ProposalAnswers.QUEUE_PAGE) : rows);
        model.addAttribute("hasNext", rows.size() > ProposalAnswers.QUEUE_PAGE);
        model.addAttribute("pageNumber", current);
        model.addAttribute("counts", answers.counts(c, processId));
        model.addAttribute("reportedCount", discussion.reported(c, processId, user).size());
        model.addAttribute("now", Instant.now());
        return "program/admin-proposals";
    }

    @GetMapping("/proposals/{proposalId}")
    String answerForm(@PathVariable String slug, @PathVariable long processId, @PathVariable long proposalId,
            @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Proposals.Summary proposal = proposals.require(c, processId, proposalId);
        model.addAttribute("form", AnswerForm.of(proposal));
        return fillAnswer(c, p, proposal, user, model);
    }

    private String fillAnswer(Collectivity c, Process p, Proposals.Summary proposal, AccountUser user, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("detail", proposals.detail(c, p.id(), proposal.id(), user));
        model.addAttribute("proposal", proposal);
        model.addAttribute("commitments", answers.commitments(c, p.id()));
        model.addAttribute("statuses", List.of(ProposalStatus.ACCEPTED, ProposalStatus.PARTLY_ACCEPTED, ProposalStatus.NOT_RETAINED,
                ProposalStatus.ALREADY_COVERED));
        model.addAttribute("now", Instant.now());
        return "program/admin-proposal";
    }

    @PostMapping("/proposals/{proposalId}")
    String answer(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long proposalId,
            @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") AnswerForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Proposals.Summary proposal = proposals.require(c, processId, proposalId);
        try {
            ProposalAnswers.Outcome outcome = answers.answer(c, processId, proposalId, user, form.toAnswer());
            String base = "redirect:/" + lang.code() + "/c/" + slug + "/admin/program/" + processId;
            if (outcome.createdCommitmentId() != null) {
                // Staff complete the new commitment (milestones, lead unit, budget) on its own page.
                redirect.addFlashAttribute("notice", "program.proposal.answer.commitment-created");
                return base + "/commitments/" + outcome.createdCommitmentId();
            }
            redirect.addFlashAttribute("notice", "program.proposal.answer.saved");
            return base + "/proposals";
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillAnswer(c, p, proposal, user, model);
        }
    }

    @GetMapping("/comments")
    String reported(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("reported", discussion.reported(c, processId, user));
        return "program/admin-comments";
    }

    @PostMapping("/comments/{commentId}/hide")
    String hide(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long commentId,
            @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String reason, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        try {
            discussion.hide(c, processId, commentId, user, reason);
        } catch (InvalidInput invalid) {
            model.addAttribute("collectivity", c);
            model.addAttribute("process", p);
            model.addAttribute("reported", discussion.reported(c, processId, user));
            model.addAttribute("problemComment", commentId);
            model.addAttribute("problem", invalid.errors().get("reason"));
            return "program/admin-comments";
        }
        redirect.addFlashAttribute("notice", "program.comment.hidden");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/program/" + processId + "/comments";
    }
}
