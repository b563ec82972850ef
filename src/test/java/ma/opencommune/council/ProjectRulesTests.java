package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.opencommune.platform.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks of a project's fields: dates, amounts, coordinates inside Morocco and the area polygon. */
class ProjectRulesTests {

    static Map<String, String> errors(ProjectFields f) {
        Check check = new Check();
        ProjectRules.check(check, f, Set.of(7L), Set.of());
        return check.errors();
    }

    static ProjectFields with(LocalDate start, LocalDate end, String lat, String lon, String area) {
        return new ProjectFields("طريق", null, null, null, ProjectSector.ROADS, new BigDecimal(lat), new BigDecimal(lon), area, null, null,
                start, end, List.of(), List.of(), true, List.of());
    }

    @Test
    void theEndMayBeTheStartDayButNotBeforeIt() {
        LocalDate d = LocalDate.of(2026, 5, 1);
        assertThat(errors(with(d, d, "30.47", "-8.87", null))).isEmpty();
        assertThat(errors(with(d, d.minusDays(1), "30.47", "-8.87", null))).containsEntry("endsOn", "validation.period.order");
        assertThat(errors(with(null, d, "30.47", "-8.87", null))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"20.5,-17.5,true", "36.0,-0.9,true", "20.49,-8.0,false", "36.01,-5.0,false", "30.0,-17.51,false", "30.0,-0.89,false",
        "48.85,2.35,false", "-30.47,-8.87,false"})
    void thePointMustBeInsideMorocco(String lat, String lon, boolean inside) {
        Map<String, String> e = errors(with(null, null, lat, lon, null));
        assertThat(e.containsValue("projects.validation.outside-morocco")).isEqualTo(!inside);
    }

    @Test
    void amountsAreReadAsPeopleWriteThemAndRefusedWhenNegativeOrAbsurd() {
        Check check = new Check();
        assertThat(ProjectRules.amount(check, "a", "1 250 000,50")).isEqualByComparingTo("1250000.50");
        assertThat(ProjectRules.amount(check, "b", "1250000.5")).isEqualByComparingTo("1250000.5");
        assertThat(ProjectRules.amount(check, "c", "0")).isEqualByComparingTo("0");
        assertThat(ProjectRules.amount(check, "d", "9999999999999.99")).isEqualByComparingTo(ProjectRules.MAX_AMOUNT);
        assertThat(check.errors()).isEmpty();
        assertThat(ProjectRules.amount(check, "neg", "-5")).isNull();
        assertThat(ProjectRules.amount(check, "text", "mille")).isNull();
        assertThat(ProjectRules.amount(check, "huge", "99999999999999999999")).isNull();
        assertThat(ProjectRules.amount(check, "sql", "1; drop table council_project")).isNull();
        assertThat(ProjectRules.amount(check, "blank", "  ")).isNull();
        assertThat(check.errors()).containsEntry("neg", "projects.validation.amount.negative")
                .containsEntry("text", "projects.validation.amount").containsEntry("huge", "projects.validation.amount.too-large")
                .containsEntry("sql", "projects.validation.amount").doesNotContainKey("blank");
    }

    @Test
    void percentagesAreWholeNumbersFromZeroToAHundred() {
        Check check = new Check();
        assertThat(ProjectRules.percent(check, "a", "0")).isZero();
        assertThat(ProjectRules.percent(check, "b", "100")).isEqualTo(100);
        assertThat(ProjectRules.percent(check, "c", "101")).isNull();
        assertThat(ProjectRules.percent(check, "d", "-1")).isNull();
        assertThat(ProjectRules.percent(check, "e", "4.5")).isNull();
        assertThat(check.errors()).containsOnlyKeys("c", "d", "e");
    }

