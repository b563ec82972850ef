package ma.opencommune.petitions;

/**
 * The person may not sign this petition (PET-1); {@code messageKey} says why in their language: pages show it, the
 * API answers 403 with it.
 */
public class NotEligibleException extends RuntimeException {

    private final String messageKey;

    public NotEligibleException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
