package ma.opencommune.council;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What happens to projects, as the action log records it. */
public final class ProjectEvents {

    private ProjectEvents() {
    }

    /** Staff created or edited a project. */
    public record ProjectSaved(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long projectId, boolean created)
            implements Auditable {

        public String action() {
            return created ? "projects.created" : "projects.edited";
        }

        public String summary() {
            return "project " + projectId + (created ? " created" : " edited");
        }
    }

    /** A project moved from one status to another. */
    public record ProjectStatusChanged(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long projectId,
            ProjectStatus from, ProjectStatus to, LocalDate on) implements Auditable {

        public String action() {
            return "projects.status-changed";
        }

        public String summary() {
            return "project " + projectId + ": " + from.name().toLowerCase(Locale.ROOT) + " to " + to.name().toLowerCase(Locale.ROOT)
                    + " on " + on;
        }
    }

    /** A dated progress update, with how many photos. */
    public record ProjectProgressReported(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long projectId,
            long updateId, int progress, int photos, LocalDate on) implements Auditable {

        public String action() {
            return "projects.progress-reported";
        }

        public String summary() {
            return "project " + projectId + ": progress " + progress + " % reported on " + on + (photos > 0 ? " with " + photos + " photo(s)" : "");
        }
    }
}
