package ma.opencommune.program;

import java.time.Instant;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What bodies and staff do to opinions, commitments, milestones and versions; all go to the action log. */
public final class CommitmentEvents {

    private CommitmentEvents() {
    }

    /** A consultative body's opinion was recorded (BODY-2, BODY-3), by a member or by staff on its behalf. */
    public record OpinionRecorded(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long processId,
            long opinionId, long bodyId, int recommendations, String summary) implements Auditable {
        public String action() { return "program.opinion-recorded"; }
    }

    /** Staff answered a recommendation, or corrected an earlier answer (OGP-1 reasoned response). */
    public record RecommendationAnswered(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId,
            long opinionId, long recommendationId, String response, boolean correction, String summary) implements Auditable {
        public String action() { return correction ? "program.recommendation-answer-corrected" : "program.recommendation-answered"; }
    }

    /** A commitment was created or its OGP-2 fields changed. */
    public record CommitmentSaved(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long processId,
            long commitmentId, boolean created, String summary) implements Auditable {
        public String action() { return created ? "program.commitment-created" : "program.commitment-updated"; }
    }

    /** A milestone was added, changed or removed. */
    public record MilestoneChanged(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long commitmentId,
            long milestoneId, String change, String summary) implements Auditable {
        public String action() { return "program.milestone-" + change; }
    }

    /** A proposal or recommendation was linked to a commitment, or unlinked. */
    public record SourceChanged(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long commitmentId,
            boolean linked, String summary) implements Auditable {
        public String action() { return linked ? "program.source-linked" : "program.source-unlinked"; }
    }

    /** The council adopted the program: version 1 is frozen. */
    public record ProgramAdopted(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long processId,
            String deliberation, String summary) implements Auditable {
        public String action() { return "program.adopted"; }
    }

    /** A change after adoption made a new version of the program. */
    public record VersionCreated(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long processId,
            int number, String summary) implements Auditable {
        public String action() { return "program.version-created"; }
    }
}
