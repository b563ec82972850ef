package ma.opencommune.information;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The complaint windows of Law 31-13, computed from dates only (no database): ATI-8 to the head of the body, then
 * ATI-9 to the CDAI. A window is inclusive at both ends: its last day is still in time, the next day is not.
 */
public final class ComplaintWindows {

    /** Adds working days to a date (the calendar module's {@code WorkingDays::addWorkingDays}). */
    @FunctionalInterface
    public interface Days {
        LocalDate addWorkingDays(LocalDate start, int n);
    }

    /** The days on which a complaint may be filed. */
    public record Window(LocalDate opensOn, LocalDate closesOn) {

        public boolean early(LocalDate day) {
            return day.isBefore(opensOn);
        }

        public boolean late(LocalDate day) {
            return day.isAfter(closesOn);
        }

        public boolean contains(LocalDate day) {
            return !early(day) && !late(day);
        }
    }

    private final InformationRules rules;

    public ComplaintWindows(InformationRules rules) {
        this.rules = rules;
    }

    /**
     * ATI-8: within {@code headComplaintWindowWorkingDays} working days after the deadline passes without a response
     * (the day after the due date opens it) or after the response, refusal or closure arrives (its closing day opens
     * it). A withdrawn request has no complaint. While a clarification is pending the clock is stopped: the window
     * shown is the one the current due date would give.
     */
    public Optional<Window> head(RequestStatus status, LocalDate dueOn, LocalDate closedOn, Days days) {
        if (status == RequestStatus.WITHDRAWN) {
            return Optional.empty();
        }
        int n = rules.headComplaintWindowWorkingDays();
        if (!status.open() && closedOn != null) {
            return Optional.of(new Window(closedOn, days.addWorkingDays(closedOn, n)));
        }
        return Optional.of(new Window(dueOn.plusDays(1), days.addWorkingDays(dueOn, n)));
    }

    /** The status is open and paused: no deadline has passed, whatever the stored due date says. */
    public static boolean paused(RequestStatus status) {
        return status == RequestStatus.CLARIFICATION;
    }

    /** ATI-8: the head answers within {@code headAnswerDays} days of the complaint (*verify*). */
    public LocalDate headDue(LocalDate filedOn) {
        return filedOn.plusDays(rules.headAnswerDays());
    }

    /**
     * ATI-9: within {@code cdaiWindowDays} days after the head answers (that day opens it) or, without an answer,
     * after the head's due date passes (the next day opens it).
     */
    public Window cdai(LocalDate headDueOn, LocalDate headAnsweredOn) {
        if (headAnsweredOn != null) {
            return new Window(headAnsweredOn, headAnsweredOn.plusDays(rules.cdaiWindowDays()));
        }
        return new Window(headDueOn.plusDays(1), headDueOn.plusDays(rules.cdaiWindowDays()));
    }

    /** ATI-9: the CDAI decides within {@code cdaiDecisionDays} days (*verify*). */
    public LocalDate cdaiDue(LocalDate filedOn) {
        return filedOn.plusDays(rules.cdaiDecisionDays());
    }
}
