package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** ATI-8 and ATI-9 through the pages: windows enforced with clear errors, outcomes by the officers (and the CDAI's by the requester). */
@IntegrationTest
class ComplaintsTests {

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

    RequesterFixture requester;

    @BeforeEach
    void setUp() {
        requester = new RequesterFixture(mvc, users, jdbc, accounts);
    }

    String page(String tn) {
        return "/fr/c/taroudant/information/requests/" + tn;
    }

    MockHttpServletRequestBuilder head(String tn, String body) {
        return post(page(tn) + "/complaints/head").with(csrf()).with(Logins.as(users, requester.email)).param("body", body);
    }

    MockHttpServletRequestBuilder admin(String tn, String who) {
        return post("/fr/c/taroudant/admin/information/requests/" + tn + "/complaints").with(csrf()).with(Logins.as(users, who));
    }

    long complaints(String tn) {
        return jdbc.sql("select count(*) from info_complaint where request_id = (select id from info_request where tracking_number = ?)")
                .param(tn).query(Long.class).single();
    }

    void dueOn(String tn, LocalDate due) {
        jdbc.sql("update info_request set due_on = ? where tracking_number = ?").params(due, tn).update();
    }

    @Test
    void beforeTheDeadlineTheComplaintIsTooEarly() throws Exception {
        String tn = requester.file("taroudant", "Trop tôt");
        dueOn(tn, requests.today());
        mvc.perform(head(tn, "Pas de réponse.")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("trop tôt")));
        assertThat(complaints(tn)).isZero();
    }

    @Test
    void theDayAfterTheDeadlineTheRequesterComplainsToTheHeadOnce() throws Exception {
        String tn = requester.file("taroudant", "En retard");
        LocalDate today = requests.today();
        dueOn(tn, today.minusDays(1));
        mvc.perform(get(page(tn)).with(Logins.as(users, requester.email)))
                .andExpect(content().string(containsString("Réclamation au chef de l’organisme")));
        mvc.perform(head(tn, "")).andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#body\"")));
        assertThat(complaints(tn)).isZero();
        mvc.perform(head(tn, "Aucune réponse dans le délai légal.")).andExpect(status().is3xxRedirection());
        mvc.perform(head(tn, "Aucune réponse dans le délai légal.")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("déjà été déposée")));
        assertThat(complaints(tn)).isEqualTo(1);
        LocalDate dueOn = jdbc.sql("select due_on from info_complaint where request_id = (select id from info_request where tracking_number = ?)")
                .param(tn).query(LocalDate.class).single();
        assertThat(dueOn).isEqualTo(today.plusDays(15));
        mvc.perform(get(page(tn)).with(Logins.as(users, requester.email)))
                .andExpect(content().string(containsString("Réponse attendue le")));
        assertThat(jdbc.sql("select count(*) from info_request_event where kind = 'COMPLAINT_FILED' and request_id = (select id from info_request where tracking_number = ?)")
                .param(tn).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void longAfterTheResponseTheComplaintIsTooLate() throws Exception {
        String tn = requester.file("taroudant", "Trop tard");
        LocalDate longAgo = requests.today().minusDays(60);
        jdbc.sql("update info_request set status = 'ANSWERED', answer_kind = 'FULL', answer_text = 'Voici.', closed_at = ?, closed_on = ?"
                + " where tracking_number = ?").params(Sql.at(Instant.now().minusSeconds(60L * 86400)), longAgo, tn).update();
        mvc.perform(head(tn, "Réponse incomplète.")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("a pris fin")));
        assertThat(complaints(tn)).isZero();
    }

    @Test
    void theOfficersRecordTheHeadsAnswerThenTheRequesterRecordsTheCdaiStep() throws Exception {
        String tn = requester.file("taroudant", "Jusqu’à la CDAI");
        dueOn(tn, requests.today().minusDays(3));
        mvc.perform(head(tn, "Pas de réponse.")).andExpect(status().is3xxRedirection());
        mvc.perform(post(page(tn) + "/complaints/cdai").with(csrf()).with(Logins.as(users, requester.email)).param("body", "Saisine"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("trop tôt")));
        // Another collectivity's staff and the requester cannot record the head's decision.
        mvc.perform(get("/fr/c/taroudant/admin/information/requests/" + tn + "/complaints").with(Logins.as(users, "staff@agadir.demo")))
                .andExpect(status().isForbidden());
        mvc.perform(admin(tn, "staff@agadir.demo").param("level", "HEAD").param("outcome", "REJECTED").param("outcomeText", "Non")
                .param("decidedOn", requests.today().toString())).andExpect(status().isForbidden());
        mvc.perform(get("/fr/c/agadir/admin/information/requests/" + tn + "/complaints").with(Logins.as(users, "staff@agadir.demo")))
                .andExpect(status().isNotFound());
        mvc.perform(admin(tn, requester.email).param("level", "HEAD").param("outcome", "REJECTED").param("outcomeText", "Non")
                .param("decidedOn", requests.today().toString())).andExpect(status().isForbidden());
        mvc.perform(get("/fr/c/taroudant/admin/information/requests/" + tn + "/complaints").with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Pas de réponse.")));
        mvc.perform(admin(tn, "staff@taroudant.demo").param("level", "HEAD").param("outcome", "").param("outcomeText", "")
                .param("decidedOn", requests.today().plusDays(3).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("dans le futur")));
        mvc.perform(admin(tn, "staff@taroudant.demo").param("level", "HEAD").param("outcome", "REJECTED")
                .param("outcomeText", "La demande vise des données personnelles.").param("decidedOn", requests.today().toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(page(tn) + "/complaints/cdai").with(csrf()).with(Logins.as(users, requester.email))
                .param("body", "Saisine de la CDAI").param("reference", "CDAI-2026-42")).andExpect(status().is3xxRedirection());
        assertThat(complaints(tn)).isEqualTo(2);
        mvc.perform(post(page(tn) + "/complaints/cdai/outcome").with(csrf()).with(Logins.as(users, requester.email))
                .param("outcome", "UPHELD").param("outcomeText", "La CDAI ordonne la communication.").param("decidedOn", requests.today().toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page(tn)).with(Logins.as(users, requester.email)))
                .andExpect(content().string(containsString("CDAI-2026-42")))
                .andExpect(content().string(containsString("La CDAI ordonne la communication.")));
        mvc.perform(post(page(tn) + "/complaints/cdai/outcome").with(csrf()).with(Logins.as(users, requester.email))
                .param("outcome", "REJECTED").param("outcomeText", "Autre").param("decidedOn", requests.today().toString()))
                .andExpect(status().isConflict());
    }

    @Test
    void aWithdrawnRequestHasNoComplaint() throws Exception {
        String tn = requester.file("taroudant", "Retirée");
        mvc.perform(post(page(tn) + "/withdraw").with(csrf()).with(Logins.as(users, requester.email)));
        mvc.perform(head(tn, "Plainte")).andExpect(status().isConflict());
        assertThat(complaints(tn)).isZero();
    }
}
