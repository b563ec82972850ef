package ma.opencommune.information.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.information.AnswerKind;
import ma.opencommune.information.Delivery;
import ma.opencommune.information.ExtensionReason;
import ma.opencommune.information.InformationGuard;
import ma.opencommune.information.InformationRequest;
import ma.opencommune.information.InformationRequests;
import ma.opencommune.information.RefusalGround;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * JSON API of access-to-information requests (Law 31-13): filing (ATI-2), reading one request, and the officers'
 * extension (ATI-5), answer and refusal (ATI-7). Same façade as the pages; errors are RFC 9457 problem details in the
 * Accept-Language language. Writing needs a personal API token ({@code Authorization: Bearer oc_...}).
 */
@RestController
@RequestMapping("/api/v1/collectivities/{slug}/information-requests")
@Tag(name = "Information requests", description = "Requests for access to information under Law 31-13 (ATI rules)")
class InformationApiController {

    /** A new request. ATI-2 asks for the first and last name, the postal address and the CIN of the requester. */
    record NewRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String subject,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String description,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "CIN or residence document number") String cin,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String firstName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String lastName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String postalAddress,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"EMAIL", "POSTAL", "PICKUP"}) String delivery,
            @Schema(description = "defaults to the account's email when the delivery is EMAIL") String email,
            @Schema(description = "ATI-6: protecting a person's life, safety or freedom") Boolean urgent,
            @Schema(description = "required when urgent") String urgencyReason) {
    }

    /** What the requester gets back when filing. */
    record ReceiptRepresentation(String trackingNumber, String status, Instant receivedAt, LocalDate dueDate) {
    }

    /** The legal clock of a request (ATI-4..6). */
    record ClockRepresentation(LocalDate receivedOn, LocalDate dueDate, Integer workingDaysLeft, boolean overdue, LocalDate extendedOn,
            String extensionReason, boolean paused) {
    }

    /** Who asked: for the requester and the officers only (PDP-2); the CIN is never given in clear here. */
    record RequesterRepresentation(String firstName, String lastName, String cinHint) {
    }

    /** One step of the history. */
    record StepRepresentation(Instant at, String step, LocalDate previousDueDate, LocalDate dueDate, String detail) {
    }

    /** How a closed request ended. */
    record OutcomeRepresentation(LocalDate closedOn, String answerKind, String answer, String refusalGround, String refusalReasoning,
            String transferredTo) {
    }

    /** The full view of a request, for its requester and the collectivity's officers. */
    record RequestRepresentation(String trackingNumber, String status, String subject, String description, String delivery,
            boolean urgent, String urgencyReason, Instant receivedAt, RequesterRepresentation requester, ClockRepresentation clock,
            OutcomeRepresentation outcome, List<StepRepresentation> history) {
    }

    /** The public view of a published request: the redacted texts only, no personal data (PDP-2). */
    record PublicRequestRepresentation(String trackingNumber, String status, String subject, String description, String answer,
            String answerKind, String refusalGround, LocalDate receivedOn, LocalDate closedOn, Instant publishedAt) {
    }

    /** ATI-5 extension. */
    record ExtensionBody(@Schema(allowableValues = {"LARGE_VOLUME", "NOT_SUPPLIABLE_IN_TIME", "THIRD_PARTY_CONSULTATION"}) String reason) {
    }

    /** A full or partial answer. */
    record AnswerBody(@Schema(allowableValues = {"FULL", "PARTIAL"}) String kind, String text) {
    }

    /** ATI-7 reasoned refusal. */
    record RefusalBody(@Schema(allowableValues = {"NOT_HELD", "EXCEPTION_ART7", "ALREADY_PUBLISHED", "REPEATED_REQUEST",
            "UNCLEAR_REQUEST", "IN_PREPARATION", "ARCHIVED"}) String ground, String reasoning) {
    }

    private final Territory territory;
    private final InformationRequests requests;
    private final InformationGuard guard;

    InformationApiController(Territory territory, InformationRequests requests, InformationGuard guard) {
        this.territory = territory;
        this.requests = requests;
        this.guard = guard;
    }

    @PostMapping
    @Operation(summary = "File a request (ATI-2)", description = "201 with the tracking number and the due date (ATI-4, or ATI-6 when"
            + " urgent); `firstName`, `lastName`, `postalAddress`, `cin`, `subject`, `description` and `delivery` are required;"
            + " `email` defaults to the account's. 400 lists every field error; sending the same request again within two minutes"
            + " returns the first one.")
    ResponseEntity<ReceiptRepresentation> file(@PathVariable String slug, @AuthenticationPrincipal AccountUser user,
            @RequestBody NewRequest body, Locale locale) {
        requireSignedIn(user);
        Collectivity c = territory.require(slug);
        Delivery delivery = null;
        InvalidInput badDelivery = null;
        try {
            delivery = code(Delivery.class, "delivery", body.delivery(), true);
        } catch (InvalidInput e) {
            badDelivery = e;
        }
        boolean urgent = Boolean.TRUE.equals(body.urgent());
        String email = Check.blank(body.email()) && delivery == Delivery.EMAIL ? user.email() : body.email();
        InformationRequests.Receipt receipt;
        try {
            receipt = requests.file(c, user, new InformationRequests.Filing(body.firstName(), body.lastName(), body.postalAddress(),
                    body.cin(), email, body.subject(), body.description(), delivery, urgent, body.urgencyReason()), Lang.of(locale));
        } catch (InvalidInput e) {
            // Every field error at once, the delivery's own (unknown code) instead of "required".
            Map<String, String> errors = new LinkedHashMap<>(e.errors());
            if (badDelivery != null) {
                errors.putAll(badDelivery.errors());
            }
            throw new InvalidInput(errors);
        }
        return ResponseEntity.created(URI.create(base(slug) + "/" + receipt.trackingNumber()))
                .body(new ReceiptRepresentation(receipt.trackingNumber(), receipt.status().name(), receipt.receivedAt(), receipt.dueOn()));
    }

    @GetMapping("/{trackingNumber}")
    @Operation(summary = "One request", description = "The full view (requester's name and CIN hint, clock, history) for the"
            + " requester and the collectivity's information officers; for anyone else the published view without personal data,"
            + " or 404 while it is not published.")
    Object request(@PathVariable String slug, @PathVariable String trackingNumber, @AuthenticationPrincipal AccountUser user) {
        Collectivity c = territory.require(slug);
        InformationRequest r;
        try {
            r = requests.forRequesterOrOfficer(c, trackingNumber, user);
        } catch (NotFoundException notTheirs) {
            return requests.publicView(c, trackingNumber).map(InformationApiController::represent)
                    .orElseThrow(() -> new NotFoundException("request " + trackingNumber));
        }
        return represent(c, r, user);
    }

    @PostMapping("/{trackingNumber}/extension")
    @Operation(summary = "Extend the deadline once (ATI-5)", description = "Officers only (403); 409 for a second extension, after"
            + " the due date or on a closed request; 400 for an unknown reason.")
    RequestRepresentation extend(@PathVariable String slug, @PathVariable String trackingNumber, @AuthenticationPrincipal AccountUser user,
            @RequestBody ExtensionBody body) {
        Collectivity c = officerOf(slug, user);
        requests.extend(c, trackingNumber, user, code(ExtensionReason.class, "reason", body.reason(), true));
        return represent(c, requests.forOfficer(c, trackingNumber, user), user);
    }

    @PostMapping("/{trackingNumber}/answer")
    @Operation(summary = "Answer fully or partly", description = "Officers only (403); 409 on a closed request; 400 for an unknown"
            + " kind or an empty text.")
    RequestRepresentation answer(@PathVariable String slug, @PathVariable String trackingNumber, @AuthenticationPrincipal AccountUser user,
            @RequestBody AnswerBody body) {
        Collectivity c = officerOf(slug, user);
        requests.answer(c, trackingNumber, user, code(AnswerKind.class, "kind", body.kind(), true), body.text());
        return represent(c, requests.forOfficer(c, trackingNumber, user), user);
    }

    @PostMapping("/{trackingNumber}/refusal")
    @Operation(summary = "Refuse with a ground and written reasoning (ATI-7)", description = "Officers only (403); 409 on a closed"
            + " request or for UNCLEAR_REQUEST before any clarification was asked; 400 for an unknown ground or empty reasoning.")
    RequestRepresentation refuse(@PathVariable String slug, @PathVariable String trackingNumber, @AuthenticationPrincipal AccountUser user,
            @RequestBody RefusalBody body) {
        Collectivity c = officerOf(slug, user);
        requests.refuse(c, trackingNumber, user, code(RefusalGround.class, "ground", body.ground(), true), body.reasoning());
        return represent(c, requests.forOfficer(c, trackingNumber, user), user);
    }

    private Collectivity officerOf(String slug, AccountUser user) {
        requireSignedIn(user);
        Collectivity c = territory.require(slug);
        guard.requireOfficer(user, c);
        return c;
    }

    private RequestRepresentation represent(Collectivity c, InformationRequest r, AccountUser user) {
        boolean officer = guard.isOfficer(user, c);
        InformationRequest.Requester who = r.requester();
        Integer left = r.status().open() ? requests.workingDaysLeft(r) : null;
        LocalDate today = requests.today();
        ClockRepresentation clock = new ClockRepresentation(r.receivedOn(), r.dueOn(), left, r.overdue(today), r.extendedOn(),
                name(r.extensionReason()), r.pausedSince() != null);
        OutcomeRepresentation outcome = r.status().open() ? null : new OutcomeRepresentation(r.closedOn(), name(r.answerKind()),
                r.answerText(), name(r.refusalGround()), r.refusalReasoning(), r.transferTo());
        List<StepRepresentation> history = requests.history(r, officer).stream()
                .map(h -> new StepRepresentation(h.at(), h.step().name(), h.previousDue(), h.due(), h.internal() ? null : h.detail()))
                .toList();
        return new RequestRepresentation(r.trackingNumber(), r.status().name(), r.subject(), r.description(), r.delivery().name(),
                r.urgent(), r.urgencyReason(), r.receivedAt(), new RequesterRepresentation(who.firstName(), who.lastName(), who.cinHint()),
                clock, outcome, history);
    }

    private static PublicRequestRepresentation represent(InformationRequests.PublicView v) {
        return new PublicRequestRepresentation(v.trackingNumber(), v.status().name(), v.subject(), v.description(), v.answer(),
                name(v.answerKind()), name(v.refusalGround()), v.receivedOn(), v.closedOn(), v.publishedAt());
    }

    /** A code from a closed list; an unknown one is a 400 naming the field, like any other field error. */
    static <E extends Enum<E>> E code(Class<E> type, String field, String value, boolean required) {
        if (Check.blank(value)) {
            if (required) {
                throw new InvalidInput(Map.of(field, "validation.required"));
            }
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new InvalidInput(Map.of(field, "validation.choose"));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String base(String slug) {
        return "/api/v1/collectivities/" + slug + "/information-requests";
    }

    /** Anonymous writes answer 401 (the bearer filter has already refused a bad token). */
    private static void requireSignedIn(AccountUser user) {
        if (user == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
    }
}
