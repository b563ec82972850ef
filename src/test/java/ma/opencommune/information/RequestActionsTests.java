package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Every action of a request's staff page, through the page: what it does, and that a refused one changes nothing. */
@IntegrationTest
class RequestActionsTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired InformationRequests requests;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    OfficerFixture fx;
    Collectivity c;
    String officer;
    String tn;

    @BeforeEach
    void setUp() {
        fx = new OfficerFixture(jdbc, requests, territory, accounts, grants, users);
        c = fx.collectivity();
        officer = fx.officer(c);
        tn = fx.file(c, "Budget 2026");
    }

    String page() {
        return "/fr/c/" + c.slug() + "/admin/information/requests/" + tn;
    }

    ResultActions act(String action, String... params) throws Exception {
        var request = post(page() + "/" + action).with(csrf()).with(Logins.as(users, officer));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    /** Posts, expects the page again with a field error, and proves nothing changed. */
    String refused(String action, String... params) throws Exception {
        String before = fx.snapshot(tn);
        String html = act(action, params).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("error-summary");
        assertThat(fx.snapshot(tn)).isEqualTo(before);
        return html;
    }

    void conflict(String action, String... params) throws Exception {
        String before = fx.snapshot(tn);
        act(action, params).andExpect(status().isConflict());
        assertThat(fx.snapshot(tn)).isEqualTo(before);
    }

    @Test
    void thePageShowsTheRequesterTheClockAndTheHistoryToTheOfficer() throws Exception {
        mvc.perform(get(page()).with(Logins.as(users, officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ait Ali")))
                .andExpect(content().string(containsString("12 rue de la Kasbah")))
                .andExpect(content().string(containsString("fatima@example.ma")))
                .andExpect(content().string(not(containsString("JB123456"))))
                .andExpect(content().string(containsString("Demande reçue")))
                .andExpect(content().string(containsString("jours ouvrables restants")))
                .andExpect(content().string(containsString("/answer?_csrf=")))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
    }

    @Test
    void showingTheFullIdentityNumberIsLoggedWithoutTheNumber() throws Exception {
        act("cin").andExpect(status().isOk()).andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("JB123456")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select summary from audit_entry where collectivity_id = ? and action = 'information.cin-revealed'").param(c.id())
                .query(String.class).list()).singleElement().asString().contains(tn).doesNotContain("JB123456"));
        // The next view shows the hint again.
        mvc.perform(get(page()).with(Logins.as(users, officer))).andExpect(content().string(not(containsString("JB123456"))));
    }

    @Test
    void assigningNoteAndClarificationAreSavedAndShown() throws Exception {
        long me = fx.user(officer).id();
        act("assign", "assignee", String.valueOf(me)).andExpect(status().is3xxRedirection());
        assertThat(fx.count("select count(*) from info_request where tracking_number = ? and assigned_to = ?", tn, me)).isEqualTo(1);
        act("note", "noteBody", "<script>alert(1)</script> à vérifier").andExpect(status().is3xxRedirection());
        act("clarification", "question", "Quelle année ?").andExpect(status().is3xxRedirection());
        assertThat(fx.status(tn)).isEqualTo("CLARIFICATION");

        String html = mvc.perform(get(page()).with(Logins.as(users, officer))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; à vérifier").doesNotContain("<script>alert(1)")
                .contains("Quelle année ?").contains("Délai suspendu");
        // The unclear-request closing is not offered before the configured wait.
        assertThat(html).doesNotContain("close-unclear\"");
        conflict("close-unclear", "unclearReasoning", "Trop tôt");
    }

    @Test
    void assigningSomeoneWhoIsNotAnOfficerOrAGarbageIdIsAFieldError() throws Exception {
        long citizen = fx.user(OfficerFixture.CITIZEN).id();
        refused("assign", "assignee", String.valueOf(citizen));
        refused("assign", "assignee", "1 or 1=1");
    }

    @Test
    void emptyNoteOrQuestionIsAFieldError() throws Exception {
        refused("note", "noteBody", "   ");
        refused("clarification", "question", "");
        refused("note", "noteBody", "x".repeat(5000));
    }

    @Test
    void extensionOnceShowsTheNewDueDateAndASecondIsRefused() throws Exception {
        String before = requests.forOfficer(c, tn, fx.user(officer)).dueOn().toString();
        act("extension", "reason", "LARGE_VOLUME").andExpect(status().is3xxRedirection());
        var r = requests.forOfficer(c, tn, fx.user(officer));
        assertThat(r.status()).isEqualTo(RequestStatus.EXTENDED);
        assertThat(r.dueOn().toString()).isNotEqualTo(before);
        assertThat(r.extensionReason()).isEqualTo(ExtensionReason.LARGE_VOLUME);

        conflict("extension", "reason", "THIRD_PARTY_CONSULTATION");
    }

    @Test
    void extensionWithAnUnknownOrMissingReasonIsAFieldError() throws Exception {
        refused("extension", "reason", "BECAUSE");
        refused("extension", "reason", "");
    }

    @Test
    void extensionTheDayAfterTheDueDateIsRefused() throws Exception {
        fx.due(tn, requests.today().minusDays(1));
        conflict("extension", "reason", "LARGE_VOLUME");
    }

    @Test
    void extensionOnTheDueDateItselfIsStillInTime() throws Exception {
        fx.due(tn, requests.today());
        act("extension", "reason", "LARGE_VOLUME").andExpect(status().is3xxRedirection());
        assertThat(fx.status(tn)).isEqualTo("EXTENDED");
    }

    @Test
    void refusalNeedsAKnownGroundAndAReasoning() throws Exception {
        String html = refused("refusal", "ground", "NOT_HELD", "reasoning", "  ");
        assertThat(html).contains("id=\"reasoning-error\"");
        html = refused("refusal", "ground", "NOPE'; drop table info_request; --", "reasoning", "Raison");
        assertThat(html).contains("id=\"ground-error\"");
        refused("refusal", "ground", "", "reasoning", "");
        // ATI-7: unclear only after asking for a clarification.
        conflict("refusal", "ground", "UNCLEAR_REQUEST", "reasoning", "Imprécise");

        act("refusal", "ground", "NOT_HELD", "reasoning", "La commune ne détient pas ce document.").andExpect(status().is3xxRedirection());
        assertThat(fx.status(tn)).isEqualTo("REFUSED");
        mvc.perform(get(page()).with(Logins.as(users, officer)))
                .andExpect(content().string(containsString("/complaints")))
                .andExpect(content().string(containsString("/publication")));
    }

    @Test
    void answeringAWithdrawnRequestIsAConflictAndChangesNothing() throws Exception {
        requests.withdraw(c, tn, fx.user(OfficerFixture.CITIZEN));
        conflict("answer", "answerKind", "FULL", "answerText", "Voici le budget.");
        conflict("extension", "reason", "LARGE_VOLUME");
        conflict("transfer", "transferTo", "Conseil régional");
    }

    @Test
    void answerWithoutTextOrWithAnUnknownKindIsAFieldError() throws Exception {
        refused("answer", "answerKind", "FULL", "answerText", "");
        refused("answer", "answerKind", "EVERYTHING", "answerText", "Voici.");
    }

    @Test
    void transferNeedsTheBodyAndRefusesMarkup() throws Exception {
        refused("transfer", "transferTo", "", "transferNote", "note");
        refused("transfer", "transferTo", "<b>Région</b>");
        act("transfer", "transferTo", "Conseil régional Souss-Massa", "transferNote", "Compétence régionale").andExpect(status().is3xxRedirection());
        assertThat(fx.status(tn)).isEqualTo("TRANSFERRED");
    }

    @Test
    void anUnclarifiedRequestCanBeClosedOnceTheWaitIsOver() throws Exception {
        requests.askClarification(c, tn, fx.user(officer), "Quelle année ?");
        jdbc.sql("update info_request set paused_since = ? where tracking_number = ?")
                .params(requests.today().minusDays(requests.rules().unclarifiedCloseDays()), tn).update();
        mvc.perform(get(page()).with(Logins.as(users, officer))).andExpect(content().string(containsString("close-unclear")));
        refused("close-unclear", "unclearReasoning", "");
        act("close-unclear", "unclearReasoning", "Aucune réponse à la demande de précision.").andExpect(status().is3xxRedirection());
        assertThat(fx.status(tn)).isEqualTo("CLOSED_UNCLEAR");
    }

    @Test
    void anotherCollectivitysTrackingNumberIsNotFound() throws Exception {
        Collectivity other = fx.collectivity();
        String foreign = fx.file(other, "Ailleurs");
        mvc.perform(get("/fr/c/" + c.slug() + "/admin/information/requests/" + foreign).with(Logins.as(users, officer)))
                .andExpect(status().isNotFound());
        String before = fx.snapshot(foreign);
        mvc.perform(post("/fr/c/" + c.slug() + "/admin/information/requests/" + foreign + "/note").with(csrf())
                .with(Logins.as(users, officer)).param("noteBody", "intrusion")).andExpect(status().isNotFound());
        assertThat(fx.snapshot(foreign)).isEqualTo(before);
    }
}
