package ma.opencommune.program;

import java.time.Instant;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What staff do to a co-creation process; all go to the action log. */
public final class ProgramEvents {

    private ProgramEvents() {
    }

    /** A process was created or its texts, period or phases changed. */
    public record ProcessSaved(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long processId,
            boolean created, String summary) implements Auditable {
        public String action() { return created ? "program.process-created" : "program.process-updated"; }
    }

    /** A process's timeline was made public; {@code lateNotice} when less than 14 days before the start (OGP-1). */
    public record ProcessPublished(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long processId,
            boolean lateNotice, String summary) implements Auditable {
        public String action() { return "program.process-published"; }
    }
}
