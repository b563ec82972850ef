package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.opencommune.platform.Localized;
import org.junit.jupiter.api.Test;

/** What a phase opens, judged on Moroccan calendar days, and the OGP-1 two-week notice. */
class ProcessTimelineTests {

    static final LocalDate START = LocalDate.of(2027, 6, 1);
    static final Localized NONE = new Localized(null, null, null);

    static Process process(Instant publishedAt) {
        return new Process(1, 1, new Localized("برنامج", "Programme", "ⴰⵖⴰⵡⴰⵙ"), NONE, START, START.plusYears(1), publishedAt,
                List.of(new Process.Phase(PhaseKind.PROPOSALS, START, START.plusDays(29), NONE)));
    }

    @Test
    void aPhaseIsOpenFromItsFirstToItsLastDayInclusive() {
        Process p = process(Instant.parse("2027-04-01T10:00:00Z"));
        assertThat(p.isOpen(PhaseKind.PROPOSALS, START.minusDays(1))).isFalse();
        assertThat(p.isOpen(PhaseKind.PROPOSALS, START)).isTrue();
        assertThat(p.isOpen(PhaseKind.PROPOSALS, START.plusDays(29))).isTrue();
        assertThat(p.isOpen(PhaseKind.PROPOSALS, START.plusDays(30))).isFalse();
    }

    @Test
    void aPhaseTheProcessDoesNotHaveIsNeverOpen() {
        assertThat(process(Instant.parse("2027-04-01T10:00:00Z")).isOpen(PhaseKind.DIAGNOSIS, START)).isFalse();
    }

    @Test
    void nothingIsOpenWhileTheTimelineIsADraft() {
        assertThat(process(null).isOpen(PhaseKind.PROPOSALS, START)).isFalse();
    }

    @Test
    void publishingFourteenDaysBeforeTheStartIsInTimeAndThirteenDaysIsLate() {
        // 2027-05-18 is 14 days before 2027-06-01; 23:30 UTC on the 18th is already the 19th in Casablanca (UTC+1).
        assertThat(process(Instant.parse("2027-05-18T22:59:00Z")).lateNotice(START)).isFalse();
        assertThat(process(Instant.parse("2027-05-17T23:30:00Z")).lateNotice(START)).isFalse();
        assertThat(process(Instant.parse("2027-05-18T23:30:00Z")).lateNotice(START)).isTrue();
    }

    @Test
    void anUnpublishedTimelineWarnsFromThirteenDaysBeforeTheStart() {
        assertThat(process(null).lateNotice(START.minusDays(14))).isFalse();
        assertThat(process(null).lateNotice(START.minusDays(13))).isTrue();
    }

    @Test
    void phaseStatesFollowTheDay() {
        Process.Phase phase = process(null).phases().get(0);
        assertThat(phase.state(START.minusDays(1))).isEqualTo("upcoming");
        assertThat(phase.state(START)).isEqualTo("current");
        assertThat(phase.state(START.plusDays(30))).isEqualTo("past");
    }
}
