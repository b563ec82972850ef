package ma.opencommune.program.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.opencommune.platform.Check;
import ma.opencommune.program.Diagnosis;

/**
 * The one form in which a resident rates every area of a process: a row per area (importance and satisfaction
 * as radio groups, an optional comment), then the optional self-declared gender and age band (PDP-1, PAC-2).
 * Values arrive as text so that "abc" is reported as a field error rather than failing the binding.
 */
public class RatingForm {

    /** One area's row. */
    public static class Row {
        private String areaId, importance, satisfaction, comment;

        public String getAreaId() { return areaId; }
        public void setAreaId(String v) { areaId = v; }
        public String getImportance() { return importance; }
        public void setImportance(String v) { importance = v; }
        public String getSatisfaction() { return satisfaction; }
        public void setSatisfaction(String v) { satisfaction = v; }
        public String getComment() { return comment; }
        public void setComment(String v) { comment = v; }
    }

    private List<Row> rows = new ArrayList<>();
    private String gender, ageBand;

    /** A form with a row per area, filled with what this person answered before. */
    static RatingForm of(List<Diagnosis.Area> areas, Map<Long, Diagnosis.RatingInput> mine, String[] declared) {
        RatingForm f = new RatingForm();
        for (Diagnosis.Area a : areas) {
            Row row = new Row();
            row.areaId = String.valueOf(a.id());
            Diagnosis.RatingInput before = mine.get(a.id());
            if (before != null) {
                row.importance = String.valueOf(before.importance());
                row.satisfaction = String.valueOf(before.satisfaction());
                row.comment = before.comment();
            }
            f.rows.add(row);
        }
        f.gender = declared[0];
        f.ageBand = declared[1];
        return f;
    }

    /**
     * The submitted rows. A value that is not a whole number becomes 0, which the diagnosis rejects as out of
     * range like any other, so a bad value can never be half-saved with the good ones.
     */
    List<Diagnosis.RatingInput> inputs() {
        List<Diagnosis.RatingInput> inputs = new ArrayList<>();
        for (Row row : rows) {
            inputs.add(row == null ? null : new Diagnosis.RatingInput(id(row.areaId), score(row.importance), score(row.satisfaction), row.comment));
        }
        return inputs;
    }

    private static Long id(String value) {
        try {
            return Check.blank(value) ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer score(String value) {
        if (Check.blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public List<Row> getRows() { return rows; }
    public void setRows(List<Row> v) { rows = v; }
    public String getGender() { return gender; }
    public void setGender(String v) { gender = v; }
    public String getAgeBand() { return ageBand; }
    public void setAgeBand(String v) { ageBand = v; }
}
