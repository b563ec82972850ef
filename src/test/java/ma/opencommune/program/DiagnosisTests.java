package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Localized;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The diagnosis (PAC-3): staff list areas, residents rate them only while the phase is open, one rating per
 * person and area, and the public sees exact aggregates with small groups withheld (PAC-2, PDP-1).
 */
@IntegrationTest
class DiagnosisTests {

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
    @Autowired
    Diagnosis diagnosis;
    @Autowired
    Accounts accounts;

    Collectivity taroudant;
    AccountUser staff;

    @BeforeEach
    void setUp() {
        taroudant = territory.require("taroudant");
        staff = PhaseEdgeFixtures.user(users, "staff@taroudant.demo");
    }

    long openProcessWithAreas(int areas) {
        long p = PhaseEdgeFixtures.process(processes, users, taroudant, PhaseKind.DIAGNOSIS, -5, 5);
        for (int i = 0; i < areas; i++) {
            diagnosis.addArea(taroudant, staff, p, new Diagnosis.AreaDraft(new Localized("مجال " + i, "Domaine " + i, "ⴰⵏⴰⵡ " + i), null, null));
        }
        return p;
    }

    List<Long> areaIds(long process) {
        return diagnosis.areas(taroudant.id(), process).stream().map(Diagnosis.Area::id).toList();
    }

    AccountUser newPerson() {
        return PhaseEdgeFixtures.user(users, TestAccounts.confirmed(accounts, jdbc, "rater"));
    }

    int ratings(long process) {
        return jdbc.sql("select count(*) from program_rating where process_id = ?").param(process).query(Integer.class).single();
    }

    @Test
    void ratingIsOpenFromTheFirstToTheLastDayOfTheDiagnosisPhaseOnly() {
        AccountUser person = newPerson();
        long dayBefore = PhaseEdgeFixtures.process(processes, users, taroudant, PhaseKind.DIAGNOSIS, 1, 10);
        long firstDay = PhaseEdgeFixtures.process(processes, users, taroudant, PhaseKind.DIAGNOSIS, 0, 10);
        long lastDay = PhaseEdgeFixtures.process(processes, users, taroudant, PhaseKind.DIAGNOSIS, -10, 0);
        long dayAfter = PhaseEdgeFixtures.process(processes, users, taroudant, PhaseKind.DIAGNOSIS, -10, -1);
        for (long p : List.of(dayBefore, firstDay, lastDay, dayAfter)) {
            diagnosis.addArea(taroudant, staff, p, new Diagnosis.AreaDraft(new Localized("الماء", "Eau", "ⴰⵎⴰⵏ"), null, null));
        }
        for (long closed : List.of(dayBefore, dayAfter)) {
            long area = areaIds(closed).get(0);
            assertThatThrownBy(() -> diagnosis.rate(taroudant, person, closed, List.of(new Diagnosis.RatingInput(area, 4, 2, null)), null, null))
                    .isInstanceOf(ConflictException.class).hasMessage("program.closed.DIAGNOSIS");
            assertThat(ratings(closed)).isZero();
        }
        for (long open : List.of(firstDay, lastDay)) {
            long area = areaIds(open).get(0);
            assertThat(diagnosis.rate(taroudant, person, open, List.of(new Diagnosis.RatingInput(area, 4, 2, null)), null, null)).isEqualTo(1);
            assertThat(ratings(open)).isEqualTo(1);
        }
    }

