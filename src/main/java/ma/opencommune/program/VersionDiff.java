package ma.opencommune.program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of a program (OGP-1 traceability): commitments added and removed, and for
 * each commitment present in both, every field whose value changed (old and new) and its milestones added,
 * removed or changed. Commitments and milestones are matched by id, so a renamed one is a change, not a
 * removal plus an addition. Pure: unit-tested without a database.
 */
public final class VersionDiff {

    /** One field whose value changed; {@code field} is a stable key (title, dueOn, ...) the page translates. */
    public record FieldChange(String field, String before, String after) {

        private static final java.util.Set<String> PROSE = java.util.Set.of("title", "problem", "baseline", "statusQuo", "description",
                "expectedResults", "howItSolves", "leadUnit", "otherActors", "output", "responsibleUnit");

        /** Whether the page shows the words changed (free text, both sides present), not only old and new. */
        public boolean prose() {
            return PROSE.contains(field) && before != null && after != null;
        }

        public List<WordDiff.Segment> words() {
            return WordDiff.diff(before, after);
        }
    }

    /** A milestone present in both versions, with its changed fields. */
    public record StepChange(Snapshot.Step before, Snapshot.Step after, List<FieldChange> fields) {
    }

    /** A commitment present in both versions with at least one change. */
    public record Changed(Snapshot.Item before, Snapshot.Item after, List<FieldChange> fields, List<Snapshot.Step> milestonesAdded,
            List<Snapshot.Step> milestonesRemoved, List<StepChange> milestonesChanged) {
    }

    /** The whole comparison; {@code same} when nothing differs. */
    public record Result(List<Snapshot.Item> added, List<Snapshot.Item> removed, List<Changed> changed) {
        public boolean same() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    private static final Map<String, Function<Snapshot.Item, Object>> ITEM_FIELDS = new LinkedHashMap<>();
    private static final Map<String, Function<Snapshot.Step, Object>> STEP_FIELDS = new LinkedHashMap<>();

    static {
        ITEM_FIELDS.put("number", Snapshot.Item::number);
        ITEM_FIELDS.put("title", Snapshot.Item::title);
        ITEM_FIELDS.put("problem", Snapshot.Item::problem);
        ITEM_FIELDS.put("baseline", Snapshot.Item::baseline);
        ITEM_FIELDS.put("statusQuo", Snapshot.Item::statusQuo);
        ITEM_FIELDS.put("description", Snapshot.Item::description);
        ITEM_FIELDS.put("expectedResults", Snapshot.Item::expectedResults);
        ITEM_FIELDS.put("howItSolves", Snapshot.Item::howItSolves);
        ITEM_FIELDS.put("principles", i -> i.principles() == null ? null : String.join(",", i.principles()));
        ITEM_FIELDS.put("leadUnit", Snapshot.Item::leadUnit);
        ITEM_FIELDS.put("otherActors", Snapshot.Item::otherActors);
        ITEM_FIELDS.put("budgetMad", Snapshot.Item::budgetMad);
        ITEM_FIELDS.put("startsOn", Snapshot.Item::startsOn);
        ITEM_FIELDS.put("endsOn", Snapshot.Item::endsOn);
        STEP_FIELDS.put("position", Snapshot.Step::position);
        STEP_FIELDS.put("output", Snapshot.Step::output);
        STEP_FIELDS.put("dueOn", Snapshot.Step::dueOn);
        STEP_FIELDS.put("responsibleUnit", Snapshot.Step::responsibleUnit);
    }

    private VersionDiff() {
    }

    public static Result compare(Snapshot from, Snapshot to) {
        Map<Long, Snapshot.Item> before = byId(from.commitments(), Snapshot.Item::id);
        Map<Long, Snapshot.Item> after = byId(to.commitments(), Snapshot.Item::id);
        List<Snapshot.Item> added = after.values().stream().filter(i -> !before.containsKey(i.id())).toList();
        List<Snapshot.Item> removed = before.values().stream().filter(i -> !after.containsKey(i.id())).toList();
        List<Changed> changed = new ArrayList<>();
        for (Snapshot.Item now : after.values()) {
            Snapshot.Item then = before.get(now.id());
            if (then == null) {
                continue;
            }
            List<FieldChange> fields = fields(ITEM_FIELDS, then, now);
            Map<Long, Snapshot.Step> oldSteps = byId(steps(then), Snapshot.Step::id);
            Map<Long, Snapshot.Step> newSteps = byId(steps(now), Snapshot.Step::id);
            List<Snapshot.Step> stepsAdded = newSteps.values().stream().filter(s -> !oldSteps.containsKey(s.id())).toList();
            List<Snapshot.Step> stepsRemoved = oldSteps.values().stream().filter(s -> !newSteps.containsKey(s.id())).toList();
            List<StepChange> stepsChanged = new ArrayList<>();
            for (Snapshot.Step step : newSteps.values()) {
                Snapshot.Step old = oldSteps.get(step.id());
                if (old != null) {
                    List<FieldChange> stepFields = fields(STEP_FIELDS, old, step);
                    if (!stepFields.isEmpty()) {
                        stepsChanged.add(new StepChange(old, step, stepFields));
                    }
                }
            }
            if (!fields.isEmpty() || !stepsAdded.isEmpty() || !stepsRemoved.isEmpty() || !stepsChanged.isEmpty()) {
                changed.add(new Changed(then, now, fields, stepsAdded, stepsRemoved, List.copyOf(stepsChanged)));
            }
        }
        return new Result(added, removed, List.copyOf(changed));
    }

    private static List<Snapshot.Step> steps(Snapshot.Item item) {
        return item.milestones() == null ? List.of() : item.milestones();
    }

    private static <T> List<FieldChange> fields(Map<String, Function<T, Object>> getters, T before, T after) {
        List<FieldChange> changes = new ArrayList<>();
        getters.forEach((name, getter) -> {
            String a = text(getter.apply(before));
            String b = text(getter.apply(after));
            if (!Objects.equals(a, b)) {
                changes.add(new FieldChange(name, a, b));
            }
        });
        return changes;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        Map<Long, T> map = new LinkedHashMap<>();
        if (items != null) {
            items.forEach(i -> map.put(id.apply(i), i));
        }
        return map;
    }
}
