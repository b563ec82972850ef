package ma.opencommune.petitions;

/**
 * Why a petition is declared inadmissible (PET-5, before signatures) or rejected by the bureau (PET-6). The matters
 * the law excludes are to be verified against the decree (RULES.md marks PET-5 *verify*), hence {@link #OTHER}.
 */
public enum RejectionGround {
    /** Touches national constants, religion or territorial integrity (PET-5). */
    EXCLUDED_MATTER,
    /** Before the courts (PET-5). */
    BEFORE_THE_COURTS,
    /** Outside what the council decides. */
    NOT_COUNCIL_COMPETENCE,
    /** The conditions of PET-1 or PET-4 are not met (signatories, association). */
    CONDITIONS_NOT_MET,
    /** Another ground, said in the reasoning. */
    OTHER
}
