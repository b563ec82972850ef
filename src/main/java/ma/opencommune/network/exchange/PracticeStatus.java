package ma.opencommune.network.exchange;

/** The life of a good practice: a draft only its collectivity's staff see, then published, then perhaps withdrawn with a reason. */
public enum PracticeStatus {
    DRAFT, PUBLISHED, WITHDRAWN
}
