package ma.opencommune.network;

/** The four pillars of the openness index, in the order they are shown. */
public enum Pillar {
    TRANSPARENCY, ACCESS, PARTICIPATION, DIGITAL;

    /** The message key suffix, e.g. {@code network.pillar.transparency}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
