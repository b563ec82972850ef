package ma.opencommune.information;

/** Where a request stands. The first three are open: the legal clock runs (or is paused, for a clarification). */
public enum RequestStatus {
    RECEIVED, CLARIFICATION, EXTENDED, ANSWERED, PARTLY_ANSWERED, REFUSED, TRANSFERRED, WITHDRAWN, CLOSED_UNCLEAR;

    public boolean open() {
        return this == RECEIVED || this == CLARIFICATION || this == EXTENDED;
    }

    /**
     * The body gave the requester what the law calls a response: an answer (full or partial) or a reasoned refusal,
     * including the closing of a request left unclarified (ATI-7 unclear-request ground).
     */
    public boolean responded() {
        return this == ANSWERED || this == PARTLY_ANSWERED || this == REFUSED || this == CLOSED_UNCLEAR;
    }

    /** Outcomes that may be published (PDP-2 redaction first). */
    public boolean publishable() {
        return this == ANSWERED || this == PARTLY_ANSWERED || this == REFUSED;
    }
}
