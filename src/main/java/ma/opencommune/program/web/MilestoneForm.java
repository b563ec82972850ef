package ma.opencommune.program.web;

import ma.opencommune.platform.Check;
import ma.opencommune.program.Commitment;
import ma.opencommune.program.Commitments;

/** A milestone's output, due date, responsible unit and position; after adoption, why it changes. */
public class MilestoneForm {

    private String output, dueOn, responsibleUnit, position, milestoneNote;

    static MilestoneForm of(Commitment.Milestone m) {
        MilestoneForm f = new MilestoneForm();
        f.output = m.output();
        f.dueOn = m.dueOn().toString();
        f.responsibleUnit = m.responsibleUnit();
        f.position = Integer.toString(m.position());
        return f;
    }

    Commitments.MilestoneFields toFields(Check check) {
        Integer at = null;
        if (!Check.blank(position)) {
            try {
                at = Integer.valueOf(position.strip());
            } catch (NumberFormatException e) {
                check.reject("position", "program.milestone.position.invalid");
            }
        }
        return new Commitments.MilestoneFields(output, ProcessForm.date(check, "dueOn", dueOn), responsibleUnit, at);
    }

    public String getOutput() { return output; }
    public void setOutput(String v) { output = v; }
    public String getDueOn() { return dueOn; }
    public void setDueOn(String v) { dueOn = v; }
    public String getResponsibleUnit() { return responsibleUnit; }
    public void setResponsibleUnit(String v) { responsibleUnit = v; }
    public String getPosition() { return position; }
    public void setPosition(String v) { position = v; }
    public String getMilestoneNote() { return milestoneNote; }
    public void setMilestoneNote(String v) { milestoneNote = v; }
}
