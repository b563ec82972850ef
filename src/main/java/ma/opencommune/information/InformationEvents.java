package ma.opencommune.information;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/**
 * What happens to information requests. All go to the action log without the requester's identity (PDP-1/PDP-2:
 * the requester is never the actor of a logged event); mails to the requester listen to them.
 */
public final class InformationEvents {

    private InformationEvents() {
    }

    /** The kinds of steps, as the request's history shows them. */
    public enum Step {
        FILED, CLARIFICATION_ASKED, CLARIFIED, EXTENDED, ASSIGNED, NOTE, ANSWERED, REFUSED, TRANSFERRED, WITHDRAWN, CLOSED_UNCLEAR,
        DUE_RECOMPUTED, PUBLISHED, UNPUBLISHED, COMPLAINT_FILED, COMPLAINT_DECIDED;

        /** Steps only staff see. */
        public boolean internal() {
            return this == ASSIGNED || this == NOTE;
        }
    }

    /** A step of one request. {@code actorId} is null for the requester and the system. */
    public record RequestStepped(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long requestId,
            String trackingNumber, Step step, LocalDate previousDue, LocalDate due) implements Auditable {

        public String action() {
            return "information." + step.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public String summary() {
            String s = "request " + trackingNumber + ": " + step.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            return previousDue != null && due != null && !previousDue.equals(due) ? s + ", due " + previousDue + " -> " + due : s;
        }
    }

    /** The proactive publication register changed (ATI-11). */
    public record RegisterChanged(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long itemId, String summary)
            implements Auditable {
        public String action() {
            return "information.register-changed";
        }
    }
}
