package ma.opencommune.council.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import ma.opencommune.council.CouncilDecisionReads;
import ma.opencommune.council.CouncilDecisionReads.Decision;
import ma.opencommune.council.CouncilMembers;
import ma.opencommune.council.CouncilSessions;
import ma.opencommune.platform.Check;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Council API of a collectivity (read only): the current members, the public sessions and the published decisions. */
@RestController
@RequestMapping("/api/v1/collectivities/{slug}/council")
@Tag(name = "Council", description = "Council composition, sessions and published decisions with their votes")
class CouncilApiController {

    static final int PAGE = 50;

    /** A member of the council and the committees they sit on. */
    record MemberRepresentation(long id, String nameAr, String nameFr, String role, Integer viceRank, LocalDate termStart, LocalDate termEnd,
            List<CommitteeRepresentation> committees) {
    }

    /** A committee of the council, named in Arabic and French. */
    record CommitteeRepresentation(long id, String nameAr, String nameFr) {
    }

    /** A public session (its agenda is published). */
    record SessionRepresentation(long id, String kind, LocalDate date, LocalTime startsAt, String place, String status) {
    }

    /** A published decision with its vote. */
    record DecisionRepresentation(long id, String number, long sessionId, LocalDate sessionDate, String titleAr, String titleFr, String textAr,
            String textFr, String topic, int votesFor, int votesAgainst, int votesAbstain, String outcome, LocalDate publishedOn, int revision) {
    }

    /** A page of decisions; {@code next} is the query of the next page, null on the last. */
    record DecisionPage(List<DecisionRepresentation> items, String next) {
    }

    private final Territory territory;
    private final CouncilMembers members;
    private final CouncilSessions sessions;
    private final CouncilDecisionReads decisions;

    CouncilApiController(Territory territory, CouncilMembers members, CouncilSessions sessions, CouncilDecisionReads decisions) {
        this.territory = territory;
        this.members = members;
        this.sessions = sessions;
        this.decisions = decisions;
    }

    @GetMapping("/members")
    @Operation(summary = "The current members of the council, bureau first")
    List<MemberRepresentation> members(@PathVariable String slug) {
        Collectivity c = territory.require(slug);
        java.util.Map<Long, CouncilMembers.Committee> committees = new java.util.HashMap<>();
        members.committees(c).forEach(k -> committees.put(k.id(), k));
        return members.members(c, true).stream().map(m -> new MemberRepresentation(m.id(), m.nameAr(), m.nameFr(), m.role().name(), m.viceRank(),
                m.termStart(), m.termEnd(), m.committeeIds().stream().map(committees::get)
                .map(k -> new CommitteeRepresentation(k.id(), k.nameAr(), k.nameFr())).toList())).toList();
    }

    @GetMapping("/sessions")
    @Operation(summary = "Public sessions (agenda published), newest first")
    List<SessionRepresentation> sessions(@PathVariable String slug) {
        return sessions.publicSessions(territory.require(slug)).stream().map(s -> new SessionRepresentation(s.id(), s.kind().name(), s.heldOn(),
                s.startsAt(), s.place(), s.status().name())).toList();
    }

    @GetMapping("/decisions")
    @Operation(summary = "Published decisions, newest first, filtered by year of session, session and topic")
    DecisionPage decisions(@PathVariable String slug,
            @Parameter(description = "year of the session") @RequestParam(required = false) String year,
            @Parameter(description = "id of the session") @RequestParam(required = false) String session,
            @Parameter(description = "budget, urbanism, services, partnerships, property, staff, petitions or other") @RequestParam(required = false)
            String topic,
            @Parameter(description = "the id of the last item of the previous page") @RequestParam(required = false) String before) {
        Collectivity c = territory.require(slug);
        CouncilDecisionReads.Filter f = CouncilFilters.parse(year, session, topic);
        List<Decision> rows = decisions.page(c.id(), f, CouncilFilters.positive(Check.number(before)), PAGE + 1);
        boolean more = rows.size() > PAGE;
        List<Decision> shown = more ? rows.subList(0, PAGE) : rows;
        String query = CouncilFilters.query(f);
        return new DecisionPage(shown.stream().map(d -> new DecisionRepresentation(d.id(), d.number(), d.sessionId(), d.sessionOn(), d.titleAr(),
                d.titleFr(), d.textAr(), d.textFr(), d.topic().name(), d.votes().votesFor(), d.votes().against(), d.votes().abstain(),
                d.outcome().name(), d.publishedOn(), d.revision())).toList(),
                more ? "?" + (query.isEmpty() ? "" : query + "&") + "before=" + shown.get(shown.size() - 1).id() : null);
    }
}
