package ma.opencommune.network.cohort;

import java.time.Instant;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What coordinators, applicants and reviewers do to a cohort call, recorded in the action log. */
public final class CohortEvents {

    private CohortEvents() {
    }

    /** One step of a call (action codes {@code network.cohort-*}); collectivityId is the applicant's when the step is theirs. */
    public record CohortStepped(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long callId, String step, String detail)
            implements Auditable {

        public String action() {
            return "network.cohort-" + step;
        }

        public String summary() {
            return "cohort call " + callId + ": " + step + (detail == null ? "" : " (" + detail + ")");
        }
    }
}
