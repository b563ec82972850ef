package ma.opencommune.platform.web;

/**
 * The version of what a group of public pages shows, for pages that change only when some data is written again (the
 * openness index's member pages change when the index is computed): {@link AnonymousPageCache} keeps such a page, for
 * anonymous visitors, until the version moves on rather than for a few seconds (up to
 * {@code opencommune.public-cache.versioned-max-age}). The version is read through the database (DESIGN.md), so a
 * change made on one node reaches the others' copies; it must cover everything the covered pages show.
 */
public interface PageVersion {

    /** Whether the page at {@code path} (the request URI, without its query) is versioned by this. */
    boolean covers(String path);

    /** What the covered pages show now: the same string, the same pages. */
    String current();
}
