package ma.opencommune.information;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints of a requester: to the head of the body (ATI-8), then to the CDAI (ATI-9), each filed within its window
 * with its own clock, and the outcomes. The window's last day and the answer's due date are stored at filing, so a
 * later change of the rulebook does not move a complaint already made.
 */
@Service
@Transactional
public class Complaints {

    static final int BODY_MAX = 10_000;
    static final int REFERENCE_MAX = 100;

    /** One complaint and, once known, its outcome. */
    public record Complaint(long id, ComplaintLevel level, Instant filedAt, LocalDate filedOn, LocalDate windowClosedOn, LocalDate dueOn,
            String body, String reference, ComplaintOutcome outcome, String outcomeText, LocalDate outcomeOn) {

        public boolean decided() {
            return outcome != null;
        }

        public boolean overdue(LocalDate today) {
            return outcome == null && today.isAfter(dueOn);
        }
    }

    /** What the requester's page shows: the complaints made and the windows still to come (empty when none). */
    public record State(List<Complaint> complaints, Optional<ComplaintWindows.Window> headWindow, Optional<ComplaintWindows.Window> cdaiWindow,
            boolean headOpen, boolean cdaiOpen) {

        public Optional<Complaint> head() {
            return complaints.stream().filter(c -> c.level() == ComplaintLevel.HEAD).findFirst();
        }

        public Optional<Complaint> cdai() {
            return complaints.stream().filter(c -> c.level() == ComplaintLevel.CDAI).findFirst();
        }
    }

    private final JdbcClient jdbc;
    private final RequestStore store;
    private final InformationRequests requests;
    private final InformationGuard guard;
    private final WorkingDays workingDays;
    private final ComplaintWindows windows;
    private final Clock clock;

    Complaints(JdbcClient jdbc, RequestStore store, InformationRequests requests, InformationGuard guard, WorkingDays workingDays,
            InformationRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.requests = requests;
        this.guard = guard;
        this.workingDays = workingDays;
        this.windows = new ComplaintWindows(rules);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Complaint> list(InformationRequest r) {
        return jdbc.sql("select id, level, filed_at, filed_on, window_closed_on, due_on, body, reference, outcome, outcome_text, outcome_on"
                + " from info_complaint where request_id = ? and collectivity_id = ? order by filed_at, id")
                .params(r.id(), r.collectivityId())
                .query((rs, i) -> new Complaint(rs.getLong("id"), ComplaintLevel.valueOf(rs.getString("level")), Sql.instant(rs, "filed_at"),
                        RequestStore.date(rs, "filed_on"), RequestStore.date(rs, "window_closed_on"), RequestStore.date(rs, "due_on"),
                        rs.getString("body"), rs.getString("reference"),
                        rs.getString("outcome") == null ? null : ComplaintOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("outcome_text"), RequestStore.date(rs, "outcome_on")))
                .list();
    }

    /** The complaints of a request and the windows as of today. */
    @Transactional(readOnly = true)
    public State state(InformationRequest r) {
        return state(r, list(r), requests.today());
    }

    State state(InformationRequest r, List<Complaint> complaints, LocalDate today) {
        Optional<ComplaintWindows.Window> head = windows.head(r.status(), r.dueOn(), r.closedOn(), workingDays::addWorkingDays);
        Optional<Complaint> filedHead = complaints.stream().filter(c -> c.level() == ComplaintLevel.HEAD).findFirst();
        Optional<ComplaintWindows.Window> cdai = filedHead.map(h -> windows.cdai(h.dueOn(), h.outcomeOn()));
        boolean paused = ComplaintWindows.paused(r.status());
        boolean headOpen = filedHead.isEmpty() && !paused && head.map(w -> w.contains(today)).orElse(false);
        boolean cdaiOpen = complaints.stream().noneMatch(c -> c.level() == ComplaintLevel.CDAI) && cdai.map(w -> w.contains(today)).orElse(false);
        return new State(complaints, head, cdai, headOpen, cdaiOpen);
    }

    private InformationRequest lockForRequester(Collectivity c, String trackingNumber, AccountUser user) {
        InformationRequest r = store.find(c.id(), trackingNumber, true).orElseThrow(() -> new NotFoundException("request " + trackingNumber));
        if (!InformationRequests.isRequester(r, user)) {
            throw new NotFoundException("request " + trackingNumber);
        }
        return r;
    }

    private static ConflictException conflict(String what) {
        return new ConflictException("information.complaint.conflict." + what);
    }

    /** ATI-8: the requester complains to the head of the body within the window; the head's answer is due later. */
    public long fileHead(Collectivity c, String trackingNumber, AccountUser user, String body) {
        InformationRequest r = lockForRequester(c, trackingNumber, user);
        new Check().text("body", body, true, BODY_MAX).orThrow();
        List<Complaint> complaints = list(r);
        if (complaints.stream().anyMatch(k -> k.level() == ComplaintLevel.HEAD)) {
            throw conflict("already-filed");
        }
        LocalDate today = requests.today();
        ComplaintWindows.Window window = windows.head(r.status(), r.dueOn(), r.closedOn(), workingDays::addWorkingDays)
                .orElseThrow(() -> conflict("withdrawn"));
        if (ComplaintWindows.paused(r.status()) || window.early(today)) {
            throw conflict("too-early");
        }
        if (window.late(today)) {
            throw conflict("too-late");
        }
        return insert(r, ComplaintLevel.HEAD, today, window.closesOn(), windows.headDue(today), body.strip(), null);
    }

    /** ATI-9: after the head answered or the head's due date passed, the requester records the complaint to the CDAI. */
    public long fileCdai(Collectivity c, String trackingNumber, AccountUser user, String body, String reference) {
        InformationRequest r = lockForRequester(c, trackingNumber, user);
        new Check().text("body", body, true, BODY_MAX).text("reference", reference, false, REFERENCE_MAX)
                .when(!Check.blank(reference) && reference.matches(".*[<>].*"), "reference", "validation.characters").orThrow();
        List<Complaint> complaints = list(r);
        Complaint head = complaints.stream().filter(k -> k.level() == ComplaintLevel.HEAD).findFirst()
                .orElseThrow(() -> conflict("head-first"));
        if (complaints.stream().anyMatch(k -> k.level() == ComplaintLevel.CDAI)) {
            throw conflict("already-filed");
        }
        LocalDate today = requests.today();
        ComplaintWindows.Window window = windows.cdai(head.dueOn(), head.outcomeOn());
        if (window.early(today)) {
            throw conflict("too-early");
        }
        if (window.late(today)) {
            throw conflict("too-late");
        }
        return insert(r, ComplaintLevel.CDAI, today, window.closesOn(), windows.cdaiDue(today), body.strip(), Check.clean(reference));
    }

    private long insert(InformationRequest r, ComplaintLevel level, LocalDate today, LocalDate windowClosedOn, LocalDate dueOn, String body,
            String reference) {
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into info_complaint (request_id, collectivity_id, level, filed_at, filed_on, window_closed_on, due_on, body, reference)"
                + " values (?,?,?,?,?,?,?,?,?)")
                .params(r.id(), r.collectivityId(), level.name(), Sql.now(clock), today, windowClosedOn, dueOn, body, reference)
                .update(key, "id");
        requests.step(r, null, InformationEvents.Step.COMPLAINT_FILED, false, null, dueOn, level.name());
        return key.getKey().longValue();
    }

