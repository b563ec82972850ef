package ma.opencommune.program.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Localized;
import ma.opencommune.program.PhaseKind;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;

/** The process form: texts in three languages, the period, and one row per phase kind (ticked to include it). */
public class ProcessForm {

    /** One phase row of the form. */
    public static class PhaseRow {
        private String kind, startsOn, endsOn, noteAr, noteFr, noteZgh;
        private boolean included;

        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public boolean isIncluded() { return included; }
        public void setIncluded(boolean v) { included = v; }
        public String getStartsOn() { return startsOn; }
        public void setStartsOn(String v) { startsOn = v; }
        public String getEndsOn() { return endsOn; }
        public void setEndsOn(String v) { endsOn = v; }
        public String getNoteAr() { return noteAr; }
        public void setNoteAr(String v) { noteAr = v; }
        public String getNoteFr() { return noteFr; }
        public void setNoteFr(String v) { noteFr = v; }
        public String getNoteZgh() { return noteZgh; }
        public void setNoteZgh(String v) { noteZgh = v; }
    }

    private String titleAr, titleFr, titleZgh, descriptionAr, descriptionFr, descriptionZgh, startsOn, endsOn;
    private List<PhaseRow> phases = new ArrayList<>();

    /** An empty form with a row for every phase kind. */
    static ProcessForm blank() {
        ProcessForm f = new ProcessForm();
        for (PhaseKind kind : PhaseKind.values()) {
            PhaseRow row = new PhaseRow();
            row.kind = kind.name();
            f.phases.add(row);
        }
        return f;
    }

    static ProcessForm of(Process p) {
        ProcessForm f = blank();
        f.titleAr = p.title().ar();
        f.titleFr = p.title().fr();
        f.titleZgh = p.title().zgh();
        f.descriptionAr = p.description().ar();
        f.descriptionFr = p.description().fr();
        f.descriptionZgh = p.description().zgh();
        f.startsOn = p.startsOn().toString();
        f.endsOn = p.endsOn().toString();
        for (PhaseRow row : f.phases) {
            p.phase(PhaseKind.valueOf(row.kind)).ifPresent(phase -> {
                row.included = true;
                row.startsOn = phase.startsOn().toString();
                row.endsOn = phase.endsOn().toString();
                row.noteAr = phase.note().ar();
                row.noteFr = phase.note().fr();
                row.noteZgh = phase.note().zgh();
            });
        }
        return f;
    }

    /** The draft; dates that are not real dates stay null and are reported in {@code dates} (the rest is checked by {@link Processes}). */
    Processes.Draft toDraft(Check dates) {
        LocalDate from = date(dates, "startsOn", startsOn);
        LocalDate to = date(dates, "endsOn", endsOn);
        List<Process.Phase> included = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            PhaseRow row = phases.get(i);
            PhaseKind kind = PhaseKind.parse(row.kind);
            if (kind == null || !row.included) {
                continue;
            }
            LocalDate s = date(dates, "phases[" + i + "].startsOn", row.startsOn);
            LocalDate e = date(dates, "phases[" + i + "].endsOn", row.endsOn);
            included.add(new Process.Phase(kind, s, e, new Localized(row.noteAr, row.noteFr, row.noteZgh)));
        }
        return new Processes.Draft(new Localized(titleAr, titleFr, titleZgh), new Localized(descriptionAr, descriptionFr, descriptionZgh),
                from, to, included);
    }

    /** A date from an {@code <input type="date">} (ISO, as browsers send it; typed by hand where unsupported). */
    static LocalDate date(Check check, String field, String value) {
        return check.date(field, value, false);
    }

    /** The date-format errors first (a bad date is not reported as missing), then the others. */
    static InvalidInput merge(Check dates, InvalidInput rest) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(dates.errors());
        rest.errors().forEach(all::putIfAbsent);
        return new InvalidInput(all);
    }

    public String getTitleAr() { return titleAr; }
    public void setTitleAr(String v) { titleAr = v; }
    public String getTitleFr() { return titleFr; }
    public void setTitleFr(String v) { titleFr = v; }
    public String getTitleZgh() { return titleZgh; }
    public void setTitleZgh(String v) { titleZgh = v; }
    public String getDescriptionAr() { return descriptionAr; }
    public void setDescriptionAr(String v) { descriptionAr = v; }
    public String getDescriptionFr() { return descriptionFr; }
    public void setDescriptionFr(String v) { descriptionFr = v; }
    public String getDescriptionZgh() { return descriptionZgh; }
    public void setDescriptionZgh(String v) { descriptionZgh = v; }
    public String getStartsOn() { return startsOn; }
    public void setStartsOn(String v) { startsOn = v; }
    public String getEndsOn() { return endsOn; }
    public void setEndsOn(String v) { endsOn = v; }
    public List<PhaseRow> getPhases() { return phases; }
    public void setPhases(List<PhaseRow> v) { phases = v; }
}
