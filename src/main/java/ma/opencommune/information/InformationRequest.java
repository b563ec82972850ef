package ma.opencommune.information;

import java.time.Instant;
import java.time.LocalDate;
import ma.opencommune.platform.ConflictException;

/**
 * The request aggregate: its state and the guarded transitions of the law. Each transition checks that it is
 * allowed in the current state and on the given day, and throws {@link ConflictException} (a 409 or a form error)
 * otherwise; the caller saves the new state and its history in the same transaction. Personal data of the requester
 * (ATI-2) lives in {@link Requester}, loaded only where staff or the requester need it.
 */
public final class InformationRequest {

    /** The ATI-2 identity of the requester: never public (PDP-2). {@code cinHint} is what may be shown of the number. */
    public record Requester(Long accountId, String firstName, String lastName, String postalAddress, String cinHint,
            String email) {

        public String fullName() {
            return firstName + " " + lastName;
        }
    }

    private final long id;
    private final long collectivityId;
    private final String trackingNumber;
    private final Requester requester;
    private final String subject;
    private final String description;
    private final Delivery delivery;
    private final boolean urgent;
    private final String urgencyReason;
    private final String lang;
    private final Instant receivedAt;
    private final LocalDate receivedOn;
    private final int version;
    private RequestStatus status;
    private LocalDate dueOn;
    private LocalDate extendedOn;
    private ExtensionReason extensionReason;
    private LocalDate pausedSince;
    private Long assignedTo;
    private Instant closedAt;
    private LocalDate closedOn;
    private AnswerKind answerKind;
    private String answerText;
    private RefusalGround refusalGround;
    private String refusalReasoning;
    private String transferTo;
    private String transferNote;
    private Instant publishedAt;

    InformationRequest(long id, long collectivityId, String trackingNumber, Requester requester, String subject, String description,
            Delivery delivery, boolean urgent, String urgencyReason, String lang, Instant receivedAt, LocalDate receivedOn, int version,
            RequestStatus status, LocalDate dueOn, LocalDate extendedOn, ExtensionReason extensionReason, LocalDate pausedSince,
            Long assignedTo, Instant closedAt, LocalDate closedOn, AnswerKind answerKind, String answerText,
            RefusalGround refusalGround, String refusalReasoning, String transferTo, String transferNote, Instant publishedAt) {
        this.id = id;
        this.collectivityId = collectivityId;
        this.trackingNumber = trackingNumber;
        this.requester = requester;
        this.subject = subject;
        this.description = description;
        this.delivery = delivery;
        this.urgent = urgent;
        this.urgencyReason = urgencyReason;
        this.lang = lang;
        this.receivedAt = receivedAt;
        this.receivedOn = receivedOn;
        this.version = version;
        this.status = status;
        this.dueOn = dueOn;
        this.extendedOn = extendedOn;
        this.extensionReason = extensionReason;
        this.pausedSince = pausedSince;
        this.assignedTo = assignedTo;
        this.closedAt = closedAt;
        this.closedOn = closedOn;
        this.answerKind = answerKind;
        this.answerText = answerText;
        this.refusalGround = refusalGround;
        this.refusalReasoning = refusalReasoning;
        this.transferTo = transferTo;
        this.transferNote = transferNote;
        this.publishedAt = publishedAt;
    }

    private static ConflictException conflict(String what) {
        return new ConflictException("information.conflict." + what);
    }

    private void requireOpen() {
        if (!status.open()) {
            throw conflict("closed");
        }
    }

    /** Staff ask the requester a question; the clock pauses (or will restart) until the answer. */
    void askClarification(LocalDate today) {
        requireOpen();
        if (status == RequestStatus.CLARIFICATION) {
            throw conflict("clarification-pending");
        }
        // ATI-4: a question cannot stop a clock that has already run out (nor hide an overdue request, or delay the
        // requester's ATI-8 complaint).
        if (today.isAfter(dueOn)) {
            throw conflict("clarification-too-late");
        }
        status = RequestStatus.CLARIFICATION;
        pausedSince = today;
    }

    /** The requester answers the pending question; the clock resumes with the new due date given by the caller. */
    void clarified(LocalDate newDue) {
        if (status != RequestStatus.CLARIFICATION) {
            throw conflict("no-clarification");
        }
        status = extendedOn != null ? RequestStatus.EXTENDED : RequestStatus.RECEIVED;
        pausedSince = null;
        dueOn = newDue;
    }

    /**
     * ATI-5: once, with a reason from the list, and only while the deadline has not passed: the due day itself is
     * still in time (the deadline expires at its end), the next day is not. Not while a clarification is pending.
     */
    void extend(ExtensionReason reason, LocalDate today, LocalDate newDue) {
        requireOpen();
        if (extendedOn != null) {
            throw conflict("already-extended");
        }
        if (status == RequestStatus.CLARIFICATION) {
            throw conflict("clarification-pending");
        }
        if (today.isAfter(dueOn)) {
            throw conflict("extension-too-late");
        }
        status = RequestStatus.EXTENDED;
        extendedOn = today;
        extensionReason = reason;
        dueOn = newDue;
    }

