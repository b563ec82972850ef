package ma.opencommune.information;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.TextFold;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publication of answered and refused requests (PDP-2): officers review a redaction view, publish redacted texts and
 * chosen attachments, and may withdraw the publication; the public lists and reads what is published, searched
 * through {@link TextFold}. Nothing public ever reads the requester's identity columns.
 */
@Service
@Transactional
public class Publication {

    public static final int PAGE_SIZE = 20;
    /** Offset pages stay cheap: deeper than this, search narrows the list instead. */
    public static final int MAX_PAGE = 500;
    static final int SEARCH_MAX = 41_000;
    static final int QUERY_WORDS = 8;
    static final int WORD_MAX = 60;

    /** A document sent with the answer; {@code publishable} when staff chose to publish it. */
    public record Attachment(long id, String fileName, String contentType, long sizeBytes, boolean publishable) {
    }

    /** What officers review before publishing: the original texts, what to mark, the attachments, the current publication. */
    public record Review(InformationRequest request, List<String> names, String answerSource, List<Attachment> attachments,
            String publishedSubject, String publishedDescription, String publishedAnswer) {

        public boolean published() {
            return request.publishedAt() != null;
        }

        public List<Redaction.Segment> segments(String text) {
            return Redaction.segments(text, names);
        }

        public boolean marked(String text) {
            return Redaction.hasMarks(text, names);
        }

        public String redacted(String text, Map<Redaction.Kind, String> placeholders) {
            return Redaction.redact(text, names, placeholders);
        }
    }

    /** The redacted texts staff publish, the attachments to publish, and their word that the marks left are not personal. */
    public record Draft(String subject, String description, String answer, List<Long> attachmentIds, boolean confirmed) {
    }

    /** One line of the public list. */
    public record Listed(String trackingNumber, String subject, RequestStatus status, Instant receivedAt, LocalDate answeredOn,
            boolean inTime, Instant publishedAt) {
    }

    /** A page of the public list, newest publication first. */
    public record Page(List<Listed> items, int page, boolean hasNext) {
    }

    /** A public step of the history: what happened and when, never who. */
    public record PublicStep(Instant at, InformationEvents.Step step) {
        /** The Moroccan calendar day of the step. */
        public LocalDate day() {
            return ma.opencommune.calendar.WorkingDays.dayOf(at);
        }
    }

    /** The public page of a published request: no requester identity at all. */
    public record PublicRequest(long id, String trackingNumber, RequestStatus status, AnswerKind answerKind, RefusalGround ground,
            Instant receivedAt, LocalDate receivedOn, LocalDate answeredOn, LocalDate dueOn, boolean inTime, Instant publishedAt,
            String subject, String description, String answer, List<PublicStep> history, List<Attachment> attachments) {
    }

    private final JdbcClient jdbc;
    private final RequestStore store;
    private final InformationRequests requests;
    private final InformationGuard guard;
    private final Clock clock;

