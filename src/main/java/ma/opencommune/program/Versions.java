package ma.opencommune.program;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Façade for the adoption of a program and its versions (OGP-1 traceability). The council's deliberation freezes
 * version 1: a JSON copy of every commitment with its principles and milestones. Each later change of a
 * commitment or milestone freezes the next version with the staff's note on why; no version ever changes.
 */
@Service
@Transactional
public class Versions {

    /** A frozen version: number 1 carries the adopting deliberation, later ones the note of their change. */
    public record Version(long id, int number, String deliberationRef, LocalDate deliberationOn, String changeNote, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final ProgramGuard guard;
    private final Processes processes;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Versions(JdbcClient jdbc, ProgramGuard guard, Processes processes, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.processes = processes;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** Every version of the process, newest first (one statement; a program has a handful). */
    @Transactional(readOnly = true)
    public List<Version> list(Collectivity c, long processId) {
        return jdbc.sql("select id, number, deliberation_ref, deliberation_on, change_note, created_at from program_version"
                + " where process_id = ? and collectivity_id = ? order by number desc")
                .params(processId, c.id()).query(Versions::version).list();
    }

    /** Whether the council adopted the program (version 1 exists): from then on every change makes a version. */
    @Transactional(readOnly = true)
    public boolean adopted(long collectivityId, long processId) {
        return jdbc.sql("select count(*) from program_version where process_id = ? and collectivity_id = ?")
                .params(processId, collectivityId).query(Integer.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<Version> find(Collectivity c, long processId, int number) {
        return jdbc.sql("select id, number, deliberation_ref, deliberation_on, change_note, created_at from program_version"
                + " where process_id = ? and collectivity_id = ? and number = ?")
                .params(processId, c.id(), number).query(Versions::version).optional();
    }

    /** The frozen content of a version, or a 404. */
    @Transactional(readOnly = true)
    public Snapshot snapshotOf(Collectivity c, long processId, int number) {
        String text = jdbc.sql("select snapshot from program_version where process_id = ? and collectivity_id = ? and number = ?")
                .params(processId, c.id(), number).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("version " + number));
        return json.readValue(text, Snapshot.class);
    }

    /** What changed from one version to another (either order); a 404 when either does not exist. */
    @Transactional(readOnly = true)
    public VersionDiff.Result compare(Collectivity c, long processId, int from, int to) {
        return VersionDiff.compare(snapshotOf(c, processId, from), snapshotOf(c, processId, to));
    }

    /**
     * Records the council deliberation adopting the program and freezes version 1. Guarded: program managers
     * only, the process published, at least one commitment, from the first day of the ADOPTION phase on, once.
     */
    public void adopt(Collectivity c, AccountUser user, Process p, String reference, LocalDate adoptedOn) {
        adopt(c, user, p, reference, adoptedOn, new Check());
    }

    public void adopt(Collectivity c, AccountUser user, Process p, String reference, LocalDate adoptedOn, Check check) {
        guard.requireManager(user, c);
        if (adopted(c.id(), p.id())) {
            throw new ConflictException("program.adoption.already");
        }
        LocalDate today = processes.today();
        if (!adoptionOpen(p, today)) {
            throw new ConflictException("program.adoption.not-yet");
        }
        if (jdbc.sql("select count(*) from program_commitment where process_id = ? and collectivity_id = ?")
                .params(p.id(), c.id()).query(Integer.class).single() == 0) {
            throw new ConflictException("program.adoption.no-commitment");
        }
        Texts.title(check, "deliberationRef", reference, 200);
        check.required("deliberationOn", adoptedOn)
                .when(adoptedOn != null && adoptedOn.isAfter(today), "deliberationOn", "program.validation.future-date")
                .orThrow();
        Instant now = Instant.now(clock);
        insert(c.id(), p.id(), 1, reference.strip(), adoptedOn, null, snapshotJson(c.id(), p.id()), user.id(), now);
        events.publishEvent(new CommitmentEvents.ProgramAdopted(UUID.randomUUID(), now, c.id(), user.id(), p.id(), reference.strip(),
                "program of process " + p.id() + " adopted by deliberation " + reference.strip() + " of " + adoptedOn));
    }

    /** Whether the adoption can be recorded on that day: the process is published and its ADOPTION phase has begun. */
    public static boolean adoptionOpen(Process p, LocalDate day) {
        return p.published() && p.phase(PhaseKind.ADOPTION).map(ph -> !day.isBefore(ph.startsOn())).orElse(false);
    }

    /**
     * After adoption, freezes the program as it now stands as the next version with the staff's note; returns its
     * number, or 0 when nothing differs from the latest version (no empty versions). Before adoption: 0.
     */
    int next(Collectivity c, AccountUser user, long processId, String note) {
        // Two staff saving at once would both take number n+1: the process row serialises them.
        jdbc.sql("select id from program_process where id = ? for update").param(processId).query(Long.class).optional();
        Optional<Map.Entry<Integer, String>> latest = jdbc.sql("select number, snapshot from program_version"
                + " where process_id = ? and collectivity_id = ? order by number desc fetch first 1 rows only")
                .params(processId, c.id()).query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2))).optional();
        if (latest.isEmpty()) {
            return 0;
        }
        String snapshot = snapshotJson(c.id(), processId);
        if (snapshot.equals(latest.get().getValue())) {
            return 0;
        }
        int number = latest.get().getKey() + 1;
        Instant now = Instant.now(clock);
        insert(c.id(), processId, number, null, null, note.strip(), snapshot, user.id(), now);
        events.publishEvent(new CommitmentEvents.VersionCreated(UUID.randomUUID(), now, c.id(), user.id(), processId, number,
                "program of process " + processId + " version " + number + ": " + note.strip()));
        return number;
    }

    private void insert(long collectivityId, long processId, int number, String ref, LocalDate on, String note, String snapshot,
            Long actor, Instant at) {
        jdbc.sql("insert into program_version (process_id, collectivity_id, number, deliberation_ref, deliberation_on, change_note,"
                + " snapshot, created_by, created_at) values (?,?,?,?,?,?,?,?,?)")
                .params(processId, collectivityId, number, ref, on, note, snapshot, actor, Sql.at(at)).update();
    }

    /** The JSON copy of the process's commitments as they stand (three statements), as a version stores it. */
    @Transactional(readOnly = true)
    public String snapshotJson(long collectivityId, long processId) {
        return json.writeValueAsString(snapshot(collectivityId, processId));
    }

    Snapshot snapshot(long collectivityId, long processId) {
        List<Commitment> commitments = Commitments.read(jdbc, "c.process_id = ? and c.collectivity_id = ?", processId, collectivityId);
        return new Snapshot(commitments.stream().map(Versions::item).toList());
    }

    private static Snapshot.Item item(Commitment m) {
        return new Snapshot.Item(m.id(), m.number(), m.title(), m.problem(), m.baseline(), m.statusQuo(), m.description(),
                m.expectedResults(), m.howItSolves(), m.principles().stream().map(Enum::name).sorted().toList(), m.leadUnit(),
                m.otherActors(), budget(m.budgetMad()), m.startsOn(), m.endsOn(),
                m.milestones().stream().map(s -> new Snapshot.Step(s.id(), s.position(), s.output(), s.dueOn(), s.responsibleUnit())).toList());
    }

    static String budget(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static Version version(ResultSet rs, int n) throws SQLException {
        return new Version(rs.getLong("id"), rs.getInt("number"), rs.getString("deliberation_ref"),
                rs.getObject("deliberation_on", LocalDate.class), rs.getString("change_note"), Sql.instant(rs, "created_at"));
    }
}
