package ma.opencommune.information.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import ma.opencommune.information.ComplaintLevel;
import ma.opencommune.information.ComplaintOutcome;
import ma.opencommune.platform.Check;

/** A complaint (ATI-8, ATI-9) or the outcome of one, as typed in a form. */
public class ComplaintForm {

    private String body, reference, level, outcome, outcomeText, decidedOn;

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (Check.blank(value)) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.strip())) {
                return e;
            }
        }
        return null;
    }

    ComplaintLevel level() {
        return parse(ComplaintLevel.class, level);
    }

    ComplaintOutcome outcome() {
        return parse(ComplaintOutcome.class, outcome);
    }

    /** A date from a date input; null (so "required") when blank or not a date. */
    LocalDate decided() {
        if (Check.blank(decidedOn) || decidedOn.length() > 10) {
            return null;
        }
        try {
            return LocalDate.parse(decidedOn.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public String getBody() { return body; }
    public void setBody(String v) { body = v; }
    public String getReference() { return reference; }
    public void setReference(String v) { reference = v; }
    public String getLevel() { return level; }
    public void setLevel(String v) { level = v; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String v) { outcome = v; }
    public String getOutcomeText() { return outcomeText; }
    public void setOutcomeText(String v) { outcomeText = v; }
    public String getDecidedOn() { return decidedOn; }
    public void setDecidedOn(String v) { decidedOn = v; }
}