    Publication(JdbcClient jdbc, RequestStore store, InformationRequests requests, InformationGuard guard, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.requests = requests;
        this.guard = guard;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- officers

    /** The redaction view (PDP-2): only an answer (full or partial) or a refusal can be published. */
    @Transactional(readOnly = true)
    public Review review(Collectivity c, String trackingNumber, AccountUser officer) {
        InformationRequest r = requests.forOfficer(c, trackingNumber, officer);
        if (!r.status().publishable()) {
            throw new ConflictException("information.conflict.not-publishable");
        }
        String[] published = jdbc.sql("select published_subject, published_description, published_answer from info_request where id = ?")
                .param(r.id()).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        return new Review(r, identity(r), answerSource(r), attachments(r.id(), false),
                published[0], published[1], published[2]);
    }

    /** What the review marks besides numbers and emails: the requester's names and postal address (PDP-2). */
    static List<String> identity(InformationRequest r) {
        return List.of(r.requester().firstName(), r.requester().lastName(), r.requester().postalAddress());
    }

    /** The text the public reads as the answer: the answer itself or, for a refusal, its written reasoning (ATI-7). */
    static String answerSource(InformationRequest r) {
        return r.status() == RequestStatus.REFUSED ? r.refusalReasoning() : r.answerText();
    }

    /**
     * Publishes the redacted texts (PDP-2). Refused while a text still holds something that looks like personal data,
     * unless the officer confirms it is not; the transition itself is guarded by the aggregate (answered or refused,
     * not yet published).
     */
    public void publish(Collectivity c, String trackingNumber, AccountUser officer, Draft d) {
        guard.requireOfficer(officer, c);
        InformationRequest r = store.find(c.id(), trackingNumber, true).orElseThrow(() -> new NotFoundException("request " + trackingNumber));
        List<String> names = identity(r);
        Check check = new Check()
                .text("subject", d.subject(), true, InformationRequests.SUBJECT_MAX)
                .text("description", d.description(), true, InformationRequests.DESCRIPTION_MAX)
                .text("answer", d.answer(), true, InformationRequests.TEXT_MAX);
        if (!d.confirmed()) {
            boolean remaining = false;
            for (String[] field : new String[][] {{"subject", d.subject()}, {"description", d.description()}, {"answer", d.answer()}}) {
                if (!Check.blank(field[1]) && Redaction.hasMarks(field[1], names)) {
                    check.reject(field[0], "information.redaction.validation.remaining");
                    remaining = true;
                }
            }
            check.when(remaining, "confirmed", "information.redaction.validation.confirm");
        }
        check.orThrow();
        r.publish(Instant.now(clock));
        store.save(r);
        String subject = d.subject().strip();
        String description = d.description().strip();
        String answer = d.answer().strip();
        String search = TextFold.fold(subject + " " + description + " " + answer);
        jdbc.sql("update info_request set published_subject = ?, published_description = ?, published_answer = ?, search_text = ? where id = ?")
                .params(subject, description, answer, search.length() > SEARCH_MAX ? search.substring(0, SEARCH_MAX) : search, r.id())
                .update();
        List<Long> chosen = d.attachmentIds() == null ? List.of() : d.attachmentIds();
        jdbc.sql("update info_attachment set publishable = false where request_id = :request")
                .param("request", r.id()).update();
        if (!chosen.isEmpty()) {
            jdbc.sql("update info_attachment set publishable = true where request_id = :request and id in (:ids)")
                    .param("request", r.id()).param("ids", chosen).update();
        }
        requests.step(r, officer.id(), InformationEvents.Step.PUBLISHED, false, null, null, null);
    }

    /** Withdraws a publication: the public page and the list no longer show it; the redacted texts stay for a new review. */
    public void unpublish(Collectivity c, String trackingNumber, AccountUser officer) {
        guard.requireOfficer(officer, c);
        InformationRequest r = store.find(c.id(), trackingNumber, true).orElseThrow(() -> new NotFoundException("request " + trackingNumber));
        r.unpublish();
        store.save(r);
        jdbc.sql("update info_attachment set publishable = false where request_id = ?").param(r.id()).update();
        requests.step(r, officer.id(), InformationEvents.Step.UNPUBLISHED, false, null, null, null);
    }

    // ---------------------------------------------------------------- public

    /**
     * Published requests, newest first. Each word of {@code q} (the first {@value #QUERY_WORDS}) must appear in the folded
     * published texts, whatever its accents, hamza or diacritics. One query.
     */
    @Transactional(readOnly = true)
    public Page published(long collectivityId, String q, int page) {
        int p = Math.max(1, Math.min(page, MAX_PAGE));
        String folded = TextFold.fold(q);
        List<String> words = folded.isEmpty() ? List.of()
                : java.util.Arrays.stream(folded.split(" ")).distinct().limit(QUERY_WORDS).map(w -> w.length() > WORD_MAX ? w.substring(0, WORD_MAX) : w).toList();
        String sql = "select tracking_number, published_subject, status, received_at, closed_on, due_on, published_at from info_request"
                + " where collectivity_id = ? and published_at is not null" + " and search_text like ? escape '!'".repeat(words.size())
                + " order by published_at desc, id desc limit " + (PAGE_SIZE + 1) + " offset " + ((p - 1) * PAGE_SIZE);
        var statement = jdbc.sql(sql).param(collectivityId);
        for (String word : words) {
            statement = statement.param("%" + likeEscape(word) + "%");
        }
        List<Listed> rows = statement.query((rs, i) -> {
            LocalDate closed = RequestStore.date(rs, "closed_on");
            return new Listed(rs.getString("tracking_number"), rs.getString("published_subject"), RequestStatus.valueOf(rs.getString("status")),
                    Sql.instant(rs, "received_at"), closed, closed != null && !closed.isAfter(RequestStore.date(rs, "due_on")),
                    Sql.instant(rs, "published_at"));
        }).list();
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, p, more);
    }

