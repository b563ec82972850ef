package ma.opencommune.program;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.ConsultativeBody;
import ma.opencommune.territory.Territory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitoring of a program's implementation (OGP-1 shared monitoring, OGP-3): staff report dated progress on
 * milestones with evidence, the follow-up committee assesses commitments, and people follow commitments to get a
 * digest of their progress. Every write is guarded here (who, which phase, which collectivity) and audited.
 */
@Service
@Transactional
public class Monitoring {

    /** A progress report as staff enter it; {@code documentProblem} is the message key of a refused upload. */
    public record ProgressReport(Long milestoneId, LocalDate reportedOn, String text, String evidenceUrl, boolean completes,
            Upload document, String documentProblem) {
    }

    /** An assessment as the follow-up committee enters it. */
    public record AssessmentDraft(Long bodyId, String scale, String text) {
    }

    static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final Processes processes;
    private final ProgramGuard guard;
    private final Territory territory;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Monitoring(JdbcClient jdbc, Processes processes, ProgramGuard guard, Territory territory, FileStore files,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.guard = guard;
        this.territory = territory;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    /** Head of a commitment: what guards and mails need. */
    public record Head(long id, long processId, int number, String title, LocalDate startsOn) {
    }

    /** The commitment of this process and collectivity, or a 404. */
    @Transactional(readOnly = true)
    public Head commitment(long collectivityId, long processId, long commitmentId) {
        return jdbc.sql("select id, process_id, number, title, starts_on from program_commitment where id = ? and process_id = ? and collectivity_id = ?")
                .params(commitmentId, processId, collectivityId)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getObject(5, LocalDate.class)))
                .optional().orElseThrow(() -> new NotFoundException("commitment " + commitmentId));
    }

    /** Progress is reported while the program is implemented: during its monitoring or evaluation phase. */
    public boolean reportingOpen(Process p) {
        LocalDate today = processes.today();
        return p.isOpen(PhaseKind.MONITORING, today) || p.isOpen(PhaseKind.EVALUATION, today);
    }

    public void requireReportingOpen(Process p) {
        if (!reportingOpen(p)) {
            throw new ConflictException("program.monitor.closed");
        }
    }

    /**
     * Records dated progress on a milestone (OGP-3). Program managers only, during monitoring or evaluation; the
     * date is not in the future nor before the commitment starts; evidence links are https. Ticking "completes"
     * sets the milestone's completion date to the reported day. The same report sent twice is recorded once.
     */
    public long report(Collectivity c, AccountUser user, long processId, long commitmentId, ProgressReport r) {
        Process p = processes.requireManaged(c, processId, user);
        requireReportingOpen(p);
        Head head = commitment(c.id(), processId, commitmentId);
        LocalDate today = processes.today();
        Check check = new Check().required("milestoneId", r.milestoneId());
        Optional<LocalDate[]> milestone = r.milestoneId() == null ? Optional.empty()
                : jdbc.sql("select due_on, completed_on from program_milestone where id = ? and commitment_id = ? and collectivity_id = ?")
                        .params(r.milestoneId(), commitmentId, c.id())
                        .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}).optional();
        check.when(r.milestoneId() != null && milestone.isEmpty(), "milestoneId", "validation.choose");
        check.when(r.completes() && milestone.isPresent() && milestone.get()[1] != null, "completes", "program.monitor.progress.already-complete");
        check.required("reportedOn", r.reportedOn())
                .when(r.reportedOn() != null && r.reportedOn().isAfter(today), "reportedOn", "program.monitor.progress.future")
                .when(r.reportedOn() != null && head.startsOn() != null && r.reportedOn().isBefore(head.startsOn()), "reportedOn",
                        "program.monitor.progress.before-start");
        check.text("text", r.text(), true, MAX_TEXT);
        String url = Check.clean(r.evidenceUrl());
        check.url("evidenceUrl", url).when(url != null && !url.startsWith("https://"), "evidenceUrl", "program.monitor.progress.https");
        check.when(r.documentProblem() != null, "document", r.documentProblem());
        check.orThrow();

        String text = r.text().strip();
        Optional<Long> same = jdbc.sql("select id from program_progress where milestone_id = ? and reported_on = ? and text = ? and collectivity_id = ?")
                .params(r.milestoneId(), r.reportedOn(), text, c.id()).query(Long.class).optional();
        if (same.isPresent()) {
            return same.get(); // a double submit: recorded once
        }
        String key = store(r.document());
        try {
            Instant now = Instant.now(clock);
            GeneratedKeyHolder id = new GeneratedKeyHolder();
            jdbc.sql("insert into program_progress (milestone_id, commitment_id, collectivity_id, reported_on, text, evidence_url,"
                    + " document_key, document_name, completes, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?,?)")
                    .params(r.milestoneId(), commitmentId, c.id(), r.reportedOn(), text, url, key,
                            r.document() == null ? null : r.document().name(), r.completes(), user.id(), Sql.at(now))
                    .update(id, "id");
            long progressId = id.getKey().longValue();
            jdbc.sql("update program_milestone set last_update_at = ?, completed_on = case when ? then ? else completed_on end"
                    + " where id = ? and collectivity_id = ?")
                    .params(Sql.at(now), r.completes(), r.reportedOn(), r.milestoneId(), c.id()).update();
            events.publishEvent(new MonitoringEvents.ProgressReported(UUID.randomUUID(), now, c.id(), user.id(), commitmentId,
                    r.milestoneId(), progressId, r.completes(), "progress " + progressId + " on milestone " + r.milestoneId()
                    + " of commitment " + head.number() + (r.completes() ? " (milestone completed)" : "")));
            return progressId;
        } catch (RuntimeException e) {
            discard(key);
            throw e;
        }
    }

    private String store(Upload document) {
        if (document == null) {
            return null;
        }
        try {
            return files.put(new ByteArrayInputStream(document.content()), document.name(), document.type().contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void discard(String key) {
        if (key != null) {
            try {
                files.delete(key);
            } catch (IOException ignored) {
                // an orphan file costs disk space only; the report was not saved
            }
        }
    }

    /** Follow-up committees of this collectivity the person may assess for (all of them for program managers). */
    @Transactional(readOnly = true)
    public List<ConsultativeBody> committeesOf(AccountUser user, Collectivity c) {
        return territory.bodies(c.id()).stream().filter(b -> b.type() == ConsultativeBody.Type.FOLLOW_UP_COMMITTEE)
                .filter(b -> guard.canActForBody(user, c, b.id())).toList();
    }

    /** Assessments are made once implementation has begun: from the first day of monitoring (or evaluation). */
    public boolean assessingOpen(Process p) {
        LocalDate today = processes.today();
        LocalDate from = p.phase(PhaseKind.MONITORING).or(() -> p.phase(PhaseKind.EVALUATION))
                .map(Process.Phase::startsOn).orElse(null);
        return p.published() && from != null && !today.isBefore(from);
    }

    /** Refuses anyone who may not assess for any follow-up committee of this collectivity (403). */
    public List<ConsultativeBody> requireAssessor(AccountUser user, Collectivity c) {
        if (user == null) {
            throw new AccessDeniedException("sign in");
        }
        List<ConsultativeBody> bodies = committeesOf(user, c);
        if (bodies.isEmpty() && !guard.isManager(user, c)) {
            throw new AccessDeniedException("not a follow-up committee member");
        }
        return bodies;
    }

    /**
     * Records the follow-up committee's assessment of a commitment (OGP-3 "did it open government?"). Members of
     * that committee, or program managers on its behalf (ProgramGuard), once implementation has begun.
     */
    public long assess(Collectivity c, AccountUser user, long processId, long commitmentId, AssessmentDraft d) {
        List<ConsultativeBody> bodies = requireAssessor(user, c);
        Process p = processes.requireVisible(c, processId, user);
        Head head = commitment(c.id(), processId, commitmentId);
        if (!assessingOpen(p)) {
            throw new ConflictException("program.monitor.assess-closed");
        }
        Check check = new Check().required("bodyId", d.bodyId());
        check.when(d.bodyId() != null && bodies.stream().noneMatch(b -> b.id() == d.bodyId()), "bodyId", "validation.choose");
        OpenGovernment scale = parse(d.scale());
        check.when(scale == null, "scale", "validation.choose");
        check.text("text", d.text(), true, MAX_TEXT);
        check.orThrow();
        guard.requireBodyMember(user, c, d.bodyId());
        String text = d.text().strip();
        Optional<Long> same = jdbc.sql("select id from program_assessment where commitment_id = ? and body_id = ? and scale = ? and text = ?")
                .params(commitmentId, d.bodyId(), scale.name(), text).query(Long.class).optional();
        if (same.isPresent()) {
            return same.get();
        }
        Instant now = Instant.now(clock);
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("insert into program_assessment (commitment_id, collectivity_id, body_id, author_id, scale, text, created_at) values (?,?,?,?,?,?,?)")
                .params(commitmentId, c.id(), d.bodyId(), user.id(), scale.name(), text, Sql.at(now)).update(id, "id");
        long assessmentId = id.getKey().longValue();
        events.publishEvent(new MonitoringEvents.AssessmentRecorded(UUID.randomUUID(), now, c.id(), user.id(), commitmentId,
                d.bodyId(), scale, "assessment " + assessmentId + " of commitment " + head.number() + ": " + scale));
        return assessmentId;
    }

    private static OpenGovernment parse(String value) {
        for (OpenGovernment g : OpenGovernment.values()) {
            if (g.name().equals(value)) {
                return g;
            }
        }
        return null;
    }

    @Transactional(readOnly = true)
    public boolean follows(AccountUser user, long commitmentId) {
        return user != null && jdbc.sql("select count(*) from program_follow where commitment_id = ? and account_id = ?")
                .params(commitmentId, user.id()).query(Integer.class).single() > 0;
    }

    /**
     * Starts or stops following a commitment of a visible process (signed-in, confirmed accounts). Following
     * twice, or unfollowing what one does not follow, changes nothing. Digests start from now on.
     */
    public void follow(Collectivity c, AccountUser user, long processId, long commitmentId, boolean on) {
        guard.requireParticipant(user);
        processes.requireVisible(c, processId, user);
        commitment(c.id(), processId, commitmentId);
        Instant now = Instant.now(clock);
        int changed;
        if (on) {
            try {
                changed = jdbc.sql("insert into program_follow (commitment_id, account_id, collectivity_id, created_at, last_digest_at)"
                        + " select ?, ?, ?, ?, ? where not exists (select 1 from program_follow where commitment_id = ? and account_id = ?)")
                        .params(commitmentId, user.id(), c.id(), Sql.at(now), Sql.at(now), commitmentId, user.id()).update();
            } catch (DuplicateKeyException concurrent) {
                changed = 0;
            }
        } else {
            changed = jdbc.sql("delete from program_follow where commitment_id = ? and account_id = ? and collectivity_id = ?")
                    .params(commitmentId, user.id(), c.id()).update();
        }
        if (changed > 0) {
            events.publishEvent(new MonitoringEvents.FollowChanged(UUID.randomUUID(), now, c.id(), null, commitmentId, on,
                    "commitment " + commitmentId + (on ? " followed" : " unfollowed")));
        }
    }
}
