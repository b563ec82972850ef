package ma.opencommune.program.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import ma.opencommune.platform.Check;
import ma.opencommune.program.Principle;
import ma.opencommune.program.Proposals;

/** The proposal form: title, text, principles (checkboxes), an optional diagnosed area and association. */
public class ProposalForm {

    private String title, body, areaId, association;
    private List<String> principles = new ArrayList<>();

    /**
     * The submission, checked by the service with every other field: a value that names no principle empties the
     * choice ("choose at least one of the four"), an area that is not a number is an unknown area.
     */
    Proposals.Submission toSubmission() {
        return new Proposals.Submission(title, body, principles(principles), area(areaId), association);
    }

    static Set<Principle> principles(List<String> values) {
        Set<Principle> chosen = EnumSet.noneOf(Principle.class);
        for (String value : values == null ? List.<String>of() : values) {
            Principle p = Principle.parse(value);
            if (p == null) {
                return EnumSet.noneOf(Principle.class);
            }
            chosen.add(p);
        }
        return chosen;
    }

    /** A number from a form, null when blank, -1 (an id nothing has) when not a number. */
    static Long area(String value) {
        if (Check.blank(value)) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public String getAreaId() { return areaId; }
    public void setAreaId(String v) { areaId = v; }
    public String getAssociation() { return association; }
    public void setAssociation(String v) { association = v; }
    public List<String> getPrinciples() { return principles; }
    public void setPrinciples(List<String> v) { principles = v; }
}