    @Test
    void aFundingRowNeedsBothANameAndAPositiveAmountAndLinksOnlyOfferedChoices() {
        ProjectFields f = new ProjectFields(null, "Route", null, null, ProjectSector.ROADS, new BigDecimal("30.4"), new BigDecimal("-8.8"), null,
                null, null, null, null, List.of(new ProjectFields.Funding("Commune", null), new ProjectFields.Funding(" ", BigDecimal.TEN),
                        new ProjectFields.Funding("INDH", BigDecimal.ZERO)), List.of(7L, 8L), true, List.of(9L));
        assertThat(errors(f)).containsEntry("funding[0].amountMad", "validation.required").containsEntry("funding[1].name", "validation.required")
                .containsEntry("funding[2].amountMad", "projects.validation.amount.zero").containsEntry("commitmentIds", "validation.choose")
                .containsEntry("decisionIds", "projects.validation.decision");
    }

    @Test
    void oneTitleInArabicOrFrenchIsNeededAndAMegabyteOfTextIsTooLong() {
        ProjectFields f = new ProjectFields(" ", null, "x".repeat(1_000_000), null, null, null, null, null, null, null, null, null, null, null, false, null);
        assertThat(errors(f)).containsEntry("titleAr", "projects.validation.title-one").containsEntry("descriptionAr", "validation.text.too-long")
                .containsEntry("sector", "validation.required").containsEntry("latitude", "validation.required");
    }

    static final String SQUARE = "[[-8.88,30.47],[-8.87,30.47],[-8.87,30.48],[-8.88,30.48],[-8.88,30.47]]";

    @Test
    void anAreaIsAClosedPolygonInsideMoroccoWithABoundedNumberOfPoints() {
        ProjectGeometry.Area ok = ProjectGeometry.area("{\"type\":\"Polygon\",\"coordinates\":[" + SQUARE + "]}");
        assertThat(ok.problem()).isNull();
        assertThat(ok.geojson()).isEqualTo("{\"type\":\"Polygon\",\"coordinates\":[[[-8.88,30.47],[-8.87,30.47],[-8.87,30.48],[-8.88,30.48],[-8.88,30.47]]]}");
        assertThat(ProjectGeometry.area("{\"type\":\"Feature\",\"properties\":{\"x\":\"<script>\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":["
                + SQUARE + "]}}").geojson()).doesNotContain("script").startsWith("{\"type\":\"Polygon\"");
        assertThat(ProjectGeometry.area("  ").geojson()).isNull();
        assertThat(ProjectGeometry.area("  ").problem()).isNull();
        assertThat(problem("not json")).isEqualTo("projects.validation.area.json");
        assertThat(problem("{\"type\":\"Point\",\"coordinates\":[-8.8,30.4]}")).isEqualTo("projects.validation.area.polygon");
        assertThat(problem("{\"type\":\"Polygon\",\"coordinates\":[[[-8.88,30.47],[-8.87,30.47],[-8.87,30.48],[-8.88,30.48]]]}"))
                .isEqualTo("projects.validation.area.ring");
        assertThat(problem("{\"type\":\"Polygon\",\"coordinates\":[[[-8.88,30.47],[-8.87,30.47],[-8.88,30.47]]]}")).isEqualTo("projects.validation.area.ring");
        assertThat(problem("{\"type\":\"Polygon\",\"coordinates\":[[[2.35,48.85],[2.36,48.85],[2.36,48.86],[2.35,48.85]]]}"))
                .isEqualTo("projects.validation.area.outside");
        assertThat(problem("{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",30.47],[-8.87,30.47],[-8.87,30.48],[\"a\",30.47]]]}"))
                .isEqualTo("projects.validation.area.polygon");
        StringBuilder many = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < ProjectGeometry.MAX_POINTS; i++) {
            many.append("[-8.").append(8000 + i).append(",30.47],");
        }
        many.append("[-8.8000,30.47]]]}");
        assertThat(problem(many.toString())).isEqualTo("projects.validation.area.too-many-points");
    }

    @Test
    void fiveHundredPointsAreAccepted() {
        StringBuilder ring = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < ProjectGeometry.MAX_POINTS - 1; i++) {
            ring.append("[-8.").append(8000 + i).append(",30.47],");
        }
        ring.append("[-8.8000,30.47]]]}");
        assertThat(problem(ring.toString())).isNull();
    }

    static String problem(String text) {
        return ProjectGeometry.area(text).problem();
    }
}
