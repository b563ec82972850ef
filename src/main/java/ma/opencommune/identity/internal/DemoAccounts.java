package ma.opencommune.identity.internal;

import ma.opencommune.platform.Sql;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import ma.opencommune.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo accounts of DESIGN.md (password {@code demo}) once, and warns at every start-up while any
 * demo account exists, whatever the configuration.
 */
@Component
@Order(20)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PersonalDataCipher cipher;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoAccounts(JdbcClient jdbc, PasswordEncoder encoder, PersonalDataCipher cipher, DemoMode demo, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.cipher = cipher;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.enabled() && jdbc.sql("select count(*) from account where email_normalized like '%.demo'").query(Integer.class).single() == 0
                && jdbc.sql("select count(*) from collectivity where slug = 'taroudant'").query(Integer.class).single() == 1) {
            tx.executeWithoutResult(s -> load());
        }
        int demoAccounts = jdbc.sql("select count(*) from account where email_normalized like '%.demo'").query(Integer.class).single();
        if (demoAccounts > 0) {
            log.warn("{} demo accounts with the password 'demo' exist. Never expose this instance publicly.", demoAccounts);
        }
    }

    private void load() {
        String hash = encoder.encode("demo");
        long taroudant = id("taroudant");
        long agadir = id("agadir");
        long admin = account("admin@opencommune.demo", "Admin Plateforme", "fr", hash);
        grant(admin, null, "PLATFORM_ADMIN", null);
        long coordinator = account("coordinator@opencommune.demo", "Salma Coordinatrice", "fr", hash);
        grant(coordinator, null, "NETWORK_COORDINATOR", null);
        long staff = account("staff@taroudant.demo", "موظف جماعة تارودانت", "ar", hash);
        for (String role : new String[] {"STAFF_ADMIN", "INFORMATION_OFFICER", "PROGRAM_MANAGER", "COUNCIL_SECRETARY"}) {
            grant(staff, taroudant, role, null);
        }
        long body = account("body@taroudant.demo", "Khadija Ait Lahcen", "fr", hash);
        Long genderBody = jdbc.sql("select id from consultative_body where collectivity_id = ? and type = 'GENDER_EQUALITY'")
                .param(taroudant).query(Long.class).optional().orElse(null);
        grant(body, taroudant, "BODY_MEMBER", genderBody);
        long citizen = account("citizen@opencommune.demo", "مواطن من تارودانت", "ar", hash);
        declaration(citizen, taroudant, "JB123456", "APPROVED", staff);
        long pending = account("resident@opencommune.demo", "Ahmed Oubella", "fr", hash);
        declaration(pending, taroudant, "J654321", "PENDING", null);
        long agadirStaff = account("staff@agadir.demo", "Agent Commune d'Agadir", "fr", hash);
        for (String role : new String[] {"STAFF_ADMIN", "INFORMATION_OFFICER", "PROGRAM_MANAGER", "COUNCIL_SECRETARY"}) {
            grant(agadirStaff, agadir, role, null);
        }
    }

    private long id(String slug) {
        return jdbc.sql("select id from collectivity where slug = ?").param(slug).query(Long.class).single();
    }

    private long account(String email, String name, String lang, String hash) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into account (email, email_normalized, password_hash, display_name, preferred_lang, email_confirmed_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""").params(email, email, hash, name, lang, Sql.at(now), Sql.at(now), Sql.at(now)).update(key, "id");
        return key.getKey().longValue();
    }

    private void grant(long account, Long collectivity, String role, Long body) {
        String key = account + ":" + (collectivity == null ? "-" : collectivity) + ":" + role + ":" + (body == null ? "-" : body);
        jdbc.sql("insert into role_grant (account_id, collectivity_id, role, body_id, granted_at, grant_key) values (?, ?, ?, ?, ?, ?)")
                .params(account, collectivity, role, body, Sql.now(clock), key).update();
    }

    private void declaration(long account, long collectivity, String cin, String status, Long decidedBy) {
        String hash = cipher.keyedHash(cin);
        jdbc.sql("insert into cin_owner (cin_hash, account_id) values (?, ?)").params(hash, account).update();
        Instant now = Instant.now(clock);
        jdbc.sql("""
                insert into resident_declaration (account_id, collectivity_id, basis, cin_cipher, cin_hash, cin_hint, status, submitted_at, decided_at, decided_by,
                    verified_name)
                values (?, ?, 'RESIDENCE', ?, ?, ?, ?, ?, ?, ?, case when ? = 'APPROVED' then (select display_name from account where id = ?) end)""")
                .params(account, collectivity, cipher.encrypt(cin), hash, ma.opencommune.identity.Cin.hint(cin), status,
                        Sql.at(now.minus(3, ChronoUnit.DAYS)), decidedBy == null ? null : Sql.at(now.minus(1, ChronoUnit.DAYS)), decidedBy,
                        status, account)
                .update();
    }
}
