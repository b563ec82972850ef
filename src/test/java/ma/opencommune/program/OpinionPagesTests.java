package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.ConsultativeBody;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Bodies record their opinions (BODY-2, BODY-3); program managers answer each recommendation with a reason (OGP-1). */
@IntegrationTest
class OpinionPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Territory territory;
    @Autowired
    Processes processes;

    Collectivity taroudant;
    long monitoring;
    long open;
    long genderBody;
    long otherBody;

    @BeforeEach
    void ids() {
        taroudant = territory.require("taroudant");
        List<Process> all = processes.list(taroudant.id(), false).stream().sorted(Comparator.comparing(Process::startsOn)).toList();
        monitoring = all.get(0).id();
        // The demo process open for proposals now (other tests add processes of their own).
        open = all.stream().filter(x -> x.title().fr().contains("2027-2028 (démo)")).findFirst().orElseThrow().id();
        List<ConsultativeBody> bodies = territory.bodies(taroudant.id());
        genderBody = bodies.stream().filter(b -> b.type() == ConsultativeBody.Type.GENDER_EQUALITY).findFirst().orElseThrow().id();
        otherBody = bodies.stream().filter(b -> b.id() != genderBody).findFirst().orElseThrow().id();
    }

    String admin(long process) {
        return "/fr/c/taroudant/admin/program/" + process + "/opinions";
    }

    static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger();

    MockHttpServletRequestBuilder opinion(long process, String who, long body) {
        return opinion(process, who, body, "Avis sur le portail (test " + SERIAL.incrementAndGet() + ")");
    }

    MockHttpServletRequestBuilder opinion(long process, String who, long body, String title) {
        return post(admin(process)).with(csrf()).with(Logins.as(users, who))
                .param("bodyId", Long.toString(body)).param("title", title)
                .param("text", "<script>alert('x')</script> L’instance a examiné le projet.")
                .param("adoptedOn", LocalDate.now().minusDays(1).toString())
                .param("recommendations", "1. Publier les budgets par douar\n\n2) Traduire en amazighe\n- Former les agents");
    }

    /** The action log is written after the commit, possibly on another thread. */
    void audited(String action) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("select count(*) from audit_entry where action = ?").param(action).query(Integer.class).single()).isPositive());
    }

    int opinions() {
        return jdbc.sql("select count(*) from program_opinion").query(Integer.class).single();
    }

    @Test
    void aBodyMemberRecordsTheOpinionOfTheirBodyWithNumberedRecommendations() throws Exception {
        String location = mvc.perform(opinion(monitoring, "body@taroudant.demo", genderBody)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select number || ':' || text from program_recommendation where opinion_id = ? order by number").param(id)
                .query(String.class).list()).containsExactly("1:Publier les budgets par douar", "2:Traduire en amazighe", "3:Former les agents");
        audited("program.opinion-recorded");
        mvc.perform(get("/ar/c/taroudant/program/" + monitoring + "/opinions/" + id)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(containsString("Traduire en amazighe")));
        // The body member sees the opinion but cannot answer its recommendations.
        mvc.perform(get(admin(monitoring) + "/" + id).with(Logins.as(users, "body@taroudant.demo"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/recommendations/"))));
        long rec = jdbc.sql("select min(id) from program_recommendation where opinion_id = ?").param(id).query(Long.class).single();
        mvc.perform(post(admin(monitoring) + "/" + id + "/recommendations/" + rec).with(csrf()).with(Logins.as(users, "body@taroudant.demo"))
                .param("response", "TAKEN").param("reason", "x")).andExpect(status().isForbidden());
    }

    @Test
    void onlyAMemberOfThatBodyOrAProgramManagerMayRecordIt() throws Exception {
        int before = opinions();
        mvc.perform(opinion(monitoring, "body@taroudant.demo", otherBody)).andExpect(status().isForbidden());
        mvc.perform(opinion(monitoring, "citizen@opencommune.demo", genderBody)).andExpect(status().isForbidden());
        mvc.perform(opinion(monitoring, "staff@agadir.demo", genderBody)).andExpect(status().isForbidden());
        mvc.perform(post(admin(monitoring)).with(csrf()).param("bodyId", Long.toString(genderBody))).andExpect(status().is3xxRedirection());
        assertThat(opinions()).isEqualTo(before);
        mvc.perform(get(admin(monitoring)).with(Logins.as(users, "citizen@opencommune.demo"))).andExpect(status().isForbidden());
        // A manager records it on the body's behalf.
        mvc.perform(opinion(monitoring, "staff@taroudant.demo", otherBody, "Avis en double (test)")).andExpect(status().is3xxRedirection());
        assertThat(opinions()).isEqualTo(before + 1);
        // A double submit does not record it twice.
        mvc.perform(opinion(monitoring, "staff@taroudant.demo", otherBody, "Avis en double (test)")).andExpect(status().isConflict());
        assertThat(opinions()).isEqualTo(before + 1);
    }

    @Test
    void opinionsWaitForTheOpinionsPhase() throws Exception {
        int before = opinions();
        mvc.perform(opinion(open, "body@taroudant.demo", genderBody)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("phases d’avis consultatifs")));
        mvc.perform(get(admin(open)).with(Logins.as(users, "body@taroudant.demo"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"recommendations\""))));
        assertThat(opinions()).isEqualTo(before);
    }

    @Test
    void everyMistakeIsReportedAndNothingIsSaved() throws Exception {
        int before = opinions();
        mvc.perform(post(admin(monitoring)).with(csrf()).with(Logins.as(users, "body@taroudant.demo"))
                        .param("bodyId", Long.toString(genderBody)).param("title", "<b>Avis</b>").param("text", "")
                        .param("adoptedOn", LocalDate.now().plusDays(3).toString()).param("recommendations", "\n  \n"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "validation.characters"))
                .andExpect(model().attributeHasFieldErrorCode("form", "text", "validation.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "adoptedOn", "program.validation.future-date"))
                .andExpect(model().attributeHasFieldErrorCode("form", "recommendations", "program.opinion.recommendations.required"))
                .andExpect(content().string(containsString("href=\"#recommendations\"")));
        mvc.perform(post(admin(monitoring)).with(csrf()).with(Logins.as(users, "body@taroudant.demo"))
                        .param("bodyId", Long.toString(genderBody)).param("title", "12345").param("text", "x".repeat(20_001))
                        .param("adoptedOn", "2027-02-30").param("recommendations", "a".repeat(4001)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "program.validation.letters"))
                .andExpect(model().attributeHasFieldErrorCode("form", "text", "validation.text.too-long"))
                .andExpect(model().attributeHasFieldErrorCode("form", "adoptedOn", "validation.date"))
                .andExpect(model().attributeHasFieldErrorCode("form", "recommendations", "program.opinion.recommendation.too-long"));
        assertThat(opinions()).isEqualTo(before);
    }

    @Test
    void managersAnswerEachRecommendationWithAReasonAndMayCorrectIt() throws Exception {
        String location = mvc.perform(opinion(monitoring, "staff@taroudant.demo", genderBody)).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long rec = jdbc.sql("select min(id) from program_recommendation where opinion_id = ?").param(id).query(Long.class).single();
        String url = admin(monitoring) + "/" + id + "/recommendations/" + rec;
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, "staff@taroudant.demo")).param("response", "MAYBE").param("reason", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"r" + rec + "-reason\"")))
                .andExpect(model().attribute("answerErrors", java.util.Map.of("response", "validation.choose", "reason", "validation.required")));
        assertThat(jdbc.sql("select count(*) from program_recommendation where id = ? and response is null").param(rec).query(Integer.class).single()).isEqualTo(1);
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, "staff@taroudant.demo")).param("response", "PARTLY_TAKEN")
                .param("reason", "Deux douars d’abord.")).andExpect(status().is3xxRedirection());
        var first = jdbc.sql("select responded_at from program_recommendation where id = ?").param(rec).query(java.time.OffsetDateTime.class).single();
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, "staff@taroudant.demo")).param("response", "TAKEN")
                .param("reason", "Tous les douars finalement.")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select response from program_recommendation where id = ?").param(rec).query(String.class).single()).isEqualTo("TAKEN");
        assertThat(jdbc.sql("select responded_at from program_recommendation where id = ?").param(rec).query(java.time.OffsetDateTime.class).single())
                .isEqualTo(first);
        audited("program.recommendation-answer-corrected");
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, "staff@agadir.demo")).param("response", "NOT_TAKEN").param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/fr/c/agadir/admin/program/" + monitoring + "/opinions/" + id + "/recommendations/" + rec).with(csrf())
                .with(Logins.as(users, "staff@agadir.demo")).param("response", "NOT_TAKEN").param("reason", "x")).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/taroudant/program/" + monitoring + "/opinions/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tous les douars finalement.")))
                .andExpect(content().string(containsString("En attente de réponse depuis")));
    }

    @Test
    void theDemoOpinionShowsItsAnswersAndTheShareAnswered() throws Exception {
        mvc.perform(get("/fr/c/taroudant/program/" + monitoring + "/opinions")).andExpect(status().isOk())
                .andExpect(content().string(containsString("هيئة المساواة")));
        long demo = jdbc.sql("select min(id) from program_opinion where process_id = ? and body_id = ?").params(monitoring, genderBody)
                .query(Long.class).single();
        mvc.perform(get("/fr/c/taroudant/program/" + monitoring + "/opinions/" + demo)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Prise en compte en partie")))
                .andExpect(content().string(containsString("Non prise en compte")))
                .andExpect(content().string(containsString("3 recommandations sur 4")));
        mvc.perform(get("/fr/c/taroudant/program/" + monitoring + "/opinions/" + demo + "9")).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/agadir/program/" + monitoring + "/opinions/" + demo)).andExpect(status().isNotFound());
    }

    @Test
    void theOpinionListsTakeAFixedNumberOfStatements() throws Exception {
        QueryCounting.reset();
        mvc.perform(get("/fr/c/taroudant/program/" + monitoring + "/opinions")).andExpect(status().isOk());
        long few = QueryCounting.statements();
        mvc.perform(opinion(monitoring, "staff@taroudant.demo", otherBody));
        mvc.perform(opinion(monitoring, "staff@taroudant.demo", genderBody));
        QueryCounting.reset();
        mvc.perform(get("/fr/c/taroudant/program/" + monitoring + "/opinions")).andExpect(status().isOk());
        assertThat(QueryCounting.statements()).isEqualTo(few);
    }
}
