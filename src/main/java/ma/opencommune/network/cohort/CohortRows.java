package ma.opencommune.network.cohort;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import ma.opencommune.network.Pillar;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the cohort tables (one statement per method), shared by the cohort services. */
@Component
class CohortRows {

    static final String CALL_COLUMNS = """
            id, title_ar, title_fr, description_ar, description_fr, eligible_types, places, opens_on, closes_on, results_due,
            appeal_days, status, published_at, closed_at, results_at, period_key, methodology_version, confirmed_at, cohort""";

    private final JdbcClient jdbc;

    CohortRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Cohort.Call> call(long id) {
        return jdbc.sql("select " + CALL_COLUMNS + " from cohort_call where id = ?").param(id).query(CohortRows::call).optional();
    }

    Cohort.Call require(long id) {
        return call(id).orElseThrow(() -> new NotFoundException("cohort call " + id));
    }

    /** The call as the public may see it: never a draft. */
    Cohort.Call requirePublic(long id) {
        Cohort.Call c = require(id);
        if (!c.isPublic()) {
            throw new NotFoundException("cohort call " + id);
        }
        return c;
    }

    List<Cohort.Call> calls(boolean withDrafts) {
        return jdbc.sql("select " + CALL_COLUMNS + " from cohort_call" + (withDrafts ? "" : " where status <> 'DRAFT'") + " order by opens_on desc, id desc")
                .query(CohortRows::call).list();
    }

    List<Cohort.Criterion> criteria(long callId) {
        return jdbc.sql("select id, position, name_ar, name_fr, description, kind, pillar, weight from cohort_criterion where call_id = ? order by position, id")
                .param(callId).query((rs, n) -> new Cohort.Criterion(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Cohort.Kind.valueOf(rs.getString(6)), rs.getString(7) == null ? null : Pillar.valueOf(rs.getString(7)), rs.getInt(8)))
                .list();
    }

    List<Cohort.Question> questions(long callId) {
        return jdbc.sql("select id, position, text_ar, text_fr from cohort_question where call_id = ? order by position, id").param(callId)
                .query((rs, n) -> new Cohort.Question(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4))).list();
    }

    List<Cohort.CriteriaChange> changes(long callId) {
        return jdbc.sql("select changed_at, changed_by_name, reason, before_text, after_text from cohort_criteria_change where call_id = ? order by changed_at, id")
                .param(callId).query((rs, n) -> new Cohort.CriteriaChange(Sql.instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    /** Applications of a call in the given statuses. */
    List<Cohort.Application> applications(long callId, String... statuses) {
        return jdbc.sql("select id, call_id, collectivity_id, status, created_at, submitted_at from cohort_application where call_id = :call"
                + " and status in (:statuses) order by submitted_at, id").param("call", callId).param("statuses", Arrays.asList(statuses))
                .query(CohortRows::application).list();
    }

    Optional<Cohort.Application> application(long callId, long collectivityId) {
        return jdbc.sql("select id, call_id, collectivity_id, status, created_at, submitted_at from cohort_application where call_id = ? and collectivity_id = ?")
                .params(callId, collectivityId).query(CohortRows::application).optional();
    }

    List<Cohort.Score> scores(long callId) {
        return jdbc.sql("""
                select s.application_id, s.criterion_id, s.score, s.period_key, s.methodology_version from cohort_score s
                join cohort_application a on a.id = s.application_id where a.call_id = ?""").param(callId)
                .query((rs, n) -> new Cohort.Score(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getString(4),
                        (Integer) rs.getObject(5, Integer.class)))
                .list();
    }

    List<Cohort.Result> results(long callId) {
        return jdbc.sql("select application_id, collectivity_id, total, rank_position, selected, tie from cohort_result where call_id = ? order by rank_position, application_id")
                .param(callId).query((rs, n) -> new Cohort.Result(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getInt(4), rs.getBoolean(5),
                        rs.getBoolean(6)))
                .list();
    }

    List<Cohort.Review> reviews(long callId) {
        return jdbc.sql("""
                select r.application_id, r.criterion_id, r.reviewer_id, r.score, r.comment from cohort_review r
                join cohort_application a on a.id = r.application_id where a.call_id = ? order by r.application_id, r.criterion_id, r.scored_at""")
                .param(callId).query((rs, n) -> new Cohort.Review(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5))).list();
    }

    List<Cohort.Appeal> appeals(long callId) {
        return jdbc.sql("select id, application_id, collectivity_id, filed_at, reasoning, outcome, decision, decided_at from cohort_appeal where call_id = ? order by filed_at, id")
                .param(callId).query((rs, n) -> new Cohort.Appeal(rs.getLong(1), rs.getLong(2), rs.getLong(3), Sql.instant(rs, 4), rs.getString(5),
                        rs.getString(6), rs.getString(7), Sql.instant(rs, 8)))
                .list();
    }

    List<Cohort.Amendment> amendments(long callId) {
        return jdbc.sql("""
                select m.application_id, m.criterion_id, m.before_score, m.after_score, m.reason, m.amended_at from cohort_amendment m
                join cohort_appeal p on p.id = m.appeal_id where p.call_id = ? order by m.amended_at, m.id""").param(callId)
                .query((rs, n) -> new Cohort.Amendment(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5),
                        Sql.instant(rs, 6)))
                .list();
    }

    List<Cohort.Document> documents(long applicationId) {
        return jdbc.sql("select id, application_id, file_name, content_type, size_bytes, uploaded_at from cohort_document where application_id = ? order by id")
                .param(applicationId).query((rs, n) -> new Cohort.Document(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        Sql.instant(rs, 6)))
                .list();
    }

    List<Long> reviewers(long callId) {
        return jdbc.sql("select account_id from cohort_reviewer where call_id = ? order by assigned_at, account_id").param(callId).query(Long.class).list();
    }

    boolean isReviewer(long callId, long accountId) {
        return jdbc.sql("select count(*) from cohort_reviewer where call_id = ? and account_id = ?").params(callId, accountId).query(Integer.class).single() > 0;
    }

    private static Cohort.Call call(ResultSet rs, int n) throws SQLException {
        return new Cohort.Call(rs.getLong("id"), rs.getString("title_ar"), rs.getString("title_fr"), rs.getString("description_ar"),
                rs.getString("description_fr"), new LinkedHashSet<>(Arrays.asList(rs.getString("eligible_types").split(","))), rs.getInt("places"),
                rs.getObject("opens_on", java.time.LocalDate.class), rs.getObject("closes_on", java.time.LocalDate.class),
                rs.getObject("results_due", java.time.LocalDate.class), rs.getInt("appeal_days"), Cohort.Status.valueOf(rs.getString("status")),
                Sql.instant(rs, "published_at"), Sql.instant(rs, "closed_at"), Sql.instant(rs, "results_at"), rs.getString("period_key"),
                (Integer) rs.getObject("methodology_version", Integer.class), Sql.instant(rs, "confirmed_at"), rs.getString("cohort"));
    }

    private static Cohort.Application application(ResultSet rs, int n) throws SQLException {
        return new Cohort.Application(rs.getLong(1), rs.getLong(2), rs.getLong(3), Cohort.ApplicationStatus.valueOf(rs.getString(4)), Sql.instant(rs, 5),
                Sql.instant(rs, 6));
    }
}
