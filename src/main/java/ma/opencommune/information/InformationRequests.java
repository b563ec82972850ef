package ma.opencommune.information;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of the information module for one request's life: filing (ATI-2), the legal clock (ATI-4..6), the guarded
 * transitions of {@link InformationRequest} and its history. Every method takes the collectivity from the URL and
 * finds the request within it only, so another collectivity's tracking number is simply not found.
 */
@Service
@Transactional
public class InformationRequests {

    static final int NAME_MAX = 100;
    static final int ADDRESS_MAX = 500;
    static final int SUBJECT_MAX = 300;
    static final int DESCRIPTION_MAX = 20_000;
    static final int REASON_MAX = 2000;
    static final int TEXT_MAX = 20_000;
    static final int NOTE_MAX = 4000;
    /** The same request sent again by the same person within this delay is the same request (double submit). */
    static final Duration DOUBLE_SUBMIT = Duration.ofMinutes(2);
    private static final Pattern MARKUP = Pattern.compile("[<>]");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]{1,64}@[^@\\s<>]{1,255}\\.[^@\\s<>]{2,}$");

    /** What a person files (ATI-2, ATI-6). {@code cin} is the number as typed; it is normalized and sealed. */
    public record Filing(String firstName, String lastName, String postalAddress, String cin, String email, String subject,
            String description, Delivery delivery, boolean urgent, String urgencyReason) {
    }

    /** What the requester gets back: the tracking number and the legal clock. */
    public record Receipt(long id, String trackingNumber, RequestStatus status, Instant receivedAt, LocalDate dueOn) {
    }

    /** One step of the history. {@code internal} steps are shown to officers only. */
    public record HistoryEntry(Instant at, Long actorId, InformationEvents.Step step, boolean internal, LocalDate previousDue,
            LocalDate due, String detail) {
    }

    /** A clarification question and its answer (null while pending). */
    public record Clarification(long id, Instant askedAt, LocalDate askedOn, String question, Instant answeredAt, String answer) {
    }

    private final JdbcClient jdbc;
    private final RequestStore store;
    private final InformationGuard guard;
    private final PersonalNumbers numbers;
    private final WorkingDays workingDays;
    private final LegalClock legalClock;
    private final InformationRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InformationRequests(JdbcClient jdbc, RequestStore store, InformationGuard guard, PersonalNumbers numbers, WorkingDays workingDays,
            InformationRules rules, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.guard = guard;
        this.numbers = numbers;
        this.workingDays = workingDays;
        this.legalClock = new LegalClock(rules);
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    public InformationRules rules() {
        return rules;
    }

    /** Today in Morocco: the day every legal clock is read against. */
    public LocalDate today() {
        return WorkingDays.dayOf(Instant.now(clock));
    }

    // ---------------------------------------------------------------- filing

    /**
     * Files a request (ATI-2) from a signed-in person; the collectivity numbers it and starts its clock (ATI-4, or
     * ATI-6 when urgent). Sending the same request again within two minutes returns the first one.
     */
    public Receipt file(Collectivity c, AccountUser user, Filing f, Lang lang) {
        if (user == null) {
            throw new org.springframework.security.access.AccessDeniedException("sign in to file a request");
        }
        PersonalNumbers.Sealed cin = validate(f);
        Instant now = Instant.now(clock);
        String subject = f.subject().strip();
        String description = f.description().strip();
        LocalDate receivedOn = WorkingDays.dayOf(now);
        // The year's counter row is locked first, so two identical posts sent at once queue here and the second
        // finds the first below (double submit), and two filers never draw the same number.
        lockSequence(c, receivedOn.getYear());
        Optional<Long> same = jdbc.sql("select min(id) from info_request where collectivity_id = ? and requester_id = ? and subject = ?"
                + " and description = ? and received_at > ?")
                .params(c.id(), user.id(), subject, description, Sql.at(now.minus(DOUBLE_SUBMIT))).query(Long.class).optional();
        if (same.isPresent()) {
            InformationRequest r = store.find(same.get()).orElseThrow();
            return receipt(r);
        }
        boolean urgent = f.urgent();
        LocalDate due = legalClock.due(new LegalClock.Inputs(receivedOn, urgent, false, List.of()), workingDays);
        String tracking = nextTrackingNumber(c, receivedOn.getYear());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into info_request (collectivity_id, tracking_number, requester_id, first_name, last_name, postal_address,
                    cin_cipher, cin_hash, cin_hint, email, subject, description, delivery, urgent, urgency_reason, lang, status,
                    received_at, received_on, due_on)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(c.id(), tracking, user.id(), f.firstName().strip(), f.lastName().strip(), f.postalAddress().strip(), cin.cipher(),
                        cin.hash(), cin.hint(), Check.clean(f.email()), subject, description, f.delivery().name(), urgent,
                        urgent ? f.urgencyReason().strip() : null, lang.code(), RequestStatus.RECEIVED.name(), Sql.at(now), receivedOn, due)
                .update(key, "id");
        long id = key.getKey().longValue();
        InformationRequest r = store.find(id).orElseThrow();
        step(r, null, InformationEvents.Step.FILED, false, null, due, null);
        return receipt(r);
    }

    private static Receipt receipt(InformationRequest r) {
        return new Receipt(r.id(), r.trackingNumber(), r.status(), r.receivedAt(), r.dueOn());
    }

    private PersonalNumbers.Sealed validate(Filing f) {
        Check check = new Check()
                .text("firstName", f.firstName(), true, NAME_MAX)
                .text("lastName", f.lastName(), true, NAME_MAX)
                .text("postalAddress", f.postalAddress(), true, ADDRESS_MAX)
                .text("subject", f.subject(), true, SUBJECT_MAX)
                .text("description", f.description(), true, DESCRIPTION_MAX)
                .required("delivery", f.delivery());
        for (String[] field : new String[][] {{"firstName", f.firstName()}, {"lastName", f.lastName()}, {"subject", f.subject()}}) {
            if (!Check.blank(field[1])) {
                check.when(MARKUP.matcher(field[1]).find(), field[0], "validation.characters")
                        .when(!LETTER.matcher(field[1]).find(), field[0], "information.validation.words");
            }
        }
        if (!Check.blank(f.description())) {
            check.when(!LETTER.matcher(f.description()).find(), "description", "information.validation.words");
        }
        Optional<PersonalNumbers.Sealed> cin = Check.blank(f.cin()) ? Optional.empty() : numbers.seal(f.cin());
        check.when(Check.blank(f.cin()), "cin", "validation.required")
                .when(!Check.blank(f.cin()) && cin.isEmpty(), "cin", "validation.cin.format");
        // ATI-2: an email is needed only when the answer is to be sent by email.
        check.when(f.delivery() == Delivery.EMAIL && Check.blank(f.email()), "email", "information.validation.email-for-delivery")
                .when(!Check.blank(f.email()) && !EMAIL.matcher(f.email().strip()).matches(), "email", "validation.email.format");
        if (f.urgent()) {
            check.text("urgencyReason", f.urgencyReason(), true, REASON_MAX);
        }
        check.orThrow();
        return cin.orElseThrow();
    }

    /** Creates the year's counter row if needed and locks it until the end of the transaction. */
    private void lockSequence(Collectivity c, int year) {
        jdbc.sql("insert into info_sequence (collectivity_id, year, last_value) values (?, ?, 0) on conflict do nothing")
                .params(c.id(), year).update();
        jdbc.sql("select last_value from info_sequence where collectivity_id = ? and year = ? for update").params(c.id(), year)
                .query(Integer.class).single();
    }

    /** {@code CODE-YEAR-000123}, from the counter row locked by {@link #lockSequence}. */
    private String nextTrackingNumber(Collectivity c, int year) {
        jdbc.sql("update info_sequence set last_value = last_value + 1 where collectivity_id = ? and year = ?").params(c.id(), year).update();
        int value = jdbc.sql("select last_value from info_sequence where collectivity_id = ? and year = ?").params(c.id(), year)
                .query(Integer.class).single();
        return String.format("%s-%d-%06d", c.code(), year, value);
    }

    // ---------------------------------------------------------------- reading

    /** For the collectivity's officers: any request of theirs. */
    @Transactional(readOnly = true)
    public InformationRequest forOfficer(Collectivity c, String trackingNumber, AccountUser officer) {
        guard.requireOfficer(officer, c);
        return store.find(c.id(), trackingNumber, false).orElseThrow(() -> new NotFoundException("request " + trackingNumber));
    }

    /** For the requester or the collectivity's officers; anyone else is told it does not exist (no enumeration). */
    @Transactional(readOnly = true)
    public InformationRequest forRequesterOrOfficer(Collectivity c, String trackingNumber, AccountUser user) {
        InformationRequest r = store.find(c.id(), trackingNumber, false).orElseThrow(() -> new NotFoundException("request " + trackingNumber));
        if (!isRequester(r, user) && !guard.isOfficer(user, c)) {
            throw new NotFoundException("request " + trackingNumber);
        }
        return r;
    }

    public static boolean isRequester(InformationRequest r, AccountUser user) {
        return user != null && r.requester().accountId() != null && r.requester().accountId() == user.id();
    }

    /** The requester's CIN in clear, for the officers of the body (ATI-2 needs it; PDP-2 keeps it from everyone else). */
    @Transactional(readOnly = true)
    public String cinForOfficer(Collectivity c, String trackingNumber, AccountUser officer) {
        guard.requireOfficer(officer, c);
        String sealed = jdbc.sql("select cin_cipher from info_request where collectivity_id = ? and tracking_number = ?")
                .params(c.id(), trackingNumber).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("request " + trackingNumber));
        return numbers.open(sealed);
    }

    /** What anyone may read of a request once staff published it: the redacted texts only, never the requester (PDP-2). */
    public record PublicView(String trackingNumber, RequestStatus status, String subject, String description, String answer,
            AnswerKind answerKind, RefusalGround refusalGround, LocalDate receivedOn, LocalDate closedOn, Instant publishedAt) {
    }

    /** The published view of a request of this collectivity, empty while it is not published. */
    @Transactional(readOnly = true)
    public Optional<PublicView> publicView(Collectivity c, String trackingNumber) {
        return jdbc.sql("select tracking_number, status, published_subject, published_description, published_answer, answer_kind,"
                + " refusal_ground, received_on, closed_on, published_at from info_request"
                + " where collectivity_id = ? and tracking_number = ? and published_at is not null")
                .params(c.id(), trackingNumber)
                .query((rs, i) -> new PublicView(rs.getString(1), RequestStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6) == null ? null : AnswerKind.valueOf(rs.getString(6)),
                        rs.getString(7) == null ? null : RefusalGround.valueOf(rs.getString(7)), RequestStore.date(rs, "received_on"),
                        RequestStore.date(rs, "closed_on"), Sql.instant(rs, "published_at")))
                .optional();
    }

    /** The history in order; internal steps only when asked for (officers). */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(InformationRequest r, boolean withInternal) {
        return jdbc.sql("select at, actor_id, kind, internal, previous_due_on, due_on, detail from info_request_event where request_id = ?"
                + (withInternal ? "" : " and internal = false") + " order by at, id")
                .param(r.id())
                .query((rs, i) -> new HistoryEntry(Sql.instant(rs, "at"), (Long) rs.getObject("actor_id", Long.class),
                        InformationEvents.Step.valueOf(rs.getString("kind")), rs.getBoolean("internal"), RequestStore.date(rs, "previous_due_on"),
                        RequestStore.date(rs, "due_on"), rs.getString("detail")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Clarification> clarifications(InformationRequest r) {
        return jdbc.sql("select id, asked_at, asked_on, question, answered_at, answer from info_clarification where request_id = ? order by asked_at, id")
                .param(r.id())
                .query((rs, i) -> new Clarification(rs.getLong("id"), Sql.instant(rs, "asked_at"), RequestStore.date(rs, "asked_on"),
                        rs.getString("question"), Sql.instant(rs, "answered_at"), rs.getString("answer")))
                .list();
    }

    /** Working days from today to the due date (negative once overdue). */
    public int workingDaysLeft(InformationRequest r) {
        return workingDays.workingDaysBetween(today(), r.dueOn());
    }

    // ---------------------------------------------------------------- transitions

    private InformationRequest lock(Collectivity c, String trackingNumber) {
        return store.find(c.id(), trackingNumber, true).orElseThrow(() -> new NotFoundException("request " + trackingNumber));
    }

    private InformationRequest lockForOfficer(Collectivity c, String trackingNumber, AccountUser officer) {
        guard.requireOfficer(officer, c);
        return lock(c, trackingNumber);
    }

    private InformationRequest lockForRequester(Collectivity c, String trackingNumber, AccountUser user) {
        InformationRequest r = lock(c, trackingNumber);
        if (!isRequester(r, user)) {
            throw new NotFoundException("request " + trackingNumber);
        }
        return r;
    }

    /** Staff ask the requester to clarify; the clock pauses until the answer (or restarts from it, by configuration). */
    public void askClarification(Collectivity c, String trackingNumber, AccountUser officer, String question) {
        InformationRequest r = lockForOfficer(c, trackingNumber, officer);
        new Check().text("question", question, true, NOTE_MAX).orThrow();
        LocalDate today = today();
        r.askClarification(today);
        jdbc.sql("insert into info_clarification (request_id, collectivity_id, asked_by, asked_at, asked_on, question) values (?,?,?,?,?,?)")
                .params(r.id(), c.id(), officer.id(), Sql.now(clock), today, question.strip()).update();
        store.save(r);
        step(r, officer.id(), InformationEvents.Step.CLARIFICATION_ASKED, false, null, null, null);
    }

    /** The requester answers the pending question; the due date moves by the paused working days. */
    public void answerClarification(Collectivity c, String trackingNumber, AccountUser user, String answer) {
        InformationRequest r = lockForRequester(c, trackingNumber, user);
        new Check().text("answer", answer, true, TEXT_MAX).orThrow();
        if (r.status() != RequestStatus.CLARIFICATION) {
            r.clarified(r.dueOn()); // throws the conflict
        }
        LocalDate today = today();
        jdbc.sql("update info_clarification set answered_at = ?, answered_on = ?, answer = ? where request_id = ? and answered_at is null")
                .params(Sql.now(clock), today, answer.strip(), r.id()).update();
        LocalDate previous = r.dueOn();
        r.clarified(legalClock.due(inputs(r, r.extendedOn() != null), workingDays));
        store.save(r);
        step(r, null, InformationEvents.Step.CLARIFIED, false, previous, r.dueOn(), null);
    }

    /** ATI-5: once, with a listed reason, before the deadline passes; the requester is told the reason and the new date. */
    public void extend(Collectivity c, String trackingNumber, AccountUser officer, ExtensionReason reason) {
        InformationRequest r = lockForOfficer(c, trackingNumber, officer);
        new Check().required("reason", reason).orThrow();
        LocalDate previous = r.dueOn();
        r.extend(reason, today(), legalClock.due(inputs(r, true), workingDays));
        store.save(r);
        step(r, officer.id(), InformationEvents.Step.EXTENDED, false, previous, r.dueOn(), reason.name());
    }

    /** ATI-10: assigns an open request to one of the collectivity's information officers (or to nobody). */
    public void assign(Collectivity c, String trackingNumber, AccountUser officer, Long assigneeId) {
        InformationRequest r = lockForOfficer(c, trackingNumber, officer);
        new Check().when(assigneeId != null && !guard.isAssignable(c, assigneeId), "assignee", "information.validation.assignee").orThrow();
        r.assign(assigneeId);
        store.save(r);
        step(r, officer.id(), InformationEvents.Step.ASSIGNED, true, null, null, assigneeId == null ? null : String.valueOf(assigneeId));
    }

    /** An internal note: never shown to the requester or the public. */
    public void note(Collectivity c, String trackingNumber, AccountUser officer, String body) {
        InformationRequest r = lockForOfficer(c, trackingNumber, officer);
        new Check().text("body", body, true, NOTE_MAX).orThrow();
        jdbc.sql("insert into info_note (request_id, collectivity_id, author_id, body, created_at) values (?,?,?,?,?)")
                .params(r.id(), c.id(), officer.id(), body.strip(), Sql.now(clock)).update();
        step(r, officer.id(), InformationEvents.Step.NOTE, true, null, null, null);
    }

    /** A full or partial answer; attachments are added separately, before or after, by the officers. */
    public void answer(Collectivity c, String trackingNumber, AccountUser officer, AnswerKind kind, String text) {
        InformationRequest r = lockForOfficer(c, trackingNumber, officer);
        new Check().required("kind", kind).text("text", text, true, TEXT_MAX).orThrow();
        r.answer(kind, text.strip(), Instant.now(clock), today());
        closeWithDays(r);
        step(r, officer.id(), InformationEvents.Step.ANSWERED, false, null, null, kind.name());
    }

    /** ATI-7: a ground from the closed list and the written reasoning, both required. */
    public void refuse(Collectivity c, String trackingNumber, AccountUser officer, RefusalGround ground, String reasoning) {
        InformationRequest r = lockForOfficer(c, trackingNumber, officer);
        new Check().required("ground", ground).text("reasoning", reasoning, true, TEXT_MAX).orThrow();
        r.refuse(ground, reasoning.strip(), clarifications(r).stream().anyMatch(q -> q.answeredAt() != null), Instant.now(clock), today());
        closeWithDays(r);
        step(r, officer.id(), InformationEvents.Step.REFUSED, false, null, null, ground.name());
    }

    /** The information is held by another body: the requester is told which one. */
    public void transfer(Collectivity c, String trackingNumber, AccountUser officer, String to, String note) {
        InformationRequest r = lockForOfficer(c, trackingNumber, officer);
        new Check().text("to", to, true, 300).text("note", note, false, REASON_MAX)
                .when(!Check.blank(to) && MARKUP.matcher(to).find(), "to", "validation.characters").orThrow();
        r.transfer(to.strip(), Check.clean(note), Instant.now(clock), today());
        closeWithDays(r);
        step(r, officer.id(), InformationEvents.Step.TRANSFERRED, false, null, null, to.strip());
    }

    /** The requester withdraws an open request. */
    public void withdraw(Collectivity c, String trackingNumber, AccountUser user) {
        InformationRequest r = lockForRequester(c, trackingNumber, user);
        r.withdraw(Instant.now(clock), today());
        store.save(r);
        step(r, null, InformationEvents.Step.WITHDRAWN, false, null, null, null);
    }

    /** ATI-7: the clarification stayed unanswered for the configured time; closed on the unclear-request ground. */
    public void closeUnclear(Collectivity c, String trackingNumber, AccountUser officer, String reasoning) {
        InformationRequest r = lockForOfficer(c, trackingNumber, officer);
        new Check().text("reasoning", reasoning, true, TEXT_MAX).orThrow();
        r.closeUnclear(rules.unclarifiedCloseDays(), reasoning.strip(), Instant.now(clock), today());
        closeWithDays(r);
        step(r, officer.id(), InformationEvents.Step.CLOSED_UNCLEAR, false, null, null, null);
    }

    /**
     * Saves a closing transition with the working days it took (the statistics' median): the working days from
     * receipt to closing, less those a clarification kept the clock stopped (as the due date counts them).
     */
    private void closeWithDays(InformationRequest r) {
        store.save(r);
        List<LegalClock.Pause> pauses = inputs(r, false).pauses().stream()
                .map(p -> p.answeredOn() == null ? new LegalClock.Pause(p.askedOn(), r.closedOn()) : p).toList();
        boolean pauseRule = rules.clarification() == InformationRules.ClarificationRule.PAUSE;
        ma.opencommune.calendar.WorkingCalendar calendar = workingDays.calendar(r.receivedOn(), r.closedOn().isBefore(r.receivedOn())
                ? r.receivedOn() : r.closedOn());
        int taken = 0;
        for (LocalDate day = r.receivedOn().plusDays(1); !day.isAfter(r.closedOn()); day = day.plusDays(1)) {
            LocalDate d = day;
            if (calendar.isWorkingDay(d) && !(pauseRule && pauses.stream().anyMatch(p -> d.isAfter(p.askedOn()) && !d.isAfter(p.answeredOn())))) {
                taken++;
            }
        }
        jdbc.sql("update info_request set working_days_taken = ? where id = ?").params(taken, r.id()).update();
    }

    // ---------------------------------------------------------------- clock

    /** The clock's inputs as stored; {@code extended} may anticipate an extension being granted. */
    LegalClock.Inputs inputs(InformationRequest r, boolean extended) {
        List<LegalClock.Pause> pauses = jdbc.sql("select asked_on, answered_on from info_clarification where request_id = ? order by asked_on")
                .param(r.id())
                .query((rs, i) -> new LegalClock.Pause(RequestStore.date(rs, "asked_on"), RequestStore.date(rs, "answered_on"))).list();
        return new LegalClock.Inputs(r.receivedOn(), r.urgent(), extended, pauses);
    }

    LegalClock legalClock() {
        return legalClock;
    }

    /** Records a step in the request's history and publishes it (action log, mails). */
    void step(InformationRequest r, Long actorId, InformationEvents.Step step, boolean internal, LocalDate previousDue, LocalDate due,
            String detail) {
        Instant now = Instant.now(clock);
        jdbc.sql("insert into info_request_event (request_id, collectivity_id, at, actor_id, kind, internal, previous_due_on, due_on, detail)"
                + " values (?,?,?,?,?,?,?,?,?)")
                .params(r.id(), r.collectivityId(), Sql.at(now), actorId, step.name(), internal || step.internal(), previousDue, due, detail)
                .update();
        events.publishEvent(new InformationEvents.RequestStepped(UUID.randomUUID(), now, r.collectivityId(), actorId, r.id(),
                r.trackingNumber(), step, previousDue, due));
    }
}
