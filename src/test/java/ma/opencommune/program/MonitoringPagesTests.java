package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Monitoring of a program: the public dashboard and commitment page, staff progress reports with evidence
 * (guarded by phase, validated, never half-saved), the follow-up committee's assessments, and follows.
 */
@IntegrationTest
class MonitoringPagesTests {

    static final String STAFF = "staff@taroudant.demo";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Processes processes;

    MonitorFixture fx;
    long taroudant;
    LocalDate today;
    long process;
    long commitment;
    long first;
    long second;

    @BeforeEach
    void setUp() {
        fx = new MonitorFixture(jdbc);
        taroudant = fx.taroudant();
        today = processes.today();
        process = fx.process(taroudant, today.minusDays(100), today.plusDays(300), true);
        commitment = fx.commitment(taroudant, process, 1, "Budget ouvert <script>x</script>", today.minusDays(90));
        first = fx.milestone(taroudant, commitment, 1, today.minusDays(1), null);
        second = fx.milestone(taroudant, commitment, 2, today, null);
    }

    String admin(long pid, long cid) {
        return "/fr/c/taroudant/admin/program/" + pid + "/commitments/" + cid;
    }

    MockMultipartHttpServletRequestBuilder report(long pid, long cid) {
        return (MockMultipartHttpServletRequestBuilder) multipart(admin(pid, cid) + "/progress").with(csrf()).with(Logins.as(users, STAFF));
    }

