package ma.opencommune.network.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The rules of a cohort call at their edges: weights, publication, closing day, reviews, totals, ties and appeals. */
@IntegrationTest
class CohortSelectionTests {

    @Autowired
    CohortCalls calls;
    @Autowired
    CohortApplications applications;
    @Autowired
    CohortResults results;
    @Autowired
    CohortRows rows;
    @Autowired
    Territory territory;
    @Autowired
    UserDetailsService users;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    AccountUser coordinator() {
        return user("coordinator@opencommune.demo");
    }

    static Cohort.CriterionInput criterion(String kind, String pillar, int weight) {
        return new Cohort.CriterionInput("معيار " + kind, "Critère " + kind, null, kind, pillar, String.valueOf(weight));
    }

    /** A draft call closing in five days, with the given weights (index, access pillar, review). */
    long draft(int places, int index, int pillar, int review) {
        LocalDate today = calls.today();
        long id = calls.create(coordinator(), new CohortCalls.CallInput("فوج تجريبي", "Cohorte d’essai", null, null, Set.of("COMMUNE"),
                String.valueOf(places), today.minusDays(10).toString(), today.plusDays(5).toString(), today.plusDays(30).toString(), "10"));
        calls.setCriteria(coordinator(), id, List.of(criterion("INDEX", null, index), criterion("PILLAR", "ACCESS", pillar), criterion("REVIEW", null, review)),
                null);
        calls.setQuestions(coordinator(), id, List.<String[]>of(new String[] {"لماذا تترشحون؟", "Pourquoi candidatez-vous ?"}));
        return id;
    }

    long published(int places) {
        long id = draft(places, 40, 20, 40);
        calls.publish(coordinator(), id);
        return id;
    }

    void apply(AccountUser staff, Collectivity c, long callId, LocalDate day) {
        long q = rows.questions(callId).get(0).id();
        applications.saveAnswers(staff, c, callId, Map.of(q, "Parce que <b>nous</b> publions tout'; drop table account; --"), day);
        applications.submit(staff, c, callId, day);
    }

