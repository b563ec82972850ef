package ma.opencommune.program.web;

import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.program.DiagnosisResults;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.Workshop;
import ma.opencommune.program.Workshops;
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
 * Program managers run a process's workshops: announce and change them, cancel one (registrants are emailed),
 * see who registered, record attendance (a count with optional self-declared gender and age band, no names)
 * and publish the minutes once a workshop has ended.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/program/{processId}/workshops")
class WorkshopAdminController {

    private final Territory territory;
    private final Processes processes;
    private final Workshops workshops;

    WorkshopAdminController(Territory territory, Processes processes, Workshops workshops) {
        this.territory = territory;
        this.processes = processes;
        this.workshops = workshops;
    }

    @GetMapping
    String list(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        List<Workshop> all = workshops.list(c.id(), processId);
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("workshops", all);
        model.addAttribute("total", Workshops.total(all));
        model.addAttribute("now", workshops.now());
        model.addAttribute("ageBands", DiagnosisResults.AGE_BANDS);
        return "program/admin-workshops";
    }

    @GetMapping("/new")
    String newWorkshop(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        model.addAttribute("form", new WorkshopForm());
        return fillEdit(c, p, null, user, 0, model);
    }

    @PostMapping
    String create(Lang lang, @PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") WorkshopForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Check parse = new Check();
        try {
            // An unreadable time reaches the workshops as missing, so they refuse it too: nothing is saved.
            long id = workshops.create(c, user, processId, form.toDraft(parse));
            redirect.addFlashAttribute("notice", "program.workshop.created");
            return back(lang, slug, processId) + "/" + id;
        } catch (InvalidInput invalid) {
            ProcessForm.merge(parse, invalid).rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillEdit(c, p, null, user, 0, model);
        }
    }

    @GetMapping("/{workshopId}")
    String edit(@PathVariable String slug, @PathVariable long processId, @PathVariable long workshopId,
            @AuthenticationPrincipal AccountUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Workshop w = workshops.require(c.id(), processId, workshopId);
        model.addAttribute("form", WorkshopForm.of(w));
        return fillEdit(c, p, w, user, Math.max(0, page), model);
    }

    private String fillEdit(Collectivity c, Process p, Workshop w, AccountUser user, int page, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("workshop", w);
        model.addAttribute("now", workshops.now());
        model.addAttribute("genders", DiagnosisResults.GENDERS);
        model.addAttribute("ageBands", DiagnosisResults.AGE_BANDS);
        if (w != null) {
            List<Workshops.Registrant> registrants = workshops.registrants(c, user, p.id(), w.id(), page);
            model.addAttribute("registrants", registrants.stream().limit(Workshops.REGISTRANTS_PAGE).toList());
            model.addAttribute("page", page);
            model.addAttribute("hasNext", registrants.size() > Workshops.REGISTRANTS_PAGE);
            if (!model.containsAttribute("minutes")) {
                model.addAttribute("minutes", w.minutes());
            }
        }
        return "program/admin-workshop";
    }

    @PostMapping("/{workshopId}")
    String save(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long workshopId,
            @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") WorkshopForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Workshop w = workshops.require(c.id(), processId, workshopId);
        Check parse = new Check();
        try {
            workshops.update(c, user, processId, workshopId, form.toDraft(parse));
        } catch (InvalidInput invalid) {
            ProcessForm.merge(parse, invalid).rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillEdit(c, p, w, user, 0, model);
        }
        redirect.addFlashAttribute("notice", "program.workshop.saved");
        return back(lang, slug, processId) + "/" + workshopId;
    }

    @PostMapping("/{workshopId}/cancel")
    String cancel(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long workshopId,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        workshops.cancel(territory.require(slug), user, processId, workshopId);
        redirect.addFlashAttribute("notice", "program.workshop.cancelled-notice");
        return back(lang, slug, processId) + "/" + workshopId;
    }

    @PostMapping("/{workshopId}/attendance")
    String attendance(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long workshopId,
            @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String count,
            @RequestParam(required = false) String gender, @RequestParam(required = false) String ageBand, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Workshop w = workshops.require(c.id(), processId, workshopId);
        Integer n = null;
        boolean unreadable = false;
        try {
            n = Check.blank(count) ? null : Integer.valueOf(count.strip());
        } catch (NumberFormatException e) {
            unreadable = true;
        }
        try {
            workshops.recordAttendance(c, user, processId, workshopId, unreadable ? Integer.valueOf(0) : n, gender, ageBand);
        } catch (InvalidInput invalid) {
            model.addAttribute("form", WorkshopForm.of(w));
            model.addAttribute("attendanceErrors", invalid.errors());
            model.addAttribute("attendanceCount", count);
            return fillEdit(c, p, w, user, 0, model);
        }
        redirect.addFlashAttribute("notice", "program.workshop.attendance.recorded");
        return back(lang, slug, processId) + "/" + workshopId + "#attendance";
    }

    @PostMapping("/{workshopId}/attendance/undo")
    String undoAttendance(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long workshopId,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        workshops.undoLastAttendance(territory.require(slug), user, processId, workshopId);
        redirect.addFlashAttribute("notice", "program.workshop.attendance.undone");
        return back(lang, slug, processId) + "/" + workshopId + "#attendance";
    }

    @PostMapping("/{workshopId}/minutes")
    String minutes(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long workshopId,
            @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String minutes, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Workshop w = workshops.require(c.id(), processId, workshopId);
        try {
            workshops.publishMinutes(c, user, processId, workshopId, minutes);
        } catch (InvalidInput invalid) {
            model.addAttribute("form", WorkshopForm.of(w));
            model.addAttribute("minutesErrors", invalid.errors());
            model.addAttribute("minutes", minutes);
            return fillEdit(c, p, w, user, 0, model);
        }
        redirect.addFlashAttribute("notice", "program.workshop.minutes.published");
        return back(lang, slug, processId) + "/" + workshopId + "#minutes";
    }

    private static String back(Lang lang, String slug, long processId) {
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/program/" + processId + "/workshops";
    }
}
