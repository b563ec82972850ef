package ma.opencommune.program;

import java.time.Instant;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What staff and residents do to a process's diagnosis (PAC-3); all go to the action log. */
public final class DiagnosisEvents {

    private DiagnosisEvents() {
    }

    /** An area to diagnose was added, renamed, moved or removed by staff. */
    public record AreaChanged(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long processId,
            long areaId, String change, String summary) implements Auditable {
        public String action() { return "program.area-" + change; }
    }

    /**
     * A resident rated some areas (new or changed ratings). The summary names neither the person's answers nor
     * their self-declared gender or age (PDP-1): only how many areas were rated.
     */
    public record RatingsSubmitted(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long processId,
            int areas, String summary) implements Auditable {
        public String action() { return "program.diagnosis-rated"; }
    }
}
