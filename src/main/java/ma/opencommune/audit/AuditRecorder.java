package ma.opencommune.audit;

import java.time.Clock;
import java.time.Instant;
import ma.opencommune.platform.Auditable;
import ma.opencommune.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link Auditable} event into the log. Modulith's registry delivers at least once (a failed or
 * interrupted delivery is resubmitted), so recording is idempotent on the event id.
 */
@Component
class AuditRecorder {

    static final int ACTION_MAX = 100;
    static final int SUMMARY_MAX = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditRecorder(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Listening to the interface catches the events of every module, present and future: Spring matches a
     * listener by assignability, and the registry keeps one publication per (event, listener), replayed with
     * the event's concrete type.
     */
    @ApplicationModuleListener
    void on(Auditable event) {
        record(event);
    }

    /** True when this call added the entry, false when the event was already recorded. */
    boolean record(Auditable event) {
        if (event.eventId() == null || event.action() == null) {
            // Refusing leaves the publication incomplete and visible, rather than an entry nobody can deduplicate.
            throw new IllegalArgumentException(event.getClass().getName() + " has no event id or action");
        }
        Instant recordedAt = Instant.now(clock);
        Instant occurredAt = event.occurredAt() == null ? recordedAt : event.occurredAt();
        // "on conflict do nothing" (PostgreSQL, and H2 in PostgreSQL mode) also absorbs two deliveries racing
        // each other, and never aborts the surrounding PostgreSQL transaction the way a unique violation would.
        int inserted = jdbc.sql("""
                insert into audit_entry (event_id, occurred_at, recorded_at, collectivity_id, actor_id, action, summary)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(event.eventId().toString(), Sql.at(occurredAt), Sql.at(recordedAt), event.collectivityId(),
                        event.actorId(), clip(event.action(), ACTION_MAX), clip(event.summary() == null ? "" : event.summary(), SUMMARY_MAX))
                .update();
        return inserted == 1;
    }

    /** Cuts an over-long text so the row still fits its column; an entry is better short than lost. */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
