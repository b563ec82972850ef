package ma.opencommune.petitions;

import java.time.LocalDate;
import java.time.YearMonth;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.territory.CollectivityType;

/**
 * The petition aggregate: its state and the guarded transitions of the law. Each transition checks that it is
 * allowed in the current state and on the given day and throws {@link ConflictException} (a 409 or a form error)
 * otherwise; the caller saves the new state in the same transaction. The signature count is not part of it (it is
 * computed from the signatures); transitions that depend on it take the count as it stands.
 */
public final class Petition {

    private final long id;
    private final long collectivityId;
    private final CollectivityType collectivityType;
    private final PetitionKind kind;
    private final long agentId;
    private PetitionStatus status;
    private int threshold;
    private LocalDate openedOn;
    private LocalDate filedOn;
    private LocalDate decisionDue;
    private LocalDate decidedOn;
    private RejectionGround rejectionGround;
    private String rejectionReasoning;
    private LocalDate sessionOn;
    private String committee;
    private LocalDate concludedOn;
    private String councilDecisionReference;
    private String outcomeSummary;
    private LocalDate thresholdReachedOn;
    private java.time.Instant associationCheckedAt;
    private final int version;

    /** A new draft. */
    public static Petition draft(long collectivityId, CollectivityType collectivityType, PetitionKind kind, long agentId) {
        return new Petition(0, collectivityId, collectivityType, kind, agentId, PetitionStatus.DRAFT, 0, null, null, null, null, null,
                null, null, null, null, null, null, null, null, 0);
    }

    Petition(long id, long collectivityId, CollectivityType collectivityType, PetitionKind kind, long agentId, PetitionStatus status,
            int threshold, LocalDate openedOn, LocalDate filedOn, LocalDate decisionDue, LocalDate decidedOn,
            RejectionGround rejectionGround, String rejectionReasoning, LocalDate sessionOn, String committee, LocalDate concludedOn,
            String councilDecisionReference, String outcomeSummary, LocalDate thresholdReachedOn, java.time.Instant associationCheckedAt,
            int version) {
        this.id = id;
        this.collectivityId = collectivityId;
        this.collectivityType = collectivityType;
        this.kind = kind;
        this.agentId = agentId;
        this.status = status;
        this.threshold = threshold;
        this.openedOn = openedOn;
        this.filedOn = filedOn;
        this.decisionDue = decisionDue;
        this.decidedOn = decidedOn;
        this.rejectionGround = rejectionGround;
        this.rejectionReasoning = rejectionReasoning;
        this.sessionOn = sessionOn;
        this.committee = committee;
        this.concludedOn = concludedOn;
        this.councilDecisionReference = councilDecisionReference;
        this.outcomeSummary = outcomeSummary;
        this.thresholdReachedOn = thresholdReachedOn;
        this.associationCheckedAt = associationCheckedAt;
        this.version = version;
    }

    /**
     * The agent opens the draft for signatures; the threshold of that day is kept with it (PET-2, PET-7). An
     * association's petition collects no signatures (PET-4): its representative files it directly.
     */
    public void open(LocalDate today, int thresholdToday) {
        require(status == PetitionStatus.DRAFT, "petitions.conflict.not-draft");
        require(kind == PetitionKind.CITIZENS, "petitions.conflict.association-files-directly");
        if (thresholdToday < 1) {
            throw new IllegalArgumentException("threshold must be positive");
        }
        status = PetitionStatus.OPEN;
        threshold = thresholdToday;
        openedOn = today;
    }

    /**
     * PET-5: staff declare an opened petition inadmissible, with a ground and reasoning, before anyone has signed. A
     * draft is its agent's alone: staff never act on it (and declaring it would publish it).
     */
    public void declareInadmissible(RejectionGround ground, String reasoning, long signatures, LocalDate today) {
        require(status == PetitionStatus.OPEN, "petitions.conflict.not-before-signatures");
        require(signatures == 0, "petitions.conflict.already-signed");
        requireReason(ground, reasoning);
        status = PetitionStatus.INADMISSIBLE;
        rejectionGround = ground;
        rejectionReasoning = reasoning.strip();
        decidedOn = today;
    }

    /**
     * Follows the count of valid signatures while signatures are collected: reaching the threshold marks it, and
     * withdrawals (allowed until filing) that take it back under the threshold reopen it. Returns whether the status
     * changed (the agent is told when the threshold is reached). The day it was last reached is kept for the timeline.
     */
    public boolean follow(long signatures, LocalDate today) {
        if (status == PetitionStatus.OPEN && signatures >= threshold) {
            status = PetitionStatus.THRESHOLD_REACHED;
            thresholdReachedOn = today;
            return true;
        }
        if (status == PetitionStatus.THRESHOLD_REACHED && signatures < threshold) {
            status = PetitionStatus.OPEN;
            thresholdReachedOn = null;
            return true;
        }
        return false;
    }

    /**
     * Filed with the council: the bureau's clock starts (PET-6). A citizens' petition once its threshold is reached
     * (PET-2, PET-3); an association's straight from its draft, without signatures (PET-4).
     */
    public void file(LocalDate today, long signatures, PetitionRules rules) {
        if (kind == PetitionKind.ASSOCIATION) {
            require(status == PetitionStatus.DRAFT, "petitions.conflict.not-draft");
        } else {
            follow(signatures, today);
            require(status == PetitionStatus.THRESHOLD_REACHED, status == PetitionStatus.OPEN
                    ? "petitions.conflict.below-threshold" : "petitions.conflict.not-collecting");
        }
        status = PetitionStatus.FILED;
        filedOn = today;
        decisionDue = rules.decisionDue(collectivityType, today);
    }

