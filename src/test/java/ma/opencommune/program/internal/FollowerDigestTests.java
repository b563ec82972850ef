package ma.opencommune.program.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
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

/**
 * Followers get one digest per run listing every new progress report on what they follow, in their language,
 * over a real SMTP conversation; a second run sends nothing. Same properties as SmtpMailTests: one shared context.
 */
@IntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=39025", "opencommune.demo.enabled=false"})
class FollowerDigestTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    FollowerDigest digest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    long insert(String sql, Object... params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }

    @Test
    void twoUpdatesMakeOneMailAndARerunSendsNothing() throws Exception {
        digest.run(); // whatever earlier tests left behind
        smtp.reset();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        long col = insert("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, created_at) values (?,?,?,?,?,?,?)",
                "digest-" + tag, "D" + tag, "COMMUNE", "جماعة", "Commune " + tag, "ⵜⴰⴳⵎⴰⵎⵜ", Sql.at(now));
        long process = insert("insert into program_process (collectivity_id, title_ar, title_fr, title_zgh, starts_on, ends_on, published_at,"
                + " created_at, updated_at) values (?,?,?,?,?,?,?,?,?)", col, "مسار", "Processus", "ⴰⴱⵔⵉⴷ", LocalDate.now().minusDays(100),
                LocalDate.now().plusDays(100), Sql.at(now), Sql.at(now), Sql.at(now));
        long commitment = insert("insert into program_commitment (process_id, collectivity_id, number, title, created_at, updated_at)"
                + " values (?,?,?,?,?,?)", process, col, 3, "Budget ouvert", Sql.at(now), Sql.at(now));
        long milestone = insert("insert into program_milestone (commitment_id, collectivity_id, position, output, due_on) values (?,?,?,?,?)",
                commitment, col, 1, "Budget publié", LocalDate.now().plusDays(10));
        String email = "follower-" + tag + "@example.ma";
        long follower = accounts.register(email, "Fatima Test", "tafoukt-n-souss-2026", Lang.FR);
        jdbc.sql("update account set email_confirmed_at = created_at where id = ?").param(follower).update();
        smtp.reset(); // the confirmation mail of the registration
        jdbc.sql("insert into program_follow (commitment_id, account_id, collectivity_id, created_at, last_digest_at) values (?,?,?,?,?)")
                .params(commitment, follower, col, Sql.at(now.minusSeconds(60)), Sql.at(now.minusSeconds(60))).update();
        // One report from before the follow is not news; two after it are.
        insert("insert into program_progress (milestone_id, commitment_id, collectivity_id, reported_on, text, created_at) values (?,?,?,?,?,?)",
                milestone, commitment, col, LocalDate.now(), "Ancien", Sql.at(now.minusSeconds(3600)));
        insert("insert into program_progress (milestone_id, commitment_id, collectivity_id, reported_on, text, created_at) values (?,?,?,?,?,?)",
                milestone, commitment, col, LocalDate.now(), "Cahier des charges validé", Sql.at(now.minusSeconds(30)));
        insert("insert into program_progress (milestone_id, commitment_id, collectivity_id, reported_on, text, created_at) values (?,?,?,?,?,?)",
                milestone, commitment, col, LocalDate.now(), "Prestataire désigné", Sql.at(now.minusSeconds(20)));

        assertThat(digest.run()).isEqualTo(1);
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(received[0].getSubject()).contains("2 avancements");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains("Cahier des charges").contains("Prestataire").doesNotContain("Ancien")
                .contains("/fr/c/digest-" + tag + "/program/" + process + "/commitments/" + commitment);

        assertThat(digest.run()).isZero();
        Thread.sleep(300);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from program_follow where account_id = ? and last_digest_at > ?")
                .params(follower, Sql.at(now.minusSeconds(10))).query(Integer.class).single()).isEqualTo(1);
    }
}
