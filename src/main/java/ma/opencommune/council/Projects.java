package ma.opencommune.council;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Role;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.TextFold;
import ma.opencommune.platform.storage.FileCleanup;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of the projects: staff of the collectivity (council secretary or staff administrator) create and edit them,
 * link the council decisions they carry out, change their status through the {@link Project} aggregate and report dated
 * progress with photos. Each write is one
 * transaction, checked whole first, and sends an action-log event. The collectivity always comes from the URL; a
 * project of another one answers 404.
 */
@Service
@Transactional
public class Projects {

    static final Role[] PROJECT_STAFF = {Role.COUNCIL_SECRETARY, Role.STAFF_ADMIN};
    private static final Pattern SUBMISSION_KEY = Pattern.compile("[0-9a-f-]{36}");

    /** A progress update as staff enter it; {@code photoProblem} is the message key of a refused photo. */
    public record ProgressReport(LocalDate reportedOn, Integer progress, String text, List<Upload> photos, String photoProblem,
            String submissionKey) {

        public ProgressReport {
            photos = photos == null ? List.of() : List.copyOf(photos);
        }
    }

    /** The project saved from a form; {@code created} is false when the same form was already saved (a double submit). */
    public record Saved(long id, boolean created) {
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final ProjectReads reads;
    private final CouncilDecisionReads decisions;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Projects(JdbcClient jdbc, Access access, ProjectReads reads, CouncilDecisionReads decisions, FileStore files, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.reads = reads;
        this.decisions = decisions;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE);
    }

    /** Passes for the council secretary or a staff administrator of this collectivity (or a platform admin). */
    public void requireStaff(Collectivity c, AccountUser user) {
        access.requireStaff(user, c, PROJECT_STAFF);
    }

