package ma.opencommune.territory;

import java.time.Instant;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** Changes staff make to their collectivity's public identity; all go to the action log. */
public final class TerritoryEvents {

    private TerritoryEvents() {
    }

    /** Contacts, information officer or accent colour changed. */
    public record ProfileUpdated(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, String summary)
            implements Auditable {
        public String action() { return "territory.profile-updated"; }
    }

    /** The collectivity joined the network of open collectivities, selected in a cohort. */
    public record JoinedNetwork(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, String cohort, String summary)
            implements Auditable {
        public String action() { return "territory.joined-network"; }
    }

    /** A consultative body was created. */
    public record BodyCreated(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long bodyId, String summary)
            implements Auditable {
        public String action() { return "territory.body-created"; }
    }

    /** A member joined or left a consultative body. */
    public record BodyMembershipChanged(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long bodyId,
            boolean added, String summary) implements Auditable {
        public String action() { return added ? "territory.body-member-added" : "territory.body-member-removed"; }
    }
}
