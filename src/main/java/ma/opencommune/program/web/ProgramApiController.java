package ma.opencommune.program.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Localized;
import ma.opencommune.program.Principle;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.ProposalDiscussion;
import ma.opencommune.program.Proposals;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Citizen API of the program: published processes with their phases, proposals (list, submit) and supports.
 * Same services as the pages; errors are RFC 9457 problem details. Writing needs a personal API token
 * ({@code Authorization: Bearer oc_...}).
 */
@RestController
@RequestMapping("/api/v1/collectivities/{slug}")
@Tag(name = "Program", description = "Co-creation processes of a collectivity's Open Commune program, proposals and supports")
class ProgramApiController {

    /** A phase of a process. */
    record PhaseRepresentation(String kind, LocalDate startsOn, LocalDate endsOn, boolean open) {
    }

    /** A published process with its timeline. */
    record ProcessRepresentation(long id, Map<String, String> title, LocalDate startsOn, LocalDate endsOn, Instant publishedAt,
            List<PhaseRepresentation> phases) {
    }

    /** The answer staff gave a proposal (OGP-1), null while unanswered. */
    record AnswerRepresentation(String status, String text, Long commitmentId, Instant answeredAt) {
    }

    /** A proposal; the author is a public display name (or the association's name), never an address. */
    record ProposalRepresentation(long id, String title, String body, List<String> principles, AreaRepresentation area,
            String status, AnswerRepresentation answer, int supportCount, int commentCount, String author, Instant createdAt) {
    }

    /** The diagnosed area a proposal is filed under. */
    record AreaRepresentation(long id, Map<String, String> title) {
    }

    /** A page of proposals; {@code next} is the query of the next page, null on the last. */
    record ProposalPage(List<ProposalRepresentation> items, String next) {
    }

    /** A new proposal. */
    record NewProposal(String title, String body, List<String> principles, Long areaId, String association) {
    }

    private final Territory territory;
    private final Processes processes;
    private final Proposals proposals;
    private final ProposalDiscussion discussion;

    ProgramApiController(Territory territory, Processes processes, Proposals proposals, ProposalDiscussion discussion) {
        this.territory = territory;
        this.processes = processes;
        this.proposals = proposals;
        this.discussion = discussion;
    }

    @GetMapping("/processes")
    @Operation(summary = "Published co-creation processes with their phases")
    List<ProcessRepresentation> processes(@PathVariable String slug) {
        Collectivity c = territory.require(slug);
        LocalDate today = processes.today();
        return processes.list(c.id(), false).stream().map(p -> new ProcessRepresentation(p.id(), names(p.title()), p.startsOn(),
                p.endsOn(), p.publishedAt(), p.phases().stream().map(ph -> new PhaseRepresentation(ph.kind().name(), ph.startsOn(),
                        ph.endsOn(), p.isOpen(ph.kind(), today))).toList())).toList();
    }

    @GetMapping("/processes/{processId}/proposals")
    @Operation(summary = "Proposals of a process, 20 per page", description = "Filters as on the page; follow `next` for the next page.")
    ProposalPage proposals(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user,
            @Parameter(description = "TRANSPARENCY, ACCESS_TO_INFORMATION, PARTICIPATION or DIGITALIZATION") @RequestParam(required = false) String principle,
            @Parameter(description = "OPEN, ACCEPTED, PARTLY_ACCEPTED, NOT_RETAINED or ALREADY_COVERED") @RequestParam(required = false) String status,
            @Parameter(description = "id of a diagnosed area") @RequestParam(required = false) String area,
            @Parameter(description = "date (newest first, default) or supports") @RequestParam(required = false) String sort,
            @RequestParam(required = false) String afterSupports, @RequestParam(required = false) String afterId) {
        Collectivity c = territory.require(slug);
        processes.requireVisible(c, processId, user);
        if ((principle != null && Principle.parse(principle) == null)
                || (status != null && ma.opencommune.program.ProposalStatus.parse(status) == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, principle != null && Principle.parse(principle) == null ? "principle" : "status");
        }
        Proposals.Filter filter = ProposalController.filter(principle, status, area, sort, afterSupports, afterId);
        Proposals.Page page = proposals.list(c, processId, filter);
        String next = null;
        if (page.next() != null) {
            StringBuilder q = new StringBuilder("?sort=").append(filter.sort().param());
            if (filter.principle() != null) {
                q.append("&principle=").append(filter.principle().name());
            }
            if (filter.status() != null) {
                q.append("&status=").append(filter.status().name());
            }
            if (filter.areaId() != null) {
                q.append("&area=").append(filter.areaId());
            }
            if (filter.sort() == Proposals.Sort.SUPPORTS) {
                q.append("&afterSupports=").append(page.next().supports());
            }
            next = q.append("&afterId=").append(page.next().id()).toString();
        }
        return new ProposalPage(page.items().stream().map(s -> represent(s, page.authorNames())).toList(), next);
    }

