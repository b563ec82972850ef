package ma.opencommune.program;

import java.time.LocalDate;
import java.util.List;

/**
 * The frozen copy of a program's commitments and milestones that a version keeps (stored as JSON in
 * {@code program_version.snapshot}). Ids let a comparison follow a commitment or milestone across versions
 * even when its number, title or position changed. Budgets are plain strings (1500000.50) so that equal
 * amounts compare equal whatever their scale.
 */
public record Snapshot(List<Item> commitments) {

    /** One commitment as it stood in the version. */
    public record Item(long id, int number, String title, String problem, String baseline, String statusQuo, String description,
            String expectedResults, String howItSolves, List<String> principles, String leadUnit, String otherActors,
            String budgetMad, LocalDate startsOn, LocalDate endsOn, List<Step> milestones) {
    }

    /** One milestone as it stood in the version. */
    public record Step(long id, int position, String output, LocalDate dueOn, String responsibleUnit) {
    }
}
