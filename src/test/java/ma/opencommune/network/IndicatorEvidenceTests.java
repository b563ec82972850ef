package ma.opencommune.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On the demo data, the drill-down of every indicator agrees with the figures the index measured: its total is the
 * indicator's denominator (or its number of cases), and the records not late are its numerator; late ones come first,
 * paths are the member's public pages, and people are never listed.
 */
@IntegrationTest
class IndicatorEvidenceTests {

    @Autowired IndicatorEvidence evidence;
    @Autowired IndexMeasures measures;
    @Autowired Territory territory;
    @Autowired OpennessIndex index;

    @Test
    void everyIndicatorsRecordsAddUpToItsFiguresForTheLastTwelveMonthsAndLastYear() {
        Collectivity taroudant = territory.require("taroudant");
        LocalDate today = index.today();
        for (IndexPeriod period : new IndexPeriod[] {index.currentPeriod(), IndexPeriod.year(today.getYear() - 1, today)}) {
            Map<Indicator, Measure> m = measures.measure(taroudant, period);
            for (Indicator indicator : Indicator.values()) {
                Evidence e = evidence.of(indicator, taroudant, period);
                Measure measure = m.get(indicator);
                String what = indicator + " " + period.key();
                assertThat(e.indicator()).isEqualTo(indicator);
                assertThat(e.rows().size()).as(what).isLessThanOrEqualTo(Evidence.LIMIT);
                if (e.truncated()) {
                    assertThat(e.rows()).as(what).hasSize(Evidence.LIMIT);
                }
                assertThat(e.rows()).as(what).allSatisfy(r -> {
                    if (r.path() != null) {
                        assertThat(r.path()).startsWith("/c/taroudant/");
                    }
                });
                // Late ones first.
                for (int k = 1; k < e.rows().size(); k++) {
                    assertThat(e.rows().get(k - 1).late() || !e.rows().get(k).late()).as(what + " order").isTrue();
                }
                switch (indicator) {
                    case WOMEN_SHARE, PARTICIPANTS_PER_1000, ONLINE_SIGNATURES -> {
                        assertThat(e.rows()).as(what).isEmpty();
                        assertThat(e.noteKey()).isEqualTo("network.evidence.counts-only");
                    }
                    case REQUEST_MEDIAN_DAYS, DECISIONS_PUBLICATION_DAYS, PROPOSAL_ANSWER_DAYS, DOCUMENTS_PUBLISHED ->
                            assertThat(e.total()).as(what).isEqualTo(measure.count());
                    case EXECUTION_PUBLISHED -> {
                        if (measure.status() == IndicatorStatus.NOT_APPLICABLE) {
                            assertThat(e.rows()).isEmpty();
                            assertThat(e.noteKey()).isEqualTo("network.evidence.not-applicable");
                        } else {
                            shareAgrees(what, e, measure);
                        }
                    }
                    default -> shareAgrees(what, e, measure);
                }
            }
        }
    }

    static void shareAgrees(String what, Evidence e, Measure m) {
        if (m.status() == IndicatorStatus.NO_DATA) {
            assertThat(e.total()).as(what).isZero();
            return;
        }
        assertThat(e.total()).as(what + " denominator").isEqualTo(m.denominator() == null ? 0 : m.denominator());
        assertThat(e.total() - e.late()).as(what + " numerator").isEqualTo(m.numerator() == null ? 0 : m.numerator());
    }

    @Test
    void theDemoHasRecordsToShowAndNoneNamesARequester() {
        Collectivity taroudant = territory.require("taroudant");
        IndexPeriod period = index.currentPeriod();
        Evidence requests = evidence.of(Indicator.REQUESTS_IN_TIME, taroudant, period);
        assertThat(requests.rows()).isNotEmpty();
        assertThat(requests.rows()).allSatisfy(r -> {
            assertThat(r.title()).as("no subject, no requester").isNull();
            assertThat(r.startedOn()).isNotNull();
            assertThat(r.path() == null || r.path().startsWith("/c/taroudant/information/published/")).isTrue();
        });
        Evidence sessions = evidence.of(Indicator.DECISIONS_PUBLICATION_DAYS, taroudant, period);
        assertThat(sessions.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.path()).startsWith("/c/taroudant/council/sessions/"));
        Evidence datasets = evidence.of(Indicator.MACHINE_READABLE, taroudant, period);
        assertThat(datasets.total()).isEqualTo(6);
        assertThat(datasets.rows()).hasSize(6).extracting(Evidence.Row::reference)
                .containsExactlyInAnyOrder("budget", "execution", "decisions", "projects", "register", "answers");
        assertThat(datasets.rows()).allSatisfy(r -> assertThat(r.path() == null).isEqualTo(r.late()));
    }

    @Test
    void eachDrillDownTakesAConstantNumberOfStatements() {
        Collectivity taroudant = territory.require("taroudant");
        IndexPeriod period = index.currentPeriod();
        for (Indicator indicator : Indicator.values()) {
            QueryCounting.reset();
            evidence.of(indicator, taroudant, period);
            assertThat(QueryCounting.statements()).as(indicator.name()).isLessThanOrEqualTo(indicator == Indicator.MACHINE_READABLE ? 16 : 3);
        }
    }

    @Test
    void aCommuneWithNothingHasEmptyDrillDowns() {
        Collectivity agadir = territory.require("agadir");
        IndexPeriod old = IndexPeriod.year(2016, index.today());
        assertThat(evidence.of(Indicator.PETITIONS_IN_TIME, agadir, old).rows()).isEmpty();
        assertThat(evidence.of(Indicator.PROPOSALS_ANSWERED, agadir, old).total()).isZero();
        Evidence budget = evidence.of(Indicator.BUDGET_PUBLISHED, agadir, old);
        assertThat(budget.total()).isEqualTo(1);
        assertThat(budget.late()).isEqualTo(1);
        assertThat(budget.rows()).singleElement().satisfies(r -> assertThat(r.path()).isNull());
    }
}
