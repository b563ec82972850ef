package ma.opencommune.program.web;

import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.program.Commitment;
import ma.opencommune.program.Commitments;
import ma.opencommune.program.Principle;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.Versions;
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
 * Program managers write the commitments (OGP-2) and their milestones, link what fed them, and record the
 * council's adoption; after adoption each change asks for a note and makes a new version.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/program/{processId}")
class CommitmentAdminController {

    private final Territory territory;
    private final Processes processes;
    private final Commitments commitments;
    private final Versions versions;

    CommitmentAdminController(Territory territory, Processes processes, Commitments commitments, Versions versions) {
        this.territory = territory;
        this.processes = processes;
        this.commitments = commitments;
        this.versions = versions;
    }

    private static String base(Lang lang, String slug, long processId) {
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/program/" + processId + "/commitments";
    }

    @GetMapping("/commitments")
    String list(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        model.addAttribute("form", new CommitmentForm());
        return fillList(c, p, model);
    }

    private String fillList(Collectivity c, Process p, Model model) {
        var today = processes.today();
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("commitments", commitments.list(c, p.id()));
        model.addAttribute("versions", versions.list(c, p.id()));
        model.addAttribute("principles", Principle.values());
        model.addAttribute("adoptionOpen", Versions.adoptionOpen(p, today));
        model.addAttribute("today", today);
        if (!model.containsAttribute("adoption")) {
            model.addAttribute("adoption", new AdoptionForm());
        }
        return "program/admin-commitments";
    }

    @PostMapping("/commitments")
    String create(Lang lang, @PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") CommitmentForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Check parsed = new Check();
        try {
            long id = commitments.create(c, user, p, form.toFields(parsed), form.getChangeNote(), parsed);
            redirect.addFlashAttribute("notice", "program.commitment.created");
            return base(lang, slug, processId) + "/" + id;
        } catch (InvalidInput invalid) {
            ProcessForm.merge(parsed, invalid).rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillList(c, p, model);
        }
    }

    @PostMapping("/adoption")
    String adopt(Lang lang, @PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("adoption") AdoptionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Check parsed = new Check();
        try {
            var on = ProcessForm.date(parsed, "deliberationOn", form.getDeliberationOn());
            versions.adopt(c, user, p, form.getDeliberationRef(), on, parsed);
        } catch (InvalidInput invalid) {
            ProcessForm.merge(parsed, invalid).rejectInto(result);
            FormErrors.tidy(model, "adoption", result);
            model.addAttribute("form", new CommitmentForm());
            return fillList(c, p, model);
        }
        redirect.addFlashAttribute("notice", "program.adoption.recorded");
        return base(lang, slug, processId);
    }

    @GetMapping("/commitments/{commitmentId}")
    String edit(@PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Commitment m = commitments.require(c, processId, commitmentId);
        model.addAttribute("form", CommitmentForm.of(m));
        return fillEdit(c, p, m, model);
    }

