package ma.opencommune.audit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import ma.opencommune.platform.Auditable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes auditable events the way a module does (inside a transaction, so the registry delivers them after
 * commit) and waits until the asynchronous listener has written them.
 */
final class SampleActions {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    SampleActions(TransactionTemplate tx, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.tx = tx;
        this.events = events;
        this.jdbc = jdbc;
    }

    void publish(List<? extends Auditable> actions) {
        tx.executeWithoutResult(status -> actions.forEach(events::publishEvent));
    }

    /** Publishes the events and returns once each has its entry in the log. */
    <T extends Auditable> List<T> record(List<T> actions) {
        publish(actions);
        awaitRecorded(actions);
        return actions;
    }

    void awaitRecorded(List<? extends Auditable> actions) {
        List<String> ids = actions.stream().map(a -> a.eventId().toString()).toList();
        await().atMost(PATIENCE).until(() -> jdbc.sql("select count(*) from audit_entry where event_id in (:ids)")
                .param("ids", ids).query(Integer.class).single() == ids.size());
    }

    int entriesOf(Auditable action) {
        return jdbc.sql("select count(*) from audit_entry where event_id = ?").param(action.eventId().toString())
                .query(Integer.class).single();
    }
}
