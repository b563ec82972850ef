package ma.opencommune.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Bind values that both engines accept. The PostgreSQL driver cannot bind {@link Instant}; every timestamp
 * parameter goes through {@link #at(Instant)} as an {@link OffsetDateTime} in UTC.
 */
public final class Sql {

    private Sql() {
    }

    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static OffsetDateTime now(Clock clock) {
        return at(Instant.now(clock));
    }

    /** Reads a timestamp column as an instant (null stays null). */
    public static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