    /**
     * The bureau accepts it (PET-6): placed on the agenda of the next ordinary session after the decision, referred to
     * a committee. A commune's ordinary sessions are held in February, May and October (PET-8): the session must fall
     * in the first of those months that still has days after the decision.
     */
    public void accept(LocalDate today, LocalDate session, String committeeName) {
        require(status == PetitionStatus.FILED, "petitions.conflict.not-filed");
        require(!today.isBefore(filedOn), "petitions.conflict.before-filing");
        require(session != null && session.isAfter(today), "petitions.conflict.session-past");
        require(collectivityType != CollectivityType.COMMUNE || YearMonth.from(session).equals(nextSessionMonth(today)),
                "petitions.conflict.not-ordinary-session");
        require(committeeName != null && !committeeName.isBlank(), "petitions.conflict.committee-required");
        require(kind != PetitionKind.ASSOCIATION || associationCheckedAt != null, "petitions.conflict.association-unchecked");
        status = PetitionStatus.ACCEPTED;
        decidedOn = today;
        sessionOn = session;
        committee = committeeName.strip();
    }

    /**
     * PET-4: staff have checked the association's registration date, seat or branch, field of activity and documents.
     * Only a filed association's petition awaiting the bureau; an association that does not qualify is rejected instead
     * (ground: conditions not met).
     */
    public void checkAssociation(java.time.Instant at) {
        require(kind == PetitionKind.ASSOCIATION, "petitions.conflict.not-association");
        require(status == PetitionStatus.FILED, "petitions.conflict.not-filed");
        require(associationCheckedAt == null, "petitions.conflict.association-checked");
        associationCheckedAt = at;
    }

    /** The bureau rejects it with a ground and written reasoning (PET-6). */
    public void reject(LocalDate today, RejectionGround ground, String reasoning) {
        require(status == PetitionStatus.FILED, "petitions.conflict.not-filed");
        require(!today.isBefore(filedOn), "petitions.conflict.before-filing");
        requireReason(ground, reasoning);
        status = PetitionStatus.REJECTED;
        decidedOn = today;
        rejectionGround = ground;
        rejectionReasoning = reasoning.strip();
    }

    /** The council's decision after the session it was placed on. */
    public void conclude(LocalDate today, String decisionReference, String summary) {
        require(status == PetitionStatus.ACCEPTED, "petitions.conflict.not-accepted");
        require(!today.isBefore(sessionOn), "petitions.conflict.before-session");
        require(decisionReference != null && !decisionReference.isBlank() && summary != null && !summary.isBlank(),
                "petitions.conflict.outcome-required");
        status = PetitionStatus.CONCLUDED;
        concludedOn = today;
        councilDecisionReference = decisionReference.strip();
        outcomeSummary = summary.strip();
    }

    /**
     * PET-8: the month of a commune council's next ordinary session after {@code day}. Ordinary sessions open in the
     * first week of February, May and October: once the first {@value #SESSION_OPENING_DAYS} days of a session month
     * have passed, its session is under way with its agenda set, and the next one is months away.
     */
    public static YearMonth nextSessionMonth(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        if (day.getDayOfMonth() > SESSION_OPENING_DAYS) {
            month = month.plusMonths(1);
        }
        while (!PetitionRules.ORDINARY_SESSION_MONTHS.contains(month.getMonth())) {
            month = month.plusMonths(1);
        }
        return month;
    }

    /** PET-8: the days at the start of a session month in which its ordinary session opens (art. 33: the first week). */
    public static final int SESSION_OPENING_DAYS = 7;

    /** PET-6: filed, still undecided, and past the last day of the bureau's delay (flagged publicly). */
    public boolean decisionOverdue(LocalDate today) {
        return status == PetitionStatus.FILED && today.isAfter(decisionDue);
    }

    /** Whether the bureau decided within its delay (for the network's index); null while undecided. */
    public Boolean decidedInTime() {
        if (filedOn == null || decidedOn == null || status == PetitionStatus.INADMISSIBLE) {
            return null;
        }
        return !decidedOn.isAfter(decisionDue);
    }

    private static void requireReason(RejectionGround ground, String reasoning) {
        require(ground != null && reasoning != null && !reasoning.isBlank(), "petitions.conflict.reason-required");
    }

    private static void require(boolean condition, String messageKey) {
        if (!condition) {
            throw new ConflictException(messageKey);
        }
    }

    public long id() { return id; }
    public long collectivityId() { return collectivityId; }
    public CollectivityType collectivityType() { return collectivityType; }
    public PetitionKind kind() { return kind; }
    public long agentId() { return agentId; }
    public PetitionStatus status() { return status; }
    public int threshold() { return threshold; }
    public LocalDate openedOn() { return openedOn; }
    public LocalDate filedOn() { return filedOn; }
    public LocalDate decisionDue() { return decisionDue; }
    public LocalDate decidedOn() { return decidedOn; }
    public RejectionGround rejectionGround() { return rejectionGround; }
    public String rejectionReasoning() { return rejectionReasoning; }
    public LocalDate sessionOn() { return sessionOn; }
    public String committee() { return committee; }
    public LocalDate concludedOn() { return concludedOn; }
    public String councilDecisionReference() { return councilDecisionReference; }
    public String outcomeSummary() { return outcomeSummary; }
    public LocalDate thresholdReachedOn() { return thresholdReachedOn; }
    public java.time.Instant associationCheckedAt() { return associationCheckedAt; }
    public int version() { return version; }
}