    /** A full or partial answer closes the request. */
    void answer(AnswerKind kind, String text, Instant now, LocalDate today) {
        requireOpen();
        status = kind == AnswerKind.FULL ? RequestStatus.ANSWERED : RequestStatus.PARTLY_ANSWERED;
        answerKind = kind;
        answerText = text;
        close(now, today);
    }

    /**
     * ATI-7: a ground from the closed list and written reasoning. An unclear request is refused only once the requester
     * answered a clarification and it is still unclear; an unanswered question ends through {@link #closeUnclear}.
     */
    void refuse(RefusalGround ground, String reasoning, boolean clarificationAnswered, Instant now, LocalDate today) {
        requireOpen();
        if (ground == RefusalGround.UNCLEAR_REQUEST && status == RequestStatus.CLARIFICATION) {
            throw conflict("clarification-pending");
        }
        if (ground == RefusalGround.UNCLEAR_REQUEST && !clarificationAnswered) {
            throw conflict("clarify-first");
        }
        status = RequestStatus.REFUSED;
        refusalGround = ground;
        refusalReasoning = reasoning;
        close(now, today);
    }

    /** The information is held by another body: the request goes there, and the requester is told where. */
    void transfer(String to, String note, Instant now, LocalDate today) {
        requireOpen();
        status = RequestStatus.TRANSFERRED;
        transferTo = to;
        transferNote = note;
        close(now, today);
    }

    /** The requester withdraws an open request. */
    void withdraw(Instant now, LocalDate today) {
        requireOpen();
        status = RequestStatus.WITHDRAWN;
        close(now, today);
    }

    /** ATI-7 unclear request: the question stayed unanswered for the configured time (the day it expires counts). */
    void closeUnclear(int afterDays, String reasoning, Instant now, LocalDate today) {
        if (status != RequestStatus.CLARIFICATION) {
            throw conflict("no-clarification");
        }
        if (today.isBefore(pausedSince.plusDays(afterDays))) {
            throw conflict("unclear-too-early");
        }
        status = RequestStatus.CLOSED_UNCLEAR;
        refusalGround = RefusalGround.UNCLEAR_REQUEST;
        refusalReasoning = reasoning;
        pausedSince = null;
        close(now, today);
    }

    /** ATI-10: an open request is assigned to one of the collectivity's officers (checked by the caller). */
    void assign(Long officerId) {
        requireOpen();
        assignedTo = officerId;
    }

    /** A holiday changed: the open request gets the recomputed due date. */
    void recomputed(LocalDate newDue) {
        requireOpen();
        dueOn = newDue;
    }

    /** PDP-2: only an answer or a refusal is published, once, after redaction by the caller. */
    void publish(Instant now) {
        if (!status.publishable()) {
            throw conflict("not-publishable");
        }
        if (publishedAt != null) {
            throw conflict("already-published");
        }
        publishedAt = now;
    }

    void unpublish() {
        if (publishedAt == null) {
            throw conflict("not-published");
        }
        publishedAt = null;
    }

    private void close(Instant now, LocalDate today) {
        closedAt = now;
        closedOn = today;
    }

    /** In time when closed (or, while open, today) no later than the due date. */
    public boolean inTime(LocalDate today) {
        return !(closedOn != null ? closedOn : today).isAfter(dueOn);
    }

    public boolean overdue(LocalDate today) {
        return status.open() && status != RequestStatus.CLARIFICATION && today.isAfter(dueOn);
    }

    public long id() { return id; }
    public long collectivityId() { return collectivityId; }
    public String trackingNumber() { return trackingNumber; }
    public Requester requester() { return requester; }
    public String subject() { return subject; }
    public String description() { return description; }
    public Delivery delivery() { return delivery; }
    public boolean urgent() { return urgent; }
    public String urgencyReason() { return urgencyReason; }
    public String lang() { return lang; }
    public Instant receivedAt() { return receivedAt; }
    public LocalDate receivedOn() { return receivedOn; }
    public int version() { return version; }
    public RequestStatus status() { return status; }
    public LocalDate dueOn() { return dueOn; }
    public LocalDate extendedOn() { return extendedOn; }
    public ExtensionReason extensionReason() { return extensionReason; }
    public LocalDate pausedSince() { return pausedSince; }
    public Long assignedTo() { return assignedTo; }
    public Instant closedAt() { return closedAt; }
    public LocalDate closedOn() { return closedOn; }
    public AnswerKind answerKind() { return answerKind; }
    public String answerText() { return answerText; }
    public RefusalGround refusalGround() { return refusalGround; }
    public String refusalReasoning() { return refusalReasoning; }
    public String transferTo() { return transferTo; }
    public String transferNote() { return transferNote; }
    public Instant publishedAt() { return publishedAt; }
}
