package ma.opencommune.council;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A project as lists, the map and the CSV show it. Titles exist in Arabic, French or both. */
public record ProjectLine(long id, String titleAr, String titleFr, ProjectSector sector, ProjectStatus status, int progress,
        BigDecimal costMad, BigDecimal latitude, BigDecimal longitude, LocalDate startsOn, LocalDate endsOn, LocalDate lastUpdateOn,
        boolean published) {

    /** The title in the page's language where there is one: Arabic on Arabic pages, French on the others. */
    public String title(String lang) {
        return "ar".equals(lang) ? (titleAr != null ? titleAr : titleFr) : (titleFr != null ? titleFr : titleAr);
    }

    /** The language the shown title is written in (for its lang attribute). */
    public String titleLang(String lang) {
        return "ar".equals(lang) ? (titleAr != null ? "ar" : "fr") : (titleFr != null ? "fr" : "ar");
    }

    /** Progress rounded down to the 5 % steps of the progress bar's classes (no inline style under the CSP). */
    public int progressStep() {
        return progress / 5 * 5;
    }
}
