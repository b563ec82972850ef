package ma.opencommune.council;

/**
 * Where a library document stands: a draft only staff see; published for everyone; withdrawn by staff with a reason,
 * after which its description stays public (what was published, and why it went) but its file is no longer served.
 */
public enum DocumentStatus {
    DRAFT, PUBLISHED, WITHDRAWN
}
