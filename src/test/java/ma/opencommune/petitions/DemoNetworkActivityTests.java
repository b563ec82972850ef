package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import ma.opencommune.platform.Morocco;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo data gives the network's members different and changing petition figures, read through the index's
 * façade: Agadir's bureau decides within its delay, Tafraout's decides late and lets a petition wait past its last
 * day, and the province of Taroudant decides in time in the last year after deciding late before.
 */
@IntegrationTest
class DemoNetworkActivityTests {

    @Autowired
    PetitionFigures figures;
    @Autowired
    Territory territory;

    PetitionFigures.Figures between(String slug, LocalDate from, LocalDate to) {
        return figures.of(territory.find(slug).orElseThrow().id(), from, to);
    }

    static LocalDate today() {
        return LocalDate.ofInstant(Instant.now(), Morocco.ZONE);
    }

    @Test
    void agadirDecidesInTimeAndTafraoutLateWithAPetitionOverdue() {
        LocalDate today = today();
        PetitionFigures.Figures agadir = between("agadir", today.minusYears(2), today);
        PetitionFigures.Figures tafraout = between("tafraout", today.minusYears(2), today);
        assertThat(agadir.decided()).isGreaterThanOrEqualTo(4);
        assertThat(agadir.decidedInTimeShare()).isGreaterThanOrEqualTo(new java.math.BigDecimal("0.8"));
        assertThat(agadir.receivedFromAssociations()).isGreaterThanOrEqualTo(5);
        assertThat(tafraout.decided()).isPositive();
        assertThat(tafraout.decidedInTimeShare()).isLessThan(agadir.decidedInTimeShare());
        assertThat(tafraout.overdue()).isPositive();
    }

    @Test
    void theProvinceOfTaroudantDecidesInTimeInTheLastYearAfterDecidingLate() {
        LocalDate today = today();
        PetitionFigures.Figures recent = between("province-taroudant", today.minusYears(1).plusDays(1), today);
        PetitionFigures.Figures before = between("province-taroudant", today.minusYears(2), today.minusYears(1));
        assertThat(before.decided()).isPositive();
        assertThat(before.decidedInTime()).isZero();
        assertThat(recent.decided()).isPositive();
        assertThat(recent.decidedInTime()).isEqualTo(recent.decided());
    }
}
