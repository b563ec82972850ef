package ma.opencommune.audit;

import java.time.Instant;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** An auditable event of no real module, so a test controls every field (an unknown action code included). */
public record SampleAction(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, String action,
        String summary) implements Auditable {

    public static SampleAction of(Long collectivityId, Long actorId, String action, String summary) {
        return new SampleAction(UUID.randomUUID(), Instant.now(), collectivityId, actorId, action, summary);
    }
}
