package ma.opencommune.program.web;

import java.util.ArrayList;
import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.BarChart;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.program.Diagnosis;
import ma.opencommune.program.DiagnosisResults;
import ma.opencommune.program.PhaseKind;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.context.MessageSource;
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
 * The public diagnosis of a process (PAC-3): results as charts and tables, overall and by self-declared gender
 * and age band (PAC-2), and, while the diagnosis phase is open, the one form in which a resident rates every area.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/program/{processId}/diagnosis")
class DiagnosisController {

    private final Territory territory;
    private final Processes processes;
    private final Diagnosis diagnosis;
    private final MessageSource messages;

    DiagnosisController(Territory territory, Processes processes, Diagnosis diagnosis, MessageSource messages) {
        this.territory = territory;
        this.processes = processes;
        this.diagnosis = diagnosis;
        this.messages = messages;
    }

    @GetMapping
    String page(Lang lang, @PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        List<Diagnosis.Area> areas = diagnosis.areas(c.id(), processId);
        if (user != null && p.isOpen(PhaseKind.DIAGNOSIS, processes.today())) {
            model.addAttribute("form", RatingForm.of(areas, diagnosis.mine(c.id(), processId, user), diagnosis.declared(c.id(), processId, user)));
        }
        return fill(lang, c, p, areas, user, model);
    }

    @PostMapping
    String rate(Lang lang, @PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") RatingForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        try {
            int rated = diagnosis.rate(c, user, processId, form.inputs(), form.getGender(), form.getAgeBand());
            redirect.addFlashAttribute("notice", "program.diagnosis.rated");
            redirect.addFlashAttribute("rated", rated);
            return "redirect:/" + lang.code() + "/c/" + slug + "/program/" + processId + "/diagnosis";
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            Process p = processes.requireVisible(c, processId, user);
            return fill(lang, c, p, diagnosis.areas(c.id(), processId), user, model);
        }
    }

    private String fill(Lang lang, Collectivity c, Process p, List<Diagnosis.Area> areas, AccountUser user, Model model) {
        DiagnosisResults results = diagnosis.results(c.id(), p.id());
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("today", processes.today());
        model.addAttribute("areas", areas);
        model.addAttribute("results", results);
        model.addAttribute("open", p.isOpen(PhaseKind.DIAGNOSIS, processes.today()));
        model.addAttribute("signedIn", user != null);
        model.addAttribute("phase", p.phase(PhaseKind.DIAGNOSIS).orElse(null));
        model.addAttribute("smallGroup", DiagnosisResults.SMALL_GROUP);
        model.addAttribute("genders", DiagnosisResults.GENDERS);
        model.addAttribute("ageBands", DiagnosisResults.AGE_BANDS);
        model.addAttribute("overallChart", overall(lang, results));
        model.addAttribute("genderChart", byGender(lang, results));
        return "program/diagnosis";
    }

    private String msg(Lang lang, String key, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }

    private BarChart overall(Lang lang, DiagnosisResults results) {
        List<BarChart.Group> groups = new ArrayList<>();
        for (DiagnosisResults.AreaResult r : results.areas()) {
            DiagnosisResults.Score s = r.overall();
            groups.add(new BarChart.Group(r.area().title().in(lang.code()),
                    s.shown() ? List.of(s.importance(), s.satisfaction()) : java.util.Arrays.asList(null, null)));
        }
        return BarChart.of("chart-overall", msg(lang, "program.diagnosis.chart.overall"), msg(lang, "program.diagnosis.chart.overall.desc"),
                lang.rtl(), List.of(msg(lang, "program.diagnosis.importance"), msg(lang, "program.diagnosis.satisfaction")), groups, 5,
                DiagnosisResults.Score::format, msg(lang, "program.diagnosis.too-few"));
    }

    private BarChart byGender(Lang lang, DiagnosisResults results) {
        List<BarChart.Group> groups = new ArrayList<>();
        for (DiagnosisResults.AreaResult r : results.areas()) {
            List<Double> values = new ArrayList<>();
            for (String g : DiagnosisResults.GENDERS) {
                DiagnosisResults.Score s = r.gender(g);
                values.add(s.shown() ? s.satisfaction() : null);
            }
            groups.add(new BarChart.Group(r.area().title().in(lang.code()), values));
        }
        return BarChart.of("chart-gender", msg(lang, "program.diagnosis.chart.gender"), msg(lang, "program.diagnosis.chart.gender.desc"),
                lang.rtl(), List.of(msg(lang, "program.diagnosis.gender.WOMAN"), msg(lang, "program.diagnosis.gender.MAN")), groups, 5,
                DiagnosisResults.Score::format, msg(lang, "program.diagnosis.too-few"));
    }
}
