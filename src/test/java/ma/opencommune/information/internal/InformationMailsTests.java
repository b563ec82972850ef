package ma.opencommune.information.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.information.ExtensionReason;
import ma.opencommune.information.InformationEvents;
import ma.opencommune.information.InformationRequests;
import ma.opencommune.information.RefusalGround;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Mails to the requester over a real SMTP conversation, in the request's language: receipt, ATI-5 extension notice
 * with reason and new date, refusal with ground; a replayed event sends nothing twice. Same properties as the other
 * mail tests: one shared context.
 */
@IntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=39025", "opencommune.demo.enabled=false"})
class InformationMailsTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    InformationRequests requests;
    @Autowired
    Territory territory;
    @Autowired
    InformationMails mails;

    List<MimeMessage> to(String email, int atLeast) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            List<MimeMessage> mine = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    // Only the mails about requests (the account's confirmation mail is not one).
                    return m.getAllRecipients()[0].toString().equals(email) && m.getSubject().contains(code + "-");
                } catch (Exception e) {
                    return false;
                }
            }).toList();
            if (mine.size() >= atLeast || System.currentTimeMillis() > until) {
                return mine;
            }
            Thread.sleep(100);
        }
    }

    /** Demo data is off in this shared mail context: a collectivity and its information officer of our own. */
    String slug;
    String code;
    String officerEmail;

    @org.junit.jupiter.api.BeforeEach
    void collectivity() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        slug = "mails-" + tag.toLowerCase();
        code = "M" + tag;
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, created_at) values (?,?,?,?,?,?,?)")
                .params(slug, "M" + tag, "COMMUNE", "جماعة الاختبار", "Commune " + tag, "ⵜⴰⴳⵎⴰⵎⵜ", ma.opencommune.platform.Sql.at(Instant.now()))
                .update(key, "id");
        long col = key.getKey().longValue();
        officerEmail = TestAccounts.confirmed(accounts, jdbc, "officer");
        long officer = accounts.findByEmail(officerEmail).orElseThrow().id();
        jdbc.sql("insert into role_grant (account_id, collectivity_id, role, granted_at, grant_key) values (?,?,?,?,?)")
                .params(officer, col, "INFORMATION_OFFICER", ma.opencommune.platform.Sql.at(Instant.now()), officer + ":" + col + ":INFORMATION_OFFICER:")
                .update();
    }

    String file(String email, String lang, String subject) throws Exception {
        String location = mvc.perform(post("/" + lang + "/c/" + slug + "/information/new").with(csrf()).with(Logins.as(users, email))
                .param("firstName", "Fatima").param("lastName", "Ait Lahcen").param("postalAddress", "Taroudant").param("cin", "JB123456")
                .param("email", email).param("subject", subject).param("description", "Le budget 2025.").param("delivery", "EMAIL"))
                .andReturn().getResponse().getRedirectedUrl();
        String tn = location.substring(location.lastIndexOf('/') + 1);
        return tn.substring(0, tn.indexOf('?'));
    }

    @Test
    void theRequesterGetsTheReceiptTheExtensionNoticeAndTheRefusalInTheRequestsLanguage() throws Exception {
        String email = TestAccounts.confirmed(accounts, jdbc, "mails");
        String tn = file(email, "fr", "Budget 2025");
        List<MimeMessage> received = to(email, 1);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Demande " + tn + " reçue");
        String body = String.valueOf(received.get(0).getContent());
        assertThat(body).contains(tn).contains("/fr/c/" + slug + "/information/requests/" + tn).doesNotContain("JB123456");

        AccountUser officer = (AccountUser) users.loadUserByUsername(officerEmail);
        var taroudant = territory.require(slug);
        requests.extend(taroudant, tn, officer, ExtensionReason.THIRD_PARTY_CONSULTATION);
        received = to(email, 2);
        assertThat(received).hasSize(2);
        MimeMessage extension = received.get(1);
        assertThat(extension.getSubject()).contains("prorogé");
        String newDue = jdbc.sql("select due_on from info_request where tracking_number = ?").param(tn).query(java.time.LocalDate.class).single()
                .getYear() + "";
        assertThat(String.valueOf(extension.getContent())).contains("Motif").contains(newDue);

        requests.refuse(taroudant, tn, officer, RefusalGround.EXCEPTION_ART7, "Données personnelles de tiers.");
        received = to(email, 3);
        assertThat(received).hasSize(3);
        assertThat(received.get(2).getSubject()).contains("refus");
        assertThat(String.valueOf(received.get(2).getContent())).contains("Données personnelles de tiers.");
    }

    @Test
    void aReplayedStepSendsNothingTwice() throws Exception {
        String email = TestAccounts.confirmed(accounts, jdbc, "replay");
        String tn = file(email, "ar", "ميزانية");
        assertThat(to(email, 1)).hasSize(1);
        long id = jdbc.sql("select id from info_request where tracking_number = ?").param(tn).query(Long.class).single();
        long collectivity = territory.require(slug).id();
        InformationEvents.RequestStepped event = new InformationEvents.RequestStepped(UUID.randomUUID(), Instant.now(), collectivity, null, id, tn,
                InformationEvents.Step.ANSWERED, null, null);
        mails.on(event);
        mails.on(event);
        List<MimeMessage> received = to(email, 3);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).getSubject()).contains(tn).contains("الجواب");
    }
}
