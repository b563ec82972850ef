package ma.opencommune.petitions;

/** Who petitions: citizens through their agent (PET-1, PET-3), or an association through its legal representative (PET-4). */
public enum PetitionKind {
    CITIZENS, ASSOCIATION
}
