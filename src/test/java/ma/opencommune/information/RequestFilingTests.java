package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Year;
import ma.opencommune.identity.Accounts;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Filing a request through the page (ATI-2, ATI-6): field errors in the page language, nothing half-saved, one request per submit. */
@IntegrationTest
class RequestFilingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    RequesterFixture requester;

    @BeforeEach
    void setUp() {
        requester = new RequesterFixture(mvc, users, jdbc, accounts);
    }

    @Test
    void theInformationPageExplainsTheRightAndLinksToTheForm() throws Exception {
        mvc.perform(get("/fr/c/taroudant/information")).andExpect(status().isOk())
                .andExpect(content().string(containsString("20 jours ouvrables")))
                .andExpect(content().string(containsString("gratuit")))
                .andExpect(content().string(containsString("/fr/c/taroudant/information/new")))
                .andExpect(content().string(containsString("/fr/c/taroudant/information/published")))
                .andExpect(content().string(containsString("/fr/c/taroudant/information/register")))
                .andExpect(content().string(containsString("/fr/c/taroudant/information/statistics")));
        mvc.perform(get("/ar/c/taroudant")).andExpect(content().string(containsString("/ar/c/taroudant/information")));
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/fr/c/taroudant/information/new")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/fr/login"));
    }

    @Test
    void theFormIsPrefilledWithTheAccountEmailAndSaysWhyEachDatumIsAsked() throws Exception {
        mvc.perform(get("/fr/c/taroudant/information/new").with(Logins.as(users, requester.email))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + requester.email + "\"")))
                .andExpect(content().string(containsString("Rien de cela n’est jamais publié")))
                .andExpect(content().string(containsString("JB123456")));
    }

    @Test
    void aRequestIsNumberedInSequenceAndTheReceiptPageShowsIt() throws Exception {
        String first = requester.file("taroudant", "Budget 2025");
        String second = requester.file("taroudant", "Marchés publics 2025");
        assertThat(first).matches("TRD-" + Year.now().getValue() + "-\\d{6}");
        assertThat(Integer.parseInt(second.substring(second.lastIndexOf('-') + 1)))
                .isEqualTo(Integer.parseInt(first.substring(first.lastIndexOf('-') + 1)) + 1);
        mvc.perform(get("/fr/c/taroudant/information/requests/" + first).with(Logins.as(users, requester.email)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(first)))
                .andExpect(content().string(containsString("Jours ouvrables restants : 20")))
                .andExpect(content().string(containsString("JB••••56")))
                .andExpect(content().string(not(containsString("JB123456"))));
    }

    @Test
    void sendingTheSameFormTwiceMakesOneRequest() throws Exception {
        String first = requester.file("taroudant", "Double envoi");
        String again = requester.file("taroudant", "Double envoi");
        assertThat(again).isEqualTo(first);
        assertThat(requester.count()).isEqualTo(1);
    }

    @Test
    void anEmptyFormShowsEveryMissingFieldAndSavesNothing() throws Exception {
        mvc.perform(requester.filing("fr", "taroudant", "", "firstName", "", "lastName", "", "postalAddress", "",
                        "cin", "", "description", "", "delivery", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("error-summary")))
                .andExpect(content().string(containsString("href=\"#firstName\"")))
                .andExpect(content().string(containsString("href=\"#cin\"")))
                .andExpect(content().string(containsString("href=\"#description\"")))
                .andExpect(content().string(containsString("href=\"#delivery\"")))
                .andExpect(content().string(containsString("href=\"#firstName\">Prénom : Saisissez cette information.</a>")));
        assertThat(requester.count()).isZero();
    }

    @Test
    void aMalformedCinIsRefusedWithTheExpectedFormat() throws Exception {
        mvc.perform(requester.filing("fr", "taroudant", "Budget", "cin", "123-ABC"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 ou 2 lettres latines")));
        mvc.perform(requester.filing("ar", "taroudant", "Budget", "cin", "12"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#cin\"")));
        assertThat(requester.count()).isZero();
    }

    @Test
    void fiveMegabytesOfTextGetAFieldErrorAndNothingIsSaved() throws Exception {
        String huge = "a".repeat(5 * 1024 * 1024);
        mvc.perform(requester.filing("fr", "taroudant", "Budget", "description", huge))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#description\"")));
        assertThat(requester.count()).isZero();
    }

    @Test
    void markupInTheSubjectIsRefusedAndInTheDescriptionIsShownAsText() throws Exception {
        mvc.perform(requester.filing("fr", "taroudant", "<script>alert(1)</script>"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#subject\"")));
        assertThat(requester.count()).isZero();
        String tn = requester.file("taroudant", "Budget'); drop table info_request; --");
        mvc.perform(requester.filing("fr", "taroudant", "Texte balisé", "description", "<b>gras</b> et <script>x()</script>"));
        String html = mvc.perform(get("/fr/c/taroudant/information/requests/" + tn).with(Logins.as(users, requester.email)))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("drop table info_request");
        assertThat(requester.count()).isEqualTo(2);
        String other = jdbc.sql("select tracking_number from info_request where subject = 'Texte balisé' and requester_id = (select id from account where email = ?)")
                .param(requester.email).query(String.class).single();
        mvc.perform(get("/fr/c/taroudant/information/requests/" + other).with(Logins.as(users, requester.email)))
                .andExpect(content().string(containsString("&lt;script&gt;x()&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>x()"))));
    }

    @Test
    void anUrgentRequestNeedsItsReasonAndAnEmailDeliveryNeedsAnEmail() throws Exception {
        mvc.perform(requester.filing("fr", "taroudant", "Urgent", "urgent", "true", "urgencyReason", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#urgencyReason\"")));
        mvc.perform(requester.filing("fr", "taroudant", "Sans courriel", "email", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#email\"")));
        assertThat(requester.count()).isZero();
        mvc.perform(requester.filing("fr", "taroudant", "Par la poste", "email", "", "delivery", "POSTAL"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/fr/c/taroudant/information/requests/TRD-*"));
        String tn = requester.file("taroudant", "Vie en danger");
        assertThat(tn).isNotBlank();
        mvc.perform(requester.filing("fr", "taroudant", "Urgent vrai", "urgent", "true", "urgencyReason", "Un enfant en danger"))
                .andExpect(status().is3xxRedirection());
        Boolean urgent = jdbc.sql("select urgent from info_request where subject = 'Urgent vrai' and requester_id = (select id from account where email = ?)")
                .param(requester.email).query(Boolean.class).single();
        assertThat(urgent).isTrue();
    }
}
