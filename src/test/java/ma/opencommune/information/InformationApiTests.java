package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import ma.opencommune.identity.ApiTokens;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The requests API: filing with a token, the full and the public view, the officers' extension, answer and refusal. */
@IntegrationTest
class InformationApiTests {

    static final String BASE = "/api/v1/collectivities/taroudant/information-requests";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    InformationRequests requests;
    @Autowired
    ma.opencommune.territory.Territory territory;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    String citizen;
    String officer;
    String agadirStaff;

    @BeforeEach
    void setUp() {
        citizen = "Bearer " + tokens.create(account("citizen@opencommune.demo"), "information api test");
        officer = "Bearer " + tokens.create(account("staff@taroudant.demo"), "information api test");
        agadirStaff = "Bearer " + tokens.create(account("staff@agadir.demo"), "information api test");
    }

    long account(String email) {
        return jdbc.sql("select id from account where email_normalized = ?").param(email).query(Long.class).single();
    }

    static String filing(String subject, String delivery) {
        return """
                {"subject":"%s","description":"Je demande le procès-verbal de la dernière session du conseil.","cin":"JB123456",
                 "firstName":"Fatima","lastName":"Aït Lahcen","postalAddress":"Derb Sidi Boutaleb 14, Taroudant","delivery":"%s",
                 "urgent":false}""".formatted(subject, delivery);
    }

    ResultActions file(String subject) throws Exception {
        return mvc.perform(post(BASE).header("Authorization", citizen).contentType(MediaType.APPLICATION_JSON).content(filing(subject, "EMAIL")));
    }

