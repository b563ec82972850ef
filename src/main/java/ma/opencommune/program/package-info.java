/**
 * Co-creation of a collectivity's Open Commune program with citizens, associations and consultative bodies:
 * processes and phases, diagnosis, proposals, workshops, bodies' opinions, commitments, milestones and their
 * monitoring (PAC-1..3, BODY-1..3, OGP-1..3).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Program")
package ma.opencommune.program;
