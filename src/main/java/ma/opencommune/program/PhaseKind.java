package ma.opencommune.program;

/**
 * The phases of a co-creation process, in their usual order. Each opens something to the public while it runs
 * (ratings, proposals and supports, workshop registration, bodies' opinions, ...): see {@link Process#isOpen}.
 */
public enum PhaseKind {
    DIAGNOSIS,
    PROPOSALS,
    WORKSHOPS,
    OPINIONS,
    ADOPTION,
    MONITORING,
    EVALUATION;

    public static PhaseKind parse(String value) {
        for (PhaseKind k : values()) {
            if (k.name().equals(value)) {
                return k;
            }
        }
        return null;
    }
}
