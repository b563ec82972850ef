package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import ma.opencommune.territory.CollectivityType;
import org.junit.jupiter.api.Test;

/** The thresholds (PET-2, PET-7) at the edges of their population bands, and the bureau's delay (PET-6). */
class PetitionRulesTests {

    private final PetitionRules rules = PetitionRules.defaults();

    @Test
    void communesNeedOneHundredUnder35000InhabitantsTwoHundredFromThenAndFourHundredWithArrondissements_PET2() {
        assertThat(rules.threshold(CollectivityType.COMMUNE, 34_999, false)).isEqualTo(100);
        assertThat(rules.threshold(CollectivityType.COMMUNE, 35_000, false)).isEqualTo(200);
        assertThat(rules.threshold(CollectivityType.COMMUNE, 35_001, false)).isEqualTo(200);
        assertThat(rules.threshold(CollectivityType.COMMUNE, 80_000, true)).isEqualTo(400);
        assertThat(rules.threshold(CollectivityType.COMMUNE, 20_000, true)).as("arrondissements decide").isEqualTo(400);
        assertThat(rules.threshold(CollectivityType.COMMUNE, null, false)).as("unknown population: the larger").isEqualTo(200);
    }

    @Test
    void regionsNeedThreeFourOrFiveHundredByPopulation_PET7() {
        assertThat(rules.threshold(CollectivityType.REGION, 999_999, false)).isEqualTo(300);
        assertThat(rules.threshold(CollectivityType.REGION, 1_000_000, false)).isEqualTo(400);
        assertThat(rules.threshold(CollectivityType.REGION, 3_000_000, false)).isEqualTo(400);
        assertThat(rules.threshold(CollectivityType.REGION, 3_000_001, false)).isEqualTo(500);
        assertThat(rules.threshold(CollectivityType.REGION, null, false)).isEqualTo(500);
    }

    @Test
    void provincesAndPrefecturesTakeTheirConfiguredThreshold() {
        assertThat(rules.threshold(CollectivityType.PROVINCE, 500_000, false)).isEqualTo(300);
        assertThat(rules.threshold(CollectivityType.PREFECTURE, 500_000, false)).isEqualTo(300);
        PetitionRules changed = new PetitionRules(35_000, 100, 200, 400, 1_000_000, 300, 3_000_000, 400, 500, 250, 3, 2, 5);
        assertThat(changed.threshold(CollectivityType.PROVINCE, 500_000, false)).isEqualTo(250);
    }

    @Test
    void aRegionsPetitionNeedsAtLeastFivePercentFromEachProvince_PET7() {
        assertThat(rules.provinceShareMet(50, 1_000)).as("exactly 5 %").isTrue();
        assertThat(rules.provinceShareMet(49, 1_000)).as("just under").isFalse();
        assertThat(rules.provinceShareMet(51, 1_000)).isTrue();
        assertThat(rules.provinceShareMet(20, 401)).as("20 of 401 is 4.99 %").isFalse();
        assertThat(rules.provinceShareMet(21, 401)).isTrue();
        assertThat(rules.provinceShareMet(0, 0)).as("nothing to share yet").isTrue();
    }

    @Test
    void aCommunesBureauHasThreeMonthsAndTheOthersTwo_PET6() {
        assertThat(rules.decisionDue(CollectivityType.COMMUNE, LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(rules.decisionDue(CollectivityType.COMMUNE, LocalDate.of(2027, 11, 30))).as("leap year")
                .isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(rules.decisionDue(CollectivityType.REGION, LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(rules.decisionDue(CollectivityType.PREFECTURE, LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2026, 5, 15));
    }
}