    /**
     * Records what the head (ATI-8) or the CDAI (ATI-9) decided. The collectivity's officers record both; the requester
     * may record the CDAI's decision, which they receive. Once recorded, an outcome stays.
     */
    public void recordOutcome(Collectivity c, String trackingNumber, AccountUser user, ComplaintLevel level, ComplaintOutcome outcome,
            String text, LocalDate decidedOn) {
        InformationRequest r = store.find(c.id(), trackingNumber, true).orElseThrow(() -> new NotFoundException("request " + trackingNumber));
        boolean officer = guard.isOfficer(user, c);
        if (!officer) {
            if (!InformationRequests.isRequester(r, user)) {
                throw new NotFoundException("request " + trackingNumber);
            }
            if (level != ComplaintLevel.CDAI) {
                guard.requireOfficer(user, c); // the requester does not decide for the head: 403
            }
        }
        LocalDate today = requests.today();
        Complaint complaint = level == null ? null
                : list(r).stream().filter(k -> k.level() == level).findFirst().orElse(null);
        new Check().required("level", level).required("outcome", outcome).text("outcomeText", text, true, BODY_MAX)
                .required("decidedOn", decidedOn)
                .when(decidedOn != null && decidedOn.isAfter(today), "decidedOn", "information.complaint.validation.future")
                .when(decidedOn != null && complaint != null && decidedOn.isBefore(complaint.filedOn()), "decidedOn",
                        "information.complaint.validation.before-filing")
                .orThrow();
        if (complaint == null) {
            throw conflict("not-filed");
        }
        if (complaint.decided()) {
            throw conflict("already-decided");
        }
        jdbc.sql("update info_complaint set outcome = ?, outcome_text = ?, outcome_on = ?, recorded_by = ? where id = ? and outcome is null")
                .params(outcome.name(), text.strip(), decidedOn, officer ? user.id() : null, complaint.id()).update();
        requests.step(r, officer ? user.id() : null, InformationEvents.Step.COMPLAINT_DECIDED, false, null, null, level.name());
    }
}
