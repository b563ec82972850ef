package ma.opencommune.program.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import ma.opencommune.platform.Check;
import ma.opencommune.program.Commitment;
import ma.opencommune.program.Commitments;
import ma.opencommune.program.Principle;

/** The OGP-2 form of a commitment; after adoption it also asks why it changes ({@code changeNote}). */
public class CommitmentForm {

    private String title, problem, baseline, statusQuo, description, expectedResults, howItSolves, leadUnit, otherActors,
            budgetMad, startsOn, endsOn, changeNote;
    private List<String> principles = new ArrayList<>();

    static CommitmentForm of(Commitment m) {
        CommitmentForm f = new CommitmentForm();
        f.title = m.title();
        f.problem = m.problem();
        f.baseline = m.baseline();
        f.statusQuo = m.statusQuo();
        f.description = m.description();
        f.expectedResults = m.expectedResults();
        f.howItSolves = m.howItSolves();
        f.leadUnit = m.leadUnit();
        f.otherActors = m.otherActors();
        f.budgetMad = m.budgetMad() == null ? null : m.budgetMad().toPlainString();
        f.startsOn = m.startsOn() == null ? null : m.startsOn().toString();
        f.endsOn = m.endsOn() == null ? null : m.endsOn().toString();
        f.principles = new ArrayList<>(m.principles().stream().map(Enum::name).toList());
        return f;
    }

    /** The fields; a bad budget or date is reported in {@code check} and left null. */
    Commitments.Fields toFields(Check check) {
        Set<Principle> chosen = EnumSet.noneOf(Principle.class);
        if (principles != null) {
            for (String p : principles) {
                Principle principle = Principle.parse(p);
                if (principle == null) {
                    check.reject("principles", "validation.choose");
                } else {
                    chosen.add(principle);
                }
            }
        }
        return new Commitments.Fields(title, problem, baseline, statusQuo, description, expectedResults, howItSolves, chosen, leadUnit,
                otherActors, Commitments.parseBudget(check, "budgetMad", budgetMad), ProcessForm.date(check, "startsOn", startsOn),
                ProcessForm.date(check, "endsOn", endsOn));
    }

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getProblem() { return problem; }
    public void setProblem(String v) { problem = v; }
    public String getBaseline() { return baseline; }
    public void setBaseline(String v) { baseline = v; }
    public String getStatusQuo() { return statusQuo; }
    public void setStatusQuo(String v) { statusQuo = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public String getExpectedResults() { return expectedResults; }
    public void setExpectedResults(String v) { expectedResults = v; }
    public String getHowItSolves() { return howItSolves; }
    public void setHowItSolves(String v) { howItSolves = v; }
    public List<String> getPrinciples() { return principles; }
    public void setPrinciples(List<String> v) { principles = v; }
    public String getLeadUnit() { return leadUnit; }
    public void setLeadUnit(String v) { leadUnit = v; }
    public String getOtherActors() { return otherActors; }
    public void setOtherActors(String v) { otherActors = v; }
    public String getBudgetMad() { return budgetMad; }
    public void setBudgetMad(String v) { budgetMad = v; }
    public String getStartsOn() { return startsOn; }
    public void setStartsOn(String v) { startsOn = v; }
    public String getEndsOn() { return endsOn; }
    public void setEndsOn(String v) { endsOn = v; }
    public String getChangeNote() { return changeNote; }
    public void setChangeNote(String v) { changeNote = v; }
}
