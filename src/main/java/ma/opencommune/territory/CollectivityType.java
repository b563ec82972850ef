package ma.opencommune.territory;

/** The kinds of territorial collectivity (Organic Laws 111-14, 112-14, 113-14). */
public enum CollectivityType {
    REGION, PROVINCE, PREFECTURE, COMMUNE
}
