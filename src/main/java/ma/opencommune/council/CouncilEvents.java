package ma.opencommune.council;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What the council's secretary publishes and corrects; the action log records each. */
public final class CouncilEvents {

    private CouncilEvents() {
    }

    /** The publishing steps the log names. */
    public enum Act { SESSION_CREATED, AGENDA_PUBLISHED, SESSION_HELD, MINUTES_PUBLISHED, DECISION_PUBLISHED, DECISION_CORRECTED }

    /** One published or corrected thing: a session ({@code subject} "session") or a decision. */
    public record CouncilActed(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, Act act, String subject, long subjectId,
            String detail) implements Auditable {

        public String action() {
            return "council." + act.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String summary() {
            return subject + " " + subjectId + ": " + act.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
        }
    }
}
