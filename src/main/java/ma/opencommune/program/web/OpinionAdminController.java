package ma.opencommune.program.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.program.Commitments;
import ma.opencommune.program.Opinion;
import ma.opencommune.program.Opinions;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.ProgramGuard;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.ConsultativeBody;
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
 * Bodies' opinions on the staff side (BODY-1..3, OGP-1): members of a body record its opinions (program managers
 * may record them on a body's behalf); program managers answer each recommendation with a reason.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/program/{processId}/opinions")
class OpinionAdminController {

    private final Territory territory;
    private final Processes processes;
    private final Opinions opinions;
    private final Commitments commitments;
    private final ProgramGuard guard;

    OpinionAdminController(Territory territory, Processes processes, Opinions opinions, Commitments commitments, ProgramGuard guard) {
        this.territory = territory;
        this.processes = processes;
        this.opinions = opinions;
        this.commitments = commitments;
        this.guard = guard;
    }

    /** Program managers see every process; body members the published ones; everyone else is refused. */
    private Process process(Collectivity c, long processId, AccountUser user) {
        if (guard.isManager(user, c)) {
            return processes.requireManaged(c, processId, user);
        }
        if (guard.bodiesOf(user, c).isEmpty()) {
            guard.requireManager(user, c);
        }
        return processes.find(c.id(), processId).filter(Process::published).orElseThrow(() -> new NotFoundException("process " + processId));
    }

    @GetMapping
    String list(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = process(c, processId, user);
        model.addAttribute("form", new OpinionForm());
        return fillList(c, p, user, model);
    }

    private String fillList(Collectivity c, Process p, AccountUser user, Model model) {
        boolean manager = guard.isManager(user, c);
        List<ConsultativeBody> bodies = territory.bodies(c.id());
        List<Long> own = guard.bodiesOf(user, c);
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("opinions", opinions.list(c, p.id()));
        model.addAttribute("bodies", bodies.stream().collect(Collectors.toMap(ConsultativeBody::id, Function.identity())));
        model.addAttribute("actableBodies", bodies.stream().filter(b -> manager || own.contains(b.id())).toList());
        model.addAttribute("commitments", commitments.list(c, p.id()));
        model.addAttribute("recordingOpen", Opinions.recordingOpen(p, processes.today()));
        model.addAttribute("isManager", manager);
        model.addAttribute("today", processes.today());
        return "program/admin-opinions";
    }

    @PostMapping
    String record(Lang lang, @PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") OpinionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = process(c, processId, user);
        Check ids = new Check();
        try {
            long id = opinions.record(c, user, p, form.toDraft(ids), ids);
            redirect.addFlashAttribute("notice", "program.opinion.recorded");
            return "redirect:/" + lang.code() + "/c/" + slug + "/admin/program/" + processId + "/opinions/" + id;
        } catch (InvalidInput invalid) {
            ProcessForm.merge(ids, invalid).rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillList(c, p, user, model);
        }
    }

    @GetMapping("/{opinionId}")
    String opinion(@PathVariable String slug, @PathVariable long processId, @PathVariable long opinionId,
            @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = process(c, processId, user);
        return fillOpinion(c, p, opinions.require(c, processId, opinionId), user, model);
    }

    private String fillOpinion(Collectivity c, Process p, Opinion o, AccountUser user, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("opinion", o);
        model.addAttribute("body", territory.body(c.id(), o.bodyId()).orElse(null));
        model.addAttribute("isManager", guard.isManager(user, c));
        model.addAttribute("today", processes.today());
        model.addAttribute("responses", Opinion.Response.values());
        return "program/admin-opinion";
    }

    /** Answers (or corrects the answer to) one recommendation; errors are shown beside that recommendation only. */
    @PostMapping("/{opinionId}/recommendations/{recommendationId}")
    String answer(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long opinionId,
            @PathVariable long recommendationId, @RequestParam(required = false) String response,
            @RequestParam(required = false) String reason, @AuthenticationPrincipal AccountUser user, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        guard.requireManager(user, c);
        Process p = processes.requireManaged(c, processId, user);
        try {
            opinions.answer(c, user, processId, opinionId, recommendationId, response, reason);
        } catch (InvalidInput invalid) {
            model.addAttribute("answerFor", recommendationId);
            model.addAttribute("answerErrors", Map.copyOf(invalid.errors()));
            model.addAttribute("answerResponse", response);
            model.addAttribute("answerReason", reason);
            return fillOpinion(c, p, opinions.require(c, processId, opinionId), user, model);
        }
        redirect.addFlashAttribute("notice", "program.recommendation.answered");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/program/" + processId + "/opinions/" + opinionId + "#rec-" + recommendationId;
    }
}
