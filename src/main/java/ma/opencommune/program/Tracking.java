package ma.opencommune.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.opencommune.platform.Localized;

/** What the public sees of a program's implementation (OGP-3): read models of the monitoring pages and API. */
public final class Tracking {

    private Tracking() {
    }

    /** OGP-3: a milestone is overdue the day after its due date while it is not completed; due today is not. */
    public static boolean overdue(LocalDate dueOn, LocalDate completedOn, LocalDate today) {
        return completedOn == null && dueOn != null && dueOn.isBefore(today);
    }

    /** One line of the public dashboard: a commitment with the figures of its milestones. */
    public record Row(long id, long processId, int number, String title, List<Principle> principles, int milestones,
            int completed, int overdue, Instant lastUpdate) {

        public Completion completion() {
            return Completion.of(milestones, completed, lastUpdate != null);
        }

        public int percent() {
            return Completion.percent(milestones, completed);
        }
    }

    /** The dashboard: every commitment of a process, and the totals shown on top. */
    public record Board(List<Row> rows, Map<Completion, Integer> byLevel, int milestones, int milestonesOverdue) {
    }

    /** A milestone as monitored: output, due date, responsible unit, completion and whether it is overdue today. */
    public record MilestoneState(long id, long commitmentId, int position, String output, LocalDate dueOn,
            String responsibleUnit, LocalDate completedOn, Instant lastUpdateAt, boolean overdue) {

        /** {@code done}, {@code overdue} or {@code due}, for the status shown beside it. */
        public String state() {
            return completedOn != null ? "done" : overdue ? "overdue" : "due";
        }
    }

    /** A dated progress report on a milestone, with its evidence. */
    public record ProgressEntry(long id, long milestoneId, String milestoneOutput, LocalDate reportedOn, String text,
            String evidenceUrl, String documentName, boolean completes, Instant createdAt) {

        public boolean hasDocument() {
            return documentName != null;
        }
    }

    /** A follow-up committee's assessment (OGP-3: did it open government?). */
    public record Assessment(long id, long bodyId, Localized bodyName, OpenGovernment scale, String text, Instant createdAt) {
    }

    /** A proposal that fed the commitment. */
    public record FedProposal(long id, String title) {
    }

    /** A body's recommendation that fed the commitment. */
    public record FedRecommendation(long opinionId, String opinionTitle, int number, String text) {
    }

    /** Every OGP-2 field of a commitment, with its milestones, progress, sources and assessments. */
    public record Detail(long id, long processId, int number, String title, String problem, String baseline,
            String statusQuo, String description, String expectedResults, String howItSolves, String leadUnit,
            String otherActors, BigDecimal budgetMad, LocalDate startsOn, LocalDate endsOn, List<Principle> principles,
            List<MilestoneState> milestones, List<ProgressEntry> progress, List<FedProposal> proposals,
            List<FedRecommendation> recommendations, List<Assessment> assessments) {

        public int completedMilestones() {
            return (int) milestones.stream().filter(m -> m.completedOn() != null).count();
        }

        public int overdueMilestones() {
            return (int) milestones.stream().filter(MilestoneState::overdue).count();
        }

        public Completion completion() {
            return Completion.of(milestones.size(), completedMilestones(), !progress.isEmpty());
        }

        public int percent() {
            return Completion.percent(milestones.size(), completedMilestones());
        }

        public Instant lastUpdate() {
            return progress.stream().map(ProgressEntry::createdAt).max(Instant::compareTo).orElse(null);
        }
    }
}
