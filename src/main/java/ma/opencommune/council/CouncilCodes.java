package ma.opencommune.council;

/** The fixed lists of the council: member roles, session kinds and statuses, presence, vote choices, decision topics and outcomes. */
public final class CouncilCodes {

    private CouncilCodes() {
    }

    /** A member's role in the council's bureau, or plain member. */
    public enum MemberRole { PRESIDENT, VICE_PRESIDENT, SECRETARY, MEMBER }

    /** PET-8: ordinary sessions in February, May and October; extraordinary ones whenever convened. */
    public enum SessionKind { ORDINARY, EXTRAORDINARY }

    /** A session's guarded life: planned → agenda published → held → minutes published. */
    public enum SessionStatus {
        PLANNED, AGENDA_PUBLISHED, HELD, MINUTES_PUBLISHED;

        /** Whether the public may see the session: once its agenda is published. */
        public boolean isPublic() {
            return this != PLANNED;
        }

        public boolean held() {
            return this == HELD || this == MINUTES_PUBLISHED;
        }
    }

    /** A member at a session. */
    public enum Presence { PRESENT, ABSENT, EXCUSED }

    /** A member's vote on a decision. */
    public enum Choice { FOR, AGAINST, ABSTAIN }

    /** What a decision is about. */
    public enum Topic { BUDGET, URBANISM, SERVICES, PARTNERSHIPS, PROPERTY, STAFF, PETITIONS, OTHER }

    /** The council's vote adopted or rejected the proposal. */
    public enum Outcome { ADOPTED, REJECTED }

    /** A decision is drafted by the secretary, then published; only a correction with a reason changes it afterwards. */
    public enum DecisionStatus { DRAFT, PUBLISHED }

    /** The code of {@code type} that {@code value} names, or null. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        return null;
    }
}
