package ma.opencommune.council.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import ma.opencommune.council.DocumentCatalog;
import ma.opencommune.council.DocumentKind;
import ma.opencommune.council.DocumentLibrary;
import ma.opencommune.platform.Check;
import org.springframework.web.multipart.MultipartFile;

/** The upload and description form of a library document; codes, dates and the year arrive as text and are read here. */
public class DocumentForm {

    private String kind;
    private String titleAr;
    private String titleFr;
    private String descriptionAr;
    private String descriptionFr;
    private String date;
    private String year;
    private String reference;
    private MultipartFile file;
    private String submissionKey;

    static DocumentForm of(DocumentCatalog.Document d) {
        DocumentForm f = new DocumentForm();
        f.kind = d.kind().name();
        f.titleAr = d.titleAr();
        f.titleFr = d.titleFr();
        f.descriptionAr = d.descriptionAr();
        f.descriptionFr = d.descriptionFr();
        f.date = d.date().toString();
        f.year = String.valueOf(d.year());
        f.reference = d.reference();
        return f;
    }

    /** The metadata as typed; a code, date or year that is not one goes into {@code typed} and reads as missing. */
    DocumentLibrary.Metadata metadata(Check typed) {
        DocumentKind k = null;
        if (!Check.blank(kind)) {
            try {
                k = DocumentKind.valueOf(kind.strip());
            } catch (IllegalArgumentException e) {
                typed.reject("kind", "validation.choose");
            }
        }
        LocalDate d = null;
        if (!Check.blank(date)) {
            try {
                d = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                typed.reject("date", "validation.date");
            }
        }
        Long y = Check.number(year);
        typed.when(!Check.blank(year) && (y == null || y > Integer.MAX_VALUE || y < 0), "year", "documents.validation.year");
        return new DocumentLibrary.Metadata(k, titleAr, titleFr, descriptionAr, descriptionFr, d,
                y == null || y > Integer.MAX_VALUE || y < 0 ? null : y.intValue(), reference);
    }

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getTitleAr() { return titleAr; }
    public void setTitleAr(String v) { titleAr = v; }
    public String getTitleFr() { return titleFr; }
    public void setTitleFr(String v) { titleFr = v; }
    public String getDescriptionAr() { return descriptionAr; }
    public void setDescriptionAr(String v) { descriptionAr = v; }
    public String getDescriptionFr() { return descriptionFr; }
    public void setDescriptionFr(String v) { descriptionFr = v; }
    public String getDate() { return date; }
    public void setDate(String v) { date = v; }
    public String getYear() { return year; }
    public void setYear(String v) { year = v; }
    public String getReference() { return reference; }
    public void setReference(String v) { reference = v; }
    public MultipartFile getFile() { return file; }
    public void setFile(MultipartFile v) { file = v; }
    public String getSubmissionKey() { return submissionKey; }
    public void setSubmissionKey(String v) { submissionKey = v; }
}
