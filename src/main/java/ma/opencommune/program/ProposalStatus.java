package ma.opencommune.program;

/** Where a proposal stands: open until staff give it a reasoned public answer (OGP-1). */
public enum ProposalStatus {
    OPEN,
    ACCEPTED,
    PARTLY_ACCEPTED,
    NOT_RETAINED,
    ALREADY_COVERED;

    /** The status of a form or query value, or null when it names none. */
    public static ProposalStatus parse(String value) {
        for (ProposalStatus s : values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        return null;
    }

    public boolean answered() {
        return this != OPEN;
    }
}
