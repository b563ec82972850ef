package ma.opencommune.identity.internal;

import ma.opencommune.platform.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing: after 5 failures for one email, or 30 from one address, within 15 minutes, logins
 * are refused until the window passes. Kept in the database so every node sees the same counts.
 */
@Component
public class LoginThrottle {

    static final int MAX_PER_EMAIL = 5;
    static final int MAX_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    public LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean blocked(String emailNormalized, String address) {
        return blocked(emailNormalized, address, 0);
    }

    /** Blocked when, besides {@code own} attempts of the caller, the limit is already reached. */
    private boolean blocked(String emailNormalized, String address, int own) {
        Instant since = Instant.now(clock).minus(WINDOW);
        int byEmail = jdbc.sql("select count(*) from login_failure where email_normalized = ? and failed_at > ?")
                .params(emailNormalized, Sql.at(since)).query(Integer.class).single() - own;
        if (byEmail >= MAX_PER_EMAIL) {
            return true;
        }
        return jdbc.sql("select count(*) from login_failure where client_address = ? and failed_at > ?")
                .params(address, Sql.at(since)).query(Integer.class).single() - own >= MAX_PER_ADDRESS;
    }

    /**
     * Counts this attempt before the password is checked, then decides: parallel guesses each see the others'
     * attempts, so they cannot all slip under the limit. A successful login clears the email's attempts.
     */
    @Transactional
    public boolean attemptAllowed(String emailNormalized, String address) {
        failed(emailNormalized, address);
        return !blocked(emailNormalized, address, 1);
    }

    @Transactional
    public void failed(String emailNormalized, String address) {
        Instant now = Instant.now(clock);
        jdbc.sql("insert into login_failure (email_normalized, client_address, failed_at) values (?, ?, ?)")
                .params(emailNormalized.length() > 254 ? emailNormalized.substring(0, 254) : emailNormalized, address, Sql.at(now)).update();
        jdbc.sql("delete from login_failure where failed_at < ?").param(Sql.at(now.minus(WINDOW.multipliedBy(4)))).update();
    }

    @Transactional
    public void succeeded(String emailNormalized) {
        jdbc.sql("delete from login_failure where email_normalized = ?").param(emailNormalized).update();
    }
}
