package ma.opencommune.platform;

import java.util.Map;

/**
 * Invalid input: field name to message key, in the order the form shows the fields. Thrown before anything is
 * saved; HTML controllers turn it into field errors, the API into a 400 problem detail listing every field.
 */
public class InvalidInput extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidInput(Map<String, String> errors) {
        super("invalid: " + errors.keySet());
        this.errors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errors));
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** Adds every error to a form's binding result (as field errors whose code is the message key). */
    public void rejectInto(org.springframework.validation.Errors result) {
        errors.forEach(result::rejectValue);
    }
}
