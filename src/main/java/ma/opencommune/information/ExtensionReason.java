package ma.opencommune.information;

/** ATI-5: the only reasons for which the deadline may be extended. */
public enum ExtensionReason {
    LARGE_VOLUME, NOT_SUPPLIABLE_IN_TIME, THIRD_PARTY_CONSULTATION
}
