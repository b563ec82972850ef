package ma.opencommune.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Localized;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of workshops (OGP-1 inclusive participation, PAC-2): staff announce, change and cancel them, record
 * attendance and publish minutes; signed-in people register until the start, within the capacity even when
 * racing for the last seat. Lists take one statement whatever the number of workshops or registrations.
 */
@Service
@Transactional
public class Workshops {

    /** What staff enter; times are wall-clock times in Morocco. */
    public record Draft(Localized title, String agenda, String mode, String place, String onlineUrl, LocalDateTime startsAt,
            LocalDateTime endsAt, Integer capacity) {
    }

    /** A registered person as the staff of this collectivity see them. */
    public record Registrant(long accountId, String displayName, Instant registeredAt) {
    }

    public static final int MAX_CAPACITY = 100_000;
    public static final int MAX_BULK = 1_000;
    public static final int MINUTES_MAX = 20_000;
    public static final int REGISTRANTS_PAGE = 100;

    private static final String SELECT = """
            select w.*,
              (select count(*) from program_registration r where r.workshop_id = w.id) as registered,
              (select count(*) from program_attendance a where a.workshop_id = w.id) as att_total,
              (select count(*) from program_attendance a where a.workshop_id = w.id and a.gender = 'WOMAN') as att_women,
              (select count(*) from program_attendance a where a.workshop_id = w.id and a.gender = 'MAN') as att_men,
              (select count(*) from program_attendance a where a.workshop_id = w.id and a.age_band = 'UNDER_25') as age_1,
              (select count(*) from program_attendance a where a.workshop_id = w.id and a.age_band = '25_34') as age_2,
              (select count(*) from program_attendance a where a.workshop_id = w.id and a.age_band = '35_49') as age_3,
              (select count(*) from program_attendance a where a.workshop_id = w.id and a.age_band = '50_64') as age_4,
              (select count(*) from program_attendance a where a.workshop_id = w.id and a.age_band = '65_PLUS') as age_5
            from program_workshop w
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Processes processes;
    private final ProgramGuard guard;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Workshops(JdbcClient jdbc, JdbcTemplate batch, Processes processes, ProgramGuard guard, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.processes = processes;
        this.guard = guard;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    public Instant now() {
        return Instant.now(clock);
    }

    /** The process's workshops by start time (one statement). */
    @Transactional(readOnly = true)
    public List<Workshop> list(long collectivityId, long processId) {
        return jdbc.sql(SELECT + " where w.process_id = ? and w.collectivity_id = ? order by w.starts_at, w.id")
                .params(processId, collectivityId).query(Workshops::workshop).list();
    }

    /** Every workshop of the collectivity's public processes, for its calendar feed (most recent 500). */
    @Transactional(readOnly = true)
    public List<Workshop> feed(long collectivityId) {
        return jdbc.sql(SELECT + " where w.collectivity_id = ? and exists (select 1 from program_process p where p.id = w.process_id"
                        + " and p.published_at is not null) order by w.starts_at desc, w.id desc fetch first 500 rows only")
                .param(collectivityId).query(Workshops::workshop).list();
    }

    @Transactional(readOnly = true)
    public Optional<Workshop> find(long collectivityId, long processId, long workshopId) {
        return jdbc.sql(SELECT + " where w.id = ? and w.process_id = ? and w.collectivity_id = ?")
                .params(workshopId, processId, collectivityId).query(Workshops::workshop).optional();
    }

    @Transactional(readOnly = true)
    public Workshop require(long collectivityId, long processId, long workshopId) {
        return find(collectivityId, processId, workshopId).orElseThrow(() -> new NotFoundException("workshop " + workshopId));
    }

    /** The sum of the attendance of these workshops (the participation figures of a process). */
    public static Workshop.Attendance total(List<Workshop> workshops) {
        Workshop.Attendance sum = Workshop.Attendance.NONE;
        for (Workshop w : workshops) {
            sum = sum.plus(w.attendance());
        }
        return sum;
    }

    public long create(Collectivity c, AccountUser user, long processId, Draft draft) {
        processes.requireManaged(c, processId, user);
        validate(draft, 0);
        Instant now = now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_workshop (process_id, collectivity_id, title_ar, title_fr, title_zgh, agenda, mode, place,"
                + " online_url, starts_at, ends_at, capacity, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(processId, c.id(), draft.title().ar().strip(), draft.title().fr().strip(), draft.title().zgh().strip(),
                        Check.clean(draft.agenda()), draft.mode(), place(draft), url(draft), Sql.at(instant(draft.startsAt())),
                        Sql.at(instant(draft.endsAt())), draft.capacity(), Sql.at(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        events.publishEvent(new WorkshopEvents.WorkshopSaved(UUID.randomUUID(), now, c.id(), user.id(), processId, id, true,
                "workshop " + id + " announced: " + draft.title().fr().strip()));
        return id;
    }

    public void update(Collectivity c, AccountUser user, long processId, long workshopId, Draft draft) {
        processes.requireManaged(c, processId, user);
        Workshop w = lock(c.id(), processId, workshopId);
        if (w.cancelled()) {
            throw new ConflictException("program.workshop.cancelled");
        }
        validate(draft, w.registered());
        jdbc.sql("update program_workshop set title_ar = ?, title_fr = ?, title_zgh = ?, agenda = ?, mode = ?, place = ?, online_url = ?,"
                + " starts_at = ?, ends_at = ?, capacity = ? where id = ? and collectivity_id = ?")
                .params(draft.title().ar().strip(), draft.title().fr().strip(), draft.title().zgh().strip(), Check.clean(draft.agenda()),
                        draft.mode(), place(draft), url(draft), Sql.at(instant(draft.startsAt())), Sql.at(instant(draft.endsAt())),
                        draft.capacity(), workshopId, c.id())
                .update();
        events.publishEvent(new WorkshopEvents.WorkshopSaved(UUID.randomUUID(), now(), c.id(), user.id(), processId, workshopId, false,
                "workshop " + workshopId + " changed"));
    }

    /** Cancels a workshop that has not started; its registrants are emailed (after commit, see WorkshopMails). */
    public void cancel(Collectivity c, AccountUser user, long processId, long workshopId) {
        processes.requireManaged(c, processId, user);
        Workshop w = lock(c.id(), processId, workshopId);
        Instant now = now();
        if (w.cancelled()) {
            throw new ConflictException("program.workshop.cancelled");
        }
        if (w.started(now)) {
            throw new ConflictException("program.workshop.started");
        }
        jdbc.sql("update program_workshop set cancelled_at = ? where id = ? and collectivity_id = ?").params(Sql.at(now), workshopId, c.id()).update();
        events.publishEvent(new WorkshopEvents.WorkshopCancelled(UUID.randomUUID(), now, c.id(), user.id(), processId, workshopId,
                "workshop " + workshopId + " cancelled (" + w.registered() + " registrant(s) told)"));
    }

    /**
     * Registers the person: only before the start and not for a cancelled workshop (whatever the phase dates: a
     * workshop is open to registration from its announcement). The workshop row is locked first, so two people
     * racing for the last seat are served one after the other and the second finds it full. Registering twice
     * changes nothing. Returns whether a registration was added.
     */
    public boolean register(Collectivity c, AccountUser user, long processId, long workshopId) {
        guard.requireParticipant(user);
        processes.requireVisible(c, processId, user);
        Workshop w = lock(c.id(), processId, workshopId);
        if (w.cancelled()) {
            throw new ConflictException("program.workshop.cancelled");
        }
        Instant now = now();
        if (w.started(now)) {
            throw new ConflictException("program.workshop.started");
        }
        if (isRegistered(workshopId, user)) {
            return false;
        }
        if (w.full()) {
            throw new ConflictException("program.workshop.full");
        }
        jdbc.sql("insert into program_registration (workshop_id, account_id, registered_at) values (?,?,?) on conflict do nothing")
                .params(workshopId, user.id(), Sql.at(now)).update();
        events.publishEvent(new WorkshopEvents.RegistrationChanged(UUID.randomUUID(), now, c.id(), null, workshopId, true,
                "registration to workshop " + workshopId));
        return true;
    }

    /** Withdraws the person's registration before the start; withdrawing twice changes nothing. */
    public boolean unregister(Collectivity c, AccountUser user, long processId, long workshopId) {
        guard.requireParticipant(user);
        processes.requireVisible(c, processId, user);
        Workshop w = lock(c.id(), processId, workshopId);
        Instant now = now();
        if (w.started(now)) {
            throw new ConflictException("program.workshop.started");
        }
        int deleted = jdbc.sql("delete from program_registration where workshop_id = ? and account_id = ?").params(workshopId, user.id()).update();
        if (deleted > 0) {
            events.publishEvent(new WorkshopEvents.RegistrationChanged(UUID.randomUUID(), now, c.id(), null, workshopId, false,
                    "registration to workshop " + workshopId + " withdrawn"));
        }
        return deleted > 0;
    }

    @Transactional(readOnly = true)
    public boolean isRegistered(long workshopId, AccountUser user) {
        return user != null && jdbc.sql("select count(*) from program_registration where workshop_id = ? and account_id = ?")
                .params(workshopId, user.id()).query(Integer.class).single() > 0;
    }

    /**
     * Registrants for the staff of this collectivity, a page at a time: display names only, fetched in one call
     * to the identity façade (PDP-1: organising a workshop needs no more; registrants are emailed by the platform
     * when it is cancelled). Never shown publicly.
     */
    @Transactional(readOnly = true)
    public List<Registrant> registrants(Collectivity c, AccountUser user, long processId, long workshopId, int page) {
        processes.requireManaged(c, processId, user);
        require(c.id(), processId, workshopId);
        List<Long> ids = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        jdbc.sql("select account_id, registered_at from program_registration where workshop_id = ?"
                        + " order by registered_at, account_id offset ? rows fetch next ? rows only")
                .params(workshopId, Math.max(0, page) * REGISTRANTS_PAGE, REGISTRANTS_PAGE + 1)
                .query((ResultSet rs) -> {
                    ids.add(rs.getLong(1));
                    at.add(Sql.instant(rs, 2));
                });
        Map<Long, String> names = accounts.displayNames(ids);
        List<Registrant> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            out.add(new Registrant(ids.get(i), names.getOrDefault(ids.get(i), ""), at.get(i)));
        }
        return out;
    }

    /** Participation in all the collectivity's workshops held so far (figures for the network's index; one statement). */
    @Transactional(readOnly = true)
    public Workshop.Attendance participation(long collectivityId) {
        return jdbc.sql("""
                select count(*) as total, coalesce(sum(case when a.gender = 'WOMAN' then 1 else 0 end), 0) as women,
                       coalesce(sum(case when a.gender = 'MAN' then 1 else 0 end), 0) as men
                from program_attendance a join program_workshop w on w.id = a.workshop_id
                where w.collectivity_id = ? and a.collectivity_id = ? and w.cancelled_at is null""")
                .params(collectivityId, collectivityId)
                .query((rs, n) -> new Workshop.Attendance(rs.getInt("total"), rs.getInt("women"), rs.getInt("men"), Map.of())).single();
    }

    /**
     * Records {@code count} attendees sharing the same optional self-declared gender and age band, once the
     * workshop has started (people cannot have attended a workshop yet to come, nor a cancelled one).
     */
    public void recordAttendance(Collectivity c, AccountUser user, long processId, long workshopId, Integer count, String gender, String ageBand) {
        processes.requireManaged(c, processId, user);
        Workshop w = lock(c.id(), processId, workshopId);
        new Check().required("count", count)
                .when(count != null && (count < 1 || count > MAX_BULK), "count", "program.workshop.attendance.count")
                .when(!Check.blank(gender) && !DiagnosisResults.GENDERS.contains(gender), "gender", "validation.choose")
                .when(!Check.blank(ageBand) && !DiagnosisResults.AGE_BANDS.contains(ageBand), "ageBand", "validation.choose")
                .orThrow();
        if (w.cancelled()) {
            throw new ConflictException("program.workshop.cancelled");
        }
        Instant now = now();
        if (!w.started(now)) {
            throw new ConflictException("program.workshop.not-started");
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {workshopId, c.id(), Check.clean(gender), Check.clean(ageBand), user.id(), Sql.at(now)});
        }
        // One batched statement however many people are added at once.
        batch.batchUpdate("insert into program_attendance (workshop_id, collectivity_id, gender, age_band, recorded_by, recorded_at)"
                + " values (?,?,?,?,?,?)", rows);
        events.publishEvent(new WorkshopEvents.AttendanceRecorded(UUID.randomUUID(), now, c.id(), user.id(), workshopId, count,
                count + " attendee(s) recorded for workshop " + workshopId));
    }

    /**
     * Takes back the last group of attendees recorded (a mistyped count or gender), so that the published
     * participation figures can be corrected; the correction is logged like the recording.
     */
    public int undoLastAttendance(Collectivity c, AccountUser user, long processId, long workshopId) {
        processes.requireManaged(c, processId, user);
        lock(c.id(), processId, workshopId);
        int removed = jdbc.sql("delete from program_attendance where workshop_id = ? and collectivity_id = ? and recorded_at ="
                        + " (select max(recorded_at) from program_attendance where workshop_id = ?)")
                .params(workshopId, c.id(), workshopId).update();
        if (removed == 0) {
            throw new ConflictException("program.workshop.attendance.none");
        }
        events.publishEvent(new WorkshopEvents.AttendanceRecorded(UUID.randomUUID(), now(), c.id(), user.id(), workshopId, -removed,
                removed + " attendee(s) taken back from workshop " + workshopId));
        return removed;
    }

    /** Publishes (or corrects) the minutes, once the workshop has ended. */
    public void publishMinutes(Collectivity c, AccountUser user, long processId, long workshopId, String minutes) {
        processes.requireManaged(c, processId, user);
        Workshop w = lock(c.id(), processId, workshopId);
        new Check().text("minutes", minutes, true, MINUTES_MAX).orThrow();
        Instant now = now();
        if (w.cancelled()) {
            throw new ConflictException("program.workshop.cancelled");
        }
        if (!w.ended(now)) {
            throw new ConflictException("program.workshop.not-ended");
        }
        jdbc.sql("update program_workshop set minutes = ?, minutes_published_at = coalesce(minutes_published_at, ?) where id = ? and collectivity_id = ?")
                .params(minutes.strip(), Sql.at(now), workshopId, c.id()).update();
        events.publishEvent(new WorkshopEvents.MinutesPublished(UUID.randomUUID(), now, c.id(), user.id(), workshopId,
                "minutes of workshop " + workshopId + (w.minutesPublished() ? " corrected" : " published")));
    }

    /** Locks the workshop row for this transaction (serialises registrations and staff changes), then reads it. */
    private Workshop lock(long collectivityId, long processId, long workshopId) {
        jdbc.sql("select id from program_workshop where id = ? and process_id = ? and collectivity_id = ? for update")
                .params(workshopId, processId, collectivityId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("workshop " + workshopId));
        return require(collectivityId, processId, workshopId);
    }

    private static void validate(Draft d, int registered) {
        Check check = new Check()
                .title("titleAr", d.title().ar(), "ar", 300)
                .title("titleFr", d.title().fr(), "fr", 300)
                .title("titleZgh", d.title().zgh(), "zgh", 300)
                .text("agenda", d.agenda(), false, 4000);
        check.when(!"IN_PERSON".equals(d.mode()) && !"ONLINE".equals(d.mode()), "mode", "validation.choose");
        if ("IN_PERSON".equals(d.mode())) {
            check.text("place", d.place(), true, 300);
        }
        if ("ONLINE".equals(d.mode())) {
            check.text("onlineUrl", d.onlineUrl(), true, 500);
            check.when(!Check.blank(d.onlineUrl()) && !d.onlineUrl().strip().matches("https://[^\\s<>\"]{3,490}"), "onlineUrl", "program.workshop.https");
        }
        check.required("startsAt", d.startsAt()).required("endsAt", d.endsAt());
        check.when(d.startsAt() != null && d.endsAt() != null && !d.endsAt().isAfter(d.startsAt()), "endsAt", "program.workshop.end-before-start");
        check.when(d.capacity() != null && (d.capacity() < 1 || d.capacity() > MAX_CAPACITY), "capacity", "program.workshop.capacity");
        check.when(d.capacity() != null && d.capacity() >= 1 && d.capacity() < registered, "capacity", "program.workshop.capacity.below");
        check.orThrow();
    }

    private static String place(Draft d) {
        return "IN_PERSON".equals(d.mode()) ? Check.clean(d.place()) : null;
    }

    private static String url(Draft d) {
        return "ONLINE".equals(d.mode()) ? Check.clean(d.onlineUrl()) : null;
    }

    private static Instant instant(LocalDateTime t) {
        return t.atZone(Morocco.ZONE).toInstant();
    }

    private static Workshop workshop(ResultSet rs, int n) throws SQLException {
        Map<String, Integer> ages = new LinkedHashMap<>();
        for (int i = 0; i < DiagnosisResults.AGE_BANDS.size(); i++) {
            ages.put(DiagnosisResults.AGE_BANDS.get(i), rs.getInt("age_" + (i + 1)));
        }
        Integer capacity = rs.getObject("capacity") == null ? null : rs.getInt("capacity");
        return new Workshop(rs.getLong("id"), rs.getLong("process_id"), rs.getLong("collectivity_id"),
                new Localized(rs.getString("title_ar"), rs.getString("title_fr"), rs.getString("title_zgh")), rs.getString("agenda"),
                Workshop.Mode.valueOf(rs.getString("mode")), rs.getString("place"), rs.getString("online_url"),
                Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), capacity, rs.getString("minutes"),
                Sql.instant(rs, "minutes_published_at"), Sql.instant(rs, "cancelled_at"), Sql.instant(rs, "created_at"),
                rs.getInt("registered"), new Workshop.Attendance(rs.getInt("att_total"), rs.getInt("att_women"), rs.getInt("att_men"), ages));
    }
}
