/**
 * Transparency and accountability of the council: its members, ordinary (PET-8) and extraordinary sessions with
 * their agendas, attendance, minutes and deliberations with votes; the budget and its execution; the collectivity's
 * projects on a map; and a typed document library. What the Moroccan transparency index checks a commune publishes,
 * one click away and machine-readable too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Council")
package ma.opencommune.council;
