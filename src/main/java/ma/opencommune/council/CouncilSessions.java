package ma.opencommune.council;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import ma.opencommune.council.CouncilCodes.Presence;
import ma.opencommune.council.CouncilCodes.SessionKind;
import ma.opencommune.council.CouncilCodes.SessionStatus;
import ma.opencommune.council.CouncilEvents.Act;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Role;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of council sessions (PET-8): created by the council secretary, their agenda published ahead, held, attendance
 * recorded, minutes published. Each step loads the {@link CouncilSession} under a row lock, lets it guard the transition,
 * saves it and tells the action log. Staff of the collectivity in the URL only; the public sees a session once its agenda
 * is published.
 */
@Service
@Transactional
public class CouncilSessions {

    /** Who publishes for the council: its secretary, or a staff administrator of that collectivity. */
    public static final Role[] COUNCIL_STAFF = {Role.COUNCIL_SECRETARY, Role.STAFF_ADMIN};

    /** What staff type to plan a session. */
    public record SessionDraft(SessionKind kind, LocalDate heldOn, LocalTime startsAt, String place) {
    }

    /** A line of a list of sessions. */
    public record SessionLine(long id, SessionKind kind, LocalDate heldOn, LocalTime startsAt, String place, SessionStatus status) {
    }

    /** An agenda item; {@code addedLateOn} is set when it was added after the agenda was published. */
    public record AgendaItem(long id, int position, String titleAr, String titleFr, String explanation, LocalDate addedLateOn, Long petitionId) {
        public String title(String lang) {
            return CouncilText.pick(lang, titleAr, titleFr);
        }

        public String titleLang(String lang) {
            return CouncilText.langOf(lang, titleAr, titleFr);
        }
    }

    /** Everything a session's page shows but its decisions. */
    public record SessionView(CouncilSession session, List<AgendaItem> agenda, Map<Long, Presence> attendance, String minutesText,
            String minutesFileName) {
        public long present() {
            return attendance.values().stream().filter(Presence.PRESENT::equals).count();
        }
    }

    /** An accepted petition waiting for a session of its month; {@code lang} is the language of its title. */
    public record PendingPetition(long petitionId, String title, String lang, LocalDate sessionMonth) {
    }

    /** The session a creation form made; {@code created} is false for the second submit of the same form. */
    public record Created(long id, boolean created) {
    }

    static final int PLACE_MAX = 300;
    static final int TITLE_MAX = 500;
    static final int EXPLANATION_MAX = 10_000;
    static final int MINUTES_MAX = 100_000;
    private static final Pattern SUBMISSION_KEY = Pattern.compile("[0-9a-f-]{36}");
    private static final String COLUMNS = "id, collectivity_id, kind, held_on, starts_at, place, status, agenda_published_at, minutes_published_at, version";

    private final JdbcClient jdbc;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FileStore files;

