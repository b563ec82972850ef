package ma.opencommune.information;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ma.opencommune.calendar.WorkingCalendar;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officers' queue (ATI-10): the open requests of one collectivity by due date, with the overdue and the
 * due-soon ones marked, and the closed ones newest first. A page costs the same few statements whatever the number
 * of requests: one for the rows, one for the counts, one working-day calendar for every clock of the page, one for
 * the officers' names. The open rows are read through {@code ix_request_queue (collectivity_id, closed_at, due_on)}.
 */
@Service
@Transactional(readOnly = true)
public class OfficerQueue {

    /** Rows per page: a day's work for a busy body, small enough for a phone. */
    public static final int PAGE_SIZE = 50;

    /** Which open requests to show. */
    public enum Filter {
        ALL, MINE, UNASSIGNED;

        public static Filter parse(String value) {
            for (Filter f : values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            return ALL;
        }
    }

    /** Where a row's clock stands, in words and icon on the page (never by colour alone). */
    public enum Urgency { OVERDUE, DUE_SOON, PAUSED, ON_TIME, CLOSED }

    /** One line of the queue. {@code daysLeft} is negative once overdue. */
    public record Row(String trackingNumber, String subject, Instant receivedAt, LocalDate dueOn, int daysLeft, RequestStatus status,
            Long assigneeId, String assigneeName, boolean urgent, Urgency urgency, Instant closedAt) {

        /** The Moroccan day of receipt. */
        public LocalDate receivedOn() {
            return WorkingDays.dayOf(receivedAt);
        }

        public LocalDate closedOn() {
            return closedAt == null ? null : WorkingDays.dayOf(closedAt);
        }
    }

    /** The whole open queue, whatever the filter. */
    public record Counts(int open, int overdue, int dueSoon) {
    }

    /** A page of the queue; {@code next} is the cursor of the following page, null on the last one. */
    public record Page(List<Row> rows, Counts counts, LocalDate today, String next, int pageNumber) {
    }

    private final JdbcClient jdbc;
    private final InformationGuard guard;
    private final WorkingDays workingDays;
    private final InformationRequests requests;

    OfficerQueue(JdbcClient jdbc, InformationGuard guard, WorkingDays workingDays, InformationRequests requests) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.workingDays = workingDays;
        this.requests = requests;
    }

    private static final String ROW_COLUMNS = "tracking_number, subject, received_at, due_on, status, assigned_to, urgent, closed_at, id";

