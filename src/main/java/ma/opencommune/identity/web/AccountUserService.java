package ma.opencommune.identity.web;

import java.time.OffsetDateTime;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for login and for API tokens. */
@Component
class AccountUserService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountUserService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AccountUser loadUserByUsername(String email) {
        return jdbc.sql("select id, email, display_name, preferred_lang, email_confirmed_at, password_hash from account where email_normalized = ?")
                .param(Accounts.normalizeEmail(email))
                .query((rs, n) -> user(rs)).optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }

    AccountUser byId(long id) {
        return jdbc.sql("select id, email, display_name, preferred_lang, email_confirmed_at, password_hash from account where id = ?")
                .param(id).query((rs, n) -> user(rs)).optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }

    private static AccountUser user(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AccountUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class) != null, rs.getString(6));
    }
}
