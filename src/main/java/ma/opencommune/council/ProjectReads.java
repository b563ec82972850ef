package ma.opencommune.council;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.program.CommitmentBoard;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the projects, each page in a fixed number of statements whatever the number of projects, funding rows,
 * updates or photos: the public list (keyset by id, newest first), a project with its timeline, the map's points,
 * the CSV rows (streamed) and the figures of the network's index. Public reads see published projects only.
 */
@Service
@Transactional(readOnly = true)
public class ProjectReads {

    private static final String LINE = "p.id, p.title_ar, p.title_fr, p.sector, p.status, p.progress, p.cost_mad, p.latitude, p.longitude,"
            + " p.starts_on, p.ends_on, p.last_update_on, p.published";

    private final JdbcClient jdbc;
    private final CommitmentBoard commitments;
    private final CouncilDecisionReads decisions;
    private final java.time.Clock clock;

    ProjectReads(JdbcClient jdbc, CommitmentBoard commitments, CouncilDecisionReads decisions, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.commitments = commitments;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Up to {@code limit} projects matching the filters, newest first, from before {@code beforeId}; one statement. */
    public List<ProjectLine> list(Collectivity c, ProjectFilter f, Long beforeId, int limit, boolean publishedOnly) {
        List<Object> params = new ArrayList<>();
        String where = where(c, f, publishedOnly, params);
        params.add(beforeId == null ? Long.MAX_VALUE : beforeId);
        params.add(limit);
        return jdbc.sql("select " + LINE + " from council_project p where " + where + " and p.id < ? order by p.id desc limit ?")
                .params(params).query((rs, i) -> line(rs)).list();
    }

    /** A project of the collectivity with everything its page shows; drafts only for staff ({@code publishedOnly} false). */
    public ProjectDetail detail(Collectivity c, long id, boolean publishedOnly) {
        record Head(ProjectLine line, String descriptionAr, String descriptionFr, String area, String contractor) {
        }
        Head head = jdbc.sql("select " + LINE + ", p.description_ar, p.description_fr, p.area_geojson, p.contractor"
                        + " from council_project p where p.id = ? and p.collectivity_id = ?" + (publishedOnly ? " and p.published = true" : ""))
                .params(id, c.id())
                .query((rs, i) -> new Head(line(rs), rs.getString("description_ar"), rs.getString("description_fr"), rs.getString("area_geojson"),
                        rs.getString("contractor")))
                .optional().orElseThrow(() -> new NotFoundException("project " + id));
        List<ProjectDetail.Funding> funding = jdbc.sql("select name, amount_mad from council_project_funding where project_id = ?"
                        + " and collectivity_id = ? order by position, id").params(id, c.id())
                .query((rs, i) -> new ProjectDetail.Funding(rs.getString(1), rs.getBigDecimal(2))).list();
        Map<Long, List<ProjectDetail.Photo>> photos = new LinkedHashMap<>();
        jdbc.sql("select id, update_id, file_name from council_project_photo where project_id = ? and collectivity_id = ? order by id")
                .params(id, c.id())
                .query((ResultSet rs) -> {
                    photos.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new ProjectDetail.Photo(rs.getLong(1), rs.getString(3)));
                });
        List<ProjectDetail.Entry> timeline = jdbc.sql("select id, kind, reported_on, progress, status_to, text from council_project_update"
                        + " where project_id = ? and collectivity_id = ? order by reported_on desc, id desc").params(id, c.id())
                .query((rs, i) -> new ProjectDetail.Entry(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4) == null ? null : rs.getInt(4), rs.getString(5) == null ? null : ProjectStatus.valueOf(rs.getString(5)),
                        rs.getString(6), photos.getOrDefault(rs.getLong(1), List.of())))
                .list();
        return new ProjectDetail(head.line(), head.descriptionAr(), head.descriptionFr(), head.area(), head.contractor(),
                funding, linked(c, id), decisions.carriedOutBy(c.id(), id), timeline);
    }

    /** The commitments linked to a project, read through the program module's façade (published programs only). */
    private List<ProjectDetail.Commitment> linked(Collectivity c, long id) {
        List<Long> ids = jdbc.sql("select commitment_id from council_project_commitment where project_id = ? and collectivity_id = ?")
                .params(id, c.id()).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return commitmentChoices(c).stream().filter(k -> ids.contains(k.id())).toList();
    }

    /** The ids of the linked commitments, for the staff form. */
    public List<Long> linkedIds(Collectivity c, long id) {
        return jdbc.sql("select commitment_id from council_project_commitment where project_id = ? and collectivity_id = ? order by commitment_id")
                .params(id, c.id()).query(Long.class).list();
    }

    /** The ids of the council decisions a project carries out, for the staff form. */
    public List<Long> decisionIds(Collectivity c, long id) {
        return jdbc.sql("select decision_id from council_project_decision where project_id = ? and collectivity_id = ? order by decision_id")
                .params(id, c.id()).query(Long.class).list();
    }

    /** The published projects of the collectivity that carry out a council decision, newest first (one statement). */
    public List<ProjectLine> carryingOut(long collectivityId, long decisionId) {
        return jdbc.sql("select " + LINE + " from council_project p join council_project_decision l on l.project_id = p.id"
                        + " where l.decision_id = ? and l.collectivity_id = ? and p.collectivity_id = ? and p.published = true order by p.id desc")
                .params(decisionId, collectivityId, collectivityId).query((rs, i) -> line(rs)).list();
    }

    /** The commitments of the collectivity's published programs a project may be linked to. */
    public List<ProjectDetail.Commitment> commitmentChoices(Collectivity c) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ma.opencommune.platform.Morocco.ZONE);
        return commitments.published(c.id(), null, null, today).stream()
                .map(l -> new ProjectDetail.Commitment(l.commitment().id(), l.commitment().processId(), l.commitment().number(),
                        l.commitment().title()))
                .toList();
    }

    Set<Long> commitmentIds(Collectivity c) {
        Set<Long> ids = new HashSet<>();
        commitmentChoices(c).forEach(k -> ids.add(k.id()));
        return ids;
    }

    /** A point of the map: the project's line and its area (GeoJSON polygon), if any. */
    public record MapItem(ProjectLine line, String area) {
    }

    /** Every published project matching the filters, with its area, for the map (one statement). */
    public List<MapItem> map(Collectivity c, ProjectFilter f) {
        List<Object> params = new ArrayList<>();
        String where = where(c, f, true, params);
        return jdbc.sql("select " + LINE + ", p.area_geojson from council_project p where " + where + " order by p.id desc")
                .params(params).query((rs, i) -> new MapItem(line(rs), rs.getString("area_geojson"))).list();
    }

    /** A CSV row: the line with the contractor, the funding total and the numbers of the decisions it carries out. */
    public record CsvRow(ProjectLine line, String contractor, java.math.BigDecimal fundingTotal, String decisionNumbers) {
    }

    /** Streams the published projects matching the filters, newest first, to {@code each} as they are read. */
    public void eachPublished(Collectivity c, ProjectFilter f, java.util.function.Consumer<CsvRow> each) {
        List<Object> params = new ArrayList<>();
        String where = where(c, f, true, params);
        jdbc.sql("select " + LINE + ", p.contractor, (select sum(s.amount_mad) from council_project_funding s where s.project_id = p.id)"
                        + " as funding_total, (select string_agg(d.number, '; ' order by d.number) from council_project_decision l"
                        + " join council_decision d on d.id = l.decision_id where l.project_id = p.id and d.status = 'PUBLISHED') as decision_numbers"
                        + " from council_project p where " + where + " order by p.id desc")
                .params(params).query((RowCallbackHandler) rs -> each.accept(new CsvRow(line(rs), rs.getString("contractor"),
                        rs.getBigDecimal("funding_total"), rs.getString("decision_numbers"))));
    }

    /** A stored photo: the file store's key, its safe name and its type. */
    public record StoredPhoto(String key, String name, String contentType) {
    }

    /** A photo of a project of this collectivity; of a published project only unless {@code publishedOnly} is false. */
    public Optional<StoredPhoto> photo(Collectivity c, long projectId, long photoId, boolean publishedOnly) {
        return jdbc.sql("select f.storage_key, f.file_name, f.content_type from council_project_photo f join council_project p on p.id = f.project_id"
                        + " where f.id = ? and f.project_id = ? and f.collectivity_id = ? and p.collectivity_id = ?"
                        + (publishedOnly ? " and p.published = true" : ""))
                .params(photoId, projectId, c.id(), c.id())
                .query((rs, i) -> new StoredPhoto(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /**
     * Figures of the network's index: published projects that are not cancelled, and those among them with a progress
     * update dated within the last {@link ProjectActivity#RECENT_DAYS} days (that day included).
     */
    public ProjectActivity activity(long collectivityId, LocalDate today) {
        LocalDate since = today.minusDays(ProjectActivity.RECENT_DAYS);
        return jdbc.sql("""
                select count(*), coalesce(sum(case when p.id in (select u.project_id from council_project_update u
                    where u.collectivity_id = ? and u.kind = 'PROGRESS' and u.reported_on >= ? and u.reported_on <= ?) then 1 else 0 end), 0)
                from council_project p where p.collectivity_id = ? and p.published = true and p.status <> 'CANCELLED'""")
                .params(collectivityId, since, today, collectivityId)
                .query((rs, i) -> new ProjectActivity(rs.getLong(1), rs.getLong(2))).single();
    }

    private static String where(Collectivity c, ProjectFilter f, boolean publishedOnly, List<Object> params) {
        StringBuilder where = new StringBuilder("p.collectivity_id = ?");
        params.add(c.id());
        if (publishedOnly) {
            where.append(" and p.published = true");
        }
        if (f.sector() != null) {
            where.append(" and p.sector = ?");
            params.add(f.sector().name());
        }
        if (f.status() != null) {
            where.append(" and p.status = ?");
            params.add(f.status().name());
        }
        for (String word : f.words()) {
            where.append(" and p.search_text like ? escape '!'");
            params.add("%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return where.toString();
    }

    private static ProjectLine line(ResultSet rs) throws SQLException {
        return new ProjectLine(rs.getLong("id"), rs.getString("title_ar"), rs.getString("title_fr"), ProjectSector.valueOf(rs.getString("sector")),
                ProjectStatus.valueOf(rs.getString("status")), rs.getInt("progress"), rs.getBigDecimal("cost_mad"), rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getObject("last_update_on", LocalDate.class), rs.getBoolean("published"));
    }
}