    CouncilSessions(JdbcClient jdbc, Access access, ApplicationEventPublisher events, Clock clock, FileStore files) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.files = files;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE);
    }

    /** Plans a session once per submission key (a double submit returns the first); accepted petitions of its month join its agenda. */
    public Created create(Collectivity c, AccountUser user, SessionDraft d, String submissionKey) {
        staff(c, user);
        new Check().required("kind", d.kind()).required("heldOn", d.heldOn()).required("startsAt", d.startsAt())
                .text("place", d.place(), true, PLACE_MAX).orThrow();
        CouncilSession.requireLawfulDate(d.kind(), d.heldOn());
        String key = submissionKey != null && SUBMISSION_KEY.matcher(submissionKey).matches() ? submissionKey : UUID.randomUUID().toString();
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        int inserted = jdbc.sql("insert into council_session (collectivity_id, kind, held_on, starts_at, place, status, submission_key, created_at)"
                + " values (?, ?, ?, ?, ?, 'PLANNED', ?, ?) on conflict do nothing")
                .params(c.id(), d.kind().name(), d.heldOn(), d.startsAt(), d.place().strip(), key, Sql.at(Instant.now(clock)))
                .update(generated, "id");
        if (inserted == 0) {
            return new Created(jdbc.sql("select id from council_session where collectivity_id = ? and submission_key = ?").params(c.id(), key)
                    .query(Long.class).single(), false);
        }
        long id = generated.getKey().longValue();
        if (d.kind() == SessionKind.ORDINARY) {
            attachPending(c.id(), id, d.heldOn());
        }
        acted(c, user, Act.SESSION_CREATED, id, d.heldOn().toString());
        return new Created(id, true);
    }

    /** PET-6: accepted petitions of this month or before, still waiting, go on the new ordinary session's agenda. */
    private void attachPending(long collectivityId, long sessionId, LocalDate heldOn) {
        List<PendingPetition> waiting = jdbc.sql("select petition_id, title, title_lang, session_month from council_pending_petition"
                + " where collectivity_id = ? and attached_session_id is null and session_month <= ? order by id")
                .params(collectivityId, YearMonth.from(heldOn).atDay(1)).query(CouncilSessions::pending).list();
        for (PendingPetition p : waiting) {
            insertPetition(collectivityId, sessionId, p.title(), p.lang(), null, p.petitionId());
            jdbc.sql("update council_pending_petition set attached_session_id = ? where collectivity_id = ? and petition_id = ?")
                    .params(sessionId, collectivityId, p.petitionId()).update();
        }
    }

    /**
     * PET-6: an accepted petition goes on the agenda of the collectivity's ordinary session of its month, not yet held,
     * when there is one; otherwise it waits for that session. Idempotent: a second delivery of the event adds nothing.
     */
    public void placeAcceptedPetition(long collectivityId, long petitionId, String title, String lang, LocalDate sessionOn) {
        String titleLang = "ar".equals(lang) ? "ar" : "fr";
        String shown = title == null || title.isBlank() ? "#" + petitionId : title.strip();
        shown = shown.length() > TITLE_MAX ? shown.substring(0, TITLE_MAX) : shown;
        YearMonth month = YearMonth.from(sessionOn);
        Long session = jdbc.sql("select min(id) from council_session where collectivity_id = ? and kind = 'ORDINARY'"
                + " and status in ('PLANNED', 'AGENDA_PUBLISHED') and held_on >= ? and held_on <= ?")
                .params(collectivityId, month.atDay(1), month.atEndOfMonth()).query(Long.class).optional().orElse(null);
        if (session == null) {
            jdbc.sql("insert into council_pending_petition (collectivity_id, petition_id, title, title_lang, session_month, created_at)"
                    + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(collectivityId, petitionId, shown, titleLang, month.atDay(1), Sql.at(Instant.now(clock))).update();
            return;
        }
        CouncilSession s = lock(collectivityId, session);
        LocalDate late = s.addingItemIsLate() ? today() : null;
        insertPetition(collectivityId, session, shown, titleLang, late, petitionId);
    }

    /** A petition's item carries its title in the language it was written in. */
    private void insertPetition(long collectivityId, long sessionId, String title, String lang, LocalDate late, long petitionId) {
        boolean arabic = "ar".equals(lang);
        insertItem(collectivityId, sessionId, arabic ? title : null, arabic ? null : title, null, late, petitionId);
    }

    private static PendingPetition pending(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new PendingPetition(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class));
    }

    /** Accepted petitions still waiting for their session, for staff. */
    @Transactional(readOnly = true)
    public List<PendingPetition> pending(Collectivity c, AccountUser user) {
        staff(c, user);
        return jdbc.sql("select petition_id, title, title_lang, session_month from council_pending_petition where collectivity_id = ?"
                + " and attached_session_id is null order by session_month, id").param(c.id()).query(CouncilSessions::pending).list();
    }

    public long addItem(Collectivity c, AccountUser user, long sessionId, String titleAr, String titleFr, String explanation) {
        staff(c, user);
        new Check().text("titleAr", titleAr, false, TITLE_MAX).text("titleFr", titleFr, false, TITLE_MAX)
                .when(Check.blank(titleAr) && Check.blank(titleFr), "titleAr", "council.validation.one-language")
                .text("explanation", explanation, false, EXPLANATION_MAX).orThrow();
        CouncilSession s = lock(c.id(), sessionId);
        LocalDate late = s.addingItemIsLate() ? today() : null;
        return insertItem(c.id(), sessionId, Check.clean(titleAr), Check.clean(titleFr), Check.clean(explanation), late, null);
    }

    private long insertItem(long collectivityId, long sessionId, String titleAr, String titleFr, String explanation, LocalDate late,
            Long petitionId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        int inserted = jdbc.sql("insert into council_agenda_item (collectivity_id, session_id, position, title_ar, title_fr, explanation,"
                + " added_late_on, petition_id, created_at) values (?, ?, (select coalesce(max(position), 0) + 1 from council_agenda_item"
                + " where session_id = ?), ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(collectivityId, sessionId, sessionId, titleAr, titleFr, explanation, late, petitionId, Sql.at(Instant.now(clock)))
                .update(key, "id");
        return inserted == 0 ? 0 : key.getKey().longValue();
    }

    /** While the agenda is not published an item can be removed; a published agenda is never silently emptied. */
    public void removeItem(Collectivity c, AccountUser user, long sessionId, long itemId) {
        staff(c, user);
        lock(c.id(), sessionId).requireItemsRemovable();
        if (jdbc.sql("delete from council_agenda_item where id = ? and session_id = ? and collectivity_id = ?").params(itemId, sessionId, c.id())
                .update() == 0) {
            throw new NotFoundException("item " + itemId);
        }
    }

    public void publishAgenda(Collectivity c, AccountUser user, long sessionId) {
        staff(c, user);
        CouncilSession s = lock(c.id(), sessionId);
        int items = jdbc.sql("select count(*) from council_agenda_item where session_id = ?").param(sessionId).query(Integer.class).single();
        s.publishAgenda(items, Instant.now(clock));
        save(s);
        acted(c, user, Act.AGENDA_PUBLISHED, sessionId, items + " items");
    }

    public void markHeld(Collectivity c, AccountUser user, long sessionId) {
        staff(c, user);
        CouncilSession s = lock(c.id(), sessionId);
        s.markHeld(today());
        save(s);
        acted(c, user, Act.SESSION_HELD, sessionId, null);
    }

    /** Each member's presence at a held session; members of another collectivity are refused. Replaces the previous record whole. */
    public void recordAttendance(Collectivity c, AccountUser user, long sessionId, Map<Long, Presence> presence) {
        staff(c, user);
        lock(c.id(), sessionId).requireHeld();
        if (presence.isEmpty()) {
            throw CouncilMembers.invalid("attendance", "validation.required");
        }
        List<Long> own = jdbc.sql("select id from council_member where collectivity_id = :c and id in (:ids)").param("c", c.id())
                .param("ids", presence.keySet()).query(Long.class).list();
        if (own.size() != presence.size()) {
            throw CouncilMembers.invalid("attendance", "council.validation.choice");
        }
        jdbc.sql("delete from council_attendance where session_id = ? and collectivity_id = ?").params(sessionId, c.id()).update();
        presence.forEach((member, p) -> jdbc.sql("insert into council_attendance (session_id, member_id, collectivity_id, presence) values (?, ?, ?, ?)")
                .params(sessionId, member, c.id(), p.name()).update());
    }

    /** Publishes the minutes of a held session: their text, and the signed PDF when there is one. */
    public void publishMinutes(Collectivity c, AccountUser user, long sessionId, String text, Upload pdf) {
        staff(c, user);
        new Check().text("minutesText", text, true, MINUTES_MAX)
                .when(pdf != null && pdf.type() != Upload.FileType.PDF, "minutesFile", "council.validation.pdf-only").orThrow();
        CouncilSession s = lock(c.id(), sessionId);
        s.publishMinutes(!Check.blank(text), Instant.now(clock));
        String key = null;
        if (pdf != null) {
            try {
                key = files.put(new java.io.ByteArrayInputStream(pdf.content()), pdf.name(), pdf.type().contentType);
                // A refusal after this point rolls back the row: the file must not outlive it.
                ma.opencommune.platform.storage.FileCleanup.discardOnRollback(files, key);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        save(s);
        jdbc.sql("update council_session set minutes_text = ?, minutes_file_key = ?, minutes_file_name = ? where id = ? and collectivity_id = ?")
                .params(text.strip(), key, pdf == null ? null : pdf.name(), sessionId, c.id()).update();
        acted(c, user, Act.MINUTES_PUBLISHED, sessionId, pdf == null ? null : "with PDF");
    }

    /** Sessions the public may see (agenda published), newest first. */
    @Transactional(readOnly = true)
    public List<SessionLine> publicSessions(Collectivity c) {
        return lines(c, " and status <> 'PLANNED'");
    }

    @Transactional(readOnly = true)
    public List<SessionLine> staffSessions(Collectivity c, AccountUser user) {
        staff(c, user);
        return lines(c, "");
    }

    private List<SessionLine> lines(Collectivity c, String where) {
        return jdbc.sql("select id, kind, held_on, starts_at, place, status from council_session where collectivity_id = ?" + where
                + " order by held_on desc, id desc").param(c.id())
                .query((rs, i) -> new SessionLine(rs.getLong(1), SessionKind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalTime.class), rs.getString(5), SessionStatus.valueOf(rs.getString(6)))).list();
    }

    /** A public session with its agenda, attendance (once held) and minutes (once published); a planned one is a 404. */
    @Transactional(readOnly = true)
    public SessionView publicSession(Collectivity c, long id) {
        SessionView v = view(c.id(), id);
        if (!v.session().status().isPublic()) {
            throw new NotFoundException("session " + id);
        }
        boolean minutes = v.session().status() == SessionStatus.MINUTES_PUBLISHED;
        return new SessionView(v.session(), v.agenda(), v.attendance(), minutes ? v.minutesText() : null, minutes ? v.minutesFileName() : null);
    }

    @Transactional(readOnly = true)
    public SessionView staffSession(Collectivity c, AccountUser user, long id) {
        staff(c, user);
        return view(c.id(), id);
    }

    private SessionView view(long collectivityId, long id) {
        CouncilSession s = find(collectivityId, id, false);
        String[] minutes = jdbc.sql("select minutes_text, minutes_file_name from council_session where id = ?").param(id)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        List<AgendaItem> agenda = jdbc.sql("select id, position, title_ar, title_fr, explanation, added_late_on, petition_id from council_agenda_item"
                + " where session_id = ? and collectivity_id = ? order by position, id").params(id, collectivityId)
                .query((rs, i) -> new AgendaItem(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), (Long) rs.getObject(7, Long.class))).list();
        Map<Long, Presence> attendance = new LinkedHashMap<>();
        jdbc.sql("select member_id, presence from council_attendance where session_id = ? and collectivity_id = ?").params(id, collectivityId)
                .query((rs, i) -> attendance.put(rs.getLong(1), Presence.valueOf(rs.getString(2)))).list();
        return new SessionView(s, agenda, attendance, minutes[0], minutes[1]);
    }

    /** The published minutes' PDF: its storage key and name, or a 404. */
    @Transactional(readOnly = true)
    public String[] minutesFile(Collectivity c, long id) {
        return jdbc.sql("select minutes_file_key, minutes_file_name from council_session where id = ? and collectivity_id = ?"
                + " and status = 'MINUTES_PUBLISHED' and minutes_file_key is not null").params(id, c.id())
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .orElseThrow(() -> new NotFoundException("minutes " + id));
    }

    /** The session of this collectivity (for staff steps), or a 404. */
    public CouncilSession require(Collectivity c, AccountUser user, long id) {
        staff(c, user);
        return find(c.id(), id, false);
    }

    CouncilSession lock(long collectivityId, long id) {
        return find(collectivityId, id, true);
    }

    CouncilSession find(long collectivityId, long id, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from council_session where collectivity_id = ? and id = ?" + (lock ? " for update" : ""))
                .params(collectivityId, id)
                .query((rs, i) -> new CouncilSession(rs.getLong(1), rs.getLong(2), SessionKind.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalTime.class), rs.getString(6), SessionStatus.valueOf(rs.getString(7)),
                        instant(rs.getObject(8, OffsetDateTime.class)), instant(rs.getObject(9, OffsetDateTime.class)), rs.getInt(10)))
                .optional().orElseThrow(() -> new NotFoundException("session " + id));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private void save(CouncilSession s) {
        int updated = jdbc.sql("update council_session set status = ?, agenda_published_at = ?, minutes_published_at = ?, version = version + 1"
                + " where id = ? and version = ?")
                .params(s.status().name(), s.agendaPublishedAt() == null ? null : Sql.at(s.agendaPublishedAt()),
                        s.minutesPublishedAt() == null ? null : Sql.at(s.minutesPublishedAt()), s.id(), s.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("session " + s.id() + " changed meanwhile");
        }
    }

    void staff(Collectivity c, AccountUser user) {
        access.requireStaff(user, c, COUNCIL_STAFF);
    }

    void acted(Collectivity c, AccountUser user, Act act, long id, String detail) {
        events.publishEvent(new CouncilEvents.CouncilActed(UUID.randomUUID(), Instant.now(clock), c.id(), user == null ? null : user.id(), act,
                act.name().startsWith("DECISION") ? "decision" : "session", id, detail));
    }

    /** Sessions by id, for lists that name them (the decisions' filter). */
    @Transactional(readOnly = true)
    public List<SessionLine> heldSessions(Collectivity c) {
        return new ArrayList<>(lines(c, " and status in ('HELD', 'MINUTES_PUBLISHED')"));
    }
}
