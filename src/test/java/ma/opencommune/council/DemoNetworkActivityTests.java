package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import ma.opencommune.platform.Morocco;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo data gives the network's members different and changing council figures, read through the index's façade:
 * Agadir publishes its decisions within a week, its budget and its execution, keeps its projects updated and publishes
 * documents; Tafraout publishes decisions after forty days or more, no execution and has not updated its projects for
 * months; the province of Taroudant publishes faster in the last six months than a year before.
 */
@IntegrationTest
class DemoNetworkActivityTests {

    @Autowired
    CouncilFigures figures;
    @Autowired
    Territory territory;

    CouncilFigures.Figures between(String slug, LocalDate from, LocalDate to) {
        return figures.of(territory.find(slug).orElseThrow().id(), from, to);
    }

    static LocalDate today() {
        return LocalDate.ofInstant(Instant.now(), Morocco.ZONE);
    }

    @Test
    void agadirPublishesFastAndCompletelyAndTafraoutLateAndLittle() {
        LocalDate today = today();
        CouncilFigures.Figures agadir = between("agadir", today.minusYears(1).plusDays(1), today);
        CouncilFigures.Figures marrakech = between("marrakech", today.minusYears(1).plusDays(1), today);
        CouncilFigures.Figures tafraout = between("tafraout", today.minusYears(1).plusDays(1), today);
        assertThat(agadir.decisions().sessionsHeld()).isGreaterThanOrEqualTo(3);
        assertThat(agadir.decisions().maxDaysToPublication()).isLessThanOrEqualTo(7);
        assertThat(marrakech.decisions().medianDaysToPublication()).isBetween(8.0, 30.0);
        assertThat(tafraout.decisions().medianDaysToPublication()).isGreaterThanOrEqualTo(40.0);
        assertThat(tafraout.decisions().sessionsWithoutPublishedDecisions()).isPositive();
        assertThat(agadir.budget().budgetPublished()).isTrue();
        assertThat(tafraout.budget().budgetPublished()).isTrue();
        assertThat(tafraout.budget().budgetPublishedOn()).isAfter(agadir.budget().budgetPublishedOn());
        assertThat(tafraout.budget().executionPublished()).isFalse();
        assertThat(agadir.projects().updatedRecently()).isGreaterThanOrEqualTo(3);
        assertThat(tafraout.projects().projects()).isPositive();
        assertThat(tafraout.projects().updatedRecently()).isZero();
        assertThat(agadir.documents().total()).isGreaterThan(tafraout.documents().total());
    }

    @Test
    void theProvinceOfTaroudantPublishesFasterInTheLastSixMonthsThanAYearBefore() {
        LocalDate today = today();
        CouncilFigures.Figures recent = between("province-taroudant", today.minusMonths(6), today);
        CouncilFigures.Figures before = between("province-taroudant", today.minusMonths(18), today.minusMonths(6).minusDays(1));
        assertThat(before.decisions().medianDaysToPublication()).isGreaterThanOrEqualTo(30.0);
        assertThat(recent.decisions().maxDaysToPublication()).isLessThanOrEqualTo(7);
        assertThat(recent.documents().total()).isGreaterThan(before.documents().total());
    }
}
