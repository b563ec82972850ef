package ma.opencommune.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import ma.opencommune.council.BudgetPublication;
import ma.opencommune.council.CouncilFigures;
import ma.opencommune.council.CouncilPublication;
import ma.opencommune.council.DocumentCounts;
import ma.opencommune.council.DocumentKind;
import ma.opencommune.council.ProjectActivity;
import ma.opencommune.information.InformationFigures;
import ma.opencommune.petitions.PetitionFigures;
import ma.opencommune.program.ProgramFigures;
import org.junit.jupiter.api.Test;

/** Measures from known figures: when execution becomes applicable, unpublished decisions, an empty register, annualisation. */
class IndexMeasuresTests {

    static InformationFigures info(long registerItems, long registerOverdue) {
        return new InformationFigures(1, null, null, 10, 8, 6, 12.0, registerItems, registerOverdue, 3, 1);
    }

    static ProgramFigures.Figures program() {
        return new ProgramFigures.Figures(1, null, null, 5, 5, 5, 0, 6, 4, 1, 10, 7, new BigDecimal("12.5"), 0, 0, Map.of(), 0);
    }

    static PetitionFigures.Figures petitions() {
        return new PetitionFigures.Figures(1, null, null, 2, 0, 4, 3, 2, 2, 0, 0, 0, 1, 100, 25);
    }

    static CouncilFigures.Figures council(CouncilPublication decisions, long documents) {
        return new CouncilFigures.Figures(null, null, decisions, new BudgetPublication(2026, true, LocalDate.of(2026, 1, 10), true, LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 4, 20)), new ProjectActivity(4, 3), new DocumentCounts(Map.of(DocumentKind.REPORT, documents)));
    }

    static Map<Indicator, Measure> measure(IndexPeriod period, CouncilPublication decisions, long documents, long registerItems) {
        return IndexMeasures.measure(20_000, period, info(registerItems, 0), program(), petitions(), council(decisions, documents));
    }

    static final CouncilPublication PUBLISHED = new CouncilPublication(3, 5, 10.0, 20, 0);

    @Test
    void executionIsNotApplicableOnThirtyAprilAndApplicableOnFirstMay() {
        IndexPeriod april = IndexPeriod.rolling(YearMonth.of(2026, 4), LocalDate.of(2026, 11, 29));
        assertThat(april.to()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(measure(april, PUBLISHED, 1, 1).get(Indicator.EXECUTION_PUBLISHED).status()).isEqualTo(IndicatorStatus.NOT_APPLICABLE);
        IndexPeriod may = IndexPeriod.rolling(YearMonth.of(2026, 5), LocalDate.of(2026, 5, 1));
        assertThat(may.to()).isEqualTo(LocalDate.of(2026, 5, 1));
        Measure m = measure(may, PUBLISHED, 1, 1).get(Indicator.EXECUTION_PUBLISHED);
        assertThat(m.status()).isEqualTo(IndicatorStatus.OK);
        assertThat(m.value()).isEqualByComparingTo("1");
    }

    @Test
    void sessionsHeldWithNoDecisionPublishedAreTheWorstNotNoData() {
        IndexPeriod p = IndexPeriod.year(2025, LocalDate.of(2026, 11, 29));
        Measure none = measure(p, new CouncilPublication(2, 0, null, null, 2), 1, 1).get(Indicator.DECISIONS_PUBLICATION_DAYS);
        assertThat(none.status()).isEqualTo(IndicatorStatus.OK);
        assertThat(none.value()).isEqualByComparingTo("60");
        assertThat(none.count()).isEqualTo(2);
        assertThat(IndexCalculator.value(Indicator.DECISIONS_PUBLICATION_DAYS, none).score()).isEqualByComparingTo("0");
        Measure noSession = measure(p, new CouncilPublication(0, 0, null, null, 0), 1, 1).get(Indicator.DECISIONS_PUBLICATION_DAYS);
        assertThat(noSession.status()).isEqualTo(IndicatorStatus.NO_DATA);
        assertThat(measure(p, PUBLISHED, 1, 1).get(Indicator.DECISIONS_PUBLICATION_DAYS).value()).isEqualByComparingTo("10");
    }

    @Test
    void anEmptyRegisterScoresZeroRatherThanNoData() {
        IndexPeriod p = IndexPeriod.year(2025, LocalDate.of(2026, 11, 29));
        Measure empty = measure(p, PUBLISHED, 1, 0).get(Indicator.REGISTER_UP_TO_DATE);
        assertThat(empty.status()).isEqualTo(IndicatorStatus.OK);
        IndicatorValue v = IndexCalculator.value(Indicator.REGISTER_UP_TO_DATE, empty);
        assertThat(v.status()).isEqualTo(IndicatorStatus.OK);
        assertThat(v.score()).isEqualByComparingTo("0");
    }

    @Test
    void countsOverPartOfAYearAreBroughtToTwelveMonths() {
        IndexPeriod half = IndexPeriod.year(2026, LocalDate.of(2026, 6, 15));
        assertThat(half.months()).isEqualTo(6);
        Measure docs = measure(half, PUBLISHED, 6, 1).get(Indicator.DOCUMENTS_PUBLISHED);
        assertThat(docs.value()).isEqualByComparingTo("12");
        assertThat(docs.count()).isEqualTo(6);
        IndexPeriod full = IndexPeriod.year(2025, LocalDate.of(2026, 11, 29));
        assertThat(measure(full, PUBLISHED, 6, 1).get(Indicator.DOCUMENTS_PUBLISHED).value()).isEqualByComparingTo("6");
        // 15 diagnosis/proposal/workshop participations + 100 signatures for 20,000 inhabitants over six months: 11.5 a year per 1,000.
        assertThat(measure(half, PUBLISHED, 6, 1).get(Indicator.PARTICIPANTS_PER_1000).value()).isEqualByComparingTo("11.5");
        assertThat(IndexMeasures.annualised(BigDecimal.ONE, IndexPeriod.year(2026, LocalDate.of(2026, 1, 1)))).isEqualByComparingTo("12");
    }

    @Test
    void sharesCarryTheirCounts() {
        Map<Indicator, Measure> m = measure(IndexPeriod.year(2025, LocalDate.of(2026, 11, 29)), PUBLISHED, 1, 4);
        assertThat(m.get(Indicator.REQUESTS_IN_TIME).numerator()).isEqualTo(6);
        assertThat(m.get(Indicator.REQUESTS_IN_TIME).denominator()).as("responded + open overdue").isEqualTo(9);
        assertThat(m.get(Indicator.ANSWERS_PUBLISHED).numerator()).isEqualTo(3);
        assertThat(m.get(Indicator.ONLINE_SIGNATURES).numerator()).isEqualTo(75);
        assertThat(m.get(Indicator.MACHINE_READABLE).numerator()).isEqualTo(6);
        assertThat(m.get(Indicator.WOMEN_SHARE).value()).isEqualByComparingTo("0.6");
    }
}
