package ma.opencommune.territory;

/** Filters of collectivity lists; null fields do not filter. */
public record CollectivityFilter(CollectivityType type, String regionSlug, Boolean membersOnly) {

    public static CollectivityFilter all() {
        return new CollectivityFilter(null, null, null);
    }
}
