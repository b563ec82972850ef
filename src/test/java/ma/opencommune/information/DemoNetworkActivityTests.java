package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo data gives the network's members different and changing access-to-information figures, read through the
 * index's façade: Agadir answers in time far more often than Tafraout, the province of Taroudant answers better in the
 * last six months than a year before, and Tafraout's register is past its update dates. Other tests add requests to
 * these members: the comparisons keep wide margins.
 */
@IntegrationTest
class DemoNetworkActivityTests {

    @Autowired
    InformationStatistics statistics;
    @Autowired
    Territory territory;

    InformationFigures lastYear(String slug) {
        LocalDate today = statistics.today();
        return statistics.figures(territory.find(slug).orElseThrow().id(), today.minusYears(1).plusDays(1), today);
    }

    static double inTime(InformationFigures f) {
        assertThat(f.responded()).as("responded").isPositive();
        return (double) f.respondedInTime() / f.responded();
    }

    @Test
    void agadirAnswersInTimeFarMoreOftenThanTafraoutAndMarrakechLiesBetween() {
        InformationFigures agadir = lastYear("agadir");
        InformationFigures marrakech = lastYear("marrakech");
        InformationFigures tafraout = lastYear("tafraout");
        assertThat(agadir.received()).isGreaterThanOrEqualTo(20);
        assertThat(marrakech.received()).isGreaterThanOrEqualTo(30);
        assertThat(tafraout.received()).isGreaterThanOrEqualTo(10);
        assertThat(inTime(agadir)).isGreaterThan(0.8);
        assertThat(inTime(tafraout)).isLessThan(0.5);
        assertThat(inTime(marrakech)).isBetween(inTime(tafraout), inTime(agadir));
        assertThat(agadir.publishedAnswers()).isGreaterThan(tafraout.publishedAnswers());
    }

    @Test
    void theProvinceOfTaroudantAnswersBetterInTheLastSixMonthsThanAYearBefore() {
        long province = territory.find("province-taroudant").orElseThrow().id();
        LocalDate today = statistics.today();
        InformationFigures recent = statistics.figures(province, today.minusMonths(6), today);
        InformationFigures before = statistics.figures(province, today.minusMonths(18), today.minusMonths(12));
        assertThat(before.responded()).isGreaterThanOrEqualTo(5);
        assertThat(inTime(recent)).isGreaterThan(inTime(before) + 0.3);
    }

    @Test
    void tafraoutsRegisterIsPastItsUpdateDatesAndAgadirsIsNot() {
        assertThat(lastYear("tafraout").registerItemsOverdue()).isGreaterThanOrEqualTo(2);
        InformationFigures agadir = lastYear("agadir");
        assertThat(agadir.registerItems()).isGreaterThanOrEqualTo(8);
        assertThat(agadir.registerItemsOverdue()).isLessThan(lastYear("tafraout").registerItemsOverdue());
    }
}
