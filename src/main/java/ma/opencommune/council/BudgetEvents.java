package ma.opencommune.council;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What staff do to a budget and its execution, for the action log. */
public final class BudgetEvents {

    private BudgetEvents() {
    }

    /** The kinds of change the log tells apart. */
    public enum Change {
        DRAFTED, IMPORTED, LINE_ADDED, LINE_CHANGED, LINE_REMOVED, PUBLISHED, EXECUTION_IMPORTED, EXECUTION_CHANGED, EXECUTION_PUBLISHED,
        SUMMARY_WRITTEN
    }

    /** One change to the budget of {@code year}; {@code detail} says which budget, period or line, never personal data. */
    public record BudgetChanged(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, int year, Change change,
            String detail) implements Auditable {

        public static BudgetChanged now(long collectivityId, long actorId, int year, Change change, String detail) {
            return new BudgetChanged(UUID.randomUUID(), Instant.now(), collectivityId, actorId, year, change, detail);
        }

        @Override
        public String action() {
            return "budget." + change.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @Override
        public String summary() {
            return "budget " + year + ": " + change.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + detail + ")";
        }
    }
}
