package ma.opencommune.network.exchange;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What is written in the exchange of experience, recorded in the action log. */
public final class ExchangeEvents {

    private ExchangeEvents() {
    }

    /** The steps of a good practice taken by its collectivity's staff. */
    public enum PracticeStep {
        CREATED, EDITED, PUBLISHED, WITHDRAWN, DOCUMENT_ADDED, DOCUMENT_REMOVED
    }

    /** What happens to a comment or question. */
    public enum CommentStep {
        POSTED, ANSWERED, HIDDEN
    }

    /** The steps of a network event and of registrations to it. */
    public enum EventStep {
        CREATED, EDITED, CANCELLED, REGISTERED, UNREGISTERED
    }

    private static String code(Enum<?> step) {
        return step.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A step of one practice. */
    public record PracticeStepped(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long practiceId, PracticeStep step)
            implements Auditable {

        public String action() {
            return "network.practice-" + code(step);
        }

        public String summary() {
            return "good practice " + practiceId + ": " + code(step);
        }
    }

    /** A comment or question on a practice posted, answered or hidden; the collectivity is the practice's. */
    public record CommentStepped(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long practiceId, long commentId,
            CommentStep step) implements Auditable {

        public String action() {
            return "network.comment-" + code(step);
        }

        public String summary() {
            return "comment " + commentId + " on good practice " + practiceId + ": " + code(step);
        }
    }

    /** A step of a network event; the collectivity is the host, if any. */
    public record EventStepped(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long networkEventId, EventStep step)
            implements Auditable {

        public String action() {
            return "network.event-" + code(step);
        }

        public String summary() {
            return "network event " + networkEventId + ": " + code(step);
        }
    }
}
