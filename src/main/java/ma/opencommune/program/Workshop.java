package ma.opencommune.program;

import java.time.Instant;
import java.util.Map;
import ma.opencommune.platform.Localized;

/**
 * A workshop of a co-creation process, in person or online, with its registrations and the participation
 * figures staff recorded (OGP-1, PAC-2). Times are instants, shown in Morocco's time zone.
 */
public record Workshop(long id, long processId, long collectivityId, Localized title, String agenda, Mode mode, String place,
        String onlineUrl, Instant startsAt, Instant endsAt, Integer capacity, String minutes, Instant minutesPublishedAt,
        Instant cancelledAt, Instant createdAt, int registered, Attendance attendance) {

    /** How people take part. */
    public enum Mode { IN_PERSON, ONLINE }

    /** Attendees as staff recorded them: no names, only the self-declared gender and age band (PDP-1). */
    public record Attendance(int total, int women, int men, Map<String, Integer> ages) {

        public static final Attendance NONE = new Attendance(0, 0, 0, Map.of());

        public int undeclared() {
            return total - women - men;
        }

        public int age(String band) {
            return ages.getOrDefault(band, 0);
        }

        /** Share of women among attendees, in whole percent (0 without attendees). */
        public int womenPercent() {
            return total == 0 ? 0 : (int) Math.round(100.0 * women / total);
        }

        public Attendance plus(Attendance o) {
            Map<String, Integer> sum = new java.util.LinkedHashMap<>(ages);
            o.ages.forEach((k, v) -> sum.merge(k, v, Integer::sum));
            return new Attendance(total + o.total, women + o.women, men + o.men, sum);
        }
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public boolean started(Instant now) {
        return !now.isBefore(startsAt);
    }

    public boolean ended(Instant now) {
        return !now.isBefore(endsAt);
    }

    /** Registration is open from announcement until the start, unless cancelled (not tied to the phase dates). */
    public boolean registrationOpen(Instant now) {
        return !cancelled() && !started(now);
    }

    public boolean full() {
        return capacity != null && registered >= capacity;
    }

    /** Seats left, or null when the capacity is not limited. */
    public Integer placesLeft() {
        return capacity == null ? null : Math.max(0, capacity - registered);
    }

    public boolean minutesPublished() {
        return minutesPublishedAt != null;
    }
}