    /** The open requests by due date (then by arrival), {@code page} counted from 0, bounded by the open queue's size. */
    public Page open(Collectivity c, AccountUser officer, Filter filter, int page) {
        guard.requireOfficer(officer, c);
        int pageNumber = Math.max(0, Math.min(page, 10_000));
        String select = "select " + ROW_COLUMNS + " from info_request where collectivity_id = ? and closed_at is null";
        String order = " order by due_on, id limit ? offset ?";
        int limit = PAGE_SIZE + 1;
        int offset = pageNumber * PAGE_SIZE;
        List<Raw> raws = (switch (filter) {
            case MINE -> jdbc.sql(select + " and assigned_to = ?" + order).params(c.id(), officer.id(), limit, offset);
            case UNASSIGNED -> jdbc.sql(select + " and assigned_to is null" + order).params(c.id(), limit, offset);
            case ALL -> jdbc.sql(select + order).params(c.id(), limit, offset);
        }).query(OfficerQueue::raw).list();
        boolean more = raws.size() > PAGE_SIZE;
        List<Raw> shown = more ? raws.subList(0, PAGE_SIZE) : raws;
        LocalDate today = requests.today();
        int soonDays = requests.rules().dueSoonWorkingDays();
        LocalDate from = shown.isEmpty() || !shown.get(0).dueOn.isBefore(today) ? today : shown.get(0).dueOn;
        LocalDate lastDue = shown.isEmpty() ? today : shown.get(shown.size() - 1).dueOn;
        // Wide enough for the due-soon horizon through any weekend and holiday cluster.
        LocalDate horizon = today.plusDays(soonDays * 2L + 21);
        WorkingCalendar calendar = workingDays.calendar(from, lastDue.isAfter(horizon) ? lastDue : horizon);
        LocalDate soonLimit = calendar.addWorkingDays(today, soonDays);
        Counts counts = jdbc.sql("""
                select count(*),
                    coalesce(sum(case when status <> 'CLARIFICATION' and due_on < ? then 1 else 0 end), 0),
                    coalesce(sum(case when status <> 'CLARIFICATION' and due_on >= ? and due_on <= ? then 1 else 0 end), 0)
                from info_request where collectivity_id = ? and closed_at is null""")
                .params(today, today, soonLimit, c.id())
                .query((rs, i) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
        Map<Long, String> names = names(c);
        List<Row> rows = shown.stream().map(r -> {
            Urgency urgency = r.status == RequestStatus.CLARIFICATION ? Urgency.PAUSED
                    : today.isAfter(r.dueOn) ? Urgency.OVERDUE
                    : r.dueOn.isAfter(soonLimit) ? Urgency.ON_TIME : Urgency.DUE_SOON;
            return row(r, calendar.workingDaysBetween(today, r.dueOn), urgency, names);
        }).toList();
        return new Page(rows, counts, today, more ? String.valueOf(pageNumber + 1) : null, pageNumber);
    }

    /**
     * The closed requests, newest first, a keyset page at a time ({@code after} is the cursor the previous page gave:
     * the closing instant and id of its last row), so a collectivity with tens of thousands of answered requests
     * pages as fast at the end as at the start.
     */
    public Page closed(Collectivity c, AccountUser officer, String after) {
        guard.requireOfficer(officer, c);
        Cursor cursor = Cursor.parse(after);
        List<Raw> raws = (cursor == null
                ? jdbc.sql("select " + ROW_COLUMNS + " from info_request where collectivity_id = ? and closed_at is not null"
                        + " order by closed_at desc, id desc limit ?").params(c.id(), PAGE_SIZE + 1)
                : jdbc.sql("select " + ROW_COLUMNS + " from info_request where collectivity_id = ? and closed_at is not null"
                        // "closed_at <= ?" alone is what the index can seek to; the rest breaks ties on the same instant.
                        + " and closed_at <= ? and (closed_at < ? or id < ?) order by closed_at desc, id desc limit ?")
                        .params(c.id(), Sql.at(cursor.at), Sql.at(cursor.at), cursor.id, PAGE_SIZE + 1))
                .query(OfficerQueue::raw).list();
        boolean more = raws.size() > PAGE_SIZE;
        List<Raw> shown = more ? raws.subList(0, PAGE_SIZE) : raws;
        Map<Long, String> names = names(c);
        List<Row> rows = shown.stream().map(r -> row(r, 0, Urgency.CLOSED, names)).toList();
        Raw last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        String next = more ? last.closedAt + "_" + last.id : null;
        return new Page(rows, null, requests.today(), next, 0);
    }

    /** An internal note, shown to officers only. */
    public record Note(Instant createdAt, Long authorId, String body) {
    }

    /** The internal notes of a request, oldest first (never shown to the requester or the public). */
    public List<Note> notes(InformationRequest r) {
        return jdbc.sql("select created_at, author_id, body from info_note where request_id = ? and collectivity_id = ? order by created_at, id")
                .params(r.id(), r.collectivityId())
                .query((rs, i) -> new Note(Sql.instant(rs, "created_at"), (Long) rs.getObject("author_id", Long.class), rs.getString("body")))
                .list();
    }

    private Map<Long, String> names(Collectivity c) {
        return guard.officers(c).stream().collect(Collectors.toMap(RoleGrants.Grant::accountId, RoleGrants.Grant::displayName, (a, b) -> a));
    }

    private static Row row(Raw r, int daysLeft, Urgency urgency, Map<Long, String> names) {
        return new Row(r.trackingNumber, r.subject, r.receivedAt, r.dueOn, daysLeft, r.status, r.assignedTo,
                r.assignedTo == null ? null : names.getOrDefault(r.assignedTo, "#" + r.assignedTo), r.urgent, urgency, r.closedAt);
    }

    private record Raw(long id, String trackingNumber, String subject, Instant receivedAt, LocalDate dueOn, RequestStatus status,
            Long assignedTo, boolean urgent, Instant closedAt) {
    }

    private static Raw raw(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Raw(rs.getLong("id"), rs.getString("tracking_number"), rs.getString("subject"), Sql.instant(rs, "received_at"),
                rs.getObject("due_on", LocalDate.class), RequestStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("assigned_to", Long.class), rs.getBoolean("urgent"), Sql.instant(rs, "closed_at"));
    }

    private record Cursor(Instant at, long id) {
        static Cursor parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            int sep = value.lastIndexOf('_');
            try {
                return new Cursor(Instant.parse(value.substring(0, Math.max(0, sep))), Long.parseLong(value.substring(sep + 1)));
            } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
                return null; // a tampered cursor starts again from the newest
            }
        }
    }
}
