package ma.opencommune.information.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.TestPropertySource;

/** The officers' daily digest: overdue and due-soon open requests of their collectivity, most urgent first; nothing due, no mail. */
@IntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=39025", "opencommune.demo.enabled=false"})
class OfficerDigestTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    OfficerDigest digest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    long insert(String sql, Object... params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }

    void request(long col, String code, int n, String status, LocalDate due, boolean closed) {
        jdbc.sql("insert into info_request (collectivity_id, tracking_number, first_name, last_name, postal_address, cin_cipher, cin_hash,"
                + " cin_hint, subject, description, delivery, urgent, lang, status, received_at, received_on, due_on, closed_at, closed_on)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(col, code + "-2026-00000" + n, "Fatima", "Ait Lahcen", "Taroudant", "x", "h" + code + n, "JB••••56",
                        "Sujet " + n, "Description", "EMAIL", false, "fr", status, Sql.at(Instant.now()), LocalDate.now().minusDays(30), due,
                        closed ? Sql.at(Instant.now()) : null, closed ? LocalDate.now() : null)
                .update();
    }

    @Test
    void officersGetTheirOverdueAndDueSoonRequestsAndNothingWhenNothingIsDue() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long col = insert("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, created_at) values (?,?,?,?,?,?,?)",
                "digest-info-" + tag.toLowerCase(), "I" + tag, "COMMUNE", "جماعة", "Commune " + tag, "ⵜⴰⴳⵎⴰⵎⵜ", Sql.at(Instant.now()));
        String email = "officer-" + tag.toLowerCase() + "@example.ma";
        long officer = accounts.register(email, "Officer Test", "tafoukt-n-souss-2026", Lang.FR);
        jdbc.sql("update account set email_confirmed_at = created_at where id = ?").param(officer).update();
        jdbc.sql("insert into role_grant (account_id, collectivity_id, role, granted_at, grant_key) values (?,?,?,?,?)")
                .params(officer, col, "INFORMATION_OFFICER", Sql.at(Instant.now()), officer + ":" + col + ":INFORMATION_OFFICER:").update();

        digest.run(); // whatever other tests left behind
        smtp.reset();
        request(col, "I" + tag, 1, "RECEIVED", LocalDate.now().plusDays(200), false); // far: not mentioned
        digest.run(); // other collectivities' officers may get theirs: ours must not
        Thread.sleep(200);
        assertThat(mailsTo(email)).isZero();

        request(col, "I" + tag, 2, "RECEIVED", LocalDate.now().minusDays(2), false); // overdue
        request(col, "I" + tag, 3, "EXTENDED", LocalDate.now(), false); // due today
        request(col, "I" + tag, 4, "ANSWERED", LocalDate.now().minusDays(5), true); // closed: not mentioned
        request(col, "I" + tag, 5, "CLARIFICATION", LocalDate.now().minusDays(5), false); // clock paused: not mentioned
        assertThat(digest.run()).isGreaterThanOrEqualTo(1);
        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        String body = String.valueOf(mail.getContent());
        assertThat(mail.getSubject()).contains("2 demandes");
        assertThat(body).contains("I" + tag + "-2026-000002").contains("I" + tag + "-2026-000003")
                .doesNotContain("I" + tag + "-2026-000001").doesNotContain("I" + tag + "-2026-000004").doesNotContain("I" + tag + "-2026-000005")
                .doesNotContain("Ait Lahcen");
        assertThat(body.indexOf("000002")).isLessThan(body.indexOf("000003"));
    }

    long mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                return false;
            }
        }).count();
    }
}
