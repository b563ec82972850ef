package ma.opencommune.program;

import java.time.Instant;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What staff and participants do to workshops (OGP-1 inclusive participation); all go to the action log. */
public final class WorkshopEvents {

    private WorkshopEvents() {
    }

    /** Staff announced a workshop or changed it. */
    public record WorkshopSaved(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long processId,
            long workshopId, boolean created, String summary) implements Auditable {
        public String action() { return created ? "program.workshop-created" : "program.workshop-updated"; }
    }

    /** Staff cancelled a workshop; its registrants are told by email. */
    public record WorkshopCancelled(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long processId,
            long workshopId, String summary) implements Auditable {
        public String action() { return "program.workshop-cancelled"; }
    }

    /** Someone registered for a workshop ({@code registered}) or withdrew. */
    public record RegistrationChanged(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long workshopId,
            boolean registered, String summary) implements Auditable {
        public String action() { return registered ? "program.workshop-registered" : "program.workshop-unregistered"; }
    }

    /**
     * Staff recorded attendees (a count, with their optional self-declared gender and age band), or took back the
     * last group recorded ({@code people} negative).
     */
    public record AttendanceRecorded(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long workshopId,
            int people, String summary) implements Auditable {
        public String action() { return people < 0 ? "program.workshop-attendance-corrected" : "program.workshop-attendance"; }
    }

    /** Staff published (or corrected) the minutes of a workshop. */
    public record MinutesPublished(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long workshopId,
            String summary) implements Auditable {
        public String action() { return "program.workshop-minutes"; }
    }
}
