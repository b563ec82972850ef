package ma.opencommune.program;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Localized;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of the diagnosis (PAC-3): staff list the areas or projects of the program to diagnose, residents rate
 * each one's importance and their satisfaction (1 to 5) while the diagnosis phase is open, and everyone sees the
 * aggregated results. Every query filters by the collectivity of the URL.
 */
@Service
@Transactional
public class Diagnosis {

    /** An area or project to diagnose, with how many people rated it. */
    public record Area(long id, long processId, int position, Localized title, String descriptionAr, String descriptionFr,
            int ratings) {

        public String description(String lang) {
            String value = "ar".equals(lang) ? descriptionAr : descriptionFr;
            return Check.blank(value) ? ("ar".equals(lang) ? descriptionFr : descriptionAr) : value;
        }
    }

    /** What staff enter for an area: a title in the three scripts and optional descriptions in Arabic and French. */
    public record AreaDraft(Localized title, String descriptionAr, String descriptionFr) {
    }

    /** One area's rating as submitted; all empty means "not rated". */
    public record RatingInput(Long areaId, Integer importance, Integer satisfaction, String comment) {

        boolean empty() {
            return importance == null && satisfaction == null && Check.blank(comment);
        }
    }

    /** A comment left with a rating, for staff (no author: they do not need it to read the diagnosis). */
    public record Comment(long areaId, String text, Instant at) {
    }

    public static final int COMMENT_MAX = 1000;
    public static final int COMMENTS_PAGE = 50;

