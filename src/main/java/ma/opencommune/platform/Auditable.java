package ma.opencommune.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * An event that belongs in the append-only action log. Modules publish their own event records implementing
 * this; the audit module records each once (the event id makes recording idempotent).
 */
public interface Auditable {

    UUID eventId();

    Instant occurredAt();

    /** The collectivity concerned, or null for platform-wide actions. */
    Long collectivityId();

    /** The account that acted, or null for the system. */
    Long actorId();

    /** A stable action code, e.g. {@code identity.role-granted}. */
    String action();

    /** Human-readable summary of the change, without personal data that is not already visible to staff. */
    String summary();
}
