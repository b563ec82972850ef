package ma.opencommune.program;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A formal opinion a consultative body adopted (BODY-2, BODY-3) on the draft program ({@code commitmentId} null)
 * or on one commitment, with its numbered recommendations and the staff's answer to each (OGP-1).
 */
public record Opinion(long id, long processId, long bodyId, Long commitmentId, Integer commitmentNumber, String title,
        String text, LocalDate adoptedOn, Instant createdAt, List<Recommendation> recommendations) {

    /** How staff took a recommendation into account. */
    public enum Response {
        TAKEN, PARTLY_TAKEN, NOT_TAKEN;

        /** The response of a form value, or null when it names none. */
        public static Response parse(String value) {
            for (Response r : values()) {
                if (r.name().equals(value)) {
                    return r;
                }
            }
            return null;
        }
    }

    /** A numbered recommendation and its answer (null while awaiting one). */
    public record Recommendation(long id, long opinionId, int number, String text, Response response, String reason,
            Instant respondedAt) {

        public boolean answered() {
            return response != null;
        }
    }

    public int answered() {
        return (int) recommendations.stream().filter(Recommendation::answered).count();
    }

    /** Share of recommendations answered, 0 to 100. */
    public int percentAnswered() {
        return recommendations.isEmpty() ? 0 : answered() * 100 / recommendations.size();
    }

    /** Days the unanswered recommendations have been waiting since the opinion was recorded. */
    public long daysWaiting(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(createdAt.atZone(ma.opencommune.platform.Morocco.ZONE).toLocalDate(), today));
    }
}
