package ma.opencommune.support;

import java.util.UUID;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Lang;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates fresh accounts for tests, confirmed as if the mail link had been followed. */
public final class TestAccounts {

    public static final String PASSWORD = "tafoukt-n-souss-2026";

    private TestAccounts() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ma";
    }

    /** Registers a new account with {@link #PASSWORD}, confirms it, and returns its email. */
    public static String confirmed(Accounts accounts, JdbcClient jdbc, String prefix) {
        String email = uniqueEmail(prefix);
        long id = accounts.register(email, "Compte de test", PASSWORD, Lang.FR);
        jdbc.sql("update account set email_confirmed_at = created_at where id = ?").param(id).update();
        return email;
    }

    /** Grants {@code role} in the collectivity {@code slug} to the account of {@code email}, unless it already holds it. */
    public static void grantOnce(JdbcClient jdbc, String email, String slug, String role) {
        jdbc.sql("""
                insert into role_grant (account_id, collectivity_id, role, granted_at, grant_key)
                select a.id, c.id, ?, current_timestamp, a.id || ':' || c.id || ':' || ? || ':-'
                from account a, collectivity c where a.email_normalized = ? and c.slug = ?
                and not exists (select 1 from role_grant g where g.grant_key = a.id || ':' || c.id || ':' || ? || ':-')""")
                .params(role, role, email, slug, role).update();
    }
}
