package ma.opencommune.petitions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import ma.opencommune.territory.CollectivityType;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loads and saves the petition aggregate; a save that finds another version lost a race and fails. */
@Component
class PetitionStore {

    private static final String COLUMNS = "id, collectivity_id, kind, agent_id, status, threshold, opened_on, filed_on, decision_due,"
            + " decided_on, rejection_ground, rejection_reasoning, session_on, committee, concluded_on, council_decision_reference,"
            + " outcome_summary, threshold_reached_on, association_checked_at, version";

    private final JdbcClient jdbc;

    PetitionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The petition of this collectivity (never another's: the collectivity comes from the URL, with its type). */
    Optional<Petition> find(long collectivityId, CollectivityType type, long id, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from petition where collectivity_id = ? and id = ?" + (lock ? " for update" : ""))
                .params(collectivityId, id).query((rs, i) -> map(rs, type)).optional();
    }

    /** Whether the petition collects signatures as committed now (one narrow read, on the signing path). */
    boolean collecting(long collectivityId, long id) {
        return jdbc.sql("select count(*) from petition where collectivity_id = ? and id = ? and status in ('OPEN', 'THRESHOLD_REACHED')")
                .params(collectivityId, id).query(Integer.class).single() > 0;
    }

    void save(Petition p) {
        int updated = jdbc.sql("""
                update petition set status = ?, threshold = ?, opened_on = ?, filed_on = ?, decision_due = ?, decided_on = ?,
                    rejection_ground = ?, rejection_reasoning = ?, session_on = ?, committee = ?, concluded_on = ?,
                    council_decision_reference = ?, outcome_summary = ?, threshold_reached_on = ?, association_checked_at = ?,
                    version = version + 1
                where id = ? and version = ?""")
                .params(p.status().name(), p.threshold(), p.openedOn(), p.filedOn(), p.decisionDue(), p.decidedOn(),
                        p.rejectionGround() == null ? null : p.rejectionGround().name(), p.rejectionReasoning(), p.sessionOn(),
                        p.committee(), p.concludedOn(), p.councilDecisionReference(), p.outcomeSummary(), p.thresholdReachedOn(),
                        p.associationCheckedAt() == null ? null : ma.opencommune.platform.Sql.at(p.associationCheckedAt()), p.id(), p.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("petition " + p.id() + " changed meanwhile");
        }
    }

    /** Valid signatures of a petition, online and on paper: counted from the rows, never a shared counter. */
    long[] signatures(long petitionId) {
        long[] counts = new long[2];
        jdbc.sql("select source, count(*) from petition_signature where petition_id = ? group by source").param(petitionId)
                .query((rs, i) -> counts["PAPER".equals(rs.getString(1)) ? 1 : 0] = rs.getLong(2)).list();
        return counts;
    }

    private static Petition map(ResultSet rs, CollectivityType type) throws SQLException {
        String ground = rs.getString("rejection_ground");
        return new Petition(rs.getLong("id"), rs.getLong("collectivity_id"), type,
                PetitionKind.valueOf(rs.getString("kind")), rs.getLong("agent_id"), PetitionStatus.valueOf(rs.getString("status")),
                rs.getInt("threshold"), date(rs, "opened_on"), date(rs, "filed_on"), date(rs, "decision_due"), date(rs, "decided_on"),
                ground == null ? null : RejectionGround.valueOf(ground), rs.getString("rejection_reasoning"), date(rs, "session_on"),
                rs.getString("committee"), date(rs, "concluded_on"), rs.getString("council_decision_reference"),
                rs.getString("outcome_summary"), date(rs, "threshold_reached_on"), instant(rs, "association_checked_at"), rs.getInt("version"));
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime at = rs.getObject(column, java.time.OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
