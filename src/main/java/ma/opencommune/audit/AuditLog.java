package ma.opencommune.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import ma.opencommune.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Façade of the audit module: reads a collectivity's action log, newest first, one keyset page at a time. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    /** Largest page a caller may ask for; the staff page shows {@link #PAGE_SIZE}. */
    public static final int MAX_PAGE_SIZE = 100;
    public static final int PAGE_SIZE = 50;

    /** One recorded action. {@code actorId} is null for the platform itself; {@code action} is a stable code. */
    public record Entry(long id, Instant occurredAt, Instant recordedAt, Long collectivityId, Long actorId,
            String action, String summary) {
    }

    /**
     * A page of entries, newest first. {@code olderBefore} is the id to pass as {@code beforeId} for the next
     * (older) page, or null when this page holds the oldest entry.
     */
    public record Page(List<Entry> entries, Long olderBefore) {

        /** The accounts that acted on this page, so a list can resolve their names in one query. */
        public Set<Long> actorIds() {
            return entries.stream().map(Entry::actorId).filter(Objects::nonNull).collect(Collectors.toSet());
        }
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Entries of one collectivity strictly older than {@code beforeId} (from the newest when null). Keyset
     * pagination on (collectivity_id, id): each page costs one index range scan however long the log grows.
     */
    public Page page(long collectivityId, Long beforeId, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        // One row more than asked tells whether an older page exists without a count query.
        List<Entry> rows = jdbc.sql("""
                select id, occurred_at, recorded_at, collectivity_id, actor_id, action, summary from audit_entry
                where collectivity_id = :collectivity and id < :before order by id desc limit :rows""")
                .param("collectivity", collectivityId)
                .param("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .param("rows", limit + 1)
                .query((rs, n) -> new Entry(rs.getLong("id"), Sql.instant(rs, "occurred_at"), Sql.instant(rs, "recorded_at"),
                        rs.getObject("collectivity_id", Long.class), rs.getObject("actor_id", Long.class),
                        rs.getString("action"), rs.getString("summary")))
                .list();
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<Entry> shown = rows.subList(0, limit);
        return new Page(List.copyOf(shown), shown.get(limit - 1).id());
    }
}
