package ma.opencommune.identity;

import java.time.Instant;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** Events the identity module publishes; all of them go to the action log. */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    /** A person created an account. */
    public record AccountRegistered(UUID eventId, Instant occurredAt, long accountId) implements Auditable {
        public Long collectivityId() { return null; }
        public Long actorId() { return accountId; }
        public String action() { return "identity.account-registered"; }
        public String summary() { return "account " + accountId + " registered"; }
    }

    /** A person deleted their account (PDP-3). */
    public record AccountDeleted(UUID eventId, Instant occurredAt, long accountId) implements Auditable {
        public Long collectivityId() { return null; }
        public Long actorId() { return null; }
        public String action() { return "identity.account-deleted"; }
        public String summary() { return "account " + accountId + " deleted at its owner's request"; }
    }

    /** A role was granted. */
    public record RoleGranted(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long accountId,
            Role role, Long bodyId) implements Auditable {
        public String action() { return "identity.role-granted"; }
        public String summary() { return role + (bodyId == null ? "" : " (body " + bodyId + ")") + " granted to account " + accountId; }
    }

    /** A role was revoked. */
    public record RoleRevoked(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long accountId,
            Role role, Long bodyId) implements Auditable {
        public String action() { return "identity.role-revoked"; }
        public String summary() { return role + (bodyId == null ? "" : " (body " + bodyId + ")") + " revoked from account " + accountId; }
    }

    /** A person declared residence or an economic activity in a commune. */
    public record ResidencyDeclared(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId,
            long declarationId, String basis) implements Auditable {
        public String action() { return "identity.residency-declared"; }
        public String summary() { return "declaration " + declarationId + " (" + basis + ") submitted"; }
    }

    /** Staff approved or rejected a declaration. */
    public record ResidencyDecided(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId,
            long declarationId, long accountId, boolean approved, String reason) implements Auditable {
        public String action() { return approved ? "identity.residency-approved" : "identity.residency-rejected"; }
        /** The reason goes to the person by mail; the permanent log keeps only the decision. */
        public String summary() { return "declaration " + declarationId + (approved ? " approved" : " rejected"); }
    }
}
