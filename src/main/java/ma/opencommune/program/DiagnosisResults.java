package ma.opencommune.program;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a diagnosis (PAC-3): per area, how many people rated it, mean importance and satisfaction and
 * the gap between them (the priority), overall and by self-declared gender and age band (PAC-2). Any group of
 * fewer than {@link #SMALL_GROUP} answers is withheld so that nobody's answers can be singled out.
 */
public record DiagnosisResults(List<AreaResult> areas, long people) {

    /** Below this many answers a figure is not shown (statistical disclosure control). */
    public static final int SMALL_GROUP = 5;

    public static final List<String> GENDERS = List.of("WOMAN", "MAN");
    public static final List<String> AGE_BANDS = List.of("UNDER_25", "25_34", "35_49", "50_64", "65_PLUS");

    /** Sums of one group of answers; means are computed from them, so they are exact whatever the rounding shown. */
    public record Score(long answers, long importanceSum, long satisfactionSum) {

        static final Score NONE = new Score(0, 0, 0);

        Score plus(Score o) {
            return new Score(answers + o.answers, importanceSum + o.importanceSum, satisfactionSum + o.satisfactionSum);
        }

        /** Enough answers to be shown. */
        public boolean shown() {
            return answers >= SMALL_GROUP;
        }

        public double importance() {
            return answers == 0 ? 0 : (double) importanceSum / answers;
        }

        public double satisfaction() {
            return answers == 0 ? 0 : (double) satisfactionSum / answers;
        }

        /** Importance minus satisfaction: the higher, the more the area is a priority. */
        public double gap() {
            return importance() - satisfaction();
        }

        public String importanceText() {
            return format(importance());
        }

        public String satisfactionText() {
            return format(satisfaction());
        }

        public String gapText() {
            return format(gap());
        }

        /** One decimal, Western digits and a point, as Moroccan administration writes them. */
        public static String format(double value) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
    }

    /** One area with its overall score, its score per declared gender and age band, and how many comments. */
    public record AreaResult(Diagnosis.Area area, Score overall, Map<String, Score> byGender, Map<String, Score> byAge,
            long comments) {

        public Score gender(String g) {
            return byGender.getOrDefault(g, Score.NONE);
        }

        public Score age(String a) {
            return byAge.getOrDefault(a, Score.NONE);
        }
    }

    /**
     * Complementary suppression: when the answers withheld from a split (its small groups plus the people who did not
     * declare) number 1 to 4, the shown groups and the overall total would give them away by subtraction, so the
     * whole split is withheld for that area.
     */
    static Map<String, Score> safe(Map<String, Score> groups, Score overall) {
        long shown = groups.values().stream().filter(Score::shown).mapToLong(Score::answers).sum();
        long withheld = overall.answers() - shown;
        return withheld > 0 && withheld < SMALL_GROUP ? Map.of() : groups;
    }

    /** One cell of the grouped SQL aggregate: an area, a gender and an age band (either may be null). */
    record Cell(long areaId, String gender, String ageBand, Score score, long comments) {
    }

    /**
     * Folds the aggregate cells into results, areas sorted by priority (largest gap first; areas without enough
     * answers last, in their staff-given order).
     */
    static DiagnosisResults of(List<Diagnosis.Area> areas, List<Cell> cells, long people) {
        Map<Long, List<Cell>> byArea = new LinkedHashMap<>();
        for (Cell cell : cells) {
            byArea.computeIfAbsent(cell.areaId(), k -> new ArrayList<>()).add(cell);
        }
        List<AreaResult> results = new ArrayList<>();
        for (Diagnosis.Area area : areas) {
            Score overall = Score.NONE;
            long comments = 0;
            Map<String, Score> genders = new LinkedHashMap<>();
            Map<String, Score> ages = new LinkedHashMap<>();
            for (Cell cell : byArea.getOrDefault(area.id(), List.of())) {
                overall = overall.plus(cell.score());
                comments += cell.comments();
                if (cell.gender() != null) {
                    genders.merge(cell.gender(), cell.score(), Score::plus);
                }
                if (cell.ageBand() != null) {
                    ages.merge(cell.ageBand(), cell.score(), Score::plus);
                }
            }
            results.add(new AreaResult(area, overall, safe(genders, overall), safe(ages, overall), comments));
        }
        results.sort(Comparator.comparing((AreaResult r) -> !r.overall().shown())
                .thenComparing(r -> r.overall().shown() ? -r.overall().gap() : 0)
                .thenComparingInt(r -> r.area().position()));
        return new DiagnosisResults(List.copyOf(results), people);
    }
}
