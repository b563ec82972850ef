package ma.opencommune.petitions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.petitions.PetitionEvents;
import ma.opencommune.petitions.PetitionFixtures;
import ma.opencommune.petitions.Petitions;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/**
 * Mails about a petition's steps over a real SMTP conversation: the agent and the signatories who opted in, each in
 * their own language; nobody twice when the step is delivered again; a long list in bounded batches that resume where
 * they stopped, also after the mail server was away. Same properties as the other mail tests: one shared context.
 */
@IntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=39025", "opencommune.demo.enabled=false"})
class PetitionMailsTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    PetitionMails mails;
    @Autowired
    PetitionMailBatches batches;
    @Autowired
    PetitionMailTexts texts;
    @Autowired
    Petitions petitions;
    @Autowired
    Territory territory;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    Collectivity commune;
    AccountUser agent;

    /** The listener itself, called in the test's thread: the registry would call it asynchronously after a commit. */
    void deliver(PetitionEvents.PetitionStepped event) {
        ((PetitionMails) org.springframework.test.util.AopTestUtils.getUltimateTargetObject(mails)).on(event);
    }

    @BeforeEach
    void communeAndAgent() {
        batches.run(1_000, 1_000); // whatever earlier tests left to send
        String tag = UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, created_at) values (?,?,?,?,?,?,?)")
                .params("mails-" + tag, "P" + tag, "COMMUNE", "جماعة الاختبار", "Commune " + tag, "ⵜⴰⴳⵎⴰⵎⵜ", Sql.at(Instant.now())).update();
        commune = territory.require("mails-" + tag);
        agent = (AccountUser) users.loadUserByUsername(TestAccounts.confirmed(accounts, jdbc, "agent"));
        smtp.reset(); // the agent's confirmation mail
    }

    /** An account in {@code lang}, confirmed or not. */
    String person(String lang, boolean confirmed) {
        String email = TestAccounts.uniqueEmail("signer-" + lang);
        Instant now = Instant.now();
        jdbc.sql("insert into account (email, email_normalized, password_hash, display_name, preferred_lang, email_confirmed_at, created_at,"
                + " updated_at) values (?, ?, 'x', 'Signataire', ?, ?, ?, ?)")
                .params(email, email, lang, confirmed ? Sql.at(now) : null, Sql.at(now), Sql.at(now)).update();
        return email;
    }

    /** The online signature of that account, with mails on or off. */
    void signs(long petition, String email, boolean notify) {
        jdbc.sql("insert into petition_signature (petition_id, collectivity_id, cin_hash, account_id, source, basis, signed_at, notify)"
                + " values (?, ?, ?, ?, 'ONLINE', 'RESIDENT', current_timestamp, ?)")
                .params(petition, commune.id(), UUID.randomUUID().toString().replace("-", ""), accounts.findByEmail(email).orElseThrow().id(), notify)
                .update();
    }

    long petition(String title) {
        return PetitionFixtures.petition(petitions, commune, agent, title, true);
    }

    /** Puts the petition where a step left it (the steps' own rules are PetitionLifecycleTests' concern). */
    PetitionEvents.PetitionStepped stepped(long petition, PetitionEvents.Step step, String set, Object... values) {
        jdbc.sql("update petition set " + set + " where id = " + petition).params(values).update();
        return new PetitionEvents.PetitionStepped(UUID.randomUUID(), Instant.now(), commune.id(), null, petition, step, LocalDate.now());
    }

    Map<String, List<MimeMessage>> received() {
        return Arrays.stream(smtp.getReceivedMessages()).collect(Collectors.groupingBy(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    static String body(MimeMessage m) throws Exception {
        return String.valueOf(m.getContent());
    }

    @Test
    void theAgentAndTheSignatoriesWhoOptedInHearOfTheFilingEachInTheirLanguage() throws Exception {
        long id = petition("Un abri à l’arrêt de bus");
        PetitionFixtures.signatures(jdbc, commune, id, 200, "PAPER");
        String ar = person("ar", true);
        String zgh = person("zgh", true);
        String en = person("en", true);
        String optedOut = person("fr", true);
        String unconfirmed = person("fr", false);
        signs(id, ar, true);
        signs(id, zgh, true);
        signs(id, en, true);
        signs(id, optedOut, false);
        signs(id, unconfirmed, true);
        signs(id, agent.getUsername(), true); // the agent signed too: one mail, as the agent
        // The threshold job has already marked it (its own mails are another test's): only the filing is told here.
        jdbc.sql("update petition set status = 'THRESHOLD_REACHED', threshold_reached_on = ? where id = ?").params(petitions.today(), id).update();

        petitions.file(commune, id, agent);
        long until = System.currentTimeMillis() + 10_000;
        while (jdbc.sql("select count(*) from petition_mail where petition_id = ?").param(id).query(Integer.class).single() == 0
                && System.currentTimeMillis() < until) {
            Thread.sleep(50); // the listener runs after the filing commits
        }
        assertThat(batches.run(200, 10)).isEqualTo(4);

        Map<String, List<MimeMessage>> to = received();
        assertThat(to.keySet()).containsExactlyInAnyOrder(agent.getUsername(), ar, zgh, en);
        MimeMessage toAgent = to.get(agent.getUsername()).get(0);
        assertThat(to.get(agent.getUsername())).hasSize(1);
        assertThat(toAgent.getSubject()).isEqualTo("Pétition « Un abri à l’arrêt de bus » déposée auprès du conseil");
        assertThat(body(toAgent)).contains("http://localhost/fr/c/" + commune.slug() + "/petitions/" + id).contains("mandataire")
                .contains(String.valueOf(petitions.find(commune, id).decisionDue().getYear()));
        assertThat(to.get(ar).get(0).getSubject()).contains("إيداع العريضة");
        assertThat(body(to.get(ar).get(0))).contains("/ar/c/" + commune.slug() + "/petitions/" + id).contains("وقعت هذه العريضة");
        assertThat(to.get(zgh).get(0).getSubject()).containsPattern("[\\u2D30-\\u2D7F]");
        assertThat(to.get(en).get(0).getSubject()).isEqualTo("Petition “Un abri à l’arrêt de bus” filed with the council");
        assertThat(body(to.get(en).get(0))).contains("you signed this petition");
    }

    @Test
    void aStepDeliveredAgainMailsNobodyTwice() throws Exception {
        long id = petition("Éclairer la rue du souk");
        String first = person("fr", true);
        String second = person("ar", true);
        signs(id, first, true);
        signs(id, second, true);
        LocalDate session = LocalDate.now().plusDays(40);
        PetitionEvents.PetitionStepped accepted = stepped(id, PetitionEvents.Step.ACCEPTED,
                "status = 'ACCEPTED', session_on = ?, committee = ?", session, "Commission des services publics");
        deliver(accepted);
        deliver(accepted);
        // The same step of the same petition told again by another event (a threshold reached twice is the real case).
        deliver(new PetitionEvents.PetitionStepped(UUID.randomUUID(), Instant.now(), commune.id(), null, id, PetitionEvents.Step.ACCEPTED,
                LocalDate.now()));
        assertThat(batches.run(200, 10)).isEqualTo(3);
        deliver(accepted);
        assertThat(batches.run(200, 10)).isZero();

        Map<String, List<MimeMessage>> to = received();
        assertThat(to.values()).allSatisfy(list -> assertThat(list).hasSize(1));
        assertThat(to).hasSize(3);
        assertThat(body(to.get(first).get(0))).contains("Commission des services publics").contains(String.valueOf(session.getYear()));
        // Steps the agent need not hear about are not recorded at all.
        deliver(new PetitionEvents.PetitionStepped(UUID.randomUUID(), Instant.now(), commune.id(), agent.id(), id, PetitionEvents.Step.OPENED,
                LocalDate.now()));
        assertThat(jdbc.sql("select count(*) from petition_mail where petition_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void manySignatoriesAreMailedInBoundedBatchesThatResumeWhereTheyStopped() throws Exception {
        long id = petition("Une bibliothèque de quartier");
        List<String> optedIn = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String email = person(i % 2 == 0 ? "fr" : "ar", true);
            optedIn.add(email);
            signs(id, email, true);
            if (i % 4 == 0) {
                signs(id, person("fr", true), false);
            }
        }
        deliver(stepped(id, PetitionEvents.Step.REJECTED, "status = 'REJECTED', rejection_ground = ?, rejection_reasoning = ?",
                "NOT_COUNCIL_COMPETENCE", "Cela relève du ministère."));

        assertThat(batches.run(25, 1)).as("the agent and the first 25").isEqualTo(26);
        assertThat(progress(id)).containsExactly(25L, 0L);
        assertThat(batches.run(25, 1)).isEqualTo(25);
        assertThat(batches.run(25, 1)).isEqualTo(10);
        assertThat(progress(id)).containsExactly(60L, 1L);
        assertThat(batches.run(25, 1)).isZero();

        Map<String, List<MimeMessage>> to = received();
        assertThat(to.keySet()).containsExactlyInAnyOrderElementsOf(concat(optedIn, agent.getUsername()));
        assertThat(to.values()).allSatisfy(list -> assertThat(list).hasSize(1));
        assertThat(body(to.get(optedIn.get(0)).get(0))).contains("Hors des compétences du conseil").contains("Cela relève du ministère.");
        assertThat(to.get(optedIn.get(1)).get(0).getSubject()).contains("رفض العريضة");
    }

    @Test
    void aMailServerThatCannotBeReachedLeavesTheBatchToTheNextRun() throws Exception {
        long id = petition("Un point d’eau au cimetière");
        String signer = person("fr", true);
        signs(id, signer, true);
        deliver(stepped(id, PetitionEvents.Step.CONCLUDED, "status = 'CONCLUDED', council_decision_reference = ?, outcome_summary = ?",
                "14/2026", "Le conseil a voté la construction du point d’eau."));
        smtp.stop();
        try {
            assertThat(batches.run(200, 10)).isZero();
            assertThat(progress(id)).containsExactly(0L, 0L);
        } finally {
            smtp.start();
        }
        assertThat(batches.run(200, 10)).isEqualTo(2);
        Map<String, List<MimeMessage>> to = received();
        assertThat(to.keySet()).containsExactlyInAnyOrder(signer, agent.getUsername());
        assertThat(body(to.get(signer).get(0))).contains("14/2026").contains("point d’eau");
    }

    @Test
    void everyMailedStepReadsInEveryLanguageWithTheTitleAndTheLink() {
        long id = petition("Un marché couvert");
        PetitionMailTexts.Facts facts = new PetitionMailTexts.Facts(id, commune.id(), agent.id(), ma.opencommune.petitions.PetitionKind.CITIZENS,
                "Un marché couvert", 200, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 6, 2), "OTHER", "Motivation.", LocalDate.of(2026, 5, 4),
                "Commission", "7/2026", "Résumé.");
        for (PetitionEvents.Step step : PetitionEvents.Step.values()) {
            if (!PetitionMails.mailed(step)) {
                continue;
            }
            for (ma.opencommune.platform.Lang lang : ma.opencommune.platform.Lang.values()) {
                for (PetitionMailTexts.Role role : PetitionMailTexts.Role.values()) {
                    PetitionMailTexts.Text text = texts.text(facts, commune, step, lang, role);
                    assertThat(text.subject()).as(step + " " + lang).contains("Un marché couvert").doesNotContain("{");
                    assertThat(text.body()).as(step + " " + lang).contains("/" + lang.code() + "/c/" + commune.slug() + "/petitions/" + id)
                            .doesNotContain("{").doesNotContain("petitions.mail");
                }
            }
        }
    }

    /** Signatories mailed so far, and whether the step is done. */
    List<Long> progress(long petition) {
        return jdbc.sql("select signatories_mailed, case when done_at is null then 0 else 1 end from petition_mail where petition_id = ?")
                .param(petition).query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }

    static List<String> concat(List<String> list, String one) {
        List<String> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }
}
