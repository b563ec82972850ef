package ma.opencommune.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ma.opencommune.platform.Localized;
import ma.opencommune.platform.Morocco;

/**
 * A co-creation process of a collectivity's Open Commune program, with its public timeline of phases.
 * Dates are calendar days in Morocco; a phase runs from its first to its last day inclusive.
 */
public record Process(long id, long collectivityId, Localized title, Localized description, LocalDate startsOn,
        LocalDate endsOn, Instant publishedAt, List<Phase> phases) {

    /** OGP-1: the timeline should be public at least this long before the process starts. */
    public static final int NOTICE_DAYS = 14;

    /** One phase with its dates and what staff say it opens. */
    public record Phase(PhaseKind kind, LocalDate startsOn, LocalDate endsOn, Localized note) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }

        /** {@code past}, {@code current} or {@code upcoming} on that day. */
        public String state(LocalDate day) {
            return day.isAfter(endsOn) ? "past" : day.isBefore(startsOn) ? "upcoming" : "current";
        }
    }

    public boolean published() {
        return publishedAt != null;
    }

    public Optional<Phase> phase(PhaseKind kind) {
        return phases.stream().filter(p -> p.kind() == kind).findFirst();
    }

    /** Whether the phase of this kind exists, the process is published and the day falls within the phase. */
    public boolean isOpen(PhaseKind kind, LocalDate day) {
        return published() && phase(kind).map(p -> p.covers(day)).orElse(false);
    }

    public List<Phase> currentPhases(LocalDate day) {
        return phases.stream().filter(p -> p.covers(day)).toList();
    }

    /** {@code past}, {@code current} or {@code upcoming} on that day. */
    public String state(LocalDate day) {
        return day.isAfter(endsOn) ? "past" : day.isBefore(startsOn) ? "upcoming" : "current";
    }

    /** OGP-1: true when the timeline was (or, unpublished, would be today) made public less than 14 days before the start. */
    public boolean lateNotice(LocalDate today) {
        LocalDate publishedOn = publishedAt == null ? today : publishedAt.atZone(Morocco.ZONE).toLocalDate();
        return publishedOn.isAfter(startsOn.minusDays(NOTICE_DAYS));
    }
}
