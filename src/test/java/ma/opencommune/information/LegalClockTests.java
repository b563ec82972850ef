package ma.opencommune.information;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.platform.Morocco;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The legal clock of Law 31-13 on the real Moroccan calendar of the database (fixed holidays of CAL-2; the dates
 * chosen avoid the religious ones, which other tests move): ATI-4, ATI-5, ATI-6, the clarification rule.
 */
@IntegrationTest
class LegalClockTests {

    @Autowired
    WorkingDays workingDays;

    final LegalClock clock = new LegalClock(InformationRules.defaults());

    java.time.LocalDate due(java.time.LocalDate received, boolean urgent, boolean extended, LegalClock.Pause... pauses) {
        return clock.due(new LegalClock.Inputs(received, urgent, extended, List.of(pauses)), workingDays);
    }

    @Test
    void aRequestHasTwentyWorkingDaysCountedAfterTheDayOfReceipt_ATI4() {
        // Monday 7 September 2026: four weeks of working days, no holiday.
        assertThat(due(of(2026, 9, 7), false, false)).isEqualTo(of(2026, 10, 5));
        assertThat(workingDays.workingDaysBetween(of(2026, 9, 7), of(2026, 10, 5))).isEqualTo(20);
    }

    @Test
    void filedOnFridayAt2330CasablancaTimeItIsReceivedOnFridayAndCountingStartsOnMonday() {
        java.time.Instant lateFriday = LocalDateTime.of(2026, 10, 9, 23, 30).atZone(Morocco.ZONE).toInstant();
        assertThat(WorkingDays.dayOf(lateFriday)).isEqualTo(of(2026, 10, 9));
        // From Monday 12 October; Green March (Friday 6 November) is skipped.
        assertThat(due(WorkingDays.dayOf(lateFriday), false, false)).isEqualTo(of(2026, 11, 9));
    }

    @Test
    void filedOnTheEveOfAHolidayTheHolidayDoesNotCount() {
        // Tuesday 17 November 2026, the eve of Independence Day (Wednesday 18).
        assertThat(due(of(2026, 11, 17), false, false)).isEqualTo(of(2026, 12, 16));
    }

    @Test
    void acrossTheYearBoundaryNewYearIndependenceManifestoAndAmazighNewYearAreSkipped() {
        // 1 January 2027 is a Friday, 11 January a Monday, 14 January (Yennayer) a Thursday.
        assertThat(due(of(2026, 12, 15), false, false)).isEqualTo(of(2027, 1, 15));
    }

    @Test
    void anUrgentRequestHasThreeWorkingDaysAndItsExtensionThreeMore_ATI6() {
        assertThat(due(of(2026, 9, 7), true, false)).isEqualTo(of(2026, 9, 10));
        assertThat(due(of(2026, 9, 7), true, true)).isEqualTo(of(2026, 9, 15));
    }

    @Test
    void theExtensionAddsTwentyWorkingDays_ATI5() {
        assertThat(due(of(2026, 9, 7), false, true)).isEqualTo(of(2026, 11, 2));
        assertThat(workingDays.workingDaysBetween(of(2026, 10, 5), of(2026, 11, 2))).isEqualTo(20);
    }

    @Test
    void underThePauseRuleTheWorkingDaysBetweenQuestionAndAnswerDoNotCount() {
        // Asked Thursday 10 September, answered Thursday 17: 11, 14, 15, 16, 17 do not count.
        assertThat(due(of(2026, 9, 7), false, false, new LegalClock.Pause(of(2026, 9, 10), of(2026, 9, 17)))).isEqualTo(of(2026, 10, 12));
        // A pending question does not move the stored date until it is answered.
        assertThat(due(of(2026, 9, 7), false, false, new LegalClock.Pause(of(2026, 9, 10), null))).isEqualTo(of(2026, 10, 5));
    }

    @Test
    void underTheRestartRuleTheFullDelayStartsAgainFromTheAnswer() {
        InformationRules d = InformationRules.defaults();
        LegalClock restart = new LegalClock(new InformationRules(d.answerWorkingDays(), d.extensionWorkingDays(), d.urgentWorkingDays(),
                d.urgentExtensionWorkingDays(), InformationRules.ClarificationRule.RESTART, d.unclarifiedCloseDays(),
                d.headComplaintWindowWorkingDays(), d.headAnswerDays(), d.cdaiWindowDays(), d.cdaiDecisionDays(), d.dueSoonWorkingDays()));
        LegalClock.Inputs in = new LegalClock.Inputs(of(2026, 9, 7), false, false, List.of(new LegalClock.Pause(of(2026, 9, 10), of(2026, 9, 17))));
        assertThat(restart.due(in, workingDays)).isEqualTo(of(2026, 10, 15));
    }
}
