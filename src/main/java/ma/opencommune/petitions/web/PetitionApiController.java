package ma.opencommune.petitions.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.petitions.NotEligibleException;
import ma.opencommune.petitions.Petition;
import ma.opencommune.petitions.Petitions;
import ma.opencommune.petitions.Signatures;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Petitions API of a collectivity: the public petitions with their counts (never a signatory), one petition, and
 * signing or withdrawing one's own signature with a personal token (PET-1). Errors are RFC 9457 problem details in
 * the caller's language: 400 without the PET-1 declaration, 403 with the reason for someone not eligible, 409 when
 * the petition collects no signatures or this person already signed.
 */
@RestController
@RequestMapping("/api/v1/collectivities/{slug}/petitions")
@Tag(name = "Petitions", description = "Petitions to the council (Organic Law 113-14): public petitions and signing")
class PetitionApiController {

    static final int PAGE = 50;

    /** A line of the list. {@code signatureCount} may lag the last signatures by a few seconds. */
    record PetitionSummary(long id, String title, String lang, String status, long signatureCount, int threshold, LocalDate openedOn) {
    }

    /** A page of petitions; {@code next} is the query of the next page, null on the last. */
    record PetitionPage(List<PetitionSummary> items, String next) {
    }

    /** One petition: its texts, its counts (online and on paper) and where its procedure stands. */
    record PetitionRepresentation(long id, String kind, String title, String object, String reasons, String requestedAction,
            String lang, String associationName, String status, long signatureCount, long onlineSignatures, long paperSignatures,
            int threshold, LocalDate openedOn, LocalDate filedOn, LocalDate decisionDue, boolean decisionOverdue, LocalDate decidedOn,
            String rejectionGround, String rejectionReasoning, LocalDate sessionOn, String committee, LocalDate concludedOn,
            String councilDecisionReference, String outcomeSummary) {
    }

    /** {@code confirmEligibility} stands for the PET-1 declaration; {@code keepInformed} asks for the petition's news by mail. */
    record SignatureRequest(Boolean confirmEligibility, Boolean keepInformed) {
    }

    /** The signature as its signatory sees it. */
    record SignatureRepresentation(long petitionId, boolean signed) {
    }

    private final Territory territory;
    private final Petitions petitions;
    private final Signatures signatures;
    private final MessageSource messages;
    private final ma.opencommune.petitions.SigningLimits limits;

    PetitionApiController(Territory territory, Petitions petitions, Signatures signatures, MessageSource messages,
            ma.opencommune.petitions.SigningLimits limits) {
        this.limits = limits;
        this.territory = territory;
        this.petitions = petitions;
        this.signatures = signatures;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Public petitions of the collectivity, newest first (drafts are not public)")
    PetitionPage list(@PathVariable String slug,
            @Parameter(description = "the id of the last item of the previous page") @RequestParam(required = false) String before) {
        Collectivity c = territory.require(slug);
        Long beforeId = Check.number(before);
        List<Petitions.Line> lines = petitions.publicList(c, beforeId, PAGE + 1);
        boolean more = lines.size() > PAGE;
        List<Petitions.Line> shown = more ? lines.subList(0, PAGE) : lines;
        Map<Long, Long> counts = petitions.signatureCounts(c, shown.stream().map(Petitions.Line::id).toList());
        List<PetitionSummary> items = shown.stream().map(l -> new PetitionSummary(l.id(), l.title(), l.lang(), l.status().name(),
                counts.getOrDefault(l.id(), 0L), l.threshold(), l.openedOn())).toList();
        return new PetitionPage(items, more ? "?before=" + shown.get(shown.size() - 1).id() : null);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One public petition, its counts and its procedure")
    PetitionRepresentation one(@PathVariable String slug, @PathVariable long id) {
        Collectivity c = territory.require(slug);
        Petitions.Texts t = petitions.publicTexts(c, id);
        Petition p = petitions.find(c, id);
        long[] counts = petitions.signatures(c, id);
        return new PetitionRepresentation(p.id(), t.kind().name(), t.title(), t.object(), t.reasons(), t.requestedAction(), t.lang(),
                t.associationName(), p.status().name(), counts[0] + counts[1], counts[0], counts[1], p.threshold(), p.openedOn(),
                p.filedOn(), p.decisionDue(), p.decisionOverdue(petitions.today()), p.decidedOn(),
                p.rejectionGround() == null ? null : p.rejectionGround().name(), p.rejectionReasoning(), p.sessionOn(), p.committee(),
                p.concludedOn(), p.councilDecisionReference(), p.outcomeSummary());
    }

    @PostMapping("/{id}/signatures")
    @Operation(summary = "Sign as the token's owner: a verified resident or economic actor of the commune (PET-1)")
    ResponseEntity<SignatureRepresentation> sign(@PathVariable String slug, @PathVariable long id,
            @AuthenticationPrincipal AccountUser user, @RequestBody(required = false) SignatureRequest body, HttpServletRequest request) {
        requireSignedIn(user);
        limits.attempt(user, request.getRemoteAddr());
        if (body == null || body.confirmEligibility() == null || !body.confirmEligibility()) {
            throw new InvalidInput(Map.of("confirmEligibility", "petitions.validation.confirm-eligibility"));
        }
        Collectivity c = territory.require(slug);
        signatures.sign(c, id, user, true, Boolean.TRUE.equals(body.keepInformed()));
        return ResponseEntity.created(URI.create("/api/v1/collectivities/" + slug + "/petitions/" + id))
                .body(new SignatureRepresentation(id, true));
    }

    @DeleteMapping("/{id}/signatures/mine")
    @Operation(summary = "Withdraw one's own signature, until the petition is filed")
    ResponseEntity<Void> withdraw(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user,
            HttpServletRequest request) {
        requireSignedIn(user);
        limits.attempt(user, request.getRemoteAddr());
        signatures.withdraw(territory.require(slug), id, user);
        return ResponseEntity.noContent().build();
    }

    /** 403 with the reason, in the caller's language. */
    @ExceptionHandler(NotEligibleException.class)
    ResponseEntity<ProblemDetail> notEligible(NotEligibleException e, HttpServletRequest request, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
        problem.setTitle(messages.getMessage("error.403.title", null, "Forbidden", locale));
        problem.setDetail(messages.getMessage(e.messageKey(), null, e.messageKey(), locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("reason", e.messageKey());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Anonymous writes answer 401 (the bearer filter has already refused a bad token). */
    private static void requireSignedIn(AccountUser user) {
        if (user == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
    }
}
