package ma.opencommune.information;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import ma.opencommune.platform.Sql;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loads and saves the request aggregate; a save that finds another version lost a race and fails. */
@Component
class RequestStore {

    static final String COLUMNS = "id, collectivity_id, tracking_number, requester_id, first_name, last_name, postal_address, cin_hint,"
            + " email, subject, description, delivery, urgent, urgency_reason, lang, received_at, received_on, version, status, due_on,"
            + " extended_on, extension_reason, paused_since, assigned_to, closed_at, closed_on, answer_kind, answer_text,"
            + " refusal_ground, refusal_reasoning, transfer_to, transfer_note, published_at";

    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InformationRequest> find(long collectivityId, String trackingNumber, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from info_request where collectivity_id = ? and tracking_number = ?" + (lock ? " for update" : ""))
                .params(collectivityId, trackingNumber).query(RequestStore::map).optional();
    }

    Optional<InformationRequest> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from info_request where id = ?").param(id).query(RequestStore::map).optional();
    }

    void save(InformationRequest r) {
        int updated = jdbc.sql("""
                update info_request set status = ?, due_on = ?, extended_on = ?, extension_reason = ?, paused_since = ?,
                    assigned_to = ?, closed_at = ?, closed_on = ?, answer_kind = ?, answer_text = ?, refusal_ground = ?,
                    refusal_reasoning = ?, transfer_to = ?, transfer_note = ?, published_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(r.status().name(), r.dueOn(), r.extendedOn(), name(r.extensionReason()), r.pausedSince(), r.assignedTo(),
                        Sql.at(r.closedAt()), r.closedOn(), name(r.answerKind()), r.answerText(), name(r.refusalGround()),
                        r.refusalReasoning(), r.transferTo(), r.transferNote(), Sql.at(r.publishedAt()), r.id(), r.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("request " + r.id() + " changed meanwhile");
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static InformationRequest map(ResultSet rs, int row) throws SQLException {
        long requester = rs.getLong("requester_id");
        return new InformationRequest(rs.getLong("id"), rs.getLong("collectivity_id"), rs.getString("tracking_number"),
                new InformationRequest.Requester(rs.wasNull() ? null : requester, rs.getString("first_name"), rs.getString("last_name"),
                        rs.getString("postal_address"), rs.getString("cin_hint"), rs.getString("email")),
                rs.getString("subject"), rs.getString("description"), Delivery.valueOf(rs.getString("delivery")), rs.getBoolean("urgent"),
                rs.getString("urgency_reason"), rs.getString("lang"), Sql.instant(rs, "received_at"), date(rs, "received_on"),
                rs.getInt("version"), RequestStatus.valueOf(rs.getString("status")), date(rs, "due_on"), date(rs, "extended_on"),
                value(ExtensionReason.class, rs.getString("extension_reason")), date(rs, "paused_since"),
                (Long) rs.getObject("assigned_to", Long.class), Sql.instant(rs, "closed_at"), date(rs, "closed_on"),
                value(AnswerKind.class, rs.getString("answer_kind")), rs.getString("answer_text"),
                value(RefusalGround.class, rs.getString("refusal_ground")), rs.getString("refusal_reasoning"), rs.getString("transfer_to"),
                rs.getString("transfer_note"), Sql.instant(rs, "published_at"));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