    private String fillEdit(Collectivity c, Process p, Commitment m, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("commitment", m);
        model.addAttribute("principles", Principle.values());
        model.addAttribute("adopted", versions.adopted(c.id(), p.id()));
        model.addAttribute("sources", commitments.sources(c, m.id()));
        model.addAttribute("choices", commitments.sourceChoices(c, p.id()));
        if (!model.containsAttribute("milestoneForm")) {
            model.addAttribute("milestoneForm", new MilestoneForm());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CommitmentForm.of(m));
        }
        return "program/admin-commitment";
    }

    @PostMapping("/commitments/{commitmentId}")
    String save(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") CommitmentForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Commitment m = commitments.require(c, processId, commitmentId);
        Check parsed = new Check();
        try {
            var fields = form.toFields(parsed);
            int version = commitments.update(c, user, processId, commitmentId, fields, form.getChangeNote(), parsed);
            notice(redirect, version, "program.commitment.saved");
        } catch (InvalidInput invalid) {
            ProcessForm.merge(parsed, invalid).rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillEdit(c, p, m, model);
        }
        return base(lang, slug, processId) + "/" + commitmentId;
    }

    @PostMapping("/commitments/{commitmentId}/milestones")
    String addMilestone(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @AuthenticationPrincipal AccountUser user, @ModelAttribute("milestoneForm") MilestoneForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Commitment m = commitments.require(c, processId, commitmentId);
        Check parsed = new Check();
        try {
            var fields = form.toFields(parsed);
            notice(redirect, commitments.addMilestone(c, user, processId, commitmentId, fields, form.getMilestoneNote(), parsed),
                    "program.milestone.added");
        } catch (InvalidInput invalid) {
            ProcessForm.merge(parsed, invalid).rejectInto(result);
            FormErrors.tidy(model, "milestoneForm", result);
            return fillEdit(c, p, m, model);
        }
        return base(lang, slug, processId) + "/" + commitmentId + "#milestones";
    }

    /** Changes one milestone; errors are shown beside that milestone only (the page has one form per milestone). */
    @PostMapping("/commitments/{commitmentId}/milestones/{milestoneId}")
    String updateMilestone(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @PathVariable long milestoneId, @AuthenticationPrincipal AccountUser user, MilestoneForm form, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Commitment m = commitments.require(c, processId, commitmentId);
        Check parsed = new Check();
        try {
            var fields = form.toFields(parsed);
            notice(redirect, commitments.updateMilestone(c, user, processId, commitmentId, milestoneId, fields, form.getMilestoneNote(), parsed),
                    "program.milestone.saved");
        } catch (InvalidInput invalid) {
            rejectMilestone(model, milestoneId, form, ProcessForm.merge(parsed, invalid));
            return fillEdit(c, p, m, model);
        }
        return base(lang, slug, processId) + "/" + commitmentId + "#milestone-" + milestoneId;
    }

    @PostMapping("/commitments/{commitmentId}/milestones/{milestoneId}/remove")
    String removeMilestone(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @PathVariable long milestoneId, @RequestParam(required = false) String milestoneNote, @AuthenticationPrincipal AccountUser user,
            Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Commitment m = commitments.require(c, processId, commitmentId);
        try {
            notice(redirect, commitments.removeMilestone(c, user, processId, commitmentId, milestoneId, milestoneNote), "program.milestone.removed");
        } catch (InvalidInput invalid) {
            MilestoneForm shown = m.milestones().stream().filter(s -> s.id() == milestoneId).findFirst().map(MilestoneForm::of).orElseGet(MilestoneForm::new);
            rejectMilestone(model, milestoneId, shown, invalid);
            return fillEdit(c, p, m, model);
        }
        return base(lang, slug, processId) + "/" + commitmentId + "#milestones";
    }

    private static void rejectMilestone(Model model, long milestoneId, MilestoneForm form, InvalidInput invalid) {
        model.addAttribute("editMilestoneId", milestoneId);
        model.addAttribute("editMilestone", form);
        model.addAttribute("milestoneErrors", Map.copyOf(invalid.errors()));
    }

    @PostMapping("/commitments/{commitmentId}/sources")
    String link(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @RequestParam(required = false) String source, @AuthenticationPrincipal AccountUser user, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Commitment m = commitments.require(c, processId, commitmentId);
        try {
            commitments.link(c, user, processId, commitmentId, source);
        } catch (InvalidInput invalid) {
            model.addAttribute("sourceError", invalid.errors().get("source"));
            return fillEdit(c, p, m, model);
        }
        redirect.addFlashAttribute("notice", "program.source.linked");
        return base(lang, slug, processId) + "/" + commitmentId + "#sources";
    }

    @PostMapping("/commitments/{commitmentId}/sources/{sourceId}/remove")
    String unlink(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @PathVariable long sourceId, @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        processes.requireManaged(c, processId, user);
        commitments.unlink(c, user, processId, commitmentId, sourceId);
        redirect.addFlashAttribute("notice", "program.source.unlinked");
        return base(lang, slug, processId) + "/" + commitmentId + "#sources";
    }

    private static void notice(RedirectAttributes redirect, int version, String key) {
        redirect.addFlashAttribute("notice", version > 0 ? "program.version.created" : key);
        if (version > 0) {
            redirect.addFlashAttribute("noticeArg", version);
        }
    }

    /** The council deliberation adopting the program. */
    public static class AdoptionForm {
        private String deliberationRef, deliberationOn;

        public String getDeliberationRef() { return deliberationRef; }
        public void setDeliberationRef(String v) { deliberationRef = v; }
        public String getDeliberationOn() { return deliberationOn; }
        public void setDeliberationOn(String v) { deliberationOn = v; }
    }
}
