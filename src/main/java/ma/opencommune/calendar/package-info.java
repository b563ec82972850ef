/**
 * The legal working-day calendar: Moroccan public holidays (fixed-date CAL-2, Hijri CAL-3, provisional until a
 * platform admin confirms or moves them) and working-day arithmetic for legal clocks (CAL-1). Other modules call
 * {@link ma.opencommune.calendar.WorkingDays} and listen to {@link ma.opencommune.calendar.HolidayChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar", allowedDependencies = {"platform", "identity"})
package ma.opencommune.calendar;