    @Test
    void weightsThatDoNotSumTo100AreRefusedAndNothingIsSaved() {
        long id = draft(2, 40, 20, 40);
        for (int review : new int[] {39, 41}) {
            assertThatThrownBy(() -> calls.setCriteria(coordinator(), id,
                    List.of(criterion("INDEX", null, 40), criterion("PILLAR", "ACCESS", 20), criterion("REVIEW", null, review)), null))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsEntry("criteria", "network.cohort.error.weights-sum"));
        }
        assertThat(rows.criteria(id)).extracting(Cohort.Criterion::weight).containsExactly(40, 20, 40);
        assertThatThrownBy(() -> calls.setCriteria(coordinator(), id, List.of(criterion("PILLAR", null, 100)), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsKey("c1-pillar"));
        assertThatThrownBy(() -> calls.setCriteria(coordinator(), id,
                List.of(new Cohort.CriterionInput("<script>", "Critère", null, "INDEX", null, "100")), null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void onlyTheCoordinatorDraftsCalls() {
        assertThatThrownBy(() -> calls.create(user("staff@taroudant.demo"), new CohortCalls.CallInput("فوج", "Cohorte", null, null, Set.of("COMMUNE"), "2",
                "2027-01-01", "2027-02-01", "2027-03-01", "10"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void publishingNeedsTheClosingDayNotPassed() {
        long id = draft(2, 40, 20, 40);
        Cohort.Call call = rows.require(id);
        assertThatThrownBy(() -> calls.publish(coordinator(), id, call.closesOn().plusDays(1)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("network.cohort.error.publish-late"));
        calls.publish(coordinator(), id, call.closesOn());
        assertThat(rows.require(id).status()).isEqualTo(Cohort.Status.PUBLISHED);
    }

    @Test
    void criteriaChangeWithAReasonUntilTheClosingDayAndNeverAfter() {
        long id = published(2);
        LocalDate closes = rows.require(id).closesOn();
        List<Cohort.CriterionInput> changed = List.of(criterion("INDEX", null, 50), criterion("PILLAR", "ACCESS", 10), criterion("REVIEW", null, 40));
        assertThatThrownBy(() -> calls.setCriteria(coordinator(), id, changed, " ", closes))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsKey("reason"));
        calls.setCriteria(coordinator(), id, changed, "Plus de poids à l’indice, demandé par le comité", closes);
        assertThat(rows.changes(id)).singleElement().satisfies(ch -> {
            assertThat(ch.reason()).contains("comité");
            assertThat(ch.before()).contains("— 20");
            assertThat(ch.after()).contains("— 10");
            assertThat(ch.changedBy()).isEqualTo("Salma Coordinatrice");
        });
        assertThatThrownBy(() -> calls.setCriteria(coordinator(), id, changed, "trop tard", closes.plusDays(1)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("network.cohort.error.criteria-closed"));
        assertThat(rows.changes(id)).hasSize(1);
    }

    @Test
    void applicationsUntilTheEndOfTheClosingDayOnlyAndOncePerCollectivity() {
        long id = published(2);
        LocalDate closes = rows.require(id).closesOn();
        Collectivity taroudant = territory.require("taroudant");
        Collectivity agadir = territory.require("agadir");
        apply(user("staff@taroudant.demo"), taroudant, id, closes);
        applications.submit(user("staff@taroudant.demo"), taroudant, id, closes);
        assertThat(jdbc.sql("select count(*) from cohort_application where call_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> apply(user("staff@agadir.demo"), agadir, id, closes.plusDays(1)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("network.cohort.error.applications-closed"));
        assertThatThrownBy(() -> applications.saveAnswers(user("staff@agadir.demo"), taroudant, id, Map.of(), closes))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> applications.withdraw(user("staff@taroudant.demo"), taroudant, id, closes.plusDays(1)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void submittingNeedsEveryAnswer() {
        long id = published(2);
        Collectivity taroudant = territory.require("taroudant");
        applications.saveAnswers(user("staff@taroudant.demo"), taroudant, id, Map.of(), calls.today());
        assertThatThrownBy(() -> applications.submit(user("staff@taroudant.demo"), taroudant, id, calls.today())).isInstanceOf(InvalidInput.class);
    }

    /** Three applicants, two reviewers (one of them staff of Taroudant), closed the day after closing. */
    record Scenario(long callId, Map<String, Long> applications, AccountUser reviewer, AccountUser conflicted) {
    }

    Scenario closedWithThree(int places) {
        long id = published(places);
        LocalDate closes = rows.require(id).closesOn();
        AccountUser admin = user("admin@opencommune.demo");
        Map<String, Long> apps = new java.util.LinkedHashMap<>();
        for (String slug : new String[] {"taroudant", "tiznit", "tafraout"}) {
            Collectivity c = territory.require(slug);
            applications.upload(admin, c, id, new org.springframework.mock.web.MockMultipartFile("file", slug + ".pdf", "application/pdf",
                    ("%PDF-1.4 " + slug).getBytes(java.nio.charset.StandardCharsets.US_ASCII)), closes);
            apply(admin, c, id, closes);
            apps.put(slug, rows.application(id, c.id()).orElseThrow().id());
        }
        String reviewer = TestAccounts.confirmed(accounts, jdbc, "reviewer");
        String conflicted = TestAccounts.confirmed(accounts, jdbc, "reviewer-trd");
        TestAccounts.grantOnce(jdbc, conflicted, "taroudant", "PROGRAM_MANAGER");
        calls.assignReviewer(coordinator(), id, reviewer);
        calls.assignReviewer(coordinator(), id, conflicted);
        assertThatThrownBy(() -> calls.close(coordinator(), id, closes))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("network.cohort.error.still-open"));
        calls.close(coordinator(), id, closes.plusDays(1));
        return new Scenario(id, apps, user(reviewer), user(conflicted));
    }

    long reviewCriterion(long callId) {
        return rows.criteria(callId).stream().filter(c -> c.kind() == Cohort.Kind.REVIEW).findFirst().orElseThrow().id();
    }

    @Test
    void closingFreezesIndexCriteriaWithPeriodAndMethodology() {
        Scenario s = closedWithThree(2);
        Cohort.Call call = rows.require(s.callId());
        assertThat(call.status()).isEqualTo(Cohort.Status.CLOSED);
        assertThat(call.periodKey()).isEqualTo("R" + java.time.YearMonth.from(call.closesOn()));
        assertThat(call.methodologyVersion()).isNotNull();
        assertThat(rows.scores(s.callId())).hasSize(6).allSatisfy(sc -> assertThat(sc.periodKey()).isEqualTo(call.periodKey()));
        List<Cohort.CriterionInput> any = List.of(criterion("INDEX", null, 100));
        assertThatThrownBy(() -> calls.setCriteria(coordinator(), s.callId(), any, "après", calls.today())).isInstanceOf(ConflictException.class);
    }

    @Test
    void aReviewerNeverScoresTheirOwnCollectivityAndResultsWaitForEveryReview() {
        Scenario s = closedWithThree(2);
        long review = reviewCriterion(s.callId());
        assertThatThrownBy(() -> results.review(s.conflicted(), s.callId(), s.applications().get("taroudant"), review, "100", "Excellent"))
                .isInstanceOf(AccessDeniedException.class);
        results.review(s.conflicted(), s.callId(), s.applications().get("tiznit"), review, "60", "Bien");
        assertThatThrownBy(() -> results.review(s.reviewer(), s.callId(), s.applications().get("tiznit"), review, "101", "x"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> results.review(user("staff@agadir.demo"), s.callId(), s.applications().get("tiznit"), review, "50", "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> results.publish(coordinator(), s.callId()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("network.cohort.error.reviews-missing"));
        assertThat(results.missingReviews(s.callId())).hasSize(2);
    }

    @Test
    void aReviewerCannotOpenTheDocumentsOfTheirOwnCollectivitysApplication() throws Exception {
        Scenario s = closedWithThree(2);
        long doc = jdbc.sql("select id from cohort_document where application_id = ?").param(s.applications().get("taroudant")).query(Long.class).single();
        try (var in = applications.submittedDocument(s.callId(), doc, results.conflicts(s.reviewer())).content()) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 taroudant");
        }
        assertThat(results.conflicts(s.conflicted())).contains(territory.require("taroudant").id());
        assertThatThrownBy(() -> applications.submittedDocument(s.callId(), doc, results.conflicts(s.conflicted())))
                .isInstanceOf(ma.opencommune.platform.NotFoundException.class);
        long tiznitDoc = jdbc.sql("select id from cohort_document where application_id = ?").param(s.applications().get("tiznit")).query(Long.class)
                .single();
        applications.submittedDocument(s.callId(), tiznitDoc, results.conflicts(s.conflicted())).content().close();
    }

    @Test
    void resultTotalsAreExactAndTiesAtTheLastPlaceAreFlagged() {
        Scenario s = closedWithThree(2);
        long review = reviewCriterion(s.callId());
        // Index criteria are set by hand so the totals are known: taroudant 80/70, tiznit no data, tafraout 50/50.
        setIndex(s, "taroudant", new BigDecimal("80.0"), new BigDecimal("70.0"));
        setIndex(s, "tiznit", null, null);
        setIndex(s, "tafraout", new BigDecimal("50.0"), new BigDecimal("50.0"));
        results.review(s.reviewer(), s.callId(), s.applications().get("taroudant"), review, "65", "Solide");
        results.review(s.reviewer(), s.callId(), s.applications().get("tiznit"), review, "100", "Remarquable");
        results.review(s.conflicted(), s.callId(), s.applications().get("tiznit"), review, "75", "Bon");
        results.review(s.reviewer(), s.callId(), s.applications().get("tafraout"), review, "50", "<b>Moyen</b>");
        results.review(s.reviewer(), s.callId(), s.applications().get("tafraout"), review, "55", "Moyen, revu");
        results.publish(coordinator(), s.callId());
        Map<Long, Cohort.Result> byApp = new java.util.HashMap<>();
        rows.results(s.callId()).forEach(r -> byApp.put(r.applicationId(), r));
        // taroudant: 40×80 + 20×70 + 40×65 = 3200+1400+2600 = 72.00; tiznit: 0 + 0 + 40×87.5 = 35.00; tafraout: 2000+1000+2200 = 52.00
        assertThat(byApp.get(s.applications().get("taroudant")).total()).isEqualByComparingTo("72.00");
        assertThat(byApp.get(s.applications().get("tiznit")).total()).isEqualByComparingTo("35.00");
        assertThat(byApp.get(s.applications().get("tafraout")).total()).isEqualByComparingTo("52.00");
        assertThat(byApp.get(s.applications().get("taroudant")).rank()).isEqualTo(1);
        assertThat(byApp.get(s.applications().get("tafraout")).selected()).isTrue();
        assertThat(byApp.get(s.applications().get("tiznit")).selected()).isFalse();
        assertThat(rows.results(s.callId())).noneMatch(Cohort.Result::tie);
    }

    @Test
    void equalTotalsAcrossTheLastPlaceAreLeftToTheCoordinator() {
        Scenario s = closedWithThree(1);
        long review = reviewCriterion(s.callId());
        for (String slug : List.of("taroudant", "tiznit", "tafraout")) {
            setIndex(s, slug, new BigDecimal("60.0"), new BigDecimal("60.0"));
        }
        results.review(s.reviewer(), s.callId(), s.applications().get("taroudant"), review, "70", "a");
        results.review(s.reviewer(), s.callId(), s.applications().get("tiznit"), review, "70", "b");
        results.review(s.reviewer(), s.callId(), s.applications().get("tafraout"), review, "10", "c");
        results.publish(coordinator(), s.callId());
        List<Cohort.Result> table = rows.results(s.callId());
        assertThat(table).filteredOn(Cohort.Result::tie).hasSize(2).allMatch(r -> r.rank() == 1 && !r.selected());
        results.decideTie(coordinator(), s.callId(), s.applications().get("tiznit"), true);
        assertThatThrownBy(() -> results.decideTie(coordinator(), s.callId(), s.applications().get("taroudant"), true))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("network.cohort.error.places-full"));
    }

    @Test
    void appealsWithinTheWindowOnlyAndAnUpheldAppealAmendsAScore() {
        Scenario s = closedWithThree(2);
        long review = reviewCriterion(s.callId());
        for (String slug : List.of("taroudant", "tiznit", "tafraout")) {
            setIndex(s, slug, new BigDecimal("60.0"), new BigDecimal("60.0"));
            results.review(s.reviewer(), s.callId(), s.applications().get(slug), review, "50", "ok");
        }
        Collectivity tafraout = territory.require("tafraout");
        AccountUser admin = user("admin@opencommune.demo");
        assertThatThrownBy(() -> results.appeal(admin, tafraout, s.callId(), "trop tôt", calls.today())).isInstanceOf(ConflictException.class);
        results.publish(coordinator(), s.callId());
        LocalDate last = rows.require(s.callId()).appealUntil(ma.opencommune.platform.Morocco.ZONE);
        assertThat(last).isEqualTo(calls.today().plusDays(10));
        assertThatThrownBy(() -> results.appeal(admin, tafraout, s.callId(), "trop tard", last.plusDays(1)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("network.cohort.error.appeal-closed"));
        assertThatThrownBy(() -> results.appeal(user("staff@agadir.demo"), tafraout, s.callId(), "pas chez moi", last)).isInstanceOf(AccessDeniedException.class);
        results.appeal(admin, tafraout, s.callId(), "La note d’évaluation ignore notre registre publié.", last);
        results.appeal(admin, tafraout, s.callId(), "deuxième envoi", last);
        List<Cohort.Appeal> appeals = rows.appeals(s.callId());
        assertThat(appeals).singleElement().satisfies(a -> assertThat(a.reasoning()).startsWith("La note"));
        long appeal = appeals.get(0).id();
        assertThatThrownBy(() -> results.amend(coordinator(), s.callId(), appeal, review, "90", "x")).isInstanceOf(ConflictException.class);
        results.decideAppeal(coordinator(), s.callId(), appeal, "UPHELD", "Le registre était bien publié.");
        assertThatThrownBy(() -> results.decideAppeal(coordinator(), s.callId(), appeal, "DISMISSED", "non")).isInstanceOf(ConflictException.class);
        results.amend(coordinator(), s.callId(), appeal, review, "90", "Registre pris en compte");
        assertThat(rows.amendments(s.callId())).singleElement().satisfies(m -> {
            assertThat(m.before()).isEqualByComparingTo("50.0");
            assertThat(m.after()).isEqualByComparingTo("90.0");
        });
        Cohort.Result r = rows.results(s.callId()).stream().filter(x -> x.applicationId() == s.applications().get("tafraout")).findFirst().orElseThrow();
        assertThat(r.rank()).isEqualTo(1);
    }

    @Test
    void confirmingTheCohortAfterTheAppealWindowMakesTheSelectedApplicantsMembersOfTheNetwork() {
        Scenario s = closedWithThree(2);
        long review = reviewCriterion(s.callId());
        setIndex(s, "taroudant", new BigDecimal("80.0"), new BigDecimal("80.0"));
        setIndex(s, "tiznit", new BigDecimal("70.0"), new BigDecimal("70.0"));
        setIndex(s, "tafraout", new BigDecimal("20.0"), new BigDecimal("20.0"));
        for (String slug : List.of("taroudant", "tiznit", "tafraout")) {
            results.review(s.reviewer(), s.callId(), s.applications().get(slug), review, "50", "ok");
        }
        results.publish(coordinator(), s.callId());
        LocalDate last = rows.require(s.callId()).appealUntil(ma.opencommune.platform.Morocco.ZONE);
        Collectivity tiznit = territory.require("tiznit");
        Collectivity tafraout = territory.require("tafraout");
        assertThat(tiznit.isMember()).as("not a member before").isFalse();
        String tafraoutCohort = tafraout.membership().cohort();
        try {
            assertThatThrownBy(() -> results.confirm(coordinator(), s.callId(), "2026", last))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("network.cohort.error.appeal-window-open"));
            results.appeal(user("admin@opencommune.demo"), tafraout, s.callId(), "Notre registre est à jour.", last);
            assertThatThrownBy(() -> results.confirm(coordinator(), s.callId(), "2026", last.plusDays(1)))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("network.cohort.error.appeals-pending"));
            results.decideAppeal(coordinator(), s.callId(), rows.appeals(s.callId()).get(0).id(), "DISMISSED", "Le registre n’était pas publié.");
            assertThatThrownBy(() -> results.confirm(user("staff@taroudant.demo"), s.callId(), "2026", last.plusDays(1)))
                    .isInstanceOf(AccessDeniedException.class);
            for (String bad : new String[] {"", "   ", "<b>2026</b>", "x".repeat(41), "2026'; drop table network_membership; --"}) {
                assertThatThrownBy(() -> results.confirm(coordinator(), s.callId(), bad, last.plusDays(1))).as(bad)
                        .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsKey("cohort"));
            }
            assertThat(rows.require(s.callId()).status()).as("nothing saved").isEqualTo(Cohort.Status.RESULTS);
            assertThat(territory.require("tiznit").isMember()).isFalse();

            assertThat(results.confirm(coordinator(), s.callId(), " Cohorte 2026 ", last.plusDays(1))).as("taroudant was already a member").isEqualTo(1);
            Cohort.Call confirmed = rows.require(s.callId());
            assertThat(confirmed.status()).isEqualTo(Cohort.Status.CONFIRMED);
            assertThat(confirmed.cohort()).isEqualTo("Cohorte 2026");
            assertThat(confirmed.confirmedAt()).isNotNull();
            Collectivity joined = territory.require("tiznit");
            assertThat(joined.isMember()).isTrue();
            assertThat(joined.membership().cohort()).isEqualTo("Cohorte 2026");
            assertThat(joined.membership().joinedOn()).isEqualTo(last.plusDays(1));
            assertThat(territory.require("taroudant").membership().cohort()).as("an earlier membership is kept").isNotEqualTo("Cohorte 2026");
            assertThat(territory.require("tafraout").membership().cohort()).as("not selected: unchanged").isEqualTo(tafraoutCohort);

            assertThatThrownBy(() -> results.confirm(coordinator(), s.callId(), "Cohorte 2026", last.plusDays(2)))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("network.cohort.error.confirmed"));
            assertThatThrownBy(() -> results.decideTie(coordinator(), s.callId(), s.applications().get("tafraout"), true))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("network.cohort.error.confirmed"));
        } finally {
            jdbc.sql("delete from network_membership where collectivity_id = ? and cohort = 'Cohorte 2026'").param(tiznit.id()).update();
        }
    }

    @Test
    void aTieLeftOpenAtTheLastPlaceIsSettledBeforeTheCohortIsConfirmed() {
        Scenario s = closedWithThree(1);
        long review = reviewCriterion(s.callId());
        for (String slug : List.of("taroudant", "tiznit", "tafraout")) {
            setIndex(s, slug, new BigDecimal("60.0"), new BigDecimal("60.0"));
            results.review(s.reviewer(), s.callId(), s.applications().get(slug), review, "70", "ok");
        }
        results.publish(coordinator(), s.callId());
        LocalDate after = rows.require(s.callId()).appealUntil(ma.opencommune.platform.Morocco.ZONE).plusDays(1);
        assertThatThrownBy(() -> results.confirm(coordinator(), s.callId(), "2026", after))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("network.cohort.error.tie-open"));
        results.decideTie(coordinator(), s.callId(), s.applications().get("taroudant"), true);
        assertThat(results.confirm(coordinator(), s.callId(), "2026", after)).as("taroudant is already a member").isZero();
        assertThat(rows.require(s.callId()).status()).isEqualTo(Cohort.Status.CONFIRMED);
    }

    void setIndex(Scenario s, String slug, BigDecimal index, BigDecimal pillar) {
        List<Cohort.Criterion> criteria = rows.criteria(s.callId());
        long app = s.applications().get(slug);
        jdbc.sql("update cohort_score set score = ? where application_id = ? and criterion_id = ?").params(index, app, criteria.get(0).id()).update();
        jdbc.sql("update cohort_score set score = ? where application_id = ? and criterion_id = ?").params(pillar, app, criteria.get(1).id()).update();
    }

    @Test
    void totalCountsMissingScoresAsZero() {
        List<Cohort.Criterion> criteria = new ArrayList<>();
        criteria.add(new Cohort.Criterion(1, 1, "a", "a", null, Cohort.Kind.INDEX, null, 33));
        criteria.add(new Cohort.Criterion(2, 2, "b", "b", null, Cohort.Kind.REVIEW, null, 67));
        Map<Long, BigDecimal> scores = new java.util.HashMap<>();
        scores.put(1L, null);
        scores.put(2L, new BigDecimal("87.5"));
        assertThat(CohortResults.total(criteria, scores)).isEqualByComparingTo("58.63");
    }
}
