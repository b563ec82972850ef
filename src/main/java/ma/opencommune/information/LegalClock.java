package ma.opencommune.information;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ma.opencommune.calendar.WorkingCalendar;
import ma.opencommune.calendar.WorkingDays;

/**
 * The deadline of a request, computed from its inputs only (day of receipt, urgency, extension, clarifications) so
 * that it can be recomputed at any time, e.g. when a holiday is confirmed on another date (CAL-3). The clock counts
 * working days after the day of receipt (ATI-4; a request received on a Saturday starts counting on Monday).
 */
public final class LegalClock {

    /** A clarification: asked on one day, answered on another (null while pending). */
    public record Pause(LocalDate askedOn, LocalDate answeredOn) {

        boolean closed() {
            return answeredOn != null;
        }

        /** Under the pause rule, the working days after the question up to the answer's day do not count. */
        boolean stops(LocalDate day) {
            return closed() && day.isAfter(askedOn) && !day.isAfter(answeredOn);
        }
    }

    /** What the deadline depends on. */
    public record Inputs(LocalDate receivedOn, boolean urgent, boolean extended, List<Pause> pauses) {
        public Inputs {
            pauses = List.copyOf(pauses);
        }
    }

    private final InformationRules rules;

    public LegalClock(InformationRules rules) {
        this.rules = rules;
    }

    /** Working days the request has in all: ATI-4 or ATI-6, plus the ATI-5 extension once granted. */
    public int totalDays(Inputs in) {
        return rules.answerDays(in.urgent()) + (in.extended() ? rules.extensionDays(in.urgent()) : 0);
    }

    /** The due date, loading the calendar as far as needed. */
    public LocalDate due(Inputs in, WorkingDays days) {
        LocalDate start = start(in);
        int span = totalDays(in) * 7 / 5 + 60 + pausedCalendarDays(in);
        while (true) {
            Optional<LocalDate> due = due(in, days.calendar(start, start.plusDays(span)));
            if (due.isPresent()) {
                return due.get();
            }
            span *= 2;
        }
    }

    /**
     * The due date within a loaded calendar (one calendar serves many requests), or empty when the calendar does not
     * reach far enough. A pending clarification is ignored here: the stored date stays the one before the question
     * until the answer arrives and the clock restarts or resumes.
     */
    public Optional<LocalDate> due(Inputs in, WorkingCalendar calendar) {
        LocalDate start = start(in);
        int left = totalDays(in);
        LocalDate day = start;
        boolean pause = rules.clarification() == InformationRules.ClarificationRule.PAUSE;
        while (left > 0) {
            day = day.plusDays(1);
            if (!calendar.covers(day)) {
                return Optional.empty();
            }
            LocalDate current = day;
            if (calendar.isWorkingDay(current) && !(pause && in.pauses().stream().anyMatch(p -> p.stops(current)))) {
                left--;
            }
        }
        return Optional.of(day);
    }

    /** The day counting starts after: receipt, or under the restart rule the last clarification's answer. */
    LocalDate start(Inputs in) {
        if (rules.clarification() == InformationRules.ClarificationRule.RESTART) {
            return in.pauses().stream().filter(Pause::closed).map(Pause::answeredOn).max(LocalDate::compareTo).orElse(in.receivedOn());
        }
        return in.receivedOn();
    }

    private static int pausedCalendarDays(Inputs in) {
        return in.pauses().stream().filter(Pause::closed)
                .mapToInt(p -> (int) Math.min(3650, java.time.temporal.ChronoUnit.DAYS.between(p.askedOn(), p.answeredOn()))).sum();
    }
}
