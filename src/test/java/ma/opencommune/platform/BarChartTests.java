package ma.opencommune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bars grow from the start side of the reading direction, in proportion to their value, with the value beside them. */
class BarChartTests {

    BarChart chart(boolean rtl) {
        return BarChart.of("c", "Title", "Desc", rtl, List.of("Importance", "Satisfaction"),
                List.of(new BarChart.Group("Eau", List.of(5.0, 2.5)), new BarChart.Group("Voirie", Arrays.asList(null, null))),
                5, v -> String.format(java.util.Locale.ROOT, "%.1f", v), "Pas assez de réponses");
    }

    @Test
    void leftToRightBarsStartAtTheLeftEdge() {
        BarChart c = chart(false);
        BarChart.Bar full = c.rows().get(0).bars().get(0);
        BarChart.Bar half = c.rows().get(0).bars().get(1);
        assertThat(full.x()).isEqualTo(half.x()).isEqualTo(4);
        assertThat(half.width() * 2).isBetween(full.width() - 1, full.width() + 1);
        assertThat(full.textX()).isGreaterThan(full.x() + full.width());
        assertThat(full.text()).isEqualTo("5.0");
        assertThat(full.x() + full.width()).isLessThan(BarChart.WIDTH);
    }

    @Test
    void rightToLeftBarsEndAtTheRightEdgeAndValuesSitBeyondTheirStart() {
        BarChart c = chart(true);
        BarChart.Bar full = c.rows().get(0).bars().get(0);
        BarChart.Bar half = c.rows().get(0).bars().get(1);
        assertThat(full.x() + full.width()).isEqualTo(half.x() + half.width()).isEqualTo(BarChart.WIDTH - 4);
        assertThat(full.textX()).isLessThan(full.x());
        assertThat(full.x()).isPositive();
        assertThat(c.dir()).isEqualTo("rtl");
    }

    @Test
    void withheldValuesDrawNoBarButSayWhy() {
        BarChart.Bar withheld = chart(false).rows().get(1).bars().get(0);
        assertThat(withheld.drawn()).isFalse();
        assertThat(withheld.text()).isEqualTo("Pas assez de réponses");
        assertThat(chart(false).height()).isGreaterThan(chart(false).rows().get(1).bars().get(1).y());
    }
}
