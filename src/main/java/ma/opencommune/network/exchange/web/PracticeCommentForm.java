package ma.opencommune.network.exchange.web;

/** A comment or question typed under a practice. */
public class PracticeCommentForm {

    private String kind;
    private String body;
    private String submissionKey;

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public String getSubmissionKey() { return submissionKey; }
    public void setSubmissionKey(String v) { submissionKey = v; }
}
