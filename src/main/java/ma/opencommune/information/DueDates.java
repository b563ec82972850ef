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

    /** Ids per statement: well under every driver's limit on bind parameters. */
    private static final int CHUNK = 1000;

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
        // The rows are locked while they are recomputed: an officer's transition waits, and the history written below
        // never records a change that a concurrent transition would overwrite.
        List<Open> requests = jdbc.query("select id, collectivity_id, received_on, urgent, extended_on, due_on" + open + " for update",
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
        // Requests that move from the same date to the same date are written together: a few statements per pair
        // of dates (a holiday move yields a handful of pairs), not one per request (20,000 open requests in < 5 s).
        Map<List<LocalDate>, List<Long>> moves = new java.util.LinkedHashMap<>();
        for (Open r : requests) {
            LegalClock.Inputs in = new LegalClock.Inputs(r.receivedOn(), r.urgent(), r.extended(), pauses.getOrDefault(r.id(), List.of()));
            LocalDate due = legalClock.due(in, calendar).orElseGet(() -> legalClock.due(in, workingDays));
            if (!due.equals(r.dueOn())) {
                moves.computeIfAbsent(List.of(r.dueOn(), due), k -> new ArrayList<>()).add(r.id());
            }
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        String detail = why.length() > 2000 ? why.substring(0, 2000) : why;
        int changed = 0;
        for (Map.Entry<List<LocalDate>, List<Long>> move : moves.entrySet()) {
            Date previous = Date.valueOf(move.getKey().get(0));
            Date due = Date.valueOf(move.getKey().get(1));
            List<Long> ids = move.getValue();
            for (int start = 0; start < ids.size(); start += CHUNK) {
                List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + CHUNK));
                String in = " where id in (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                        + ") and closed_at is null and due_on = ?";
                List<Object> args = new ArrayList<>(chunk);
                args.add(previous);
                List<Object> insertArgs = new ArrayList<>(List.of(now, InformationEvents.Step.DUE_RECOMPUTED.name(), previous, due, detail));
                insertArgs.addAll(args);
                jdbc.update("insert into info_request_event (request_id, collectivity_id, at, kind, internal, previous_due_on, due_on, detail)"
                        + " select id, collectivity_id, cast(? as timestamp with time zone), cast(? as varchar(40)), false, cast(? as date),"
                        + " cast(? as date), cast(? as varchar(2000)) from info_request" + in, insertArgs.toArray());
                List<Object> updateArgs = new ArrayList<>(List.of(due));
                updateArgs.addAll(args);
                changed += jdbc.update("update info_request set due_on = ?, version = version + 1" + in, updateArgs.toArray());
            }
        }
        events.publishEvent(new Recomputed(UUID.randomUUID(), Instant.now(clock), null, null, requests.size(), changed, why));
        return new Result(requests.size(), changed);
    }
}
