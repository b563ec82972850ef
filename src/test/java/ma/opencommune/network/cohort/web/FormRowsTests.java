package ma.opencommune.network.cohort.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How many criterion or question rows the coordinator's forms offer. */
class FormRowsTests {

    @Test
    void theUsualNumberThenTwoMoreThanSavedUpToTheServicesLimitAndNeverFewerThanWereTyped() {
        assertThat(CohortAdminController.rows(0, 6, null, "c", 10)).isEqualTo(6);
        assertThat(CohortAdminController.rows(4, 6, null, "c", 10)).isEqualTo(6);
        assertThat(CohortAdminController.rows(5, 6, null, "c", 10)).isEqualTo(7);
        assertThat(CohortAdminController.rows(9, 6, null, "c", 10)).isEqualTo(10);
        assertThat(CohortAdminController.rows(10, 6, null, "c", 10)).isEqualTo(10);
        assertThat(CohortAdminController.rows(2, 5, Map.of("q8-textFr", "Pourquoi ?", "q9-textFr", " "), "q", 10)).as("typed in row 8").isEqualTo(8);
    }
}