    String tracking(String subject) throws Exception {
        return JsonPath.read(file(subject).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.trackingNumber");
    }

    ResultActions act(String token, String tracking, String action, String json) throws Exception {
        return mvc.perform(post(BASE + "/" + tracking + "/" + action).header("Authorization", token).header("Accept-Language", "fr")
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void filingAnswers201WithTheTrackingNumberTheDueDateAndALocation() throws Exception {
        String subject = "PV de session " + UUID.randomUUID();
        String location = file(subject).andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith(BASE + "/")))
                .andExpect(jsonPath("$.trackingNumber").isNotEmpty())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.receivedAt").isNotEmpty())
                .andExpect(jsonPath("$.dueDate").isNotEmpty())
                .andReturn().getResponse().getHeader("Location");
        // ATI-2: the email defaults to the account's when the answer goes by email.
        assertThat(jdbc.sql("select email from info_request where subject = ?").param(subject).query(String.class).single())
                .isEqualTo("citizen@opencommune.demo");
        mvc.perform(get(location).header("Authorization", citizen)).andExpect(status().isOk())
                .andExpect(jsonPath("$.requester.firstName").value("Fatima"))
                .andExpect(jsonPath("$.requester.cinHint").isNotEmpty())
                .andExpect(jsonPath("$.clock.workingDaysLeft").isNumber())
                .andExpect(jsonPath("$.history[0].step").value("FILED"))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("JB123456"))));
        mvc.perform(get(location).header("Authorization", officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.requester.lastName").value("Aït Lahcen"));
        // Anyone else: not published yet, so it does not exist for them; nor through another collectivity's URL.
        mvc.perform(get(location)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(location).header("Authorization", agadirStaff)).andExpect(status().isNotFound());
        mvc.perform(get(location.replace("/taroudant/", "/agadir/")).header("Authorization", citizen)).andExpect(status().isNotFound());
    }

    @Test
    void badFilingsAreProblemsNamingTheFieldAndSaveNothing() throws Exception {
        String subject = "Mauvais mode " + UUID.randomUUID();
        mvc.perform(post(BASE).header("Authorization", citizen).header("Accept-Language", "fr").contentType(MediaType.APPLICATION_JSON)
                        .content(filing(subject, "PIGEON")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("delivery")));
        mvc.perform(post(BASE).header("Authorization", citizen).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"\",\"description\":\"<script>x</script>\",\"delivery\":\"POSTAL\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("subject")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("cin")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("firstName")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("postalAddress")));
        mvc.perform(post(BASE).contentType(MediaType.APPLICATION_JSON).content(filing(subject, "EMAIL")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(BASE).header("Authorization", "Bearer oc_fake").contentType(MediaType.APPLICATION_JSON).content(filing(subject, "EMAIL")))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from info_request where subject = ?").param(subject).query(Integer.class).single()).isZero();
    }

    @Test
    void anOfficerExtendsOnceThenAnswersAndEveryIllegalStepIsA409() throws Exception {
        String tracking = tracking("Prolonger puis répondre " + UUID.randomUUID());
        act(citizen, tracking, "extension", "{\"reason\":\"LARGE_VOLUME\"}").andExpect(status().isForbidden());
        act(agadirStaff, tracking, "extension", "{\"reason\":\"LARGE_VOLUME\"}").andExpect(status().isForbidden());
        act(officer, tracking, "extension", "{\"reason\":\"LONG_WEEKEND\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        act(officer, tracking, "extension", "{\"reason\":\"LARGE_VOLUME\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXTENDED"))
                .andExpect(jsonPath("$.clock.extensionReason").value("LARGE_VOLUME"));
        // ATI-5: once only.
        act(officer, tracking, "extension", "{\"reason\":\"THIRD_PARTY_CONSULTATION\"}").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("déjà été prolongé")));
        act(officer, tracking, "answer", "{\"kind\":\"HALF\",\"text\":\"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        act(officer, tracking, "answer", "{\"kind\":\"FULL\",\"text\":\"Le procès-verbal est joint.\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED"))
                .andExpect(jsonPath("$.outcome.answer").value("Le procès-verbal est joint."));
        act(officer, tracking, "answer", "{\"kind\":\"PARTIAL\",\"text\":\"Encore\"}").andExpect(status().isConflict());
        act(officer, tracking, "refusal", "{\"ground\":\"NOT_HELD\",\"reasoning\":\"Trop tard\"}").andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from info_request_event e join info_request r on r.id = e.request_id"
                + " where r.tracking_number = ? and e.kind in ('EXTENDED', 'ANSWERED')").param(tracking).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void anExtensionAfterTheDueDateAndAnAnswerToAWithdrawnRequestAreRefused() throws Exception {
        String late = tracking("En retard " + UUID.randomUUID());
        jdbc.sql("update info_request set due_on = ? where tracking_number = ?").params(java.time.LocalDate.now().minusDays(3), late).update();
        act(officer, late, "extension", "{\"reason\":\"LARGE_VOLUME\"}").andExpect(status().isConflict());
        String withdrawn = tracking("Retirée " + UUID.randomUUID());
        requests.withdraw(territory.require("taroudant"), withdrawn,
                (ma.opencommune.identity.AccountUser) users.loadUserByUsername("citizen@opencommune.demo"));
        act(officer, withdrawn, "answer", "{\"kind\":\"FULL\",\"text\":\"Réponse\"}").andExpect(status().isConflict());
    }

    @Test
    void aRefusalNeedsAKnownGroundAndReasoningAndUnclearOnlyAfterAClarification() throws Exception {
        String tracking = tracking("Refus " + UUID.randomUUID());
        act(officer, tracking, "refusal", "{\"ground\":\"BECAUSE\",\"reasoning\":\"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ground"));
        act(officer, tracking, "refusal", "{\"ground\":\"NOT_HELD\",\"reasoning\":\"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reasoning"));
        act(officer, tracking, "refusal", "{\"ground\":\"UNCLEAR_REQUEST\",\"reasoning\":\"Pas clair\"}").andExpect(status().isConflict());
        act(officer, tracking, "refusal", "{\"ground\":\"NOT_HELD\",\"reasoning\":\"La province détient ce document.\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFUSED"))
                .andExpect(jsonPath("$.outcome.refusalGround").value("NOT_HELD"));
    }

    @Test
    void aPublishedRequestIsReadableByAnyoneWithoutPersonalData() throws Exception {
        String tracking = jdbc.sql("select r.tracking_number from info_request r join collectivity c on c.id = r.collectivity_id"
                + " where c.slug = 'taroudant' and r.published_at is not null order by r.id").query(String.class).list().get(0);
        String body = mvc.perform(get(BASE + "/" + tracking)).andExpect(status().isOk())
                .andExpect(jsonPath("$.trackingNumber").value(tracking))
                .andExpect(jsonPath("$.subject").isNotEmpty())
                .andExpect(jsonPath("$.answer").isNotEmpty())
                .andExpect(jsonPath("$.requester").doesNotExist())
                .andExpect(jsonPath("$.history").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("cin", "firstName", "Aït Lahcen", "Bouzid", "Ouhammou", "Amrani", "@opencommune.demo");
        // The same number under another collectivity's URL does not exist.
        mvc.perform(get("/api/v1/collectivities/agadir/information-requests/" + tracking)).andExpect(status().isNotFound());
    }
}
