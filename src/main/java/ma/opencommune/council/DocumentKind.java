package ma.opencommune.council;

/** The types of the document library, as the transparency index names what a commune publishes. */
public enum DocumentKind {
    DECISION, MINUTES, BUDGET, REPORT, STUDY, OTHER
}
