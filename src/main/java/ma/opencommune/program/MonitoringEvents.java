package ma.opencommune.program;

import java.time.Instant;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What happens while a program is implemented (OGP-3); all go to the action log. */
public final class MonitoringEvents {

    private MonitoringEvents() {
    }

    /** Staff reported dated progress on a milestone; {@code completes} when it completed the milestone. */
    public record ProgressReported(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long commitmentId,
            long milestoneId, long progressId, boolean completes, String summary) implements Auditable {
        public String action() { return "program.progress-reported"; }
    }

    /** The follow-up committee (or a program manager on its behalf) assessed a commitment. */
    public record AssessmentRecorded(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long commitmentId,
            long bodyId, OpenGovernment scale, String summary) implements Auditable {
        public String action() { return "program.assessment-recorded"; }
    }

    /** Someone started or stopped following a commitment (the summary names no one). */
    public record FollowChanged(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long commitmentId,
            boolean following, String summary) implements Auditable {
        public String action() { return following ? "program.commitment-followed" : "program.commitment-unfollowed"; }
    }

    /** A digest of progress was mailed to the followers of commitments (counts only). */
    public record DigestSent(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, int mails, String summary)
            implements Auditable {
        public String action() { return "program.digest-sent"; }
    }
}
