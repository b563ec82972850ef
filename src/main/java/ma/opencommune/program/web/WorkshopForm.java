package ma.opencommune.program.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.Localized;
import ma.opencommune.platform.Morocco;
import ma.opencommune.program.Workshop;
import ma.opencommune.program.Workshops;

/** The workshop form: titles in three scripts, agenda, mode with place or link, times in Morocco, capacity. */
public class WorkshopForm {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    /** What browsers send for datetime-local (seconds optional), or the same typed with a space. */
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss]")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private String titleAr, titleFr, titleZgh, agenda, mode = "IN_PERSON", place, onlineUrl, startsAt, endsAt, capacity;

    static WorkshopForm of(Workshop w) {
        WorkshopForm f = new WorkshopForm();
        f.titleAr = w.title().ar();
        f.titleFr = w.title().fr();
        f.titleZgh = w.title().zgh();
        f.agenda = w.agenda();
        f.mode = w.mode().name();
        f.place = w.place();
        f.onlineUrl = w.onlineUrl();
        f.startsAt = LOCAL.format(w.startsAt().atZone(Morocco.ZONE));
        f.endsAt = LOCAL.format(w.endsAt().atZone(Morocco.ZONE));
        f.capacity = w.capacity() == null ? null : String.valueOf(w.capacity());
        return f;
    }

    /**
     * The draft. A time that cannot be read is reported in {@code parse} and passed on as missing; a capacity that
     * is not a whole number in range is passed on as 0: either way {@link Workshops} refuses the draft, so a bad
     * value is never saved.
     */
    Workshops.Draft toDraft(Check parse) {
        return new Workshops.Draft(new Localized(titleAr, titleFr, titleZgh), agenda, mode, place, onlineUrl,
                time(parse, "startsAt", startsAt), time(parse, "endsAt", endsAt), capacity());
    }

    private Integer capacity() {
        if (Check.blank(capacity)) {
            return null;
        }
        try {
            long n = Long.parseLong(capacity.strip());
            return n < 1 || n > Workshops.MAX_CAPACITY ? 0 : (int) n;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A time from {@code <input type="datetime-local">}, or typed by hand as 2027-03-31 10:00. */
    static LocalDateTime time(Check check, String field, String value) {
        if (Check.blank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) +", "$1T"), INPUT);
        } catch (DateTimeParseException e) {
            check.reject(field, "program.workshop.time");
            return null;
        }
    }

    public String getTitleAr() { return titleAr; }
    public void setTitleAr(String v) { titleAr = v; }
    public String getTitleFr() { return titleFr; }
    public void setTitleFr(String v) { titleFr = v; }
    public String getTitleZgh() { return titleZgh; }
    public void setTitleZgh(String v) { titleZgh = v; }
    public String getAgenda() { return agenda; }
    public void setAgenda(String v) { agenda = v; }
    public String getMode() { return mode; }
    public void setMode(String v) { mode = v; }
    public String getPlace() { return place; }
    public void setPlace(String v) { place = v; }
    public String getOnlineUrl() { return onlineUrl; }
    public void setOnlineUrl(String v) { onlineUrl = v; }
    public String getStartsAt() { return startsAt; }
    public void setStartsAt(String v) { startsAt = v; }
    public String getEndsAt() { return endsAt; }
    public void setEndsAt(String v) { endsAt = v; }
    public String getCapacity() { return capacity; }
    public void setCapacity(String v) { capacity = v; }
}
