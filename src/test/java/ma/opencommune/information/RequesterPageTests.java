package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The requester's page: only for its requester and the collectivity's officers; clarification answer, withdrawal, my requests. */
@IntegrationTest
class RequesterPageTests {

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
    WorkingDays workingDays;

    RequesterFixture requester;

    @BeforeEach
    void setUp() {
        requester = new RequesterFixture(mvc, users, jdbc, accounts);
    }

    String page(String tn) {
        return "/fr/c/taroudant/information/requests/" + tn;
    }

    @Test
    void anotherPersonAnotherCollectivitysStaffAndAnotherSlugGetNotFound() throws Exception {
        String tn = requester.file("taroudant", "Budget");
        String other = TestAccounts.confirmed(accounts, jdbc, "other");
        mvc.perform(get(page(tn)).with(Logins.as(users, other))).andExpect(status().isNotFound());
        mvc.perform(get(page(tn)).with(Logins.as(users, "staff@agadir.demo"))).andExpect(status().isNotFound());
        mvc.perform(get(page(tn) + "/receipt.pdf").with(Logins.as(users, other))).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/agadir/information/requests/" + tn).with(Logins.as(users, requester.email))).andExpect(status().isNotFound());
        mvc.perform(get(page(tn))).andExpect(status().isNotFound());
        mvc.perform(post(page(tn) + "/withdraw").with(csrf()).with(Logins.as(users, other))).andExpect(status().isNotFound());
        mvc.perform(post(page(tn) + "/withdraw").with(csrf()).with(Logins.as(users, "staff@agadir.demo"))).andExpect(status().isNotFound());
        assertThat(statusOf(tn)).isEqualTo("RECEIVED");
    }

    @Test
    void theCollectivitysOfficerSeesThePageWithTheCinHintOnly() throws Exception {
        String tn = requester.file("taroudant", "Budget");
        mvc.perform(get(page(tn)).with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("JB••••56")))
                .andExpect(content().string(not(containsString("JB123456"))))
                .andExpect(content().string(not(containsString("Retirer ma demande"))));
    }

    String statusOf(String tn) {
        return jdbc.sql("select status from info_request where tracking_number = ?").param(tn).query(String.class).single();
    }

    LocalDate due(String tn) {
        return jdbc.sql("select due_on from info_request where tracking_number = ?").param(tn).query(LocalDate.class).single();
    }

    @Test
    void answeringTheClarificationMovesTheDueDateByThePausedWorkingDays() throws Exception {
        String tn = requester.file("taroudant", "Clarification");
        AccountUser officer = (AccountUser) users.loadUserByUsername("staff@taroudant.demo");
        var taroudant = territory.require("taroudant");
        requests.askClarification(taroudant, tn, officer, "Quelle année voulez-vous ?");
        // As if received two weeks ago and asked ten days ago.
        LocalDate today = requests.today();
        LocalDate received = today.minusDays(14);
        LocalDate asked = today.minusDays(10);
        LocalDate before = workingDays.addWorkingDays(received, 20);
        jdbc.sql("update info_request set received_on = ?, due_on = ?, paused_since = ? where tracking_number = ?")
                .params(received, before, asked, tn).update();
        jdbc.sql("update info_clarification set asked_on = ? where request_id = (select id from info_request where tracking_number = ?)")
                .params(asked, tn).update();
        mvc.perform(get(page(tn)).with(Logins.as(users, requester.email)))
                .andExpect(content().string(containsString("suspendu depuis")))
                .andExpect(content().string(containsString("Quelle année voulez-vous ?")));
        mvc.perform(post(page(tn) + "/clarification").with(csrf()).with(Logins.as(users, requester.email)).param("answer", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#answer\"")));
        mvc.perform(post(page(tn) + "/clarification").with(csrf()).with(Logins.as(users, requester.email)).param("answer", "L’année 2025."))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page(tn)));
        LocalDate after = due(tn);
        assertThat(after).isEqualTo(workingDays.addWorkingDays(before, workingDays.workingDaysBetween(asked, today)));
        assertThat(after).isAfter(before);
        assertThat(statusOf(tn)).isEqualTo("RECEIVED");
        mvc.perform(get(page(tn)).with(Logins.as(users, requester.email)))
                .andExpect(content().string(containsString("Échéance déplacée")));
        mvc.perform(post(page(tn) + "/clarification").with(csrf()).with(Logins.as(users, requester.email)).param("answer", "Encore"))
                .andExpect(status().isConflict());
    }

    @Test
    void theRequesterWithdrawsAnOpenRequestOnce() throws Exception {
        String tn = requester.file("taroudant", "Retrait");
        mvc.perform(post(page(tn) + "/withdraw").with(csrf()).with(Logins.as(users, requester.email)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page(tn)));
        assertThat(statusOf(tn)).isEqualTo("WITHDRAWN");
        mvc.perform(post(page(tn) + "/withdraw").with(csrf()).with(Logins.as(users, requester.email)))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("clos")));
        mvc.perform(get(page(tn)).with(Logins.as(users, requester.email)))
                .andExpect(content().string(containsString("Cette demande a été retirée")))
                .andExpect(content().string(not(containsString("Retirer ma demande"))));
    }

    @Test
    void myRequestsListsMineNewestFirstWithAConstantNumberOfQueries() throws Exception {
        mvc.perform(get("/fr/account/information")).andExpect(status().is3xxRedirection());
        String first = requester.file("taroudant", "Première demande");
        QueryCounting.reset();
        mvc.perform(get("/fr/account/information").with(Logins.as(users, requester.email))).andExpect(status().isOk())
                .andExpect(content().string(containsString(first)));
        long one = QueryCounting.statements();
        requester.file("taroudant", "Deuxième demande");
        String third = requester.file("agadir", "Troisième demande");
        QueryCounting.reset();
        String html = mvc.perform(get("/fr/account/information").with(Logins.as(users, requester.email))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(QueryCounting.statements()).isEqualTo(one);
        assertThat(html.indexOf(third)).isLessThan(html.indexOf(first));
        assertThat(html).contains("/fr/c/agadir/information/requests/" + third).contains("Agadir");
        String other = TestAccounts.confirmed(accounts, jdbc, "nobody");
        mvc.perform(get("/fr/account/information").with(Logins.as(users, other)))
                .andExpect(content().string(not(containsString(first))))
                .andExpect(content().string(containsString("aucune demande")));
        mvc.perform(get("/fr/account").with(Logins.as(users, requester.email)))
                .andExpect(content().string(containsString("/fr/account/information")));
    }
}
