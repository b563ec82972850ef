package ma.opencommune.information;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own requests across every collectivity, newest first: one query for a page of requests and one for
 * the collectivities they went to, whatever the page size.
 */
@Service
@Transactional(readOnly = true)
public class MyRequests {

    public static final int PAGE_SIZE = 20;

    /** One line of the list. */
    public record Line(String trackingNumber, Collectivity collectivity, String subject, RequestStatus status, Instant receivedAt,
            LocalDate dueOn) {
    }

    /** A page of lines; {@code hasNext} when an older page exists. */
    public record Page(List<Line> lines, int number, boolean hasNext) {
    }

    private final JdbcClient jdbc;
    private final Territory territory;

    MyRequests(JdbcClient jdbc, Territory territory) {
        this.jdbc = jdbc;
        this.territory = territory;
    }

    /** A document sent with the answer, as listed to the requester (served by the attachments route). */
    public record Attachment(long id, String fileName, String contentType, long sizeBytes) {
    }

    /** The documents of one request, for its requester or the collectivity's officers (the caller checked which). */
    public List<Attachment> attachments(InformationRequest r) {
        return jdbc.sql("select id, file_name, content_type, size_bytes from info_attachment where request_id = ? and collectivity_id = ?"
                + " order by created_at, id")
                .params(r.id(), r.collectivityId())
                .query((rs, i) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }

    private record Row(String trackingNumber, long collectivityId, String subject, RequestStatus status, Instant receivedAt, LocalDate dueOn) {
    }

    public Page page(AccountUser user, int number) {
        int page = Math.max(0, Math.min(number, 10_000));
        List<Row> rows = jdbc.sql("select tracking_number, collectivity_id, subject, status, received_at, due_on from info_request"
                + " where requester_id = ? order by received_at desc, id desc limit ? offset ?")
                .params(user.id(), PAGE_SIZE + 1, page * PAGE_SIZE)
                .query((rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), RequestStatus.valueOf(rs.getString(4)),
                        Sql.instant(rs, 5), RequestStore.date(rs, "due_on")))
                .list();
        boolean hasNext = rows.size() > PAGE_SIZE;
        List<Row> shown = hasNext ? rows.subList(0, PAGE_SIZE) : rows;
        Map<Long, Collectivity> collectivities = shown.isEmpty() ? Map.of()
                : territory.byIds(shown.stream().map(Row::collectivityId).distinct().toList());
        return new Page(shown.stream().map(r -> new Line(r.trackingNumber(), collectivities.get(r.collectivityId()), r.subject(), r.status(),
                r.receivedAt(), r.dueOn())).toList(), page, hasNext);
    }
}
