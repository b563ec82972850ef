package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The council module's figures for the network's index come whole from one façade, equal to what each area says of
 * itself: Taroudant's demo year has every part; a commune that published nothing has no data, never a made-up zero
 * delay.
 */
@IntegrationTest
class CouncilFiguresTests {

    @Autowired CouncilFigures figures;
    @Autowired CouncilDecisions decisions;
    @Autowired BudgetExplorer budgets;
    @Autowired ProjectReads projects;
    @Autowired DocumentLibrary documents;
    @Autowired Territory territory;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    final LocalDate today = LocalDate.now(ma.opencommune.platform.Morocco.ZONE);
    final LocalDate yearAgo = today.minusYears(1);

    @Test
    void taroudantsLastTwelveMonthsHaveEveryPartAndAgreeWithEachArea() {
        long taroudant = territory.require("taroudant").id();
        CouncilFigures.Figures f = figures.of(taroudant, yearAgo, today);

        assertThat(f.decisions()).isEqualTo(decisions.publicationDelays(taroudant, yearAgo, today));
        assertThat(f.budget()).isEqualTo(budgets.publication(taroudant, today.getYear()));
        assertThat(f.projects()).isEqualTo(projects.activity(taroudant, today));
        assertThat(f.documents()).isEqualTo(documents.published(taroudant, yearAgo, today));

        assertThat(f.decisions().sessionsHeld()).isGreaterThanOrEqualTo(3);
        assertThat(f.decisions().medianDaysToPublication()).isNotNull();
        assertThat(f.budget().budgetPublished()).isTrue();
        assertThat(f.projects().updatedRecently()).isPositive().isLessThanOrEqualTo(f.projects().projects());
        assertThat(f.documents().total()).isPositive();
    }

    @Test
    void aCommuneThatPublishedNothingHasNoDataRatherThanZeroDays() {
        String slug = "fig-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, population, created_at) values (?,?,?,?,?,?,?,?)")
                .params(slug, "F" + slug.substring(4, 10).toUpperCase(), "COMMUNE", "جماعة", "Commune " + slug, "ⵜⴰⴳⵎⴰⵎⵜ", 20_000,
                        ma.opencommune.platform.Sql.at(java.time.Instant.now()))
                .update();
        CouncilFigures.Figures f = figures.of(territory.require(slug).id(), yearAgo, today);

        assertThat(f.decisions().sessionsHeld()).isZero();
        assertThat(f.decisions().medianDaysToPublication()).isNull();
        assertThat(f.decisions().maxDaysToPublication()).isNull();
        assertThat(f.budget().budgetPublished()).isFalse();
        assertThat(f.budget().budgetPublishedOn()).isNull();
        assertThat(f.projects().projects()).isZero();
        assertThat(f.documents().total()).isZero();
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        long taroudant = territory.require("taroudant").id();
        assertThatThrownBy(() -> figures.of(taroudant, today, yearAgo)).isInstanceOf(IllegalArgumentException.class);
    }
}
