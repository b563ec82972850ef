package ma.opencommune.identity;

/** A business rule refused a form value; the controller shows the message key next to the field. */
public class FieldProblem extends RuntimeException {

    private final String field;
    private final String messageKey;

    public FieldProblem(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
