/**
 * Access to information under Law 31-13: requests and their legal clocks (ATI-4..6, CAL-1..3), the officers'
 * workspace (ATI-10), refusals on a closed list of grounds (ATI-7), complaints to the head of the body and to the
 * CDAI (ATI-8, ATI-9), publication of redacted answers (PDP-2), the proactive publication register (ATI-11) and
 * public statistics per collectivity.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Information")
package ma.opencommune.information;