    @Test
    void theDashboardShowsCompletionOverdueMilestonesAndFigures() throws Exception {
        mvc.perform(get("/ar/c/taroudant/program/" + process + "/commitments")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Budget ouvert &lt;script&gt;")))
                .andExpect(content().string(containsString("pct-0")))
                .andExpect(content().string(containsString("status-bad")))
                .andExpect(content().string(containsString("id=\"figures-title\"")));
        mvc.perform(get("/fr/c/taroudant/program/" + process + "/commitments"))
                .andExpect(content().string(containsString("Non commencé")))
                .andExpect(content().string(containsString("1 en retard")));
    }

    @Test
    void theDashboardRunsTheSameNumberOfStatementsForTwoOrThirtyCommitments() throws Exception {
        long other = fx.process(taroudant, today.minusDays(10), today.plusDays(10), true);
        for (int i = 1; i <= 2; i++) {
            long c = fx.commitment(taroudant, other, i, "Engagement " + i, today.minusDays(5));
            fx.milestone(taroudant, c, 1, today.minusDays(1), null);
        }
        String url = "/fr/c/taroudant/program/" + other + "/commitments";
        mvc.perform(get(url)).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(get(url)).andExpect(status().isOk());
        long withTwo = QueryCounting.statements();
        for (int i = 3; i <= 30; i++) {
            long c = fx.commitment(taroudant, other, i, "Engagement " + i, today.minusDays(5));
            fx.milestone(taroudant, c, 1, today.plusDays(i), i % 2 == 0 ? today : null);
            fx.progress(taroudant, c, fx.milestone(taroudant, c, 2, today.minusDays(3), null), today, "fait", Instant.now());
        }
        QueryCounting.reset();
        mvc.perform(get(url)).andExpect(status().isOk()).andExpect(content().string(containsString("Engagement 30")));
        assertThat(QueryCounting.statements()).isEqualTo(withTwo);
    }

    @Test
    void theCommitmentPageAndTheApiRunAFixedNumberOfStatementsWhateverTheProgress() throws Exception {
        String page = "/fr/c/taroudant/program/" + process + "/commitments/" + commitment;
        String api = "/api/v1/collectivities/taroudant/commitments?process=" + process;
        mvc.perform(get(page)).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(get(page)).andExpect(status().isOk());
        long pageFew = QueryCounting.statements();
        QueryCounting.reset();
        mvc.perform(get(api)).andExpect(status().isOk());
        long apiFew = QueryCounting.statements();
        for (int i = 3; i <= 20; i++) {
            long m = fx.milestone(taroudant, commitment, i, today.plusDays(i), null);
            fx.progress(taroudant, commitment, m, today, "Avancement " + i, Instant.now());
            fx.commitment(taroudant, process, i, "Autre " + i, today.minusDays(5));
        }
        QueryCounting.reset();
        mvc.perform(get(page)).andExpect(status().isOk()).andExpect(content().string(containsString("Avancement 20")));
        assertThat(QueryCounting.statements()).isEqualTo(pageFew);
        QueryCounting.reset();
        mvc.perform(get(api)).andExpect(status().isOk()).andExpect(content().string(containsString("Autre 20")));
        assertThat(QueryCounting.statements()).isEqualTo(apiFew);
    }

    @Test
    void theCommitmentPageShowsEveryFieldEscapedAndTheBudgetFormatted() throws Exception {
        mvc.perform(get("/fr/c/taroudant/program/" + process + "/commitments/" + commitment)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Le problème &lt;b&gt;public&lt;/b&gt;")))
                .andExpect(content().string(containsString("MAD")))
                .andExpect(content().string(containsString("En retard")))
                .andExpect(content().string(containsString("Connectez-vous pour suivre")))
                .andExpect(content().string(not(containsString("<script>x"))));
        // Another collectivity's URL, or another process, does not reach it.
        mvc.perform(get("/fr/c/agadir/program/" + process + "/commitments/" + commitment)).andExpect(status().isNotFound());
        long draft = fx.process(taroudant, today.minusDays(1), today.plusDays(1), false);
        mvc.perform(get("/fr/c/taroudant/program/" + draft + "/commitments/" + commitment)).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/taroudant/program/" + draft + "/commitments")).andExpect(status().isNotFound());
    }

    @Test
    void staffReportProgressWithADocumentThatCompletesAMilestone() throws Exception {
        MockMultipartFile pdf = new MockMultipartFile("document", "../../rapport d’étape.pdf", "application/pdf", MonitorFixture.PDF);
        mvc.perform(report(process, commitment).file(pdf).param("milestoneId", String.valueOf(first))
                        .param("reportedOn", today.toString()).param("text", "Budget publié en format ouvert <i>enfin</i>")
                        .param("evidenceUrl", "https://taroudant.ma/budget").param("completes", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select completed_on from program_milestone where id = ?").param(first).query(LocalDate.class).single()).isEqualTo(today);
        long progress = jdbc.sql("select id from program_progress where milestone_id = ?").param(first).query(Long.class).single();
        assertThat(jdbc.sql("select document_name from program_progress where id = ?").param(progress).query(String.class).single())
                .isEqualTo("rapport_d_étape.pdf");
        assertThat(fx.count("select count(*) from audit_entry where action = 'program.progress-reported' and collectivity_id = ?", taroudant)).isPositive();

        mvc.perform(get("/fr/c/taroudant/program/" + process + "/evidence/" + progress)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment;")))
                .andExpect(content().bytes(MonitorFixture.PDF));
        mvc.perform(get("/fr/c/agadir/program/" + process + "/evidence/" + progress)).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/taroudant/program/" + process + "/commitments/" + commitment))
                .andExpect(content().string(containsString("Achevé le")))
                .andExpect(content().string(containsString("&lt;i&gt;enfin&lt;/i&gt;")))
                .andExpect(content().string(containsString("/evidence/" + progress)));
    }

    @Test
    void everyMistakeIsReportedAtOnceAndNothingIsSaved() throws Exception {
        MockMultipartFile fake = new MockMultipartFile("document", "rapport.pdf", "application/pdf", "MZ not a pdf".getBytes());
        mvc.perform(report(process, commitment).file(fake).param("milestoneId", "999999999")
                        .param("reportedOn", today.plusDays(1).toString()).param("text", "x".repeat(4001))
                        .param("evidenceUrl", "http://taroudant.ma/x"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "milestoneId", "validation.choose"))
                .andExpect(model().attributeHasFieldErrorCode("form", "reportedOn", "program.monitor.progress.future"))
                .andExpect(model().attributeHasFieldErrorCode("form", "text", "validation.text.too-long"))
                .andExpect(model().attributeHasFieldErrorCode("form", "evidenceUrl", "program.monitor.progress.https"))
                .andExpect(model().attributeHasFieldErrorCode("form", "document", "validation.file.type"))
                .andExpect(content().string(containsString("href=\"#milestoneId\"")));
        mvc.perform(report(process, commitment).param("milestoneId", String.valueOf(first))
                        .param("reportedOn", today.minusDays(91).toString()).param("text", " "))
                .andExpect(model().attributeHasFieldErrorCode("form", "reportedOn", "program.monitor.progress.before-start"))
                .andExpect(model().attributeHasFieldErrorCode("form", "text", "validation.required"));
        mvc.perform(report(process, commitment).param("reportedOn", "2027-02-30").param("text", "ok"))
                .andExpect(model().attributeHasFieldErrorCode("form", "milestoneId", "validation.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "reportedOn", "validation.date"));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(MonitorFixture.PDF, 0, big, 0, MonitorFixture.PDF.length);
        mvc.perform(report(process, commitment).file(new MockMultipartFile("document", "big.pdf", "application/pdf", big))
                        .param("milestoneId", String.valueOf(first)).param("reportedOn", today.toString()).param("text", "ok"))
                .andExpect(model().attributeHasFieldErrorCode("form", "document", "validation.file.too-large"));
        assertThat(fx.count("select count(*) from program_progress where commitment_id = ?", commitment)).isZero();
        assertThat(jdbc.sql("select completed_on from program_milestone where id = ?").param(first).query(LocalDate.class).optional()).isEmpty();
    }

    @Test
    void aFileAboveTheServletLimitIsReportedOnTheFormItCameFrom() throws Exception {
        // UploadLimit sends the person back here when Tomcat refuses the request body.
        mvc.perform(get(admin(process, commitment) + "/progress").param("upload", "too-large").with(Logins.as(users, STAFF)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#document\"")))
                .andExpect(content().string(containsString("10 Mo")));
    }

    @Test
    void aDoubleSubmitRecordsTheProgressOnce() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(report(process, commitment).param("milestoneId", String.valueOf(second)).param("reportedOn", today.toString())
                    .param("text", "Réunion du comité tenue")).andExpect(status().is3xxRedirection());
        }
        assertThat(fx.count("select count(*) from program_progress where milestone_id = ?", second)).isEqualTo(1);
        mvc.perform(report(process, commitment).param("milestoneId", String.valueOf(second)).param("reportedOn", today.toString())
                .param("text", "Terminé").param("completes", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(report(process, commitment).param("milestoneId", String.valueOf(second)).param("reportedOn", today.toString())
                        .param("text", "Encore").param("completes", "true"))
                .andExpect(model().attributeHasFieldErrorCode("form", "completes", "program.monitor.progress.already-complete"));
    }

    @Test
    void progressIsRefusedOutsideMonitoringAndEvaluation() throws Exception {
        long tomorrow = fx.process(taroudant, today.plusDays(1), today.plusDays(100), true);
        long startsToday = fx.process(taroudant, today, today.plusDays(100), true);
        long endedYesterday = fx.process(taroudant, today.minusDays(100), today.minusDays(1), true);
        long endsToday = fx.process(taroudant, today.minusDays(100), today, true);
        for (long p : new long[] {tomorrow, startsToday, endedYesterday, endsToday}) {
            long c = fx.commitment(taroudant, p, 1, "Engagement", today.minusDays(50));
            long m = fx.milestone(taroudant, c, 1, today, null);
            int expected = p == tomorrow || p == endedYesterday ? 409 : 302;
            mvc.perform(report(p, c).param("milestoneId", String.valueOf(m)).param("reportedOn", today.toString()).param("text", "fait"))
                    .andExpect(status().is(expected));
        }
        mvc.perform(get(admin(tomorrow, fx.commitment(taroudant, tomorrow, 2, "E", today)) + "/progress").with(Logins.as(users, STAFF)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("notice-warn")))
                .andExpect(content().string(not(containsString("enctype=\"multipart/form-data\""))));
    }

    @Test
    void agadirStaffAndCitizensCannotReportNorAssessAndNothingChanges() throws Exception {
        int before = fx.count("select count(*) from program_progress where collectivity_id = ?", taroudant)
                + fx.count("select count(*) from program_assessment where collectivity_id = ?", taroudant);
        long committee = fx.committee(taroudant);
        for (String who : new String[] {"staff@agadir.demo", "citizen@opencommune.demo", "body@taroudant.demo"}) {
            mvc.perform(multipart(admin(process, commitment) + "/progress").with(csrf()).with(Logins.as(users, who))
                    .param("milestoneId", String.valueOf(first)).param("reportedOn", today.toString()).param("text", "pirate"))
                    .andExpect(status().isForbidden());
            mvc.perform(post(admin(process, commitment) + "/assessments").with(csrf()).with(Logins.as(users, who))
                    .param("bodyId", String.valueOf(committee)).param("scale", "MAJOR").param("text", "pirate"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get(admin(process, commitment) + "/progress").with(Logins.as(users, "staff@agadir.demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/fr/c/agadir/admin/program/" + process + "/commitments/" + commitment + "/progress")
                .with(Logins.as(users, "staff@agadir.demo"))).andExpect(status().isNotFound());
        assertThat(fx.count("select count(*) from program_progress where collectivity_id = ?", taroudant)
                + fx.count("select count(*) from program_assessment where collectivity_id = ?", taroudant)).isEqualTo(before);
    }

    @Test
    void managersRecordTheFollowUpCommitteesAssessment() throws Exception {
        long committee = fx.committee(taroudant);
        mvc.perform(get(admin(process, commitment) + "/assessments").with(Logins.as(users, STAFF))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Comité de suivi")));
        mvc.perform(post(admin(process, commitment) + "/assessments").with(csrf()).with(Logins.as(users, STAFF))
                        .param("bodyId", String.valueOf(committee)).param("scale", "BEST").param("text", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "scale", "validation.choose"))
                .andExpect(model().attributeHasFieldErrorCode("form", "text", "validation.required"));
        long gender = jdbc.sql("select id from consultative_body where collectivity_id = ? and type = 'GENDER_EQUALITY' order by id limit 1")
                .param(taroudant).query(Long.class).single();
        mvc.perform(post(admin(process, commitment) + "/assessments").with(csrf()).with(Logins.as(users, STAFF))
                        .param("bodyId", String.valueOf(gender)).param("scale", "MAJOR").param("text", "x"))
                .andExpect(model().attributeHasFieldErrorCode("form", "bodyId", "validation.choose"));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(admin(process, commitment) + "/assessments").with(csrf()).with(Logins.as(users, STAFF))
                            .param("bodyId", String.valueOf(committee)).param("scale", "MAJOR").param("text", "Le budget est lisible."))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(fx.count("select count(*) from program_assessment where commitment_id = ?", commitment)).isEqualTo(1);
        mvc.perform(get("/fr/c/taroudant/program/" + process + "/commitments/" + commitment))
                .andExpect(content().string(containsString("Majeur"))).andExpect(content().string(containsString("Le budget est lisible.")));
    }

    @Test
    void signedInPeopleFollowAndUnfollowACommitment() throws Exception {
        String url = "/fr/c/taroudant/program/" + process + "/commitments/" + commitment + "/follow";
        mvc.perform(post(url).with(csrf()).param("follow", "true")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(url).with(csrf()).with(Logins.as(users, "citizen@opencommune.demo")).param("follow", "true"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(fx.count("select count(*) from program_follow where commitment_id = ?", commitment)).isEqualTo(1);
        mvc.perform(get("/fr/c/taroudant/program/" + process + "/commitments/" + commitment).with(Logins.as(users, "citizen@opencommune.demo")))
                .andExpect(content().string(containsString("Ne plus suivre")));
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, "citizen@opencommune.demo")).param("follow", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(fx.count("select count(*) from program_follow where commitment_id = ?", commitment)).isZero();
        mvc.perform(post("/fr/c/agadir/program/" + process + "/commitments/" + commitment + "/follow").with(csrf())
                .with(Logins.as(users, "citizen@opencommune.demo"))).andExpect(status().isNotFound());
    }
}
