package ma.opencommune.network.cohort.web;

import java.util.List;
import java.util.Map;
import ma.opencommune.network.cohort.Cohort;
import ma.opencommune.network.cohort.CohortCalls;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The public pages of the network's cohort calls: the list, and a call with its criteria, applicants, results and appeals. */
@Controller
@RequestMapping(Lang.PATH + "/network/calls")
class CohortPagesController {

    private final CohortCalls calls;
    private final Territory territory;

    CohortPagesController(CohortCalls calls, Territory territory) {
        this.calls = calls;
        this.territory = territory;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("calls", calls.publicCalls());
        model.addAttribute("today", calls.today());
        return "network/cohort/calls";
    }

    @GetMapping("/{callId}")
    String call(@PathVariable long callId, Model model) {
        Cohort.Page page = calls.page(callId);
        model.addAttribute("page", page);
        model.addAttribute("call", page.call());
        model.addAttribute("today", calls.today());
        model.addAttribute("names", territory.byIds(page.applications().stream().map(Cohort.Application::collectivityId).toList()));
        model.addAttribute("cells", cells(page.scores()));
        model.addAttribute("comments", page.reviews().stream().collect(java.util.stream.Collectors.groupingBy(Cohort.Review::applicationId)));
        return "network/cohort/call";
    }

    /** Scores keyed "application:criterion" for the result table. */
    static Map<String, Cohort.Score> cells(List<Cohort.Score> scores) {
        Map<String, Cohort.Score> cells = new java.util.HashMap<>();
        scores.forEach(s -> cells.put(s.applicationId() + ":" + s.criterionId(), s));
        return cells;
    }

    /** The name of a collectivity in a language, for templates. */
    static String name(Map<Long, Collectivity> names, long id, String lang) {
        Collectivity c = names.get(id);
        return c == null ? "#" + id : c.name(lang);
    }
}
