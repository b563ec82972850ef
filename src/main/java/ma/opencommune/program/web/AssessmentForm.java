package ma.opencommune.program.web;

/** The follow-up committee's assessment form. */
public class AssessmentForm {

    private String bodyId, scale, text;

    public String getBodyId() { return bodyId; }
    public void setBodyId(String v) { bodyId = v; }
    public String getScale() { return scale; }
    public void setScale(String v) { scale = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
}
