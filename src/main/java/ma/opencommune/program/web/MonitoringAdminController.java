package ma.opencommune.program.web;

import java.io.IOException;
import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.program.CommitmentBoard;
import ma.opencommune.program.Monitoring;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.Tracking;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff side of monitoring: program managers report dated progress on a commitment's milestones with evidence
 * (OGP-3), and the follow-up committee (or managers on its behalf) records its assessments.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/program/{processId}/commitments/{commitmentId}")
class MonitoringAdminController {

    private final Territory territory;
    private final Processes processes;
    private final CommitmentBoard board;
    private final Monitoring monitoring;

    MonitoringAdminController(Territory territory, Processes processes, CommitmentBoard board, Monitoring monitoring) {
        this.territory = territory;
        this.processes = processes;
        this.board = board;
        this.monitoring = monitoring;
    }

    @GetMapping("/progress")
    String progress(@PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @AuthenticationPrincipal AccountUser user, @org.springframework.web.bind.annotation.RequestParam(required = false) String upload,
            Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        ProgressForm form = new ProgressForm();
        form.setReportedOn(processes.today().toString());
        model.addAttribute("form", form);
        if ("too-large".equals(upload)) {
            // The file was above the servlet limit: the request never reached us, say so on the form (UploadLimit).
            BindingResult result = new org.springframework.validation.BeanPropertyBindingResult(form, "form");
            result.rejectValue("document", "validation.file.too-large");
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        }
        return fillProgress(c, p, commitmentId, model);
    }

    private String fillProgress(Collectivity c, Process p, long commitmentId, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("commitment", monitoring.commitment(c.id(), p.id(), commitmentId));
        List<Tracking.MilestoneState> milestones = board.milestones(c.id(), commitmentId, processes.today());
        model.addAttribute("milestones", milestones);
        model.addAttribute("open", monitoring.reportingOpen(p));
        model.addAttribute("maxMegabytes", Upload.MAX_BYTES / (1024 * 1024));
        return "program/admin-progress";
    }

    @PostMapping("/progress")
    String report(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") ProgressForm form, BindingResult result,
            Model model, RedirectAttributes redirect) throws IOException {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Check typed = new Check();
        String documentProblem = Upload.check(form.getDocument()).orElse(null);
        Upload document = documentProblem == null ? Upload.of(form.getDocument()) : null;
        Long milestoneId = ProgressForm.id(form.getMilestoneId());
        typed.when(form.getMilestoneId() != null && !form.getMilestoneId().isBlank() && milestoneId == null, "milestoneId", "validation.choose");
        try {
            monitoring.report(c, user, processId, commitmentId, new Monitoring.ProgressReport(milestoneId,
                    ProcessForm.date(typed, "reportedOn", form.getReportedOn()), form.getText(), form.getEvidenceUrl(),
                    form.isCompletes(), document, documentProblem));
        } catch (InvalidInput invalid) {
            ProcessForm.merge(typed, invalid).rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillProgress(c, p, commitmentId, model);
        }
        redirect.addFlashAttribute("notice", "program.monitor.progress.saved");
        return "redirect:/" + lang.code() + "/c/" + slug + "/program/" + processId + "/commitments/" + commitmentId;
    }

    @GetMapping("/assessments")
    String assessments(@PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        List<ConsultativeBody> bodies = monitoring.requireAssessor(user, c);
        Process p = processes.requireVisible(c, processId, user);
        AssessmentForm form = new AssessmentForm();
        if (bodies.size() == 1) {
            form.setBodyId(String.valueOf(bodies.get(0).id()));
        }
        model.addAttribute("form", form);
        return fillAssessments(c, p, commitmentId, bodies, model);
    }

    private String fillAssessments(Collectivity c, Process p, long commitmentId, List<ConsultativeBody> bodies, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("commitment", monitoring.commitment(c.id(), p.id(), commitmentId));
        model.addAttribute("bodies", bodies);
        model.addAttribute("scales", ma.opencommune.program.OpenGovernment.values());
        model.addAttribute("assessments", board.assessments(c.id(), commitmentId));
        model.addAttribute("open", monitoring.assessingOpen(p));
        return "program/admin-assessments";
    }

    @PostMapping("/assessments")
    String assess(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") AssessmentForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        List<ConsultativeBody> bodies = monitoring.requireAssessor(user, c);
        Process p = processes.requireVisible(c, processId, user);
        Check typed = new Check();
        Long bodyId = ProgressForm.id(form.getBodyId());
        typed.when(form.getBodyId() != null && !form.getBodyId().isBlank() && bodyId == null, "bodyId", "validation.choose");
        try {
            monitoring.assess(c, user, processId, commitmentId, new Monitoring.AssessmentDraft(bodyId, form.getScale(), form.getText()));
        } catch (InvalidInput invalid) {
            ProcessForm.merge(typed, invalid).rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillAssessments(c, p, commitmentId, bodies, model);
        }
        redirect.addFlashAttribute("notice", "program.monitor.assessment.saved");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/program/" + processId + "/commitments/" + commitmentId + "/assessments";
    }

}