    private final JdbcClient jdbc;
    private final Processes processes;
    private final ProgramGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Diagnosis(JdbcClient jdbc, Processes processes, ProgramGuard guard, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** The process's areas in staff order, with their number of ratings (one statement). */
    @Transactional(readOnly = true)
    public List<Area> areas(long collectivityId, long processId) {
        return jdbc.sql("""
                select a.*, (select count(*) from program_rating r where r.area_id = a.id) as ratings
                from program_area a where a.process_id = ? and a.collectivity_id = ? order by a.position, a.id""")
                .params(processId, collectivityId)
                .query((rs, n) -> new Area(rs.getLong("id"), rs.getLong("process_id"), rs.getInt("position"),
                        new Localized(rs.getString("title_ar"), rs.getString("title_fr"), rs.getString("title_zgh")),
                        rs.getString("description_ar"), rs.getString("description_fr"), rs.getInt("ratings")))
                .list();
    }

    @Transactional(readOnly = true)
    public Area requireArea(long collectivityId, long processId, long areaId) {
        return areas(collectivityId, processId).stream().filter(a -> a.id() == areaId).findFirst()
                .orElseThrow(() -> new NotFoundException("area " + areaId));
    }

    public long addArea(Collectivity c, AccountUser user, long processId, AreaDraft draft) {
        processes.requireManaged(c, processId, user);
        validate(draft);
        Instant now = Instant.now(clock);
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from program_area where process_id = ? and collectivity_id = ?")
                .params(processId, c.id()).query(Integer.class).single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_area (process_id, collectivity_id, position, title_ar, title_fr, title_zgh, description_ar,"
                + " description_fr, created_at) values (?,?,?,?,?,?,?,?,?)")
                .params(processId, c.id(), position, draft.title().ar().strip(), draft.title().fr().strip(),
                        draft.title().zgh().strip(), Check.clean(draft.descriptionAr()), Check.clean(draft.descriptionFr()), Sql.at(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        publish(c, user, processId, id, "added", now, "area " + id + " added to process " + processId + ": " + draft.title().fr().strip());
        return id;
    }

    public void updateArea(Collectivity c, AccountUser user, long processId, long areaId, AreaDraft draft) {
        processes.requireManaged(c, processId, user);
        requireArea(c.id(), processId, areaId);
        validate(draft);
        jdbc.sql("update program_area set title_ar = ?, title_fr = ?, title_zgh = ?, description_ar = ?, description_fr = ?"
                + " where id = ? and process_id = ? and collectivity_id = ?")
                .params(draft.title().ar().strip(), draft.title().fr().strip(), draft.title().zgh().strip(),
                        Check.clean(draft.descriptionAr()), Check.clean(draft.descriptionFr()), areaId, processId, c.id())
                .update();
        publish(c, user, processId, areaId, "updated", Instant.now(clock), "area " + areaId + " renamed: " + draft.title().fr().strip());
    }

    /** Swaps the area with its neighbour before ({@code up}) or after it; at either end nothing moves. */
    public void moveArea(Collectivity c, AccountUser user, long processId, long areaId, boolean up) {
        processes.requireManaged(c, processId, user);
        List<Area> areas = areas(c.id(), processId);
        int index = -1;
        for (int i = 0; i < areas.size(); i++) {
            if (areas.get(i).id() == areaId) {
                index = i;
            }
        }
        if (index < 0) {
            throw new NotFoundException("area " + areaId);
        }
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= areas.size()) {
            return;
        }
        // Positions are renumbered 1..n so that equal positions left by older data cannot make the swap a no-op.
        List<Area> order = new ArrayList<>(areas);
        Area moved = order.remove(index);
        order.add(other, moved);
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("update program_area set position = ? where id = ? and collectivity_id = ?")
                    .params(i + 1, order.get(i).id(), c.id()).update();
        }
        publish(c, user, processId, areaId, "moved", Instant.now(clock), "area " + areaId + " moved " + (up ? "up" : "down"));
    }

    /** Removes an area nobody rated yet; once rated it stays, so that published results do not silently change. */
    public void removeArea(Collectivity c, AccountUser user, long processId, long areaId) {
        processes.requireManaged(c, processId, user);
        Area area = requireArea(c.id(), processId, areaId);
        // The guard and the delete are one statement, so a rating arriving in between cannot be deleted with it.
        int deleted = jdbc.sql("delete from program_area where id = ? and collectivity_id = ?"
                + " and not exists (select 1 from program_rating r where r.area_id = program_area.id)")
                .params(areaId, c.id()).update();
        if (deleted == 0) {
            throw new ConflictException("program.diagnosis.area.has-ratings");
        }
        publish(c, user, processId, areaId, "removed", Instant.now(clock), "area " + areaId + " removed: " + area.title().fr());
    }

    /**
     * A resident's ratings of some areas of the process, during its diagnosis phase only. Areas left empty are not
     * rated; an area rated before is changed in place (one rating per person and area). Every mistake is reported
     * at once and nothing is saved. Returns how many areas were rated.
     */
    public int rate(Collectivity c, AccountUser user, long processId, List<RatingInput> inputs, String gender, String ageBand) {
        guard.requireParticipant(user);
        Process p = processes.requireVisible(c, processId, user);
        processes.requireOpen(p, PhaseKind.DIAGNOSIS);
        Set<Long> known = areas(c.id(), processId).stream().map(Area::id).collect(Collectors.toSet());
        Check check = new Check();
        List<RatingInput> rated = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            RatingInput in = inputs.get(i);
            if (in == null || in.empty()) {
                continue;
            }
            String row = "rows[" + i + "].";
            check.when(in.areaId() == null || !known.contains(in.areaId()), row + "importance", "validation.choose");
            score(check, row + "importance", in.importance());
            score(check, row + "satisfaction", in.satisfaction());
            check.text(row + "comment", in.comment(), false, COMMENT_MAX);
            rated.add(in);
        }
        check.when(gender != null && !gender.isEmpty() && !DiagnosisResults.GENDERS.contains(gender), "gender", "validation.choose");
        check.when(ageBand != null && !ageBand.isEmpty() && !DiagnosisResults.AGE_BANDS.contains(ageBand), "ageBand", "validation.choose");
        check.when(rated.isEmpty() && check.ok(), "rows", "program.diagnosis.rate.none");
        check.orThrow();
        String g = Check.clean(gender);
        String a = Check.clean(ageBand);
        Instant now = Instant.now(clock);
        for (RatingInput in : rated) {
            save(c.id(), processId, user.id(), in, g, a, now);
        }
        events.publishEvent(new DiagnosisEvents.RatingsSubmitted(UUID.randomUUID(), now, c.id(), user.id(), processId,
                rated.size(), rated.size() + " area(s) of process " + processId + " rated"));
        return rated.size();
    }

    private static void score(Check check, String field, Integer value) {
        check.when(value == null, field, "program.diagnosis.rate.missing");
        check.when(value != null && (value < 1 || value > 5), field, "program.diagnosis.rate.range");
    }

