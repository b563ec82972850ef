package ma.opencommune.program.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.program.Diagnosis;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
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
 * Program managers list the areas or projects residents rate in a process's diagnosis (PAC-3): add, rename,
 * order, remove while unrated; and read the comments left with the ratings.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/program/{processId}/diagnosis")
class DiagnosisAdminController {

    private final Territory territory;
    private final Processes processes;
    private final Diagnosis diagnosis;

    DiagnosisAdminController(Territory territory, Processes processes, Diagnosis diagnosis) {
        this.territory = territory;
        this.processes = processes;
        this.diagnosis = diagnosis;
    }

    @GetMapping
    String list(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        model.addAttribute("form", new AreaForm());
        return fill(c, p, user, Math.max(0, page), model);
    }

    private String fill(Collectivity c, Process p, AccountUser user, int page, Model model) {
        List<Diagnosis.Area> areas = diagnosis.areas(c.id(), p.id());
        List<Diagnosis.Comment> comments = diagnosis.comments(c, user, p.id(), page);
        Map<Long, Diagnosis.Area> byId = areas.stream().collect(Collectors.toMap(Diagnosis.Area::id, Function.identity()));
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("areas", areas);
        model.addAttribute("areaById", byId);
        model.addAttribute("comments", comments.stream().limit(Diagnosis.COMMENTS_PAGE).toList());
        model.addAttribute("page", page);
        model.addAttribute("hasNext", comments.size() > Diagnosis.COMMENTS_PAGE);
        return "program/admin-diagnosis";
    }

    @PostMapping
    String add(Lang lang, @PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") AreaForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        try {
            diagnosis.addArea(c, user, processId, form.toDraft());
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fill(c, p, user, 0, model);
        }
        redirect.addFlashAttribute("notice", "program.diagnosis.area.added");
        return back(lang, slug, processId);
    }

    @GetMapping("/{areaId}")
    String edit(@PathVariable String slug, @PathVariable long processId, @PathVariable long areaId,
            @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Diagnosis.Area area = diagnosis.requireArea(c.id(), processId, areaId);
        model.addAttribute("form", AreaForm.of(area));
        return fillEdit(c, p, area, model);
    }

    private String fillEdit(Collectivity c, Process p, Diagnosis.Area area, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("area", area);
        return "program/admin-area";
    }

    @PostMapping("/{areaId}")
    String save(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long areaId,
            @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") AreaForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireManaged(c, processId, user);
        Diagnosis.Area area = diagnosis.requireArea(c.id(), processId, areaId);
        try {
            diagnosis.updateArea(c, user, processId, areaId, form.toDraft());
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillEdit(c, p, area, model);
        }
        redirect.addFlashAttribute("notice", "program.diagnosis.area.saved");
        return back(lang, slug, processId);
    }

    @PostMapping("/{areaId}/move")
    String move(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long areaId,
            @AuthenticationPrincipal AccountUser user, @RequestParam(defaultValue = "down") String direction) {
        diagnosis.moveArea(territory.require(slug), user, processId, areaId, "up".equals(direction));
        return back(lang, slug, processId) + "#area-" + areaId;
    }

    @PostMapping("/{areaId}/remove")
    String remove(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long areaId,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        diagnosis.removeArea(territory.require(slug), user, processId, areaId);
        redirect.addFlashAttribute("notice", "program.diagnosis.area.removed");
        return back(lang, slug, processId);
    }

    private static String back(Lang lang, String slug, long processId) {
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/program/" + processId + "/diagnosis";
    }
}
