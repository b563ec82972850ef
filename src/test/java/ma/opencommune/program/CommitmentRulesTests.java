package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.Localized;
import org.junit.jupiter.api.Test;

/** Rules of opinions, adoption and budgets judged on their edges, without a database. */
class CommitmentRulesTests {

    static final LocalDate DAY = LocalDate.of(2027, 5, 10);
    static final Localized NONE = new Localized(null, null, null);

    static Process process(boolean published, Process.Phase... phases) {
        return new Process(1, 1, new Localized("ب", "P", "ⴰ"), NONE, DAY.minusYears(1), DAY.plusYears(3),
                published ? Instant.parse("2026-01-01T10:00:00Z") : null, List.of(phases));
    }

    static Process.Phase phase(PhaseKind kind, LocalDate from, LocalDate to) {
        return new Process.Phase(kind, from, to, NONE);
    }

    @Test
    void opinionsAreRecordedFromTheFirstDayOfTheOpinionsPhaseToTheLastDayOfMonitoring() {
        Process p = process(true, phase(PhaseKind.PROPOSALS, DAY.minusDays(60), DAY.minusDays(1)),
                phase(PhaseKind.OPINIONS, DAY, DAY.plusDays(20)), phase(PhaseKind.ADOPTION, DAY.plusDays(21), DAY.plusDays(40)),
                phase(PhaseKind.MONITORING, DAY.plusDays(41), DAY.plusDays(400)), phase(PhaseKind.EVALUATION, DAY.plusDays(401), DAY.plusDays(500)));
        assertThat(Opinions.recordingOpen(p, DAY.minusDays(1))).as("day before").isFalse();
        assertThat(Opinions.recordingOpen(p, DAY)).as("first day").isTrue();
        assertThat(Opinions.recordingOpen(p, DAY.plusDays(30))).as("during adoption").isTrue();
        assertThat(Opinions.recordingOpen(p, DAY.plusDays(400))).as("last day of monitoring").isTrue();
        assertThat(Opinions.recordingOpen(p, DAY.plusDays(401))).as("evaluation").isFalse();
    }

    @Test
    void aDraftProcessTakesNoOpinion() {
        assertThat(Opinions.recordingOpen(process(false, phase(PhaseKind.OPINIONS, DAY, DAY.plusDays(20))), DAY)).isFalse();
    }

    @Test
    void adoptionOpensOnTheFirstDayOfTheAdoptionPhaseAndStaysOpen() {
        Process p = process(true, phase(PhaseKind.ADOPTION, DAY, DAY.plusDays(20)));
        assertThat(Versions.adoptionOpen(p, DAY.minusDays(1))).isFalse();
        assertThat(Versions.adoptionOpen(p, DAY)).isTrue();
        assertThat(Versions.adoptionOpen(p, DAY.plusDays(21))).as("later, e.g. during monitoring").isTrue();
        assertThat(Versions.adoptionOpen(process(true), DAY)).as("no adoption phase").isFalse();
        assertThat(Versions.adoptionOpen(process(false, phase(PhaseKind.ADOPTION, DAY, DAY)), DAY)).as("draft").isFalse();
    }

    @Test
    void budgetsAreReadAsPeopleWriteThem() {
        Check check = new Check();
        assertThat(Commitments.parseBudget(check, "b", "1 500 000,50")).isEqualByComparingTo("1500000.50");
        assertThat(Commitments.parseBudget(check, "b", "1500000.50")).isEqualByComparingTo("1500000.50");
        assertThat(Commitments.parseBudget(check, "b", "1\u202F500\u202F000")).isEqualByComparingTo("1500000");
        assertThat(Commitments.parseBudget(check, "b", "0")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(Commitments.parseBudget(check, "b", "  ")).isNull();
        assertThat(check.ok()).isTrue();
    }

    @Test
    void badBudgetsAreRefusedWithTheirReason() {
        assertThat(reason("abc")).isEqualTo("program.commitment.budget.format");
        assertThat(reason("-5")).isEqualTo("program.commitment.budget.negative");
        assertThat(reason("1,500,000.50")).isEqualTo("program.commitment.budget.format");
        assertThat(reason("12.345")).isEqualTo("program.commitment.budget.format");
        assertThat(reason("1e9")).isEqualTo("program.commitment.budget.format");
        assertThat(reason("999999999999999")).isEqualTo("program.commitment.budget.too-large");
        assertThat(reason("99999999999999,99")).isNull();
    }

    static String reason(String value) {
        Check check = new Check();
        Commitments.parseBudget(check, "b", value);
        return check.errors().get("b");
    }

    @Test
    void recommendationsAreOnePerLineWithoutTheNumbersPeoplePaste() {
        assertThat(Opinions.splitRecommendations("1. Publier le budget\n\n2) Ouvrir les sessions\r\n- Former les agents\n   \n• Écouter"))
                .containsExactly("Publier le budget", "Ouvrir les sessions", "Former les agents", "Écouter");
        assertThat(Opinions.splitRecommendations("2027 est l’année des douars")).containsExactly("2027 est l’année des douars");
        assertThat(Opinions.splitRecommendations(null)).isEmpty();
    }
}
