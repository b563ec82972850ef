package ma.opencommune.program;

/** OGP-3 assessment of results: "did it open government?" */
public enum OpenGovernment {
    WORSENED,
    NO_CHANGE,
    MARGINAL,
    MAJOR,
    OUTSTANDING
}
