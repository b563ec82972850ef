package ma.opencommune.network;

import java.time.Instant;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** A coordinator published a new methodology version; the running periods are computed again with it. */
public record MethodologyPublished(UUID eventId, Instant occurredAt, Long actorId, int version) implements Auditable {

    @Override
    public Long collectivityId() {
        return null;
    }

    @Override
    public String action() {
        return "network.methodology-published";
    }

    @Override
    public String summary() {
        return "methodology version " + version;
    }
}
