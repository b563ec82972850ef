package ma.opencommune.council.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** The staff form of a progress update: date, percentage, text and photos, with a submission key against double submits. */
public class ProjectUpdateForm {

    private String reportedOn;
    private String progress;
    private String text;
    private List<MultipartFile> photos = new ArrayList<>();
    private String submissionKey;

    public String getReportedOn() { return reportedOn; }
    public void setReportedOn(String v) { reportedOn = v; }
    public String getProgress() { return progress; }
    public void setProgress(String v) { progress = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public List<MultipartFile> getPhotos() { return photos; }
    public void setPhotos(List<MultipartFile> v) { photos = v == null ? new ArrayList<>() : v; }
    public String getSubmissionKey() { return submissionKey; }
    public void setSubmissionKey(String v) { submissionKey = v; }
}
