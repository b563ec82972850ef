package ma.opencommune.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides whether tests that need PostgreSQL or Chromium can run. When the service is missing they are skipped
 * with a clear message on a developer's machine, and fail when {@code CI=true}. On PostgreSQL the test schema is
 * dropped once per run so every run starts from the migrations.
 */
public class TestEnvironment implements ExecutionCondition {

    public static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
    private static final AtomicBoolean SCHEMA_RESET = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Class<?> type = context.getTestClass().orElse(null);
        if (type == null || context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided per class");
        }
        if (type.isAnnotationPresent(BrowserTest.class) && !Files.isExecutable(Path.of(CHROMIUM))) {
            return missing("Chromium not found at " + CHROMIUM + " (apt-get install chromium, or set CHROMIUM_PATH)");
        }
        String url = System.getProperty("OC_TEST_DB_URL", "");
        if (url.startsWith("jdbc:postgresql:") && type.isAnnotationPresent(IntegrationTest.class)) {
            String problem = resetPostgres(url);
            if (problem != null) {
                return missing("PostgreSQL not reachable (" + problem + ")");
            }
        }
        return ConditionEvaluationResult.enabled("environment ready");
    }

    private static ConditionEvaluationResult missing(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(why + ": required when CI=true");
        }
        return ConditionEvaluationResult.disabled("Skipped: " + why);
    }

    private static synchronized String resetPostgres(String url) {
        String schema = System.getProperty("OC_TEST_DB_SCHEMA", "public");
        try (Connection c = DriverManager.getConnection(url, System.getProperty("OC_TEST_DB_USER", "postgres"), "");
                Statement s = c.createStatement()) {
            if (SCHEMA_RESET.compareAndSet(false, true) && !"public".equals(schema)) {
                s.execute("drop schema if exists " + schema + " cascade");
            }
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
