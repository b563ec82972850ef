package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** OGP-3 edges: when a milestone becomes overdue, and how completion follows from milestones. */
class TrackingTests {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 31);

    @Test
    void aMilestoneDueTodayIsNotOverdue() {
        assertThat(Tracking.overdue(TODAY, null, TODAY)).isFalse();
    }

    @Test
    void aMilestoneDueYesterdayAndNotCompletedIsOverdue() {
        assertThat(Tracking.overdue(TODAY.minusDays(1), null, TODAY)).isTrue();
    }

    @Test
    void aCompletedMilestoneIsNeverOverdueEvenIfLate() {
        assertThat(Tracking.overdue(TODAY.minusDays(30), TODAY.minusDays(2), TODAY)).isFalse();
    }

    @Test
    void completionOfADashboardRowFollowsItsMilestones() {
        assertThat(new Tracking.Row(1, 1, 1, "t", java.util.List.of(), 4, 0, 0, null).completion()).isEqualTo(Completion.NOT_STARTED);
        assertThat(new Tracking.Row(1, 1, 1, "t", java.util.List.of(), 4, 0, 0, java.time.Instant.now()).completion()).isEqualTo(Completion.LIMITED);
        assertThat(new Tracking.Row(1, 1, 1, "t", java.util.List.of(), 4, 2, 1, java.time.Instant.now()).completion()).isEqualTo(Completion.SUBSTANTIAL);
        assertThat(new Tracking.Row(1, 1, 1, "t", java.util.List.of(), 4, 4, 0, java.time.Instant.now()).percent()).isEqualTo(100);
    }
}
