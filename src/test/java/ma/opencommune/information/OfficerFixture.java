package ma.opencommune.information;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Test data of the officers' workspace: a fresh commune with its own officer, and requests filed through the façade. */
record OfficerFixture(JdbcClient jdbc, InformationRequests requests, Territory territory, Accounts accounts, RoleGrants grants,
        UserDetailsService users) {

    static final String CITIZEN = "citizen@opencommune.demo";
    static final String TAROUDANT_STAFF = "staff@taroudant.demo";
    static final String AGADIR_STAFF = "staff@agadir.demo";

    /** A fresh commune, so its queue holds only what a test puts in it. */
    Collectivity collectivity() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, created_at) values (?,?,?,?,?,?,?)")
                .params("info-" + tag, "I" + tag.substring(0, 6).toUpperCase(), "COMMUNE", "جماعة تجريبية", "Commune test " + tag, "ⵜⴰⴳⵎⴰⵎⵜ",
                        Sql.at(Instant.now()))
                .update(key, "id");
        return territory.require("info-" + tag);
    }

    /** A new account holding the information officer role in that collectivity; returns its email. */
    String officer(Collectivity c) {
        String email = TestAccounts.confirmed(accounts, jdbc, "officer");
        grants.grant(null, c, email, Role.INFORMATION_OFFICER, null);
        return email;
    }

    AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    /** A request filed by the demo citizen. */
    String file(Collectivity c, String subject) {
        return file(c, CITIZEN, subject);
    }

    String file(Collectivity c, String requesterEmail, String subject) {
        return requests.file(c, user(requesterEmail), new InformationRequests.Filing("Fatima", "Ait Ali", "12 rue de la Kasbah, Taroudant",
                "JB123456", "fatima@example.ma", subject, "Le budget détaillé de " + subject, Delivery.EMAIL, false, null), Lang.FR)
                .trackingNumber();
    }

    void due(String tn, LocalDate due) {
        jdbc.sql("update info_request set due_on = ? where tracking_number = ?").params(due, tn).update();
    }

    String status(String tn) {
        return jdbc.sql("select status from info_request where tracking_number = ?").param(tn).query(String.class).single();
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    /** Everything an action could change, to prove a refused one changed nothing. */
    String snapshot(String tn) {
        return jdbc.sql("select status || '|' || due_on || '|' || coalesce(cast(assigned_to as varchar(20)), '-') || '|' || version"
                + " || '|' || coalesce(answer_text, '-') || '|' || coalesce(refusal_reasoning, '-') from info_request where tracking_number = ?")
                .param(tn).query(String.class).single()
                + "|" + count("select count(*) from info_request_event e join info_request r on r.id = e.request_id where r.tracking_number = ?", tn)
                + "|" + count("select count(*) from info_note n join info_request r on r.id = n.request_id where r.tracking_number = ?", tn)
                + "|" + count("select count(*) from info_attachment a join info_request r on r.id = a.request_id where r.tracking_number = ?", tn)
                + "|" + count("select count(*) from info_clarification q join info_request r on r.id = q.request_id where r.tracking_number = ?", tn);
    }
}
