package ma.opencommune.petitions.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.platform.Check;
import ma.opencommune.petitions.PetitionKind;
import ma.opencommune.petitions.Petitions;
import org.springframework.web.multipart.MultipartFile;

/**
 * The petition form of its agent (PET-3) or of an association's legal representative (PET-4), fields in the order the
 * page shows them (the error summary follows it).
 */
public class PetitionForm {

    private String kind, title, object, reasons, requestedAction, lang, associationName, associationConstitutedOn, associationSeat,
            associationField;
    private List<MultipartFile> documents;
    /** A random key given with the empty form: sending it twice saves one draft. */
    private String submission;

    public String getSubmission() {
        return submission;
    }

    public void setSubmission(String submission) {
        this.submission = submission;
    }

    /** The form filled with what the agent wrote. */
    static PetitionForm of(Petitions.Draft d) {
        PetitionForm f = new PetitionForm();
        f.kind = d.kind().name();
        f.title = d.title();
        f.object = d.object();
        f.reasons = d.reasons();
        f.requestedAction = d.requestedAction();
        f.lang = d.lang();
        f.associationName = d.associationName();
        f.associationConstitutedOn = d.associationConstitutedOn() == null ? null : d.associationConstitutedOn().toString();
        f.associationSeat = d.associationSeat();
        f.associationField = d.associationField();
        return f;
    }

    Petitions.Draft toDraft() {
        return new Petitions.Draft(kind(kind), title, object, reasons, requestedAction, lang, associationName, date(associationConstitutedOn),
                associationSeat, associationField);
    }

    /** A value naming no kind is no choice: "required". */
    static PetitionKind kind(String value) {
        for (PetitionKind k : PetitionKind.values()) {
            if (value != null && k.name().equals(value.strip())) {
                return k;
            }
        }
        return null;
    }

    static LocalDate date(String value) {
        try {
            return Check.blank(value) ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A date that was typed but is not one is said as such, not as "required". */
    Map<String, String> adjusted(Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>(errors);
        if (out.containsKey("associationConstitutedOn") && !Check.blank(associationConstitutedOn) && date(associationConstitutedOn) == null) {
            out.put("associationConstitutedOn", "validation.date");
        }
        return out;
    }

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getObject() { return object; }
    public void setObject(String v) { object = v; }
    public String getReasons() { return reasons; }
    public void setReasons(String v) { reasons = v; }
    public String getRequestedAction() { return requestedAction; }
    public void setRequestedAction(String v) { requestedAction = v; }
    public String getLang() { return lang; }
    public void setLang(String v) { lang = v; }
    public String getAssociationName() { return associationName; }
    public void setAssociationName(String v) { associationName = v; }
    public String getAssociationConstitutedOn() { return associationConstitutedOn; }
    public void setAssociationConstitutedOn(String v) { associationConstitutedOn = v; }
    public String getAssociationSeat() { return associationSeat; }
    public void setAssociationSeat(String v) { associationSeat = v; }
    public String getAssociationField() { return associationField; }
    public void setAssociationField(String v) { associationField = v; }
    public List<MultipartFile> getDocuments() { return documents; }
    public void setDocuments(List<MultipartFile> v) { documents = v; }
}
