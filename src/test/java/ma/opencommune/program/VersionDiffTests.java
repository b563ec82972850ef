package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What changed between two versions: commitments added and removed, fields old and new, milestones moved. */
class VersionDiffTests {

    static final LocalDate START = LocalDate.of(2027, 1, 1);
    static final LocalDate END = LocalDate.of(2029, 12, 31);

    static Snapshot.Step step(long id, int position, String output, LocalDate due) {
        return new Snapshot.Step(id, position, output, due, "Service");
    }

    static Snapshot.Item item(long id, int number, String title, String budget, List<String> principles, List<Snapshot.Step> steps) {
        return new Snapshot.Item(id, number, title, "Problème", null, null, "Engagement", "Résultats", "Comment", principles,
                "Division", null, budget, START, END, steps);
    }

    @Test
    void identicalVersionsHaveNoDifference() {
        Snapshot s = new Snapshot(List.of(item(1, 1, "Portail", "100.00", List.of("TRANSPARENCY"), List.of(step(10, 1, "Mise en ligne", START)))));
        assertThat(VersionDiff.compare(s, s).same()).isTrue();
    }

    @Test
    void addedAndRemovedCommitmentsAreListed() {
        Snapshot from = new Snapshot(List.of(item(1, 1, "Portail", null, List.of(), List.of()), item(2, 2, "Retiré", null, List.of(), List.of())));
        Snapshot to = new Snapshot(List.of(item(1, 1, "Portail", null, List.of(), List.of()), item(3, 3, "Nouveau", null, List.of(), List.of())));
        VersionDiff.Result diff = VersionDiff.compare(from, to);
        assertThat(diff.added()).extracting(Snapshot.Item::title).containsExactly("Nouveau");
        assertThat(diff.removed()).extracting(Snapshot.Item::title).containsExactly("Retiré");
        assertThat(diff.changed()).isEmpty();
    }

    @Test
    void changedFieldsCarryTheOldAndTheNewValue() {
        Snapshot from = new Snapshot(List.of(item(1, 1, "Portail", "100.00", List.of("TRANSPARENCY"), List.of())));
        Snapshot to = new Snapshot(List.of(item(1, 1, "Portail ouvert", "250.50", List.of("DIGITALIZATION", "TRANSPARENCY"), List.of())));
        VersionDiff.Changed changed = VersionDiff.compare(from, to).changed().get(0);
        assertThat(changed.fields()).containsExactly(
                new VersionDiff.FieldChange("title", "Portail", "Portail ouvert"),
                new VersionDiff.FieldChange("principles", "TRANSPARENCY", "DIGITALIZATION,TRANSPARENCY"),
                new VersionDiff.FieldChange("budgetMad", "100.00", "250.50"));
    }

    @Test
    void aClearedFieldIsAChangeToNothing() {
        Snapshot from = new Snapshot(List.of(item(1, 1, "Portail", "100.00", List.of(), List.of())));
        Snapshot to = new Snapshot(List.of(item(1, 1, "Portail", null, List.of(), List.of())));
        assertThat(VersionDiff.compare(from, to).changed().get(0).fields())
                .containsExactly(new VersionDiff.FieldChange("budgetMad", "100.00", null));
    }

    @Test
    void aMovedDueDateIsAMilestoneChangeNotAnAdditionAndARemoval() {
        Snapshot from = new Snapshot(List.of(item(1, 1, "Portail", null, List.of(),
                List.of(step(10, 1, "Inventaire", START.plusDays(10)), step(11, 2, "Mise en ligne", START.plusDays(90)),
                        step(12, 3, "Abandonné", START.plusDays(100))))));
        Snapshot to = new Snapshot(List.of(item(1, 1, "Portail", null, List.of(),
                List.of(step(10, 1, "Inventaire", START.plusDays(10)), step(11, 2, "Mise en ligne", START.plusDays(150)),
                        step(13, 3, "Évaluation", START.plusDays(300))))));
        VersionDiff.Changed changed = VersionDiff.compare(from, to).changed().get(0);
        assertThat(changed.fields()).isEmpty();
        assertThat(changed.milestonesAdded()).extracting(Snapshot.Step::output).containsExactly("Évaluation");
        assertThat(changed.milestonesRemoved()).extracting(Snapshot.Step::output).containsExactly("Abandonné");
        assertThat(changed.milestonesChanged()).hasSize(1);
        assertThat(changed.milestonesChanged().get(0).fields())
                .containsExactly(new VersionDiff.FieldChange("dueOn", START.plusDays(90).toString(), START.plusDays(150).toString()));
    }

    @Test
    void aRenumberedCommitmentIsFollowedByItsId() {
        Snapshot from = new Snapshot(List.of(item(1, 1, "Portail", null, List.of(), List.of())));
        Snapshot to = new Snapshot(List.of(item(1, 4, "Portail", null, List.of(), List.of())));
        VersionDiff.Result diff = VersionDiff.compare(from, to);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.changed().get(0).fields()).containsExactly(new VersionDiff.FieldChange("number", "1", "4"));
    }
}
