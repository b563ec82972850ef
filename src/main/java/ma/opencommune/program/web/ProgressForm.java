package ma.opencommune.program.web;

import org.springframework.web.multipart.MultipartFile;

/** The progress form as typed: dates and ids as text so a bad value is reported, not a binding error page. */
public class ProgressForm {

    private String milestoneId, reportedOn, text, evidenceUrl;
    private boolean completes;
    private MultipartFile document;

    public String getMilestoneId() { return milestoneId; }
    public void setMilestoneId(String v) { milestoneId = v; }
    public String getReportedOn() { return reportedOn; }
    public void setReportedOn(String v) { reportedOn = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public String getEvidenceUrl() { return evidenceUrl; }
    public void setEvidenceUrl(String v) { evidenceUrl = v; }
    public boolean isCompletes() { return completes; }
    public void setCompletes(boolean v) { completes = v; }
    public MultipartFile getDocument() { return document; }
    public void setDocument(MultipartFile v) { document = v; }

    /** A number typed in a form, or null (and no exception) when it is not one. */
    static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
