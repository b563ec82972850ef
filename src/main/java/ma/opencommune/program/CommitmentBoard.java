package ma.opencommune.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.opencommune.platform.Localized;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.ConsultativeBody;
import ma.opencommune.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the public monitoring of a program (OGP-3): the dashboard of commitments, a commitment with all its
 * OGP-2 fields, milestones, progress and assessments, and the commitments the API lists. Every figure is
 * aggregated in SQL and every read takes a fixed number of statements, whatever the number of commitments.
 * Every query filters by the collectivity of the URL.
 */
@Service
@Transactional(readOnly = true)
public class CommitmentBoard {

    private final JdbcClient jdbc;
    private final Territory territory;

    CommitmentBoard(JdbcClient jdbc, Territory territory) {
        this.jdbc = jdbc;
        this.territory = territory;
    }

    /** The dashboard of a process: two statements. */
    public Tracking.Board board(long collectivityId, long processId, LocalDate today) {
        List<Tracking.Row> bare = rows("c.process_id = ? and c.collectivity_id = ?", today, processId, collectivityId);
        Map<Long, List<Principle>> principles = principles(
                "select cp.commitment_id, cp.principle from program_commitment_principle cp join program_commitment c on c.id = cp.commitment_id"
                        + " where c.process_id = ? and c.collectivity_id = ?", processId, collectivityId);
        List<Tracking.Row> rows = bare.stream().map(r -> new Tracking.Row(r.id(), r.processId(), r.number(), r.title(),
                principles.getOrDefault(r.id(), List.of()), r.milestones(), r.completed(), r.overdue(), r.lastUpdate())).toList();
        Map<Completion, Integer> byLevel = new EnumMap<>(Completion.class);
        for (Completion level : Completion.values()) {
            byLevel.put(level, 0);
        }
        rows.forEach(r -> byLevel.merge(r.completion(), 1, Integer::sum));
        return new Tracking.Board(rows, byLevel, rows.stream().mapToInt(Tracking.Row::milestones).sum(),
                rows.stream().mapToInt(Tracking.Row::overdue).sum());
    }

    private List<Tracking.Row> rows(String where, LocalDate today, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = today;
        System.arraycopy(params, 0, all, 1, params.length);
        return jdbc.sql("""
                select c.id, c.process_id, c.number, c.title, count(m.id) as milestones, count(m.completed_on) as completed,
                       sum(case when m.completed_on is null and m.due_on < ? then 1 else 0 end) as overdue,
                       (select max(p.created_at) from program_progress p where p.commitment_id = c.id) as last_update
                from program_commitment c left join program_milestone m on m.commitment_id = c.id
                where\s""" + where + " group by c.id, c.process_id, c.number, c.title order by c.process_id, c.number")
                .params(all).query((rs, n) -> new Tracking.Row(rs.getLong("id"), rs.getLong("process_id"), rs.getInt("number"),
                        rs.getString("title"), List.of(), rs.getInt("milestones"), rs.getInt("completed"), rs.getInt("overdue"),
                        Sql.instant(rs, "last_update"))).list();
    }