    @Test
    void aClosedDiagnosisAnswers409WithTheReasonAndAnonymousVisitorsAreSentToSignIn() throws Exception {
        long closed = PhaseEdgeFixtures.process(processes, users, taroudant, PhaseKind.DIAGNOSIS, -10, -1);
        diagnosis.addArea(taroudant, staff, closed, new Diagnosis.AreaDraft(new Localized("الماء", "Eau", "ⴰⵎⴰⵏ"), null, null));
        long area = areaIds(closed).get(0);
        String url = "/fr/c/taroudant/program/" + closed + "/diagnosis";
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, "citizen@opencommune.demo"))
                        .param("rows[0].areaId", "" + area).param("rows[0].importance", "4").param("rows[0].satisfaction", "2"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("pendant la phase de diagnostic")));
        mvc.perform(post(url).with(csrf()).param("rows[0].areaId", "" + area).param("rows[0].importance", "4"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(url)).andExpect(status().isOk()).andExpect(content().string(containsString("Les notes sont closes")))
                .andExpect(content().string(not(containsString("Envoyer mes notes"))));
    }

    @Test
    void oneFormRatesSeveralAreasAndRatingAgainChangesInPlaceEvenOnADoubleSubmit() throws Exception {
        long p = openProcessWithAreas(3);
        List<Long> areas = areaIds(p);
        String email = TestAccounts.confirmed(accounts, jdbc, "double");
        String url = "/ar/c/taroudant/program/" + p + "/diagnosis";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(url).with(csrf()).with(Logins.as(users, email))
                            .param("rows[0].areaId", "" + areas.get(0)).param("rows[0].importance", "5").param("rows[0].satisfaction", "1")
                            .param("rows[0].comment", "<b>الإنارة</b>")
                            .param("rows[1].areaId", "" + areas.get(1))
                            .param("rows[2].areaId", "" + areas.get(2)).param("rows[2].importance", "3").param("rows[2].satisfaction", "3")
                            .param("gender", "WOMAN").param("ageBand", "25_34"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(ratings(p)).isEqualTo(2);
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, email))
                        .param("rows[0].areaId", "" + areas.get(0)).param("rows[0].importance", "2").param("rows[0].satisfaction", "4")
                        .param("gender", "").param("ageBand", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(ratings(p)).isEqualTo(2);
        assertThat(jdbc.sql("select importance || '/' || satisfaction || '/' || coalesce(gender, '-') from program_rating where area_id = ?")
                .param(areas.get(0)).query(String.class).single()).isEqualTo("2/4/-");
        // The form comes back filled with the person's answers.
        mvc.perform(get(url).with(Logins.as(users, email))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2\" id=\"rows0.importance-2\" checked")));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from audit_entry where action = 'program.diagnosis-rated'").query(Integer.class).single()).isPositive());
    }

    @Test
    void concurrentDoubleSubmitsLeaveOneRatingAndNeitherFails() throws Exception {
        long p = openProcessWithAreas(1);
        long area = areaIds(p).get(0);
        AccountUser person = newPerson();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 4; i++) {
                int score = i + 1;
                results.add(pool.submit(() -> {
                    start.await();
                    return diagnosis.rate(taroudant, person, p, List.of(new Diagnosis.RatingInput(area, score, score, null)), null, null);
                }));
            }
            start.countDown();
            for (var r : results) {
                assertThat(r.get()).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ratings(p)).isEqualTo(1);
    }

    @Test
    void outOfRangeOrHalfFilledRatingsAreFieldErrorsAndNothingIsSaved() throws Exception {
        long p = openProcessWithAreas(4);
        List<Long> areas = areaIds(p);
        String url = "/fr/c/taroudant/program/" + p + "/diagnosis";
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, "citizen@opencommune.demo"))
                        .param("rows[0].areaId", "" + areas.get(0)).param("rows[0].importance", "0").param("rows[0].satisfaction", "3")
                        .param("rows[1].areaId", "" + areas.get(1)).param("rows[1].importance", "6").param("rows[1].satisfaction", "abc")
                        .param("rows[2].areaId", "" + areas.get(2)).param("rows[2].importance", "4")
                        .param("rows[3].areaId", "" + areas.get(3)).param("rows[3].importance", "4").param("rows[3].satisfaction", "4")
                        .param("rows[3].comment", "x".repeat(1001))
                        .param("gender", "OTHER"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "rows[0].importance", "program.diagnosis.rate.range"))
                .andExpect(model().attributeHasFieldErrorCode("form", "rows[1].importance", "program.diagnosis.rate.range"))
                .andExpect(model().attributeHasFieldErrorCode("form", "rows[1].satisfaction", "program.diagnosis.rate.range"))
                .andExpect(model().attributeHasFieldErrorCode("form", "rows[2].satisfaction", "program.diagnosis.rate.missing"))
                .andExpect(model().attributeHasFieldErrorCode("form", "rows[3].comment", "validation.text.too-long"))
                .andExpect(model().attributeHasFieldErrorCode("form", "gender", "validation.choose"))
                .andExpect(content().string(containsString("href=\"#rows0.importance\"")))
                .andExpect(content().string(containsString("id=\"rows0.importance\"")))
                .andExpect(content().string(containsString("Choisissez un chiffre de 1 à 5.")));
        assertThat(ratings(p)).isZero();
        // An empty form: nothing to save, said plainly.
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, "citizen@opencommune.demo")).param("rows[0].areaId", "" + areas.get(0)))
                .andExpect(model().attributeHasFieldErrorCode("form", "rows", "program.diagnosis.rate.none"));
        // An area of another process is refused.
        long other = openProcessWithAreas(1);
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, "citizen@opencommune.demo"))
                        .param("rows[0].areaId", "" + areaIds(other).get(0)).param("rows[0].importance", "4").param("rows[0].satisfaction", "4"))
                .andExpect(model().attributeHasFieldErrorCode("form", "rows[0].importance", "validation.choose"));
        assertThat(ratings(p) + ratings(other)).isZero();
    }

    @Test
    void resultsAreExactMeansSortedByPriorityWithSmallGroupsWithheld() {
        long p = openProcessWithAreas(2);
        List<Long> areas = areaIds(p);
        // Area 0: six people; four women (imp 5, sat 1) and two men (imp 3, sat 3). Area 1: six people (imp 2, sat 4).
        for (int i = 0; i < 6; i++) {
            boolean woman = i < 4;
            diagnosis.rate(taroudant, newPerson(), p, List.of(
                    new Diagnosis.RatingInput(areas.get(0), woman ? 5 : 3, woman ? 1 : 3, i == 0 ? "Un commentaire" : null),
                    new Diagnosis.RatingInput(areas.get(1), 2, 4, null)), woman ? "WOMAN" : "MAN", i < 5 ? "35_49" : null);
        }
        DiagnosisResults results = diagnosis.results(taroudant.id(), p);
        assertThat(results.people()).isEqualTo(6);
        DiagnosisResults.AreaResult first = results.areas().get(0);
        assertThat(first.area().id()).isEqualTo(areas.get(0));
        assertThat(first.overall().answers()).isEqualTo(6);
        assertThat(first.overall().importanceText()).isEqualTo("4.3");
        assertThat(first.overall().satisfactionText()).isEqualTo("1.7");
        assertThat(first.overall().gapText()).isEqualTo("2.7");
        assertThat(first.comments()).isEqualTo(1);
        // Four women and two men: both under the threshold of five, withheld.
        assertThat(first.gender("WOMAN").answers()).isEqualTo(4);
        assertThat(first.gender("WOMAN").shown()).isFalse();
        assertThat(first.gender("MAN").shown()).isFalse();
        // Five people declared 35-49 and one did not: showing the five would give the sixth away by subtraction from
        // the total, so the whole age split is withheld (complementary suppression).
        assertThat(first.age("35_49").shown()).isFalse();
        DiagnosisResults.Score five = new DiagnosisResults.Score(5, 23, 7);
        assertThat(DiagnosisResults.safe(java.util.Map.of("35_49", five), new DiagnosisResults.Score(6, 28, 8))).isEmpty();
        assertThat(DiagnosisResults.safe(java.util.Map.of("35_49", five), five)).containsKey("35_49");
        assertThat(DiagnosisResults.safe(java.util.Map.of("35_49", five), new DiagnosisResults.Score(10, 40, 20))).containsKey("35_49");
        assertThat(results.areas().get(1).overall().gapText()).isEqualTo("-2.0");
    }

    @Test
    void thePublicResultsPageShowsTheChartsAndTablesWithoutNamesOrComments() throws Exception {
        long first = jdbc.sql("select min(id) from program_process where collectivity_id = ? and starts_on = "
                + "(select min(starts_on) from program_process where collectivity_id = ?)").params(taroudant.id(), taroudant.id())
                .query(Long.class).single();
        mvc.perform(get("/ar/c/taroudant/program/" + first + "/diagnosis")).andExpect(status().isOk())
                .andExpect(content().string(containsString("role=\"img\"")))
                .andExpect(content().string(containsString("aria-labelledby=\"chart-overall-title chart-overall-desc\"")))
                .andExpect(content().string(containsString("<caption>")))
                .andExpect(content().string(containsString("الماء الصالح للشرب")))
                .andExpect(content().string(not(containsString("(démo)</"))))
                .andExpect(content().string(not(containsString("commentaire de démo"))));
        mvc.perform(get("/fr/c/taroudant/program/" + first + "/diagnosis")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Pas assez de réponses")))
                .andExpect(content().string(containsString("Les notes sont closes")));
    }

    @Test
    void theResultsPageRunsTheSameNumberOfStatementsWhateverTheNumberOfRatings() throws Exception {
        long p = openProcessWithAreas(2);
        String url = "/fr/c/taroudant/program/" + p + "/diagnosis";
        mvc.perform(get(url)).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(get(url)).andExpect(status().isOk());
        long few = QueryCounting.statements();
        List<Long> areas = areaIds(p);
        for (int i = 0; i < 12; i++) {
            diagnosis.rate(taroudant, newPerson(), p, List.of(new Diagnosis.RatingInput(areas.get(0), 4, 2, "c"),
                    new Diagnosis.RatingInput(areas.get(1), 3, 3, null)), i % 2 == 0 ? "WOMAN" : "MAN", "UNDER_25");
        }
        diagnosis.addArea(taroudant, staff, p, new Diagnosis.AreaDraft(new Localized("مجال", "Domaine", "ⴰⵏⴰⵡ"), null, null));
        QueryCounting.reset();
        mvc.perform(get(url)).andExpect(status().isOk());
        assertThat(QueryCounting.statements()).isEqualTo(few);
    }

    @Test
    void staffAddRenameOrderAndRemoveUnratedAreasWithScriptChecks() throws Exception {
        long p = PhaseEdgeFixtures.process(processes, users, taroudant, PhaseKind.DIAGNOSIS, -5, 5);
        String url = "/fr/c/taroudant/admin/program/" + p + "/diagnosis";
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                        .param("titleAr", "Eau").param("titleFr", "الماء").param("titleZgh", "<b>ⴰⵎⴰⵏ</b>"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "titleAr", "validation.script.arabic"))
                .andExpect(model().attributeHasFieldErrorCode("form", "titleFr", "validation.script.latin"))
                .andExpect(model().attributeHasFieldErrorCode("form", "titleZgh", "validation.characters"));
        assertThat(diagnosis.areas(taroudant.id(), p)).isEmpty();
        for (String fr : List.of("Eau", "Voirie")) {
            mvc.perform(post(url).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                    .param("titleAr", "مجال").param("titleFr", fr).param("titleZgh", "ⴰⵏⴰⵡ").param("descriptionFr", "Quartiers ouest"))
                    .andExpect(status().is3xxRedirection());
        }
        List<Long> ids = areaIds(p);
        mvc.perform(post(url + "/" + ids.get(1) + "/move").with(csrf()).with(Logins.as(users, "staff@taroudant.demo")).param("direction", "up"))
                .andExpect(status().is3xxRedirection());
        assertThat(diagnosis.areas(taroudant.id(), p).get(0).title().fr()).isEqualTo("Voirie");
        mvc.perform(post(url + "/" + ids.get(0)).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                .param("titleAr", "الماء").param("titleFr", "Eau potable").param("titleZgh", "ⴰⵎⴰⵏ")).andExpect(status().is3xxRedirection());
        assertThat(diagnosis.requireArea(taroudant.id(), p, ids.get(0)).title().fr()).isEqualTo("Eau potable");
        diagnosis.rate(taroudant, newPerson(), p, List.of(new Diagnosis.RatingInput(ids.get(0), 4, 2, null)), null, null);
        mvc.perform(post(url + "/" + ids.get(0) + "/remove").with(csrf()).with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(status().isConflict());
        mvc.perform(post(url + "/" + ids.get(1) + "/remove").with(csrf()).with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(status().is3xxRedirection());
        assertThat(areaIds(p)).containsExactly(ids.get(0));
        mvc.perform(get(url).with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Eau potable")));
    }

    @Test
    void agadirStaffCannotChangeTaroudantsAreasAndNothingChanges() throws Exception {
        long p = openProcessWithAreas(2);
        List<Long> ids = areaIds(p);
        diagnosis.rate(taroudant, newPerson(), p, List.of(new Diagnosis.RatingInput(ids.get(0), 4, 2, "secret")), null, null);
        String before = jdbc.sql("select string_agg(id || ':' || position || ':' || title_fr, ',' order by id) from program_area where process_id = ?")
                .param(p).query(String.class).single();
        String base = "/fr/c/taroudant/admin/program/" + p + "/diagnosis";
        for (String path : List.of(base, base + "/" + ids.get(0), base + "/" + ids.get(1) + "/move", base + "/" + ids.get(1) + "/remove")) {
            int code = mvc.perform(post(path).with(csrf()).with(Logins.as(users, "staff@agadir.demo"))
                    .param("titleAr", "مجال").param("titleFr", "Piraté").param("titleZgh", "ⴰⵏⴰⵡ").param("direction", "up"))
                    .andReturn().getResponse().getStatus();
            assertThat(code).as(path).isIn(403, 404);
        }
        // Through Agadir's own URL, Taroudant's process does not exist.
        mvc.perform(post("/fr/c/agadir/admin/program/" + p + "/diagnosis").with(csrf()).with(Logins.as(users, "staff@agadir.demo"))
                .param("titleAr", "مجال").param("titleFr", "Piraté").param("titleZgh", "ⴰⵏⴰⵡ")).andExpect(status().isNotFound());
        mvc.perform(get(base).with(Logins.as(users, "staff@agadir.demo"))).andExpect(status().isForbidden());
        mvc.perform(get(base).with(Logins.as(users, "citizen@opencommune.demo"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select string_agg(id || ':' || position || ':' || title_fr, ',' order by id) from program_area where process_id = ?")
                .param(p).query(String.class).single()).isEqualTo(before);
    }
}
