package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** OGP-3 completion levels follow from milestones, at the edges of each level. */
class CompletionTests {

    @Test
    void noMilestoneDoneAndNoProgressIsNotStarted() {
        assertThat(Completion.of(4, 0, false)).isEqualTo(Completion.NOT_STARTED);
        assertThat(Completion.of(0, 0, false)).isEqualTo(Completion.NOT_STARTED);
    }

    @Test
    void progressReportedOrLessThanHalfDoneIsLimited() {
        assertThat(Completion.of(4, 0, true)).isEqualTo(Completion.LIMITED);
        assertThat(Completion.of(5, 2, true)).isEqualTo(Completion.LIMITED);
    }

    @Test
    void fromHalfTheMilestonesItIsSubstantialUntilAllAreDone() {
        assertThat(Completion.of(4, 2, true)).isEqualTo(Completion.SUBSTANTIAL);
        assertThat(Completion.of(4, 3, true)).isEqualTo(Completion.SUBSTANTIAL);
        assertThat(Completion.of(4, 4, true)).isEqualTo(Completion.COMPLETE);
        assertThat(Completion.percent(4, 3)).isEqualTo(75);
    }
}
