package ma.opencommune.network.exchange.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import ma.opencommune.network.exchange.NetworkEvent;
import ma.opencommune.network.exchange.NetworkEvents;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.Morocco;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;

/** The coordinator's form of a network event; times (Morocco's), dates, numbers and the host's slug arrive as text. */
public class EventForm {

    private String kind;
    private String titleAr;
    private String titleFr;
    private String descriptionAr;
    private String descriptionFr;
    private String startsAt;
    private String endsAt;
    private String place;
    private String onlineUrl;
    private String host;
    private String capacity;
    private String registrationClosesOn;
    private String submissionKey;

    static EventForm of(NetworkEvent e, Territory territory) {
        EventForm f = new EventForm();
        f.kind = e.kind().name();
        f.titleAr = e.titleAr();
        f.titleFr = e.titleFr();
        f.descriptionAr = e.descriptionAr();
        f.descriptionFr = e.descriptionFr();
        f.startsAt = LocalDateTime.ofInstant(e.startsAt(), Morocco.ZONE).toString();
        f.endsAt = LocalDateTime.ofInstant(e.endsAt(), Morocco.ZONE).toString();
        f.place = e.place();
        f.onlineUrl = e.onlineUrl();
        f.host = e.hostCollectivityId() == null ? null : territory.find(e.hostCollectivityId()).map(Collectivity::slug).orElse(null);
        f.capacity = e.capacity() == null ? null : String.valueOf(e.capacity());
        f.registrationClosesOn = e.registrationClosesOn().toString();
        return f;
    }

    /** The details as typed; what is not a kind, time, date, number or known collectivity goes into {@code typed}. */
    NetworkEvents.Details details(Check typed, Territory territory) {
        NetworkEvent.Kind k = null;
        if (!Check.blank(kind)) {
            try {
                k = NetworkEvent.Kind.valueOf(kind.strip());
            } catch (IllegalArgumentException e) {
                typed.reject("kind", "validation.choose");
            }
        }
        Long hostId = null;
        if (!Check.blank(host)) {
            hostId = territory.find(host.strip()).map(Collectivity::id).orElse(null);
            typed.when(hostId == null, "host", "network.exchange.validation.host");
        }
        Integer cap = null;
        if (!Check.blank(capacity)) {
            Long n = Check.number(capacity);
            typed.when(n == null || n < 1 || n > 100_000, "capacity", "network.exchange.validation.capacity");
            cap = n == null || n < 1 || n > 100_000 ? null : n.intValue();
        }
        LocalDate closes = typed.date("registrationClosesOn", registrationClosesOn, false);
        return new NetworkEvents.Details(k, titleAr, titleFr, descriptionAr, descriptionFr, time(typed, "startsAt", startsAt),
                time(typed, "endsAt", endsAt), place, onlineUrl, hostId, cap, closes);
    }

    private static LocalDateTime time(Check typed, String field, String value) {
        if (Check.blank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            typed.reject(field, "network.exchange.validation.time");
            return null;
        }
    }

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getTitleAr() { return titleAr; }
    public void setTitleAr(String v) { titleAr = v; }
    public String getTitleFr() { return titleFr; }
    public void setTitleFr(String v) { titleFr = v; }
    public String getDescriptionAr() { return descriptionAr; }
    public void setDescriptionAr(String v) { descriptionAr = v; }
    public String getDescriptionFr() { return descriptionFr; }
    public void setDescriptionFr(String v) { descriptionFr = v; }
    public String getStartsAt() { return startsAt; }
    public void setStartsAt(String v) { startsAt = v; }
    public String getEndsAt() { return endsAt; }
    public void setEndsAt(String v) { endsAt = v; }
    public String getPlace() { return place; }
    public void setPlace(String v) { place = v; }
    public String getOnlineUrl() { return onlineUrl; }
    public void setOnlineUrl(String v) { onlineUrl = v; }
    public String getHost() { return host; }
    public void setHost(String v) { host = v; }
    public String getCapacity() { return capacity; }
    public void setCapacity(String v) { capacity = v; }
    public String getRegistrationClosesOn() { return registrationClosesOn; }
    public void setRegistrationClosesOn(String v) { registrationClosesOn = v; }
    public String getSubmissionKey() { return submissionKey; }
    public void setSubmissionKey(String v) { submissionKey = v; }
}
