package ma.opencommune.program.web;

import ma.opencommune.platform.Check;
import ma.opencommune.program.Opinions;

/** The form of a body's opinion: recommendations typed one per line in a single textarea (works without JavaScript). */
public class OpinionForm {

    private String bodyId, commitmentId, title, text, adoptedOn, recommendations;

    /** The draft; a date or id that is not one is reported in {@code check} and left null. */
    Opinions.Draft toDraft(Check check) {
        return new Opinions.Draft(id(check, "bodyId", bodyId), id(check, "commitmentId", commitmentId), title, text,
                ProcessForm.date(check, "adoptedOn", adoptedOn), Opinions.splitRecommendations(recommendations));
    }

    static Long id(Check check, String field, String value) {
        if (Check.blank(value)) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            check.reject(field, "validation.choose");
            return null;
        }
    }

    public String getBodyId() { return bodyId; }
    public void setBodyId(String v) { bodyId = v; }
    public String getCommitmentId() { return commitmentId; }
    public void setCommitmentId(String v) { commitmentId = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public String getAdoptedOn() { return adoptedOn; }
    public void setAdoptedOn(String v) { adoptedOn = v; }
    public String getRecommendations() { return recommendations; }
    public void setRecommendations(String v) { recommendations = v; }
}
