package ma.opencommune.council.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.opencommune.council.CouncilCodes;
import ma.opencommune.council.CouncilDecisionReads;
import ma.opencommune.council.CouncilDecisionReads.Decision;
import ma.opencommune.council.CouncilDecisionReads.Filter;
import ma.opencommune.council.CouncilMembers;
import ma.opencommune.council.CouncilSessions;
import ma.opencommune.council.ProjectReads;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.platform.web.SameForEveryAnonymousVisitor;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public council pages: its composition and sessions, a session's agenda, attendance, minutes and decisions, the
 * filtered list of decisions and a decision's page with its votes and its history. Only what the secretary published.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/council")
class CouncilPagesController {

    static final int PAGE = 20;

    private final Territory territory;
    private final CouncilMembers members;
    private final CouncilSessions sessions;
    private final CouncilDecisionReads decisions;
    private final FileStore files;
    private final ProjectReads projects;

    CouncilPagesController(Territory territory, CouncilMembers members, CouncilSessions sessions, CouncilDecisionReads decisions, FileStore files,
            ProjectReads projects) {
        this.projects = projects;
        this.territory = territory;
        this.members = members;
        this.sessions = sessions;
        this.decisions = decisions;
        this.files = files;
    }

    @GetMapping
    @SameForEveryAnonymousVisitor
    String home(@PathVariable String slug, Model model) {
        Collectivity c = territory.require(slug);
        List<CouncilSessions.SessionLine> all = sessions.publicSessions(c);
        model.addAttribute("collectivity", c);
        model.addAttribute("members", members.members(c, true));
        model.addAttribute("committees", members.committees(c));
        model.addAttribute("upcoming", all.stream().filter(s -> !s.status().held()).sorted((a, b) -> a.heldOn().compareTo(b.heldOn())).toList());
        model.addAttribute("past", all.stream().filter(s -> s.status().held()).toList());
        return "council/council-home";
    }

    @GetMapping("/sessions/{sessionId}")
    @SameForEveryAnonymousVisitor
    String session(@PathVariable String slug, @PathVariable long sessionId, Model model) {
        Collectivity c = territory.require(slug);
        CouncilSessions.SessionView v = sessions.publicSession(c, sessionId);
        model.addAttribute("collectivity", c);
        model.addAttribute("v", v);
        model.addAttribute("s", v.session());
        model.addAttribute("people", byId(members.members(c, false)));
        model.addAttribute("decisions", v.session().status().held() ? decisions.ofSession(c.id(), sessionId, true) : List.of());
        return "council/council-session";
    }

    static Map<Long, CouncilMembers.Member> byId(List<CouncilMembers.Member> list) {
        return list.stream().collect(Collectors.toMap(CouncilMembers.Member::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @GetMapping("/sessions/{sessionId}/minutes.pdf")
    void minutes(@PathVariable String slug, @PathVariable long sessionId, HttpServletResponse response) throws IOException {
        String[] file = sessions.minutesFile(territory.require(slug), sessionId);
        try (InputStream in = files.open(file[0]).orElseThrow(() -> new NotFoundException("minutes file"))) {
            response.setContentType("application/pdf");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"minutes-" + sessionId + ".pdf\"");
            response.setHeader("X-Content-Type-Options", "nosniff");
            try (OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }

    @GetMapping("/decisions")
    @SameForEveryAnonymousVisitor
    String decisions(Lang lang, @PathVariable String slug, @RequestParam(required = false) String year,
            @RequestParam(required = false) String session, @RequestParam(required = false) String topic,
            @RequestParam(required = false) String before, Model model) {
        Collectivity c = territory.require(slug);
        Filter f = CouncilFilters.parse(year, session, topic);
        Long beforeId = CouncilFilters.positive(Check.number(before));
        List<Decision> rows = decisions.page(c.id(), f, beforeId, PAGE + 1);
        boolean more = rows.size() > PAGE;
        List<Decision> shown = more ? rows.subList(0, PAGE) : rows;
        String base = "/" + lang.code() + "/c/" + c.slug() + "/council/decisions";
        String query = CouncilFilters.query(f);
        model.addAttribute("collectivity", c);
        model.addAttribute("filter", f);
        model.addAttribute("rows", shown);
        model.addAttribute("years", decisions.years(c.id()));
        model.addAttribute("sessions", sessions.heldSessions(c));
        model.addAttribute("topics", CouncilCodes.Topic.values());
        model.addAttribute("firstUrl", beforeId == null ? null : base + (query.isEmpty() ? "" : "?" + query));
        model.addAttribute("nextUrl", more ? base + "?" + (query.isEmpty() ? "" : query + "&") + "before=" + shown.get(shown.size() - 1).id() : null);
        model.addAttribute("csvUrl", base + ".csv" + (query.isEmpty() ? "" : "?" + query));
        return "council/council-decisions";
    }

    @GetMapping("/decisions/{decisionId}")
    @SameForEveryAnonymousVisitor
    String decision(@PathVariable String slug, @PathVariable long decisionId, Model model) {
        Collectivity c = territory.require(slug);
        Decision d = decisions.publicDecision(c.id(), decisionId);
        model.addAttribute("collectivity", c);
        model.addAttribute("d", d);
        model.addAttribute("item", sessions.publicSession(c, d.sessionId()).agenda().stream().filter(i -> i.id() == d.agendaItemId()).findFirst()
                .orElse(null));
        model.addAttribute("votes", d.perMember() ? decisions.votes(c.id(), decisionId) : List.of());
        model.addAttribute("history", decisions.history(c.id(), decisionId));
        model.addAttribute("projects", projects.carryingOut(c.id(), decisionId));
        return "council/council-decision";
    }
}
