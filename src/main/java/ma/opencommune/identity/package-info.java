/**
 * Accounts, login, email confirmation and password reset, roles per collectivity, resident verification
 * (with the CIN encrypted and hashed, PDP-2) and personal API tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package ma.opencommune.identity;
