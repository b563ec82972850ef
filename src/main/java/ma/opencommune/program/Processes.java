package ma.opencommune.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Localized;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of the program module for co-creation processes: the public timeline, what each phase opens, and
 * staff creating, editing and publishing a process (OGP-1). Reads take two statements whatever the number of
 * processes or phases.
 */
@Service
@Transactional
public class Processes {

    /** What staff enter for a process; phases absent from the list are not part of it. */
    public record Draft(Localized title, Localized description, LocalDate startsOn, LocalDate endsOn, List<Process.Phase> phases) {
    }

    private final JdbcClient jdbc;
    private final ProgramGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Processes(JdbcClient jdbc, ProgramGuard guard, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** Today in Morocco: the day every phase boundary is judged against. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Morocco.ZONE));
    }

    /** The collectivity's processes, newest first; drafts only when asked (staff pages). */
    @Transactional(readOnly = true)
    public List<Process> list(long collectivityId, boolean withDrafts) {
        List<Process> bare = jdbc.sql("select * from program_process where collectivity_id = ?"
                + (withDrafts ? "" : " and published_at is not null") + " order by starts_on desc, id desc")
                .param(collectivityId).query((rs, n) -> process(rs, List.of())).list();
        return withPhases(bare);
    }

    @Transactional(readOnly = true)
    public Optional<Process> find(long collectivityId, long processId) {
        List<Process> bare = jdbc.sql("select * from program_process where id = ? and collectivity_id = ?")
                .params(processId, collectivityId).query((rs, n) -> process(rs, List.of())).list();
        return withPhases(bare).stream().findFirst();
    }

    /** A process as the public sees it: published, or a 404; its staff also see drafts (to preview them). */
    @Transactional(readOnly = true)
    public Process requireVisible(Collectivity c, long processId, AccountUser viewer) {
        Process p = find(c.id(), processId).orElseThrow(() -> new NotFoundException("process " + processId));
        if (!p.published() && !guard.isManager(viewer, c)) {
            throw new NotFoundException("process " + processId);
        }
        return p;
    }

    /** A process of this collectivity for its staff, drafts included; anyone else is refused. */
    @Transactional(readOnly = true)
    public Process requireManaged(Collectivity c, long processId, AccountUser user) {
        guard.requireManager(user, c);
        return find(c.id(), processId).orElseThrow(() -> new NotFoundException("process " + processId));
    }

    /**
     * Refuses an action outside the phase that opens it, with a reason the page shows, e.g.
     * {@code program.closed.PROPOSALS} ("Proposals are accepted from … to …").
     */
    public void requireOpen(Process p, PhaseKind kind) {
        if (!p.isOpen(kind, today())) {
            throw new ConflictException("program.closed." + kind.name());
        }
    }

    public long create(Collectivity c, AccountUser user, Draft draft) {
        guard.requireManager(user, c);
        validate(draft);
        Instant now = Instant.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_process (collectivity_id, title_ar, title_fr, title_zgh, description_ar, description_fr,"
                + " description_zgh, starts_on, ends_on, created_by, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(c.id(), draft.title().ar().strip(), draft.title().fr().strip(), draft.title().zgh().strip(),
                        Check.clean(draft.description().ar()), Check.clean(draft.description().fr()),
                        Check.clean(draft.description().zgh()), draft.startsOn(), draft.endsOn(), user.id(), Sql.at(now), Sql.at(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        insertPhases(c.id(), id, draft.phases());
        events.publishEvent(new ProgramEvents.ProcessSaved(UUID.randomUUID(), now, c.id(), user.id(), id, true,
                "process " + id + " created: " + draft.title().fr().strip()));
        return id;
    }

    public void update(Collectivity c, AccountUser user, long processId, Draft draft) {
        requireManaged(c, processId, user);
        validate(draft);
        Instant now = Instant.now(clock);
        jdbc.sql("update program_process set title_ar = ?, title_fr = ?, title_zgh = ?, description_ar = ?, description_fr = ?,"
                + " description_zgh = ?, starts_on = ?, ends_on = ?, updated_at = ? where id = ? and collectivity_id = ?")
                .params(draft.title().ar().strip(), draft.title().fr().strip(), draft.title().zgh().strip(),
                        Check.clean(draft.description().ar()), Check.clean(draft.description().fr()),
                        Check.clean(draft.description().zgh()), draft.startsOn(), draft.endsOn(), Sql.at(now), processId, c.id())
                .update();
        jdbc.sql("delete from program_phase where process_id = ? and collectivity_id = ?").params(processId, c.id()).update();
        insertPhases(c.id(), processId, draft.phases());
        events.publishEvent(new ProgramEvents.ProcessSaved(UUID.randomUUID(), now, c.id(), user.id(), processId, false,
                "process " + processId + " updated"));
    }

    /**
     * Makes the timeline public. Returns true when that happens less than 14 days before the start, which staff
     * are warned about (OGP-1: timely information). Publishing twice changes nothing.
     */
    public boolean publish(Collectivity c, AccountUser user, long processId) {
        Process p = requireManaged(c, processId, user);
        if (p.published()) {
            return p.lateNotice(today());
        }
        if (p.phases().isEmpty()) {
            throw new ConflictException("program.publish.no-phase");
        }
        Instant now = Instant.now(clock);
        int changed = jdbc.sql("update program_process set published_at = ? where id = ? and collectivity_id = ? and published_at is null")
                .params(Sql.at(now), processId, c.id()).update();
        boolean late = p.lateNotice(today());
        if (changed == 1) {
            events.publishEvent(new ProgramEvents.ProcessPublished(UUID.randomUUID(), now, c.id(), user.id(), processId, late,
                    "process " + processId + " timeline published" + (late ? " less than " + Process.NOTICE_DAYS + " days before its start" : "")));
        }
        return late;
    }

    private static void validate(Draft d) {
        Check check = new Check()
                .title("titleAr", d.title().ar(), "ar", 300)
                .title("titleFr", d.title().fr(), "fr", 300)
                .title("titleZgh", d.title().zgh(), "zgh", 300)
                .text("descriptionAr", d.description().ar(), false, 4000)
                .text("descriptionFr", d.description().fr(), false, 4000)
                .text("descriptionZgh", d.description().zgh(), false, 4000)
                .period("startsOn", d.startsOn(), "endsOn", d.endsOn());
        for (int i = 0; i < d.phases().size(); i++) {
            Process.Phase phase = d.phases().get(i);
            String prefix = "phases[" + i + "].";
            check.period(prefix + "startsOn", phase.startsOn(), prefix + "endsOn", phase.endsOn());
            if (d.startsOn() != null && d.endsOn() != null && phase.startsOn() != null && phase.endsOn() != null
                    && (phase.startsOn().isBefore(d.startsOn()) || phase.endsOn().isAfter(d.endsOn()))) {
                check.reject(prefix + "startsOn", "validation.phase.outside");
            }
            check.text(prefix + "noteAr", phase.note().ar(), false, 1000)
                    .text(prefix + "noteFr", phase.note().fr(), false, 1000)
                    .text(prefix + "noteZgh", phase.note().zgh(), false, 1000);
        }
        check.orThrow();
    }

    private void insertPhases(long collectivityId, long processId, List<Process.Phase> phases) {
        for (Process.Phase phase : phases) {
            jdbc.sql("insert into program_phase (process_id, collectivity_id, kind, starts_on, ends_on, note_ar, note_fr, note_zgh)"
                    + " values (?,?,?,?,?,?,?,?)")
                    .params(processId, collectivityId, phase.kind().name(), phase.startsOn(), phase.endsOn(),
                            Check.clean(phase.note().ar()), Check.clean(phase.note().fr()), Check.clean(phase.note().zgh()))
                    .update();
        }
    }

    private List<Process> withPhases(List<Process> bare) {
        if (bare.isEmpty()) {
            return bare;
        }
        Collection<Long> ids = bare.stream().map(Process::id).toList();
        Map<Long, List<Process.Phase>> phases = new LinkedHashMap<>();
        jdbc.sql("select * from program_phase where process_id in (:ids) order by starts_on, id").param("ids", ids)
                .query((ResultSet rs) -> {
                    phases.computeIfAbsent(rs.getLong("process_id"), k -> new ArrayList<>()).add(new Process.Phase(
                            PhaseKind.valueOf(rs.getString("kind")), rs.getObject("starts_on", LocalDate.class),
                            rs.getObject("ends_on", LocalDate.class),
                            new Localized(rs.getString("note_ar"), rs.getString("note_fr"), rs.getString("note_zgh"))));
                });
        return bare.stream().map(p -> new Process(p.id(), p.collectivityId(), p.title(), p.description(), p.startsOn(),
                p.endsOn(), p.publishedAt(), List.copyOf(phases.getOrDefault(p.id(), List.of())))).toList();
    }

    private static Process process(ResultSet rs, List<Process.Phase> phases) throws SQLException {
        return new Process(rs.getLong("id"), rs.getLong("collectivity_id"),
                new Localized(rs.getString("title_ar"), rs.getString("title_fr"), rs.getString("title_zgh")),
                new Localized(rs.getString("description_ar"), rs.getString("description_fr"), rs.getString("description_zgh")),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                Sql.instant(rs, "published_at"), phases);
    }
}
