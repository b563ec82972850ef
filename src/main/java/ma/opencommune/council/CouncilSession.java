package ma.opencommune.council;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.Set;
import ma.opencommune.council.CouncilCodes.SessionKind;
import ma.opencommune.council.CouncilCodes.SessionStatus;
import ma.opencommune.platform.ConflictException;

/**
 * The session aggregate: its guarded life (planned → agenda published → held → minutes published). Each transition
 * checks the current state and throws {@link ConflictException} otherwise; the caller saves in the same transaction.
 */
public final class CouncilSession {

    /** PET-8: a commune council's ordinary sessions are held in February, May and October; one rule with the petitions' bureau. */
    public static final Set<Month> ORDINARY_MONTHS = ma.opencommune.petitions.PetitionRules.ORDINARY_SESSION_MONTHS;

    private final long id;
    private final long collectivityId;
    private final SessionKind kind;
    private final LocalDate heldOn;
    private final LocalTime startsAt;
    private final String place;
    private SessionStatus status;
    private Instant agendaPublishedAt;
    private Instant minutesPublishedAt;
    private final int version;

    public CouncilSession(long id, long collectivityId, SessionKind kind, LocalDate heldOn, LocalTime startsAt, String place,
            SessionStatus status, Instant agendaPublishedAt, Instant minutesPublishedAt, int version) {
        this.id = id;
        this.collectivityId = collectivityId;
        this.kind = kind;
        this.heldOn = heldOn;
        this.startsAt = startsAt;
        this.place = place;
        this.status = status;
        this.agendaPublishedAt = agendaPublishedAt;
        this.minutesPublishedAt = minutesPublishedAt;
        this.version = version;
    }

    /** PET-8: an ordinary session outside February, May and October is refused; an extraordinary one may be held any day. */
    public static void requireLawfulDate(SessionKind kind, LocalDate day) {
        require(kind != SessionKind.ORDINARY || ORDINARY_MONTHS.contains(day.getMonth()), "council.conflict.ordinary-month");
    }

    /** The agenda goes public; an empty agenda is not an agenda. */
    public void publishAgenda(int items, Instant now) {
        require(status == SessionStatus.PLANNED, "council.conflict.not-planned");
        require(items > 0, "council.conflict.agenda-empty");
        status = SessionStatus.AGENDA_PUBLISHED;
        agendaPublishedAt = now;
    }

    /** The session took place: not before its day, and only with a published agenda. */
    public void markHeld(LocalDate today) {
        require(status == SessionStatus.AGENDA_PUBLISHED, "council.conflict.agenda-not-published");
        require(!today.isBefore(heldOn), "council.conflict.not-yet");
        status = SessionStatus.HELD;
    }

    /** The minutes go public once the session is held and they have a text. */
    public void publishMinutes(boolean hasText, Instant now) {
        require(status == SessionStatus.HELD, "council.conflict.not-held");
        require(hasText, "council.conflict.minutes-empty");
        status = SessionStatus.MINUTES_PUBLISHED;
        minutesPublishedAt = now;
    }

    /** An item can be added until the session is held; after the agenda is published it is marked as added late. */
    public boolean addingItemIsLate() {
        require(status == SessionStatus.PLANNED || status == SessionStatus.AGENDA_PUBLISHED, "council.conflict.agenda-closed");
        return status == SessionStatus.AGENDA_PUBLISHED;
    }

    /** A published agenda cannot be silently emptied: items are removed only while it is planned. */
    public void requireItemsRemovable() {
        require(status == SessionStatus.PLANNED, "council.conflict.agenda-published");
    }

    /** Attendance and decisions are recorded once the session is held. */
    public void requireHeld() {
        require(status.held(), "council.conflict.not-held");
    }

    static void require(boolean condition, String key) {
        if (!condition) {
            throw new ConflictException(key);
        }
    }

    public long id() { return id; }
    public long collectivityId() { return collectivityId; }
    public SessionKind kind() { return kind; }
    public LocalDate heldOn() { return heldOn; }
    public LocalTime startsAt() { return startsAt; }
    public String place() { return place; }
    public SessionStatus status() { return status; }
    public Instant agendaPublishedAt() { return agendaPublishedAt; }
    public Instant minutesPublishedAt() { return minutesPublishedAt; }
    public int version() { return version; }
}