    private Map<Long, List<Principle>> principles(String sql, Object... params) {
        Map<Long, List<Principle>> out = new HashMap<>();
        jdbc.sql(sql + " order by cp.commitment_id, cp.principle").params(params).query((ResultSet rs) -> {
            out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Principle.valueOf(rs.getString(2)));
        });
        return out;
    }

    /** A commitment of this process and collectivity with everything its public page shows, or a 404. */
    public Tracking.Detail detail(long collectivityId, long processId, long commitmentId, LocalDate today) {
        Tracking.Detail bare = jdbc.sql("select * from program_commitment where id = ? and process_id = ? and collectivity_id = ?")
                .params(commitmentId, processId, collectivityId).query((rs, n) -> detail(rs)).optional()
                .orElseThrow(() -> new NotFoundException("commitment " + commitmentId));
        List<Principle> principles = principles("select cp.commitment_id, cp.principle from program_commitment_principle cp"
                + " where cp.commitment_id = ?", commitmentId).getOrDefault(commitmentId, List.of());
        List<Tracking.MilestoneState> milestones = milestones(collectivityId, commitmentId, today);
        List<Tracking.ProgressEntry> progress = jdbc.sql("""
                select p.*, m.output from program_progress p join program_milestone m on m.id = p.milestone_id
                where p.commitment_id = ? and p.collectivity_id = ? order by p.reported_on desc, p.id desc""")
                .params(commitmentId, collectivityId).query((rs, n) -> progress(rs)).list();
        List<Tracking.FedProposal> proposals = jdbc.sql("""
                select p.id, p.title from program_commitment_source s join program_proposal p on p.id = s.proposal_id
                where s.commitment_id = ? and p.collectivity_id = ? order by p.id""")
                .params(commitmentId, collectivityId).query((rs, n) -> new Tracking.FedProposal(rs.getLong(1), rs.getString(2))).list();
        List<Tracking.FedRecommendation> recommendations = jdbc.sql("""
                select o.id, o.title, r.number, r.text from program_commitment_source s
                join program_recommendation r on r.id = s.recommendation_id join program_opinion o on o.id = r.opinion_id
                where s.commitment_id = ? and r.collectivity_id = ? order by o.id, r.number""")
                .params(commitmentId, collectivityId).query((rs, n) -> new Tracking.FedRecommendation(rs.getLong(1),
                        rs.getString(2), rs.getInt(3), rs.getString(4))).list();
        return new Tracking.Detail(bare.id(), bare.processId(), bare.number(), bare.title(), bare.problem(), bare.baseline(),
                bare.statusQuo(), bare.description(), bare.expectedResults(), bare.howItSolves(), bare.leadUnit(),
                bare.otherActors(), bare.budgetMad(), bare.startsOn(), bare.endsOn(), principles, milestones, progress,
                proposals, recommendations, assessments(collectivityId, commitmentId));
    }

    /** The milestones of a commitment in order, each judged overdue or not on that day. */
    public List<Tracking.MilestoneState> milestones(long collectivityId, long commitmentId, LocalDate today) {
        return jdbc.sql("select * from program_milestone where commitment_id = ? and collectivity_id = ? order by position, id")
                .params(commitmentId, collectivityId).query((rs, n) -> milestone(rs, today)).list();
    }

    /** Assessments of a commitment, newest first, with the names of the bodies that made them. */
    public List<Tracking.Assessment> assessments(long collectivityId, long commitmentId) {
        Map<Long, ConsultativeBody> bodies = territory.bodies(collectivityId).stream()
                .collect(Collectors.toMap(ConsultativeBody::id, Function.identity()));
        return jdbc.sql("select * from program_assessment where commitment_id = ? and collectivity_id = ? order by created_at desc, id desc")
                .params(commitmentId, collectivityId).query((rs, n) -> {
                    ConsultativeBody body = bodies.get(rs.getLong("body_id"));
                    return new Tracking.Assessment(rs.getLong("id"), rs.getLong("body_id"),
                            body == null ? new Localized(null, null, null) : new Localized(body.names().ar(), body.names().fr(), body.names().zgh()),
                            OpenGovernment.valueOf(rs.getString("scale")), rs.getString("text"), Sql.instant(rs, "created_at"));
                }).list();
    }

    /** What the API lists: commitments of published processes only (drafts never appear), with their milestones. */
    public List<Listed> published(long collectivityId, Long processId, Long commitmentId, LocalDate today) {
        StringBuilder where = new StringBuilder("c.collectivity_id = ? and c.process_id in (select id from program_process"
                + " where collectivity_id = ? and published_at is not null)");
        List<Object> params = new ArrayList<>(List.of(collectivityId, collectivityId));
        if (processId != null) {
            where.append(" and c.process_id = ?");
            params.add(processId);
        }
        if (commitmentId != null) {
            where.append(" and c.id = ?");
            params.add(commitmentId);
        }
        Map<Long, Listed> commitments = new java.util.LinkedHashMap<>();
        jdbc.sql("select c.* from program_commitment c where " + where + " order by c.process_id, c.number").params(params)
                .query((ResultSet rs) -> {
                    commitments.put(rs.getLong("id"), new Listed(detail(rs), new ArrayList<>(), new ArrayList<>(), false));
                });
        if (commitments.isEmpty()) {
            return List.of();
        }
        Collection<Long> ids = commitments.keySet();
        jdbc.sql("select commitment_id, principle from program_commitment_principle where commitment_id in (:ids) order by principle")
                .param("ids", ids).query((ResultSet rs) -> {
                    commitments.get(rs.getLong(1)).principles().add(Principle.valueOf(rs.getString(2)));
                });
        jdbc.sql("select m.*, (select count(*) from program_progress p where p.milestone_id = m.id) as reports"
                        + " from program_milestone m where m.commitment_id in (:ids) order by m.position, m.id")
                .param("ids", ids).query((ResultSet rs) -> {
                    Listed l = commitments.get(rs.getLong("commitment_id"));
                    l.milestones().add(milestone(rs, today));
                    if (rs.getInt("reports") > 0) {
                        commitments.put(l.commitment().id(), l.withProgress());
                    }
                });
        return List.copyOf(commitments.values());
    }

    /** A commitment as the API lists it. */
    public record Listed(Tracking.Detail commitment, List<Principle> principles, List<Tracking.MilestoneState> milestones,
            boolean anyProgress) {

        Listed withProgress() {
            return new Listed(commitment, principles, milestones, true);
        }

        public Completion completion() {
            int done = (int) milestones.stream().filter(m -> m.completedOn() != null).count();
            return Completion.of(milestones.size(), done, anyProgress);
        }
    }

    /** The stored document of a progress report of this process and collectivity (key and safe name), if any. */
    public Optional<Document> document(long collectivityId, long processId, long progressId) {
        return jdbc.sql("""
                select p.document_key, p.document_name from program_progress p join program_commitment c on c.id = p.commitment_id
                where p.id = ? and c.process_id = ? and p.collectivity_id = ? and p.document_key is not null""")
                .params(progressId, processId, collectivityId).query((rs, n) -> new Document(rs.getString(1), rs.getString(2))).optional();
    }

    /** A stored evidence document: the file store's key and the sanitised name it is downloaded under. */
    public record Document(String key, String name) {
    }

    private static Tracking.Detail detail(ResultSet rs) throws SQLException {
        return new Tracking.Detail(rs.getLong("id"), rs.getLong("process_id"), rs.getInt("number"), rs.getString("title"),
                rs.getString("problem"), rs.getString("baseline"), rs.getString("status_quo"), rs.getString("description"),
                rs.getString("expected_results"), rs.getString("how_it_solves"), rs.getString("lead_unit"),
                rs.getString("other_actors"), rs.getBigDecimal("budget_mad"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static Tracking.MilestoneState milestone(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        LocalDate completed = rs.getObject("completed_on", LocalDate.class);
        return new Tracking.MilestoneState(rs.getLong("id"), rs.getLong("commitment_id"), rs.getInt("position"),
                rs.getString("output"), due, rs.getString("responsible_unit"), completed, Sql.instant(rs, "last_update_at"),
                Tracking.overdue(due, completed, today));
    }

    private static Tracking.ProgressEntry progress(ResultSet rs) throws SQLException {
        return new Tracking.ProgressEntry(rs.getLong("id"), rs.getLong("milestone_id"), rs.getString("output"),
                rs.getObject("reported_on", LocalDate.class), rs.getString("text"), rs.getString("evidence_url"),
                rs.getString("document_name"), rs.getBoolean("completes"), Sql.instant(rs, "created_at"));
    }
}