    @PostMapping("/processes/{processId}/proposals")
    @Operation(summary = "Submit a proposal", description = "Only while the proposals phase is open (409 otherwise); 400 lists every field error.")
    ResponseEntity<ProposalRepresentation> submit(@PathVariable String slug, @PathVariable long processId,
            @AuthenticationPrincipal AccountUser user, @RequestBody NewProposal body) {
        requireSignedIn(user);
        Collectivity c = territory.require(slug);
        Proposals.Submission submission = new Proposals.Submission(body.title(), body.body(),
                ProposalForm.principles(body.principles()), body.areaId(), body.association());
        long id = proposals.submit(c, processId, user, submission);
        Proposals.Summary created = proposals.require(c, processId, id);
        return ResponseEntity.created(URI.create("/api/v1/collectivities/" + slug + "/processes/" + processId + "/proposals/" + id))
                .body(represent(created, Map.of(user.id(), user.displayName())));
    }

    @GetMapping("/processes/{processId}/proposals/{proposalId}")
    @Operation(summary = "One proposal")
    ProposalRepresentation proposal(@PathVariable String slug, @PathVariable long processId, @PathVariable long proposalId,
            @AuthenticationPrincipal AccountUser user) {
        Collectivity c = territory.require(slug);
        processes.requireVisible(c, processId, user);
        Proposals.Detail d = proposals.detail(c, processId, proposalId, user);
        Proposals.Summary s = d.proposal();
        Proposals.Summary exact = new Proposals.Summary(s.id(), s.processId(), s.title(), s.body(), s.authorId(), s.association(),
                s.areaId(), s.area(), s.principles(), s.status(), s.answer(), s.commitmentId(), s.answeredAt(), d.supports(),
                s.commentCount(), s.createdAt());
        return represent(exact, s.authorId() == null || d.authorName() == null ? Map.of() : Map.of(s.authorId(), d.authorName()));
    }

    @PostMapping("/proposals/{proposalId}/supports")
    @Operation(summary = "Support a proposal", description = "201; 409 when this person already supports it or the phase is closed.")
    ResponseEntity<Void> support(@PathVariable String slug, @PathVariable long proposalId, @AuthenticationPrincipal AccountUser user) {
        requireSignedIn(user);
        Collectivity c = territory.require(slug);
        if (!discussion.support(c, proposalId, user)) {
            throw new ConflictException("program.proposal.already-supported");
        }
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @DeleteMapping("/proposals/{proposalId}/supports")
    @Operation(summary = "Withdraw one's support", description = "204, also when there was none; 409 when the phase is closed.")
    ResponseEntity<Void> withdraw(@PathVariable String slug, @PathVariable long proposalId, @AuthenticationPrincipal AccountUser user) {
        requireSignedIn(user);
        Collectivity c = territory.require(slug);
        discussion.withdraw(c, proposalId, user);
        return ResponseEntity.noContent().build();
    }

    /** Anonymous writes answer 401 (the bearer filter has already refused a bad token). */
    private static void requireSignedIn(AccountUser user) {
        if (user == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
    }

    private static ProposalRepresentation represent(Proposals.Summary s, Map<Long, String> names) {
        String author = s.association() != null ? s.association() : s.authorId() == null ? null : names.get(s.authorId());
        return new ProposalRepresentation(s.id(), s.title(), s.body(), s.principles().stream().map(Enum::name).toList(),
                s.areaId() == null ? null : new AreaRepresentation(s.areaId(), names(s.area())), s.status().name(),
                s.status().answered() ? new AnswerRepresentation(s.status().name(), s.answer(), s.commitmentId(), s.answeredAt()) : null,
                s.supportCount(), s.commentCount(), author, s.createdAt());
    }

    private static Map<String, String> names(Localized text) {
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("ar", text.ar());
        ordered.put("fr", text.fr());
        ordered.put("zgh", text.zgh());
        return ordered;
    }
}
