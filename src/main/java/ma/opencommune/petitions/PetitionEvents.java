package ma.opencommune.petitions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What happens to petitions. Logged without any signatory (PDP-2); mails to the agent will listen to them. */
public final class PetitionEvents {

    private PetitionEvents() {
    }

    /** The steps of a petition's life, as its public timeline shows them. */
    public enum Step {
        DRAFTED, OPENED, THRESHOLD_REACHED, THRESHOLD_LOST, FILED, ACCEPTED, REJECTED, CONCLUDED, DECLARED_INADMISSIBLE,
        ASSOCIATION_CHECKED
    }

    /** A step of one petition. {@code actorId} is the agent or the staff member who acted, null for the system. */
    public record PetitionStepped(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long petitionId,
            Step step, LocalDate on) implements Auditable {

        public String action() {
            return "petitions." + step.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String summary() {
            return "petition " + petitionId + ": " + step.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " on " + on;
        }
    }
}
