package ma.opencommune.petitions;

/** Where a petition stands in its life cycle; the API gives these names as they are. */
public enum PetitionStatus {
    /** Written by its agent, not yet public. */
    DRAFT,
    /** Declared inadmissible by staff before collecting signatures (PET-5). */
    INADMISSIBLE,
    /** Public and collecting signatures. */
    OPEN,
    /** Has as many valid signatures as its threshold (PET-2, PET-7); may still be signed until filed. */
    THRESHOLD_REACHED,
    /** Filed with the council: the bureau's clock runs (PET-6). */
    FILED,
    /** Accepted by the bureau onto a named ordinary session, referred to a committee (PET-6, PET-8). */
    ACCEPTED,
    /** Rejected by the bureau with a ground and written reasoning (PET-6). */
    REJECTED,
    /** The council decided on it after the session. */
    CONCLUDED;

    /** Whether signatures may be added or withdrawn (until filing). */
    public boolean collecting() {
        return this == OPEN || this == THRESHOLD_REACHED;
    }
}
