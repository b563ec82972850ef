package ma.opencommune.council;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Test data of the projects: a fresh commune with its own council secretary, and projects made through the façade. */
record ProjectFixture(JdbcClient jdbc, Projects projects, Territory territory, Accounts accounts, RoleGrants grants, UserDetailsService users) {

    static final String TAROUDANT_STAFF = "staff@taroudant.demo";
    static final String AGADIR_STAFF = "staff@agadir.demo";

    /** A fresh commune, so its lists hold only what a test puts in it. */
    Collectivity collectivity() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, population, created_at) values (?,?,?,?,?,?,?,?)")
                .params("prj-" + tag, "J" + tag.substring(0, 6).toUpperCase(), "COMMUNE", "جماعة المشاريع", "Commune projets " + tag,
                        "ⵜⴰⴳⵎⴰⵎⵜ", 20_000, Sql.at(Instant.now()))
                .update();
        return territory.require("prj-" + tag);
    }

    String secretary(Collectivity c) {
        String email = TestAccounts.confirmed(accounts, jdbc, "projects");
        grants.grant(null, c, email, Role.COUNCIL_SECRETARY, null);
        return email;
    }

    AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    static ProjectFields fields(String titleFr, ProjectSector sector, boolean published) {
        return new ProjectFields("مشروع " + titleFr, titleFr, "وصف المشروع", "Description du projet " + titleFr, sector,
                new BigDecimal("30.4703"), new BigDecimal("-8.8770"), null, new BigDecimal("1250000.50"), "Entreprise Souss",
                LocalDate.of(2026, 1, 10), LocalDate.of(2027, 6, 30),
                List.of(new ProjectFields.Funding("Commune", new BigDecimal("1000000")), new ProjectFields.Funding("INDH", new BigDecimal("250000.50"))),
                List.of(), published, List.of());
    }

    long project(Collectivity c, String secretary, String titleFr, boolean published) {
        return projects.create(c, user(secretary), fields(titleFr, ProjectSector.ROADS, published), new Check(), null).id();
    }

    /** A published project in progress at {@code percent}. */
    long running(Collectivity c, String secretary, String titleFr, int percent) {
        long id = project(c, secretary, titleFr, true);
        projects.changeStatus(c, user(secretary), id, ProjectStatus.IN_PROGRESS, null);
        projects.report(c, user(secretary), id, new Projects.ProgressReport(projects.today(), percent, "Avancement.", List.of(), null, null));
        return id;
    }
}
