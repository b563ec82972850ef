package ma.opencommune.program;

/** The four openness principles the Open Commune program anchors (see the mission). */
public enum Principle {
    TRANSPARENCY,
    ACCESS_TO_INFORMATION,
    PARTICIPATION,
    DIGITALIZATION;

    /** The principle of a form value, or null when it names none. */
    public static Principle parse(String value) {
        for (Principle p : values()) {
            if (p.name().equals(value)) {
                return p;
            }
        }
        return null;
    }
}
