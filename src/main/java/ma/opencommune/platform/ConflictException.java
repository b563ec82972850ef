package ma.opencommune.platform;

/**
 * A guarded state transition was refused (e.g. answering an answered request). Carries a message key so
 * HTML controllers show it as a form error and the API as a 409 problem detail.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;

    public ConflictException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
