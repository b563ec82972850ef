package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Submitting a proposal: only while the proposals phase is open, checked field by field, never twice. */
@IntegrationTest
class ProposalSubmissionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    ProgramFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ProgramFixtures(jdbc);
    }

    MockHttpServletRequestBuilder submit(long processId, String title) {
        return post("/fr/c/taroudant/program/" + processId + "/proposals").with(csrf())
                .with(Logins.as(users, "citizen@opencommune.demo"))
                .param("title", title).param("body", "Publier les procès-verbaux <b>en ligne</b>.")
                .param("principles", "TRANSPARENCY").param("principles", "DIGITALIZATION").param("association", "");
    }

    int proposals(long processId) {
        return fixtures.count("select count(*) from program_proposal where process_id = ?", processId);
    }

    @Test
    void theDayBeforeThePhaseTheFormIsNotShownAndASubmissionIsRefused() throws Exception {
        LocalDate today = ProgramFixtures.today();
        long p = fixtures.process(today.plusDays(1), today.plusDays(30));
        mvc.perform(get("/fr/c/taroudant/program/" + p + "/proposals/new").with(Logins.as(users, "citizen@opencommune.demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ne sont pas ouvertes")))
                .andExpect(content().string(not(containsString("name=\"title\""))));
        mvc.perform(submit(p, "Trop tôt")).andExpect(status().isConflict())
                .andExpect(content().string(containsString("ne sont pas ouvertes")));
        assertThat(proposals(p)).isZero();
    }

    @Test
    void theFirstAndTheLastDayOfThePhaseAcceptProposals() throws Exception {
        LocalDate today = ProgramFixtures.today();
        long starts = fixtures.process(today, today.plusDays(30));
        mvc.perform(submit(starts, "Premier jour")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/fr/c/taroudant/program/" + starts + "/proposals/*"));
        long ends = fixtures.process(today.minusDays(30), today);
        mvc.perform(submit(ends, "Dernier jour")).andExpect(status().is3xxRedirection());
        assertThat(proposals(starts)).isEqualTo(1);
        assertThat(proposals(ends)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from program_proposal_principle pp join program_proposal p on p.id = pp.proposal_id"
                + " where p.process_id = ?", starts)).isEqualTo(2);
    }

    @Test
    void theDayAfterThePhaseASubmissionIsRefused() throws Exception {
        LocalDate today = ProgramFixtures.today();
        long p = fixtures.process(today.minusDays(30), today.minusDays(1));
        mvc.perform(submit(p, "Trop tard")).andExpect(status().isConflict());
        assertThat(proposals(p)).isZero();
    }

    @Test
    void submittingTwiceWithinAMinuteKeepsOneProposal() throws Exception {
        LocalDate today = ProgramFixtures.today();
        long p = fixtures.process(today.minusDays(1), today.plusDays(10));
        String first = mvc.perform(submit(p, "Double clic")).andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(submit(p, "Double clic")).andReturn().getResponse().getRedirectedUrl();
        assertThat(second).isEqualTo(first);
        assertThat(proposals(p)).isEqualTo(1);
        // The text is shown escaped, the author by display name only, never by email.
        mvc.perform(get(first)).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;b&gt;en ligne&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("citizen@opencommune.demo"))));
    }

    @Test
    void everyMistakeIsReportedInTheReadersLanguageAndNothingIsSaved() throws Exception {
        LocalDate today = ProgramFixtures.today();
        long p = fixtures.process(today.minusDays(1), today.plusDays(10));
        long other = fixtures.process(today.minusDays(1), today.plusDays(10));
        long foreignArea = jdbc.sql("insert into program_area (process_id, collectivity_id, position, title_ar, title_fr, title_zgh, created_at)"
                + " values (?, ?, 1, 'مجال', 'Domaine', 'ⴰⴳⵣⵣⵓⵎ', current_timestamp)").params(other, fixtures.collectivity("taroudant"))
                .update() * 0L + jdbc.sql("select max(id) from program_area").query(Long.class).single();
        mvc.perform(post("/ar/c/taroudant/program/" + p + "/proposals").with(csrf()).with(Logins.as(users, "citizen@opencommune.demo"))
                        .param("title", "<script>x</script>").param("body", "").param("areaId", String.valueOf(foreignArea))
                        .param("association", "a".repeat(301)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "validation.characters"))
                .andExpect(model().attributeHasFieldErrorCode("form", "body", "validation.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "principles", "program.proposal.validation.principle"))
                .andExpect(model().attributeHasFieldErrorCode("form", "areaId", "program.proposal.validation.area"))
                .andExpect(model().attributeHasFieldErrorCode("form", "association", "validation.text.too-long"))
                .andExpect(content().string(containsString("اختر مبدأ واحدا على الأقل")))
                .andExpect(content().string(containsString("href=\"#title\"")));
        mvc.perform(post("/fr/c/taroudant/program/" + p + "/proposals").with(csrf()).with(Logins.as(users, "citizen@opencommune.demo"))
                        .param("title", "x".repeat(201)).param("body", "!!! ???").param("principles", "NOT_A_PRINCIPLE"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "validation.text.too-long"))
                .andExpect(model().attributeHasFieldErrorCode("form", "body", "program.proposal.validation.words"))
                .andExpect(model().attributeHasFieldErrorCode("form", "principles", "program.proposal.validation.principle"));
        assertThat(proposals(p)).isZero();
    }

    @Test
    void anonymousVisitorsAreSentToLoginAndOtherCollectivitiesUrlsDoNotReachTheProcess() throws Exception {
        LocalDate today = ProgramFixtures.today();
        long p = fixtures.process(today.minusDays(1), today.plusDays(10));
        mvc.perform(post("/fr/c/taroudant/program/" + p + "/proposals").with(csrf()).param("title", "Anonyme")
                        .param("body", "Texte").param("principles", "TRANSPARENCY"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/fr/login"));
        mvc.perform(get("/fr/c/taroudant/program/" + p + "/proposals/new")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Connectez-vous")));
        mvc.perform(submit(p, "Ailleurs").with(Logins.as(users, "citizen@opencommune.demo"))
                        .with(r -> { r.setRequestURI("/fr/c/agadir/program/" + p + "/proposals"); return r; }))
                .andExpect(status().isNotFound());
        assertThat(proposals(p)).isZero();
    }
}
