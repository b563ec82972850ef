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
 * constraint's comparison context with that connection and then fail every insert. And with the
 * application's settings, a commit the database acknowledged survives the process being killed.
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

    /**
     * H2 writes committed changes to its file up to half a second later by default (WRITE_DELAY): a process killed in
     * that time loses commits it had acknowledged (a signature answered 201, then gone). The application's URL sets
     * WRITE_DELAY=0. A child JVM commits rows one by one and reports each commit; it is killed (SIGKILL) mid-stream
     * and every reported row must be in the file.
     */
    @Test
    void aCommitAcknowledgedBeforeTheProcessIsKilledIsStillThere() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("h2-kill");
        String url = applicationUrl().replace("${opencommune.data-dir}", dir.toString());
        Process child = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url)
                .redirectErrorStream(true).start();
        long acknowledged = 0;
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            String line;
            while (acknowledged < 300 && (line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    acknowledged = Long.parseLong(line.substring(10));
                }
            }
            child.destroyForcibly().waitFor();
        }
        assertThat(acknowledged).as("the child committed rows").isGreaterThanOrEqualTo(300);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement q = c.createStatement();
                java.sql.ResultSet rs = q.executeQuery("select count(*) from acknowledged")) {
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(acknowledged);
        }
    }

    private static String applicationUrl() throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = EmbeddedDatabaseTests.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return p.getProperty("spring.datasource.url");
    }

    /** The child process: commits a row at a time and says so after each commit, until killed. */
    public static final class Writer {
        public static void main(String[] args) throws SQLException {
            try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
                try (Statement ddl = c.createStatement()) {
                    ddl.execute("create table acknowledged (id bigint primary key)");
                }
                try (PreparedStatement insert = c.prepareStatement("insert into acknowledged values (?)")) {
                    for (long i = 1; ; i++) {
                        insert.setLong(1, i);
                        insert.executeUpdate();
                        System.out.println("committed " + i);
                        System.out.flush();
                    }
                }
            }
        }
    }
}
