package ma.opencommune.information;

/** What the head of the body or the CDAI decided on a complaint. */
public enum ComplaintOutcome {
    UPHELD, PARTLY_UPHELD, REJECTED, NO_DECISION
}