    /**
     * Update, else insert; "on conflict do nothing" absorbs a double submit racing this one, after which the
     * update is tried again, so neither click fails and the person still has one rating.
     */
    private void save(long collectivityId, long processId, long accountId, RatingInput in, String gender, String age, Instant now) {
        for (int attempt = 0; attempt < 2; attempt++) {
            int updated = jdbc.sql("update program_rating set importance = ?, satisfaction = ?, comment = ?, gender = ?, age_band = ?,"
                    + " updated_at = ? where area_id = ? and account_id = ? and collectivity_id = ?")
                    .params(in.importance(), in.satisfaction(), Check.clean(in.comment()), gender, age, Sql.at(now),
                            in.areaId(), accountId, collectivityId)
                    .update();
            if (updated > 0) {
                return;
            }
            int inserted = jdbc.sql("insert into program_rating (area_id, process_id, collectivity_id, account_id, importance,"
                    + " satisfaction, comment, gender, age_band, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?) on conflict do nothing")
                    .params(in.areaId(), processId, collectivityId, accountId, in.importance(), in.satisfaction(),
                            Check.clean(in.comment()), gender, age, Sql.at(now), Sql.at(now))
                    .update();
            if (inserted > 0) {
                return;
            }
        }
    }

    /** This person's ratings in the process, by area id, to fill the form again. */
    @Transactional(readOnly = true)
    public Map<Long, RatingInput> mine(long collectivityId, long processId, AccountUser user) {
        Map<Long, RatingInput> mine = new HashMap<>();
        if (user == null) {
            return mine;
        }
        jdbc.sql("select area_id, importance, satisfaction, comment from program_rating where process_id = ? and collectivity_id = ? and account_id = ?")
                .params(processId, collectivityId, user.id())
                .query(rs -> {
                    mine.put(rs.getLong(1), new RatingInput(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4)));
                });
        return mine;
    }

    /** This person's last declared gender and age band in the process (either may be null). */
    @Transactional(readOnly = true)
    public String[] declared(long collectivityId, long processId, AccountUser user) {
        if (user == null) {
            return new String[2];
        }
        return jdbc.sql("select gender, age_band from program_rating where process_id = ? and collectivity_id = ? and account_id = ?"
                + " order by updated_at desc, id desc fetch first 1 rows only")
                .params(processId, collectivityId, user.id())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional().orElse(new String[2]);
    }

    /**
     * Aggregated results: two statements whatever the number of areas and ratings (the areas, then one grouped
     * aggregate by area, gender and age band whose cells are folded in memory).
     */
    @Transactional(readOnly = true)
    public DiagnosisResults results(long collectivityId, long processId) {
        List<Area> areas = areas(collectivityId, processId);
        List<DiagnosisResults.Cell> cells = jdbc.sql("""
                select area_id, gender, age_band, count(*) as answers, sum(importance) as imp, sum(satisfaction) as sat,
                       count(comment) as comments
                from program_rating where process_id = ? and collectivity_id = ?
                group by area_id, gender, age_band""")
                .params(processId, collectivityId)
                .query((rs, n) -> new DiagnosisResults.Cell(rs.getLong("area_id"), rs.getString("gender"), rs.getString("age_band"),
                        new DiagnosisResults.Score(rs.getLong("answers"), rs.getLong("imp"), rs.getLong("sat")), rs.getLong("comments")))
                .list();
        long people = jdbc.sql("select count(distinct account_id) from program_rating where process_id = ? and collectivity_id = ?")
                .params(processId, collectivityId).query(Long.class).single();
        return DiagnosisResults.of(areas, cells, people);
    }

    /** Comments left with ratings, newest first, one page at a time (staff only). */
    @Transactional(readOnly = true)
    public List<Comment> comments(Collectivity c, AccountUser user, long processId, int page) {
        guard.requireManager(user, c);
        return jdbc.sql("select area_id, comment, updated_at from program_rating where process_id = ? and collectivity_id = ?"
                + " and comment is not null order by updated_at desc, id desc offset ? rows fetch next ? rows only")
                .params(processId, c.id(), Math.max(0, page) * COMMENTS_PAGE, COMMENTS_PAGE + 1)
                .query((rs, n) -> new Comment(rs.getLong(1), rs.getString(2), Sql.instant(rs, 3))).list();
    }

    private static void validate(AreaDraft d) {
        new Check().title("titleAr", d.title().ar(), "ar", 300)
                .title("titleFr", d.title().fr(), "fr", 300)
                .title("titleZgh", d.title().zgh(), "zgh", 300)
                .text("descriptionAr", d.descriptionAr(), false, 2000)
                .text("descriptionFr", d.descriptionFr(), false, 2000)
                .orThrow();
    }

    private void publish(Collectivity c, AccountUser user, long processId, long areaId, String change, Instant now, String summary) {
        events.publishEvent(new DiagnosisEvents.AreaChanged(UUID.randomUUID(), now, c.id(), user.id(), processId, areaId, change, summary));
    }
}
