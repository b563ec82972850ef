package ma.opencommune.information;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rulebook values of Law 31-13, configurable ({@code opencommune.information.*}) because laws change and some
 * figures are still to be verified against the Official Bulletin (RULES.md marks them *verify*).
 *
 * @param answerWorkingDays ATI-4: working days to answer from receipt
 * @param extensionWorkingDays ATI-5: working days added by the one extension
 * @param urgentWorkingDays ATI-6: working days to answer an urgent request (*verify*: working or calendar days)
 * @param urgentExtensionWorkingDays ATI-6: working days added by the extension of an urgent request
 * @param clarification whether a pending clarification pauses the clock or restarts it on the answer
 * @param unclarifiedCloseDays calendar days after a clarification question without answer after which the request
 *        may be closed on the unclear-request ground (ATI-7)
 * @param headComplaintWindowWorkingDays ATI-8: working days to complain to the head after the deadline or the answer
 * @param headAnswerDays ATI-8: days the head has to answer (*verify*)
 * @param cdaiWindowDays ATI-9: days to complain to the CDAI after the head answers or the head's deadline passes
 * @param cdaiDecisionDays ATI-9: days the CDAI has to decide (*verify*)
 * @param dueSoonWorkingDays the officers' queue highlights requests due within this many working days
 */
@ConfigurationProperties("opencommune.information")
public record InformationRules(
        @DefaultValue("20") int answerWorkingDays,
        @DefaultValue("20") int extensionWorkingDays,
        @DefaultValue("3") int urgentWorkingDays,
        @DefaultValue("3") int urgentExtensionWorkingDays,
        @DefaultValue("PAUSE") ClarificationRule clarification,
        @DefaultValue("60") int unclarifiedCloseDays,
        @DefaultValue("20") int headComplaintWindowWorkingDays,
        @DefaultValue("15") int headAnswerDays,
        @DefaultValue("30") int cdaiWindowDays,
        @DefaultValue("30") int cdaiDecisionDays,
        @DefaultValue("3") int dueSoonWorkingDays) {

    /** What a clarification does to the clock (Alaveteli #4001 restarts it wrongly; the default here pauses it). */
    public enum ClarificationRule {
        /** The working days between the question and the answer do not count. */
        PAUSE,
        /** The full delay starts again from the answer. */
        RESTART
    }

    /** The defaults of the law as in force since 12 March 2019. */
    public static InformationRules defaults() {
        return new InformationRules(20, 20, 3, 3, ClarificationRule.PAUSE, 60, 20, 15, 30, 30, 3);
    }

    /** Working days to answer, before any extension (ATI-4, ATI-6). */
    public int answerDays(boolean urgent) {
        return urgent ? urgentWorkingDays : answerWorkingDays;
    }

    /** Working days the one extension adds (ATI-5, ATI-6). */
    public int extensionDays(boolean urgent) {
        return urgent ? urgentExtensionWorkingDays : extensionWorkingDays;
    }
}
