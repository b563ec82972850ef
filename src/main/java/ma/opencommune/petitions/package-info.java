/**
 * Petitions to the council under Organic Law 113-14 (art. 121-125) and, for regions, Organic Law 111-14: citizens'
 * petitions filed by their agent (PET-3) and associations' petitions filed by their legal representative (PET-4),
 * their guarded life cycle from draft to the council's outcome (PET-5, PET-6, PET-8), the signature threshold of the
 * rulebook (PET-2, PET-7) and signatures keyed on the signatory's CIN hash, never public (PDP-2).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Petitions")
package ma.opencommune.petitions;
