package ma.opencommune.information;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ma.opencommune.calendar.HolidayChanged;
import ma.opencommune.calendar.WorkingCalendar;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.platform.Auditable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CAL-3: when a holiday is confirmed or moved, every open request whose clock runs across the changed days gets its
 * due date recomputed at once, and the change is written to each request's history (Alaveteli's bug #7292 is the
 * missing recomputation). Set-based: two reads, one calendar, batched writes, whatever the number of requests.
 */
@Service
public class DueDates {

    /** What one recomputation did. */
    public record Result(int examined, int changed) {
    }

    /** One line of the action log for the whole recomputation (the per-request steps are in their histories). */
    record Recomputed(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, int examined, int changed, String why)
            implements Auditable {
        public String action() {
            return "information.due-dates-recomputed";
        }

        public String summary() {
            return changed + " of " + examined + " open due dates changed: " + why;
        }
    }

    private record Open(long id, long collectivityId, LocalDate receivedOn, boolean urgent, boolean extended, LocalDate dueOn) {
    }

    private final JdbcTemplate jdbc;
    private final LegalClock legalClock;
    private final WorkingDays workingDays;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DueDates(JdbcTemplate jdbc, InformationRules rules, WorkingDays workingDays, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.legalClock = new LegalClock(rules);
        this.workingDays = workingDays;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(HolidayChanged changed) {
        recompute(changed.affectedFrom(), changed.summary());
    }

    /** Recomputes the open requests whose due date is on or after {@code affectedFrom}. Idempotent. */
    @Transactional
    public Result recompute(LocalDate affectedFrom, String why) {
        String open = " from info_request where closed_at is null and due_on >= ?";
        List<Open> requests = jdbc.query("select id, collectivity_id, received_on, urgent, extended_on, due_on" + open,
                (rs, i) -> new Open(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4),
                        rs.getObject(5) != null, rs.getObject(6, LocalDate.class)), Date.valueOf(affectedFrom));
        if (requests.isEmpty()) {
            return new Result(0, 0);
        }
        Map<Long, List<LegalClock.Pause>> pauses = new HashMap<>();
        jdbc.query("select request_id, asked_on, answered_on from info_clarification where request_id in (select id" + open + ")",
                rs -> {
                    pauses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new LegalClock.Pause(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
                }, Date.valueOf(affectedFrom));
        LocalDate from = requests.stream().map(Open::receivedOn).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = requests.stream().map(Open::dueOn).max(LocalDate::compareTo).orElseThrow().plusDays(400);
        WorkingCalendar calendar = workingDays.calendar(from, to);
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now(clock));
        for (Open r : requests) {
            LegalClock.Inputs in = new LegalClock.Inputs(r.receivedOn(), r.urgent(), r.extended(), pauses.getOrDefault(r.id(), List.of()));
            LocalDate due = legalClock.due(in, calendar).orElseGet(() -> legalClock.due(in, workingDays));
            if (!due.equals(r.dueOn())) {
                updates.add(new Object[] {Date.valueOf(due), r.id()});
                history.add(new Object[] {r.id(), r.collectivityId(), now, InformationEvents.Step.DUE_RECOMPUTED.name(), false,
                        Date.valueOf(r.dueOn()), Date.valueOf(due), why.length() > 2000 ? why.substring(0, 2000) : why});
            }
        }
        jdbc.batchUpdate("update info_request set due_on = ?, version = version + 1 where id = ?", updates);
        jdbc.batchUpdate("insert into info_request_event (request_id, collectivity_id, at, kind, internal, previous_due_on, due_on, detail)"
                + " values (?,?,?,?,?,?,?,?)", history);
        events.publishEvent(new Recomputed(UUID.randomUUID(), Instant.now(clock), null, null, requests.size(), updates.size(), why));
        return new Result(requests.size(), updates.size());
    }
}