    /** {@code %} and {@code _} in a query are literal characters, not wildcards. */
    static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The public page of a published request of this collectivity; anything else is not found. Three queries. */
    @Transactional(readOnly = true)
    public PublicRequest publicRequest(long collectivityId, String trackingNumber) {
        Optional<PublicRequest> found = jdbc.sql("""
                select id, tracking_number, status, answer_kind, refusal_ground, received_at, received_on, closed_on, due_on, published_at,
                    published_subject, published_description, published_answer
                from info_request where collectivity_id = ? and tracking_number = ? and published_at is not null""")
                .params(collectivityId, trackingNumber)
                .query((rs, i) -> {
                    LocalDate closed = RequestStore.date(rs, "closed_on");
                    LocalDate due = RequestStore.date(rs, "due_on");
                    String kind = rs.getString("answer_kind");
                    String ground = rs.getString("refusal_ground");
                    return new PublicRequest(rs.getLong("id"), rs.getString("tracking_number"), RequestStatus.valueOf(rs.getString("status")),
                            kind == null ? null : AnswerKind.valueOf(kind), ground == null ? null : RefusalGround.valueOf(ground),
                            Sql.instant(rs, "received_at"), RequestStore.date(rs, "received_on"), closed, due,
                            closed != null && !closed.isAfter(due), Sql.instant(rs, "published_at"), rs.getString("published_subject"),
                            rs.getString("published_description"), rs.getString("published_answer"), List.of(), List.of());
                }).optional();
        PublicRequest r = found.orElseThrow(() -> new NotFoundException("published request " + trackingNumber));
        List<PublicStep> history = jdbc.sql("select at, kind from info_request_event where request_id = ? and collectivity_id = ? and internal = false order by at, id")
                .params(r.id(), collectivityId)
                .query((rs, i) -> new PublicStep(Sql.instant(rs, "at"), InformationEvents.Step.valueOf(rs.getString("kind")))).list();
        return new PublicRequest(r.id(), r.trackingNumber(), r.status(), r.answerKind(), r.ground(), r.receivedAt(), r.receivedOn(),
                r.answeredOn(), r.dueOn(), r.inTime(), r.publishedAt(), r.subject(), r.description(), r.answer(),
                history, attachments(r.id(), true));
    }

    /** Published answers of a collectivity, received in {@code [from, to]} (the network's index). */
    @Transactional(readOnly = true)
    long publishedCount(long collectivityId, Instant from, Instant toExclusive) {
        return jdbc.sql("select count(*) from info_request where collectivity_id = ? and received_at >= ? and received_at < ? and published_at is not null")
                .params(collectivityId, Sql.at(from), Sql.at(toExclusive)).query(Long.class).single();
    }

    private List<Attachment> attachments(long requestId, boolean publishableOnly) {
        return jdbc.sql("select id, file_name, content_type, size_bytes, publishable from info_attachment where request_id = ?"
                + (publishableOnly ? " and publishable = true" : "") + " order by id")
                .param(requestId)
                .query((rs, i) -> new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getBoolean("publishable"))).list();
    }
}
