/**
 * Append-only action log: who did what, when, in which collectivity. Fed by every {@link ma.opencommune.platform.Auditable}
 * event through the JDBC event publication registry; read by a collectivity's staff.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package ma.opencommune.audit;