    /** A new project, once per submission key; {@code typed} holds what the form could not read. */
    public Saved create(Collectivity c, AccountUser user, ProjectFields f, Check typed, String submissionKey) {
        requireStaff(c, user);
        checked(c, f, typed);
        String key = submissionKey != null && SUBMISSION_KEY.matcher(submissionKey).matches() ? submissionKey : null;
        if (key != null) {
            Optional<Long> same = jdbc.sql("select id from council_project where collectivity_id = ? and submission_key = ?")
                    .params(c.id(), key).query(Long.class).optional();
            if (same.isPresent()) {
                return new Saved(same.get(), false);
            }
        }
        Instant now = Instant.now(clock);
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into council_project (title_ar, title_fr, description_ar, description_fr, search_text, sector, latitude, longitude,
                    area_geojson, cost_mad, contractor, starts_on, ends_on, published, collectivity_id, status, progress, submission_key,
                    created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', 0, ?, ?, ?, ?)""")
                .params(columns(f)).param(c.id()).param(key).param(user.id()).param(Sql.at(now)).param(Sql.at(now))
                .update(generated, "id");
        long id = generated.getKey().longValue();
        links(c, id, f);
        events.publishEvent(new ProjectEvents.ProjectSaved(UUID.randomUUID(), now, c.id(), user.id(), id, true));
        return new Saved(id, true);
    }

    /** Rewrites a project's fields (its status and progress move only through their own steps). */
    public void edit(Collectivity c, AccountUser user, long id, ProjectFields f, Check typed) {
        requireStaff(c, user);
        lock(c, id);
        checked(c, f, typed);
        Instant now = Instant.now(clock);
        jdbc.sql("""
                update council_project set title_ar = ?, title_fr = ?, description_ar = ?, description_fr = ?, search_text = ?, sector = ?,
                    latitude = ?, longitude = ?, area_geojson = ?, cost_mad = ?, contractor = ?, starts_on = ?, ends_on = ?, published = ?,
                    updated_at = ?, version = version + 1
                where id = ? and collectivity_id = ?""")
                .params(columns(f)).param(Sql.at(now)).param(id).param(c.id()).update();
        jdbc.sql("delete from council_project_funding where project_id = ? and collectivity_id = ?").params(id, c.id()).update();
        jdbc.sql("delete from council_project_commitment where project_id = ? and collectivity_id = ?").params(id, c.id()).update();
        jdbc.sql("delete from council_project_decision where project_id = ? and collectivity_id = ?").params(id, c.id()).update();
        links(c, id, f);
        events.publishEvent(new ProjectEvents.ProjectSaved(UUID.randomUUID(), now, c.id(), user.id(), id, false));
    }

    /** Moves the project to another status, as {@link Project} allows; the change joins its public timeline. */
    public Project changeStatus(Collectivity c, AccountUser user, long id, ProjectStatus to, String note) {
        requireStaff(c, user);
        Project p = lock(c, id);
        new Check().required("status", to).text("note", note, false, ProjectRules.MAX_UPDATE_TEXT).orThrow();
        ProjectStatus from = p.status();
        LocalDate today = today();
        p.changeStatus(to, today);
        Instant now = Instant.now(clock);
        save(c, p, now);
        jdbc.sql("insert into council_project_update (project_id, collectivity_id, kind, reported_on, progress, status_to, text, created_by,"
                + " created_at) values (?, ?, 'STATUS', ?, ?, ?, ?, ?, ?)")
                .params(id, c.id(), today, p.progress(), to.name(), Check.clean(note), user.id(), Sql.at(now)).update();
        events.publishEvent(new ProjectEvents.ProjectStatusChanged(UUID.randomUUID(), now, c.id(), user.id(), id, from, to, today));
        return p;
    }

    /**
     * A dated progress update with up to five photos. The date is not in the future; the same form sent twice
     * (its submission key) is recorded once. Photos are stored with the row and removed again if the transaction fails.
     */
    public long report(Collectivity c, AccountUser user, long id, ProgressReport r) {
        return report(c, user, id, r, new Check());
    }

    /** The same, with {@code typed} holding what the form could not read (reported with the rest). */
    public long report(Collectivity c, AccountUser user, long id, ProgressReport r, Check typed) {
        requireStaff(c, user);
        Project p = lock(c, id);
        LocalDate today = today();
        Check check = typed.required("reportedOn", r.reportedOn())
                .when(r.reportedOn() != null && r.reportedOn().isAfter(today), "reportedOn", "projects.validation.future")
                .required("progress", r.progress())
                .text("text", r.text(), true, ProjectRules.MAX_UPDATE_TEXT)
                .when(r.photoProblem() != null, "photos", r.photoProblem() == null ? "" : r.photoProblem())
                .when(r.photos().size() > ProjectRules.MAX_PHOTOS, "photos", "projects.validation.photo.too-many");
        check.when(r.photos().stream().anyMatch(u -> u.type() == Upload.FileType.PDF), "photos", "projects.validation.photo.type");
        check.orThrow();
        String key = r.submissionKey() != null && SUBMISSION_KEY.matcher(r.submissionKey()).matches() ? r.submissionKey() : null;
        if (key != null) {
            Optional<Long> same = jdbc.sql("select id from council_project_update where project_id = ? and submission_key = ?")
                    .params(id, key).query(Long.class).optional();
            if (same.isPresent()) {
                return same.get();
            }
        }
        p.report(r.progress(), r.reportedOn());
        Instant now = Instant.now(clock);
        save(c, p, now);
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        jdbc.sql("insert into council_project_update (project_id, collectivity_id, kind, reported_on, progress, text, submission_key, created_by,"
                + " created_at) values (?, ?, 'PROGRESS', ?, ?, ?, ?, ?, ?)")
                .params(id, c.id(), r.reportedOn(), p.progress(), r.text().strip(), key, user.id(), Sql.at(now)).update(generated, "id");
        long updateId = generated.getKey().longValue();
        for (Upload photo : r.photos()) {
            String stored = store(photo);
            jdbc.sql("insert into council_project_photo (update_id, project_id, collectivity_id, storage_key, file_name, content_type, size_bytes,"
                    + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(updateId, id, c.id(), stored, photo.name(), photo.type().contentType, photo.content().length, Sql.at(now)).update();
        }
        events.publishEvent(new ProjectEvents.ProjectProgressReported(UUID.randomUUID(), now, c.id(), user.id(), id, updateId,
                p.progress(), r.photos().size(), r.reportedOn()));
        return updateId;
    }

    private String store(Upload photo) {
        try {
            String key = files.put(new ByteArrayInputStream(photo.content()), photo.name(), photo.type().contentType);
            FileCleanup.discardOnRollback(files, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checked(Collectivity c, ProjectFields f, Check typed) {
        Check check = typed == null ? new Check() : typed;
        Set<Long> choices = f.commitmentIds().isEmpty() ? Set.of() : reads.commitmentIds(c);
        // Only published decisions of this collectivity: another's, a draft or an unknown id is a form error, never a key violation.
        ProjectRules.check(check, f, choices, decisions.publishedAmong(c.id(), f.decisionIds()));
        check.orThrow();
    }

    private void links(Collectivity c, long id, ProjectFields f) {
        int position = 0;
        for (ProjectFields.Funding row : f.funding()) {
            if (Check.blank(row.name())) {
                continue;
            }
            jdbc.sql("insert into council_project_funding (project_id, collectivity_id, position, name, amount_mad) values (?, ?, ?, ?, ?)")
                    .params(id, c.id(), position++, row.name().strip(), row.amountMad()).update();
        }
        for (Long commitment : f.commitmentIds().stream().distinct().toList()) {
            jdbc.sql("insert into council_project_commitment (project_id, collectivity_id, commitment_id) values (?, ?, ?)")
                    .params(id, c.id(), commitment).update();
        }
        for (Long decision : f.decisionIds().stream().distinct().toList()) {
            jdbc.sql("insert into council_project_decision (collectivity_id, project_id, decision_id) values (?, ?, ?)")
                    .params(c.id(), id, decision).update();
        }
    }

    /** The columns of a project's fields, in the order of the statements that write them. */
    private static Object[] columns(ProjectFields f) {
        String area = ProjectGeometry.area(f.area()).geojson();
        String search = TextFold.fold(String.join(" ", List.of(nz(f.titleAr()), nz(f.titleFr()), nz(f.descriptionAr()),
                nz(f.descriptionFr()), nz(f.contractor()))));
        List<Object> values = new ArrayList<>(List.of());
        values.add(Check.clean(f.titleAr()));
        values.add(Check.clean(f.titleFr()));
        values.add(Check.clean(f.descriptionAr()));
        values.add(Check.clean(f.descriptionFr()));
        values.add(search.length() > 42_000 ? search.substring(0, 42_000) : search);
        values.add(f.sector().name());
        values.add(f.latitude());
        values.add(f.longitude());
        values.add(area);
        values.add(f.costMad());
        values.add(Check.clean(f.contractor()));
        values.add(f.startsOn());
        values.add(f.endsOn());
        values.add(f.published());
        return values.toArray();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The project of this collectivity under a row lock, or a 404 (another collectivity's id is not found either). */
    private Project lock(Collectivity c, long id) {
        return jdbc.sql("select id, collectivity_id, status, progress, last_update_on, version from council_project"
                + " where id = ? and collectivity_id = ? for update")
                .params(id, c.id())
                .query((rs, i) -> new Project(rs.getLong(1), rs.getLong(2), ProjectStatus.valueOf(rs.getString(3)), rs.getInt(4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6)))
                .optional().orElseThrow(() -> new NotFoundException("project " + id));
    }

    private void save(Collectivity c, Project p, Instant now) {
        int updated = jdbc.sql("update council_project set status = ?, progress = ?, last_update_on = ?, updated_at = ?, version = version + 1"
                + " where id = ? and collectivity_id = ? and version = ?")
                .params(p.status().name(), p.progress(), p.lastUpdateOn(), Sql.at(now), p.id(), c.id(), p.version()).update();
        if (updated != 1) {
            throw new ConflictException("projects.conflict.changed");
        }
    }
}
