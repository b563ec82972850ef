package ma.opencommune.petitions;

/** PET-1: why a signatory may sign a commune's petition. */
public enum SignatureBasis {
    /** Lives in the commune. */
    RESIDENT,
    /** Carries on an economic, commercial or professional activity there. */
    ECONOMIC
}
