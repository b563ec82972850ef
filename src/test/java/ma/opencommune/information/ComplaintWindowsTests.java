package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** ATI-8 and ATI-9 windows at their edges: the day before opens nothing, the first and last days are in, the day after is out. */
class ComplaintWindowsTests {

    final ComplaintWindows windows = new ComplaintWindows(InformationRules.defaults());

    /** Monday to Friday, no holidays: enough to check the edges. */
    static LocalDate addWorkingDays(LocalDate start, int n) {
        LocalDate day = start;
        for (int left = n; left > 0; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }

    final LocalDate due = LocalDate.of(2026, 3, 13); // a Friday

    @Test
    void anOpenRequestMayBeComplainedOfFromTheDayAfterItsDeadlineForTwentyWorkingDays() {
        ComplaintWindows.Window w = windows.head(RequestStatus.RECEIVED, due, null, ComplaintWindowsTests::addWorkingDays).orElseThrow();
        assertThat(w.contains(due)).as("the due day itself is still in time for the body").isFalse();
        assertThat(w.early(due)).isTrue();
        assertThat(w.contains(due.plusDays(1))).isTrue();
        assertThat(w.closesOn()).isEqualTo(LocalDate.of(2026, 4, 10)); // 20 working days after Friday 13 March
        assertThat(w.contains(w.closesOn())).isTrue();
        assertThat(w.contains(w.closesOn().minusDays(1))).isTrue();
        assertThat(w.late(w.closesOn().plusDays(1))).isTrue();
    }

    @Test
    void aResponseOpensTheWindowOnTheDayItArrives() {
        LocalDate closed = LocalDate.of(2026, 3, 2);
        ComplaintWindows.Window w = windows.head(RequestStatus.REFUSED, due, closed, ComplaintWindowsTests::addWorkingDays).orElseThrow();
        assertThat(w.early(closed.minusDays(1))).isTrue();
        assertThat(w.contains(closed)).isTrue();
        assertThat(w.closesOn()).isEqualTo(addWorkingDays(closed, 20));
        assertThat(w.late(w.closesOn().plusDays(1))).isTrue();
    }

    @Test
    void aWithdrawnRequestHasNoComplaint() {
        assertThat(windows.head(RequestStatus.WITHDRAWN, due, due, ComplaintWindowsTests::addWorkingDays)).isEmpty();
    }

    @Test
    void theHeadAnswersWithinFifteenDaysAndTheCdaiWindowFollowsTheHeadsDeadline() {
        LocalDate filed = LocalDate.of(2026, 4, 1);
        LocalDate headDue = windows.headDue(filed);
        assertThat(headDue).isEqualTo(LocalDate.of(2026, 4, 16));
        ComplaintWindows.Window cdai = windows.cdai(headDue, null);
        assertThat(cdai.early(headDue)).isTrue();
        assertThat(cdai.contains(headDue.plusDays(1))).isTrue();
        assertThat(cdai.closesOn()).isEqualTo(headDue.plusDays(30));
        assertThat(cdai.contains(headDue.plusDays(30))).isTrue();
        assertThat(cdai.late(headDue.plusDays(31))).isTrue();
        assertThat(windows.cdaiDue(filed)).isEqualTo(filed.plusDays(30));
    }

    @Test
    void anAnswerOfTheHeadOpensTheCdaiWindowAtOnce() {
        LocalDate answered = LocalDate.of(2026, 4, 8);
        ComplaintWindows.Window cdai = windows.cdai(LocalDate.of(2026, 4, 16), answered);
        assertThat(cdai.early(answered.minusDays(1))).isTrue();
        assertThat(cdai.contains(answered)).isTrue();
        assertThat(cdai.closesOn()).isEqualTo(answered.plusDays(30));
        assertThat(cdai.late(answered.plusDays(31))).isTrue();
    }
}
