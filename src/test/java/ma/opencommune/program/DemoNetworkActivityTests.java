package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo data gives the network's members different and changing co-creation figures, read through the index's
 * façade: Agadir answers most proposals and women are close to half of its attendees, Tafraout answers few and few
 * women attend, and the province of Taroudant answers more in the last six months than a year before. Other tests add
 * proposals and workshops to these members: the comparisons keep wide margins.
 */
@IntegrationTest
class DemoNetworkActivityTests {

    @Autowired
    ProgramFigures figures;
    @Autowired
    Processes processes;
    @Autowired
    Territory territory;

    long id(String slug) {
        return territory.find(slug).orElseThrow().id();
    }

    ProgramFigures.Figures between(String slug, LocalDate from, LocalDate to) {
        return figures.of(id(slug), from, to);
    }

    ProgramFigures.Figures lastYear(String slug) {
        LocalDate today = processes.today();
        return between(slug, today.minusYears(1).plusDays(1), today);
    }

    @Test
    void agadirAnswersMoreProposalsThanMarrakechAndTafraout() {
        ProgramFigures.Figures agadir = lastYear("agadir");
        ProgramFigures.Figures marrakech = lastYear("marrakech");
        ProgramFigures.Figures tafraout = lastYear("tafraout");
        assertThat(agadir.proposals()).isGreaterThanOrEqualTo(8);
        assertThat(agadir.proposalsAnsweredPercent()).isGreaterThanOrEqualTo(75);
        assertThat(marrakech.proposalsAnsweredPercent()).isBetween(30, agadir.proposalsAnsweredPercent() - 1);
        assertThat(tafraout.proposals()).isPositive();
        assertThat(tafraout.proposalsAnsweredPercent() == null ? 0 : tafraout.proposalsAnsweredPercent()).isLessThan(marrakech.proposalsAnsweredPercent());
        assertThat(agadir.proposalParticipants()).isPositive();
    }

    @Test
    void womenAreCloseToHalfOfAgadirsAttendeesAndFewInTafraout() {
        LocalDate today = processes.today();
        ProgramFigures.Figures agadir = between("agadir", today.minusYears(2), today);
        ProgramFigures.Figures tafraout = between("tafraout", today.minusYears(2), today);
        assertThat(agadir.attendeesWomen() + agadir.attendeesMen()).isGreaterThanOrEqualTo(50);
        assertThat(agadir.womenPercent()).isBetween(38, 55);
        assertThat(tafraout.womenPercent()).isLessThan(30);
    }

    @Test
    void theProvinceOfTaroudantAnswersMoreAndWelcomesMoreWomenInTheLastSixMonths() {
        LocalDate today = processes.today();
        ProgramFigures.Figures recent = between("province-taroudant", today.minusMonths(6), today);
        ProgramFigures.Figures before = between("province-taroudant", today.minusMonths(24), today.minusMonths(12));
        assertThat(before.proposals()).isPositive();
        assertThat(recent.proposalsAnsweredPercent()).isGreaterThan(before.proposalsAnsweredPercent() + 30);
        assertThat(recent.womenPercent()).isGreaterThan(before.womenPercent() + 10);
    }
}
