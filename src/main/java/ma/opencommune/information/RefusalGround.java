package ma.opencommune.information;

/** ATI-7: the closed list of grounds on which a request may be refused, always with written reasoning. */
public enum RefusalGround {
    NOT_HELD, EXCEPTION_ART7, ALREADY_PUBLISHED, REPEATED_REQUEST, UNCLEAR_REQUEST, IN_PREPARATION, ARCHIVED
}
