package ma.opencommune.information;

/** ATI-8: complaint to the head of the body; ATI-9: then to the Commission du droit d'accès à l'information. */
public enum ComplaintLevel {
    HEAD, CDAI
}
