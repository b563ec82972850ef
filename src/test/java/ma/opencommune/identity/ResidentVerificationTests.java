package ma.opencommune.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ma.opencommune.platform.ConflictException;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** PET-1 eligibility: residents declare with their CIN, encrypted and hashed (PDP-2); staff decide with a reason. */
@IntegrationTest
class ResidentVerificationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Accounts accounts;
    @Autowired
    ResidentVerifications residents;
    @Autowired
    Territory territory;

    String newAccount() {
        return TestAccounts.confirmed(accounts, jdbc, "res");
    }

    static String randomCin() {
        return "K" + (100000 + (int) (Math.random() * 899999));
    }

    @Test
    void theCinIsStoredEncryptedAndNeverShownInFull() throws Exception {
        String email = newAccount();
        String cin = randomCin();
        mvc.perform(post("/fr/account/residence").with(Logins.as(users, email)).with(csrf())
                .param("collectivity", "taroudant").param("basis", "RESIDENCE").param("cin", " " + cin.toLowerCase() + " ").param("consent", "true"))
                .andExpect(status().is3xxRedirection());
        String stored = jdbc.sql("select cin_cipher || '|' || cin_hash || '|' || cin_hint from resident_declaration d join account a on a.id = d.account_id where a.email_normalized = ?")
                .param(email).query(String.class).single();
        assertThat(stored).doesNotContain(cin.substring(1));
        mvc.perform(get("/fr/account").with(Logins.as(users, email))).andExpect(content().string(not(containsString(cin))));
        mvc.perform(get("/fr/c/taroudant/admin/verifications").with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(cin))))
                .andExpect(content().string(containsString("K••••" + cin.substring(cin.length() - 2))));
    }

    @Test
    void oneCinIsVerifiedForOneAccountOnlyAndDeclaringItBlocksNobody() {
        String cin = randomCin();
        var taroudant = territory.require("taroudant");
        long actor = accounts.findByEmail("staff@taroudant.demo").orElseThrow().id();
        long impostor = accounts.findByEmail(newAccount()).orElseThrow().id();
        long owner = accounts.findByEmail(newAccount()).orElseThrow().id();
        long fake = residents.declare(impostor, taroudant, ResidentVerifications.Basis.RESIDENCE, cin);
        residents.decide(actor, taroudant, fake, false, "The card shown at the desk carries another name");
        long real = residents.declare(owner, taroudant, ResidentVerifications.Basis.RESIDENCE, cin.toLowerCase());
        residents.decide(actor, taroudant, real, true, null);
        assertThat(residents.cinHash(owner)).isPresent();
        long again = residents.declare(impostor, taroudant, ResidentVerifications.Basis.ECONOMIC_ACTIVITY, cin);
        assertThatThrownBy(() -> residents.decide(actor, taroudant, again, true, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("verifications.error.cin-taken"));
        assertThat(residents.isVerified(impostor, taroudant.id())).isFalse();
    }

    @Test
    void malformedNumbersAndWrongScriptsAreRefused() throws Exception {
        String email = newAccount();
        for (String bad : new String[] {"123456", "ب123456", "ⴰ123", "JB12", "<script>", "' or 1=1 --"}) {
            mvc.perform(post("/ar/account/residence").with(Logins.as(users, email)).with(csrf())
                    .param("collectivity", "taroudant").param("basis", "RESIDENCE").param("cin", bad).param("consent", "true"))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("error-summary")));
        }
        mvc.perform(post("/fr/account/residence").with(Logins.as(users, email)).with(csrf())
                .param("collectivity", "taroudant").param("basis", "RESIDENCE").param("cin", "ب١٢"))
                .andExpect(content().string(containsString("Cochez la case pour continuer")))
                .andExpect(content().string(containsString("1 ou 2 lettres latines")));
        assertThat(residents.ofAccount(accounts.findByEmail(email).orElseThrow().id())).isEmpty();
        assertThat(Cin.normalize("JB١٢٣٤٥٦")).contains("JB123456");
    }

    @Test
    void staffApproveOnceAndMustGiveAReasonToReject() {
        long actor = accounts.findByEmail("staff@taroudant.demo").orElseThrow().id();
        var taroudant = territory.require("taroudant");
        long person = accounts.findByEmail(newAccount()).orElseThrow().id();
        long declaration = residents.declare(person, taroudant, ResidentVerifications.Basis.ECONOMIC_ACTIVITY, randomCin());
        assertThatThrownBy(() -> residents.decide(actor, taroudant, declaration, false, "  "))
                .isInstanceOf(FieldProblem.class);
        residents.decide(actor, taroudant, declaration, true, null);
        assertThat(residents.isVerified(person, taroudant.id())).isTrue();
        String email = accounts.find(person).orElseThrow().email();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("select subject from dev_mailbox where recipient = ?").param(email).query(String.class).list())
                        .contains("Votre résidence est vérifiée"));
        assertThatThrownBy(() -> residents.decide(actor, taroudant, declaration, false, "changed my mind"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aDeclarationIsOnlyForACommune() {
        long person = accounts.findByEmail(newAccount()).orElseThrow().id();
        assertThatThrownBy(() -> residents.declare(person, territory.require("souss-massa"), ResidentVerifications.Basis.RESIDENCE, randomCin()))
                .isInstanceOf(FieldProblem.class);
    }
}
