package ma.opencommune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/**
 * The embedded database keeps enforcing the schema's CHECK constraints after the connection that
 * created them (Flyway's, or one retired by the pool) has closed. Some H2 releases lose the
 * constraint's comparison context with that connection and then fail every insert.
 */
class EmbeddedDatabaseTests {

    private static final String URL = "jdbc:h2:mem:check-constraints;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Test
    void checkConstraintsStillHoldOnceTheCreatingConnectionHasClosed() throws SQLException {
        try (Connection keepAlive = DriverManager.getConnection(URL, "sa", "")) {
            try (Connection creator = DriverManager.getConnection(URL, "sa", "");
                    Statement ddl = creator.createStatement()) {
                ddl.execute("create table kind_of_thing (id int primary key, kind varchar(10) not null,"
                        + " constraint ck_kind check (kind in ('A', 'B')))");
            }
            try (Connection other = DriverManager.getConnection(URL, "sa", "");
                    PreparedStatement insert = other.prepareStatement("insert into kind_of_thing values (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "A");
                assertThat(insert.executeUpdate()).isEqualTo(1);

                insert.setInt(1, 2);
                insert.setString(2, "Z");
                assertThatThrownBy(insert::executeUpdate)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("violation");
            }
        }
    }
}
