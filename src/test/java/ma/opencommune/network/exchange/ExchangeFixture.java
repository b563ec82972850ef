package ma.opencommune.network.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Fresh collectivities (members of the network or not), their staff, and practices written through the façade. */
record ExchangeFixture(JdbcClient jdbc, Practices practices, Territory territory, Accounts accounts, RoleGrants grants,
        UserDetailsService users) {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    Collectivity collectivity(boolean member) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, population, created_at) values (?,?,?,?,?,?,?,?)")
                .params("ex-" + tag, "X" + tag.substring(0, 6).toUpperCase(), "COMMUNE", "جماعة تجريبية", "Commune test " + tag,
                        "ⵜⴰⴳⵎⴰⵎⵜ", 1_000, Sql.at(Instant.now()))
                .update();
        if (member) {
            jdbc.sql("insert into network_membership (collectivity_id, joined_on, cohort) select id, ?, '2026' from collectivity where slug = ?")
                    .params(LocalDate.of(2026, 1, 1), "ex-" + tag).update();
        }
        return territory.require("ex-" + tag);
    }

    String staff(Collectivity c, Role role) {
        String email = TestAccounts.confirmed(accounts, jdbc, "staff");
        grants.grant(null, c, email, role, null);
        return email;
    }

    String account() {
        return TestAccounts.confirmed(accounts, jdbc, "reader");
    }

    AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    static Practices.Draft draft(String titleAr, String titleFr, String problem, PracticeTag... tags) {
        return new Practices.Draft("fr", titleAr, titleFr, null, null, problem, "Ce qui a été fait", "Les résultats", 1_000L, null, "2025",
                "Agent test", "Chargé de mission", "agent@commune.ma", null, EnumSet.of(tags[0], tags));
    }

    long published(Collectivity c, String staff, Practices.Draft d) {
        long id = practices.create(c, user(staff), d, null).id();
        practices.publish(c, user(staff), id);
        return id;
    }

    static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("file", name, "application/pdf", PDF);
    }
}
