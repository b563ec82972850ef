package ma.opencommune.network.exchange;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An event of the network (workshop, webinar, study visit) as pages show it, with the number of registrations counted
 * from the rows (never a counter). The public sees only the places left, never who registered.
 */
public record NetworkEvent(long id, Kind kind, boolean cancelled, String titleAr, String titleFr, String descriptionAr,
        String descriptionFr, Instant startsAt, Instant endsAt, String place, String onlineUrl, Long hostCollectivityId, Integer capacity,
        LocalDate registrationClosesOn, String cancelReason, int registered) {

    /** The kinds of event. */
    public enum Kind {
        WORKSHOP, WEBINAR, STUDY_VISIT
    }

    public String title(String lang) {
        return "ar".equals(titleLang(lang)) ? titleAr : titleFr;
    }

    public String titleLang(String lang) {
        if ("ar".equals(lang)) {
            return titleAr != null ? "ar" : "fr";
        }
        return titleFr != null ? "fr" : "ar";
    }

    /** Places left, or null when the event has no limit. */
    public Integer placesLeft() {
        return capacity == null ? null : Math.max(0, capacity - registered);
    }

    /** Whether registration is open on this day (Morocco's): not cancelled, not closed, not full. */
    public boolean open(LocalDate today) {
        return !cancelled && !today.isAfter(registrationClosesOn) && (capacity == null || registered < capacity);
    }
}
