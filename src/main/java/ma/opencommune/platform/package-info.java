/**
 * Shared platform: layout, languages, error handling, outgoing mail, and the contracts other modules share
 * (not-found and conflict exceptions, auditable events). Open to every module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package ma.opencommune.platform;
