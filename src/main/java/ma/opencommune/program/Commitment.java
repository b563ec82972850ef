package ma.opencommune.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A commitment of the program with the fields OGP-2 asks for and its milestones (output, due date, responsible
 * unit) in their order. Rows the proposals part creates carry only a number, a title and a problem until staff
 * complete them, hence the nullable fields.
 */
public record Commitment(long id, long processId, int number, String title, String problem, String baseline, String statusQuo,
        String description, String expectedResults, String howItSolves, Set<Principle> principles, String leadUnit,
        String otherActors, BigDecimal budgetMad, LocalDate startsOn, LocalDate endsOn, List<Milestone> milestones) {

    /** A milestone of the commitment; {@code completedOn} is set by the monitoring of progress. */
    public record Milestone(long id, long commitmentId, int position, String output, LocalDate dueOn, String responsibleUnit,
            LocalDate completedOn) {
    }

    /** What fed a commitment: an answered proposal or a body's recommendation (OGP-1 traceability). */
    public record Source(long id, String kind, long refId, String label, Integer number) {
    }

    /** Whether every OGP-2 field staff must give is filled (rows made from a proposal start incomplete). */
    public boolean complete() {
        return description != null && expectedResults != null && howItSolves != null && leadUnit != null && !principles.isEmpty()
                && startsOn != null && endsOn != null;
    }
}
