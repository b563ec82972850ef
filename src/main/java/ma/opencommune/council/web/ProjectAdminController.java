package ma.opencommune.council.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.council.CouncilCodes;
import ma.opencommune.council.CouncilDecisionReads;
import ma.opencommune.council.ProjectDetail;
import ma.opencommune.council.ProjectFields;
import ma.opencommune.council.ProjectFilter;
import ma.opencommune.council.ProjectLine;
import ma.opencommune.council.ProjectReads;
import ma.opencommune.council.ProjectSector;
import ma.opencommune.council.ProjectStatus;
import ma.opencommune.council.Projects;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of the projects: the list (drafts included), creating and editing a project, and moving its status. For
 * the council secretary or a staff administrator of the collectivity in the URL; every read and write is checked in
 * the façade, so staff of another collectivity get 403 and another collectivity's project 404.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/projects")
class ProjectAdminController {

    static final int PAGE = 50;

    private final Territory territory;
    private final Projects projects;
    private final ProjectReads reads;
    private final CouncilDecisionReads decisions;

    ProjectAdminController(Territory territory, Projects projects, ProjectReads reads, CouncilDecisionReads decisions) {
        this.territory = territory;
        this.projects = projects;
        this.reads = reads;
        this.decisions = decisions;
    }

    @GetMapping
    String list(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String before,
            Model model) {
        Collectivity c = territory.require(slug);
        projects.requireStaff(c, user);
        Long beforeId = Check.number(before);
        List<ProjectLine> lines = reads.list(c, ProjectFilter.NONE, beforeId, PAGE + 1, false);
        boolean more = lines.size() > PAGE;
        List<ProjectLine> shown = more ? lines.subList(0, PAGE) : lines;
        model.addAttribute("collectivity", c);
        model.addAttribute("projects", shown);
        model.addAttribute("nextUrl", more ? "/" + lang.code() + "/c/" + slug + "/admin/projects?before=" + shown.get(shown.size() - 1).id() : null);
        return "council/project-admin-list";
    }

    @GetMapping("/new")
    String create(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        projects.requireStaff(c, user);
        model.addAttribute("form", ProjectForm.blank());
        return form(c, null, model);
    }

    @PostMapping("/new")
    String create(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") ProjectForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        projects.requireStaff(c, user);
        Check typed = new Check();
        ProjectFields fields = form.fields(typed);
        try {
            Projects.Saved saved = projects.create(c, user, fields, typed, form.getSubmissionKey());
            redirect.addFlashAttribute("notice", "projects.admin.saved");
            return "redirect:/" + lang.code() + "/c/" + slug + "/admin/projects/" + saved.id();
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            form.padFunding();
            return form(c, null, model);
        }
    }

    @GetMapping("/{projectId}")
    String edit(@PathVariable String slug, @PathVariable long projectId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        projects.requireStaff(c, user);
        ProjectDetail d = reads.detail(c, projectId, false);
        model.addAttribute("form", ProjectForm.of(d, reads.linkedIds(c, projectId), reads.decisionIds(c, projectId)));
        return form(c, d, model);
    }

    @PostMapping("/{projectId}")
    String edit(Lang lang, @PathVariable String slug, @PathVariable long projectId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") ProjectForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        projects.requireStaff(c, user);
        ProjectDetail d = reads.detail(c, projectId, false);
        Check typed = new Check();
        try {
            projects.edit(c, user, projectId, form.fields(typed), typed);
            redirect.addFlashAttribute("notice", "projects.admin.saved");
            return "redirect:/" + lang.code() + "/c/" + slug + "/admin/projects/" + projectId;
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            form.padFunding();
            return form(c, d, model);
        }
    }

    /** Moves the status; a move the aggregate refuses answers 409 with the reason (PageErrors). */
    @PostMapping("/{projectId}/status")
    String status(Lang lang, @PathVariable String slug, @PathVariable long projectId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String status, @RequestParam(required = false) String note, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        projects.requireStaff(c, user);
        ProjectDetail d = reads.detail(c, projectId, false);
        try {
            projects.changeStatus(c, user, projectId, ProjectStatus.parse(status).orElse(null), note);
        } catch (InvalidInput invalid) {
            model.addAttribute("statusError", invalid.errors().values().iterator().next());
            model.addAttribute("form", ProjectForm.of(d, reads.linkedIds(c, projectId), reads.decisionIds(c, projectId)));
            return form(c, d, model);
        }
        redirect.addFlashAttribute("notice", "projects.admin.status-saved");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/projects/" + projectId;
    }

    /** The published decisions of one session, a group of the form's choices. */
    record DecisionSession(long id, LocalDate on, CouncilCodes.SessionKind kind, List<CouncilDecisionReads.Decision> decisions) {
    }

    /** Groups the decisions (newest session first, as read) by their session, keeping the order. */
    static List<DecisionSession> bySession(List<CouncilDecisionReads.Decision> all) {
        Map<Long, DecisionSession> groups = new LinkedHashMap<>();
        for (CouncilDecisionReads.Decision d : all) {
            groups.computeIfAbsent(d.sessionId(), k -> new DecisionSession(k, d.sessionOn(), d.sessionKind(), new ArrayList<>())).decisions().add(d);
        }
        return List.copyOf(groups.values());
    }

    private String form(Collectivity c, ProjectDetail d, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("project", d);
        model.addAttribute("sectors", ProjectSector.values());
        model.addAttribute("commitments", reads.commitmentChoices(c));
        model.addAttribute("decisionSessions", bySession(decisions.published(c.id())));
        return "council/project-admin-form";
    }
}
