package ma.opencommune.program.web;

import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.ProgramGuard;
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

/** Program managers create a co-creation process, set its phases and publish its timeline (OGP-1). */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/program")
class ProcessAdminController {

    private final Territory territory;
    private final Processes processes;
    private final ProgramGuard guard;

    ProcessAdminController(Territory territory, Processes processes, ProgramGuard guard) {
        this.territory = territory;
        this.processes = processes;
        this.guard = guard;
    }

    /** Program managers see every process; members of a body see the processes to give their body's opinions. */
    @GetMapping
    String list(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        boolean manager = guard.isManager(user, c);
        if (!manager && guard.bodiesOf(user, c).isEmpty()) {
            guard.requireManager(user, c);
        }
        model.addAttribute("isManager", manager);
        model.addAttribute("collectivity", c);
        model.addAttribute("processes", processes.list(c.id(), manager));
        model.addAttribute("today", processes.today());
        return "program/admin-processes";
    }

    @GetMapping("/new")
    String newProcess(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        guard.requireManager(user, c);
        model.addAttribute("collectivity", c);
        model.addAttribute("form", ProcessForm.blank());
        return "program/admin-process";
    }

    @PostMapping
    String create(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") ProcessForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        guard.requireManager(user, c);
        Check dates = new Check();
        try {
            long id = processes.create(c, user, form.toDraft(dates));
            redirect.addFlashAttribute("notice", "program.process.created");
            return "redirect:/" + lang.code() + "/c/" + slug + "/admin/program/" + id;
        } catch (InvalidInput invalid) {
            ProcessForm.merge(dates, invalid).rejectInto(result);
            FormErrors.tidy(model, "form", result);
            model.addAttribute("collectivity", c);
            return "program/admin-process";
        }
    }

    @GetMapping("/{processId}")
    String edit(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        model.addAttribute("form", ProcessForm.of(p));
        return fillEdit(c, p, model);
    }

    private String fillEdit(Collectivity c, Process p, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("today", processes.today());
        return "program/admin-process";
    }

    @PostMapping("/{processId}")
    String save(Lang lang, @PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") ProcessForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Check dates = new Check();
        try {
            processes.update(c, user, processId, form.toDraft(dates));
        } catch (InvalidInput invalid) {
            ProcessForm.merge(dates, invalid).rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillEdit(c, p, model);
        }
        redirect.addFlashAttribute("notice", "program.process.saved");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/program/" + processId;
    }

    @PostMapping("/{processId}/publish")
    String publish(Lang lang, @PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        boolean late = processes.publish(c, user, processId);
        redirect.addFlashAttribute("notice", late ? "program.process.published-late" : "program.process.published");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/program/" + processId;
    }
}
