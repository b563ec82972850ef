package ma.opencommune.petitions.internal;

import java.time.Clock;
import ma.opencommune.petitions.PetitionEvents;
import ma.opencommune.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Issue scope 8: the steps the agent (PET-3) and the signatories who opted in hear about. The listener sends nothing
 * itself: it records the step in {@code petition_mail}, in the transaction that completes the event's publication,
 * and {@link PetitionMailBatches} mails the agent and then the signatories in bounded batches. A petition may have
 * 100,000 signatories: no single transaction or mail-server conversation has to carry them all. Idempotent: the row is
 * keyed on the petition and the step, so an event delivered again (the registry is at-least-once) adds nothing, and
 * a threshold reached again after withdrawals is not announced twice.
 */
@Component
class PetitionMails {

    private final JdbcClient jdbc;
    private final Clock clock;

    PetitionMails(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The steps worth a mail: the threshold, the filing, the bureau's decision (PET-5, PET-6) and the outcome. */
    static boolean mailed(PetitionEvents.Step step) {
        return switch (step) {
            case THRESHOLD_REACHED, FILED, ACCEPTED, REJECTED, DECLARED_INADMISSIBLE, CONCLUDED -> true;
            default -> false;
        };
    }

    @ApplicationModuleListener
    void on(PetitionEvents.PetitionStepped event) {
        if (!mailed(event.step()) || event.collectivityId() == null) {
            return;
        }
        // "On conflict do nothing" rather than catching the duplicate key, which would leave a PostgreSQL transaction aborted.
        jdbc.sql("insert into petition_mail (petition_id, step, collectivity_id, created_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(event.petitionId(), event.step().name(), event.collectivityId(), Sql.now(clock))
                .update();
    }
}
