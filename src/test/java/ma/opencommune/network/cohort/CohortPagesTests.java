package ma.opencommune.network.cohort;

import static ma.opencommune.support.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The pages of cohort calls: what the public sees when, tenancy of applications, escaping, constant queries. */
@IntegrationTest
class CohortPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CohortCalls calls;
    @Autowired
    CohortApplications applications;
    @Autowired
    CohortRows rows;
    @Autowired
    Territory territory;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    long published() {
        AccountUser coordinator = user("coordinator@opencommune.demo");
        LocalDate today = calls.today();
        long id = calls.create(coordinator, new CohortCalls.CallInput("فوج 2027", "Cohorte 2027 (essai)", "وصف", "Description <script>x</script>",
                Set.of("COMMUNE"), "2", today.minusDays(3).toString(), today.plusDays(3).toString(), today.plusDays(20).toString(), "7"));
        calls.setCriteria(coordinator, id, List.of(new Cohort.CriterionInput("المؤشر", "Indice", "d", "INDEX", null, "60"),
                new Cohort.CriterionInput("التقييم", "Évaluation", null, "REVIEW", null, "40")), null);
        calls.setQuestions(coordinator, id, List.<String[]>of(new String[] {"سؤال", "Question"}));
        calls.publish(coordinator, id);
        return id;
    }

    void apply(String slug, long id) {
        Collectivity c = territory.require(slug);
        AccountUser admin = user("admin@opencommune.demo");
        applications.saveAnswers(admin, c, id, Map.of(rows.questions(id).get(0).id(), "Réponse <img src=x onerror=alert(1)>"));
        applications.submit(admin, c, id);
    }

    @Test
    void draftsAreNotPublicAndPublishedCriteriaAreWithTheirScoringRule() throws Exception {
        AccountUser coordinator = user("coordinator@opencommune.demo");
        long draft = calls.create(coordinator, new CohortCalls.CallInput("فوج", "Cohorte brouillon", null, null, Set.of("COMMUNE"), "2", "2027-01-01",
                "2027-02-01", "2027-03-01", "10"));
        mvc.perform(get("/fr/network/calls/" + draft)).andExpect(status().isNotFound());
        long id = published();
        mvc.perform(get("/fr/network/calls/" + id)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Description &lt;script&gt;x&lt;/script&gt;")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>x</script>"))))
                .andExpect(content().string(Matchers.containsString("/fr/network/methodology")))
                .andExpect(content().string(Matchers.containsString("données insuffisantes")));
        mvc.perform(get("/ar/network/calls")).andExpect(status().isOk());
    }

    @Test
    void anotherCollectivitysStaffCannotReadOrChangeAnApplication() throws Exception {
        long id = published();
        mvc.perform(get("/fr/c/taroudant/admin/calls/" + id + "/application").with(as(users, "staff@agadir.demo"))).andExpect(status().isForbidden());
        mvc.perform(post("/fr/c/taroudant/admin/calls/" + id + "/application").param("action", "submit").with(csrf()).with(as(users, "staff@agadir.demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/fr/c/taroudant/admin/calls/" + id + "/application/withdrawal").with(csrf()).with(as(users, "staff@agadir.demo")))
                .andExpect(status().isForbidden());
        // Taroudant's document asked for through Agadir's own address: not found, nothing sent.
        Collectivity taroudant = territory.require("taroudant");
        applications.saveAnswers(user("staff@taroudant.demo"), taroudant, id, Map.of());
        long app = rows.application(id, taroudant.id()).orElseThrow().id();
        jdbc.sql("insert into cohort_document (application_id, collectivity_id, file_name, content_type, storage_key, size_bytes, uploaded_at) values (?, ?, 'a.pdf', 'application/pdf', 'none', 1, current_timestamp)")
                .params(app, taroudant.id()).update();
        long doc = jdbc.sql("select max(id) from cohort_document").query(Long.class).single();
        mvc.perform(get("/fr/c/agadir/admin/calls/" + id + "/application/documents/" + doc).with(as(users, "staff@agadir.demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/taroudant/admin/calls/" + id + "/application").with(as(users, "staff@taroudant.demo"))).andExpect(status().isOk());
        mvc.perform(get("/fr/network/admin/calls/" + id).with(as(users, "staff@taroudant.demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/fr/network/review/calls/" + id).with(as(users, "staff@taroudant.demo"))).andExpect(status().isForbidden());
    }

    @Test
    void applicantsAndAnswersStayPrivateUntilClosingAndThePageCostsTheSameQueries() throws Exception {
        long id = published();
        apply("tiznit", id);
        String open = mvc.perform(get("/fr/network/calls/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(open).doesNotContain("Tiznit").doesNotContain("Réponse");
        LocalDate closes = rows.require(id).closesOn();
        calls.close(user("coordinator@opencommune.demo"), id, closes.plusDays(1));
        QueryCounting.reset();
        String one = mvc.perform(get("/fr/network/calls/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long withOne = QueryCounting.statements();
        assertThat(one).contains("Tiznit").doesNotContain("Réponse").doesNotContain("onerror");

        long other = published();
        apply("tiznit", other);
        apply("tafraout", other);
        apply("taroudant", other);
        calls.close(user("coordinator@opencommune.demo"), other, closes.plusDays(1));
        QueryCounting.reset();
        mvc.perform(get("/fr/network/calls/" + other)).andExpect(status().isOk());
        assertThat(QueryCounting.statements()).isEqualTo(withOne);
    }

    @Test
    void theCoordinatorsFormRefusesWeightsThatDoNotSumTo100() throws Exception {
        long id = published();
        mvc.perform(post("/fr/network/admin/calls/" + id + "/criteria").with(csrf()).with(as(users, "coordinator@opencommune.demo"))
                .param("c1-nameAr", "المؤشر").param("c1-nameFr", "Indice").param("c1-kind", "INDEX").param("c1-weight", "61")
                .param("c2-nameAr", "التقييم").param("c2-nameFr", "Évaluation").param("c2-kind", "REVIEW").param("c2-weight", "40")
                .param("reason", "essai"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                        Map.of("criteria", "network.cohort.error.weights-sum")));
        assertThat(rows.criteria(id)).extracting(Cohort.Criterion::weight).containsExactly(60, 40);
        mvc.perform(get("/fr/network/admin/calls/" + id).with(as(users, "coordinator@opencommune.demo"))).andExpect(status().isOk());
        mvc.perform(get("/fr/network/admin/calls").with(as(users, "coordinator@opencommune.demo"))).andExpect(status().isOk());
    }

    @Test
    void theDemoResultsShowEveryScoreTheAppealAndNoReviewerName() throws Exception {
        long id = jdbc.sql("select id from cohort_call where status = 'RESULTS' and title_fr like 'Cohorte 2025%'").query(Long.class).single();
        for (String lang : List.of("ar", "fr", "zgh", "en")) {
            String html = mvc.perform(get("/" + lang + "/network/calls/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).doesNotContain("Nadia").doesNotContain("Omar").doesNotContain("reviewer1");
        }
        String fr = mvc.perform(get("/fr/network/calls/" + id)).andReturn().getResponse().getContentAsString();
        assertThat(fr).contains("Tiznit").contains("Rejeté").contains("Plan d’action clair");
        // The frozen index period is named as the index names it, not by its stored key.
        assertThat(fr).contains("figées à la clôture : période 12 mois jusqu’à").doesNotContain("période R20");
        mvc.perform(get("/fr/network/admin/calls/" + id).with(as(users, "coordinator@opencommune.demo"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Nadia Evaluatrice")));
        mvc.perform(get("/fr/network/review/calls/" + id).with(as(users, "reviewer1@opencommune.demo"))).andExpect(status().isOk());
        mvc.perform(get("/fr/c/tiznit/admin/calls/" + id + "/application").with(as(users, "admin@opencommune.demo"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Un registre des demandes")));
    }

    @Test
    void theCohortIsConfirmedFromTheCoordinatorsPageOnlyAndABadNameChangesNothing() throws Exception {
        long id = jdbc.sql("select id from cohort_call where status = 'RESULTS' and title_fr like 'Cohorte 2025%'").query(Long.class).single();
        for (String lang : List.of("ar", "fr")) {
            mvc.perform(get("/" + lang + "/network/admin/calls/" + id).with(as(users, "coordinator@opencommune.demo"))).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("/network/admin/calls/" + id + "/confirmation")));
        }
        mvc.perform(post("/fr/network/admin/calls/" + id + "/confirmation").with(csrf()).with(as(users, "coordinator@opencommune.demo"))
                .param("cohort", "<script>alert(1)</script>"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                        Map.of("cohort", "network.cohort.error.cohort-name")));
        mvc.perform(post("/fr/network/admin/calls/" + id + "/confirmation").with(csrf()).with(as(users, "staff@taroudant.demo")).param("cohort", "2025"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/fr/network/admin/calls/" + id + "/confirmation").param("cohort", "2025")).andExpect(status().is4xxClientError());
        assertThat(rows.require(id).status()).isEqualTo(Cohort.Status.RESULTS);
        assertThat(jdbc.sql("select count(*) from network_membership where cohort = '2025' or cohort like '<%'").query(Integer.class).single()).isZero();
        // A refusal of the domain (here a call whose results are not published) is shown on the form, not as an error page.
        long open = published();
        mvc.perform(post("/fr/network/admin/calls/" + open + "/confirmation").with(csrf()).with(as(users, "coordinator@opencommune.demo"))
                .param("cohort", "2027"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                        Map.of("confirm", "network.cohort.error.no-results")));
    }

    @Test
    void aDraftsOwnFieldsAreEditedOnItsPageAndABadValueChangesNothing() throws Exception {
        AccountUser coordinator = user("coordinator@opencommune.demo");
        long draft = calls.create(coordinator, new CohortCalls.CallInput("فوج تجريبي", "Cohorte à modifier", null, null, Set.of("COMMUNE", "PROVINCE"), "2",
                "2027-01-01", "2027-02-01", "2027-03-01", "10"));
        String page = mvc.perform(get("/ar/network/admin/calls/" + draft).with(as(users, "coordinator@opencommune.demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"call-form\"").contains("value=\"Cohorte à modifier\"").contains("value=\"2027-02-01\"")
                .containsPattern("id=\"type-PROVINCE\"[^>]*checked").doesNotContainPattern("id=\"type-REGION\"[^>]*checked");
        assertThat(page.split("<legend", -1).length - 1).as("six criteria and five questions offered, plus the eligible types")
                .isEqualTo(6 + 5 + 1);

        mvc.perform(post("/fr/network/admin/calls/" + draft).with(csrf()).with(as(users, "coordinator@opencommune.demo"))
                .param("titleAr", "فوج تجريبي").param("titleFr", "Cohorte modifiée").param("eligibleTypes", "REGION").param("places", "0")
                .param("opensOn", "2027-01-01").param("closesOn", "2027-02-01").param("resultsDue", "2027-03-01").param("appealDays", "10"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                        Map.of("places", "network.cohort.error.places")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("typedTypes", List.of("REGION")));
        assertThat(rows.require(draft).titleFr()).isEqualTo("Cohorte à modifier");

        mvc.perform(post("/fr/network/admin/calls/" + draft).with(csrf()).with(as(users, "coordinator@opencommune.demo"))
                .param("titleAr", "فوج معدل").param("titleFr", "Cohorte modifiée").param("eligibleTypes", "COMMUNE").param("places", "3")
                .param("opensOn", "2027-01-01").param("closesOn", "2027-02-15").param("resultsDue", "2027-03-01").param("appealDays", "15"))
                .andExpect(status().is3xxRedirection());
        Cohort.Call changed = rows.require(draft);
        assertThat(changed.titleFr()).isEqualTo("Cohorte modifiée");
        assertThat(changed.places()).isEqualTo(3);
        assertThat(changed.closesOn()).isEqualTo(java.time.LocalDate.of(2027, 2, 15));
        assertThat(changed.eligibleTypes()).containsExactly("COMMUNE");
    }
}
