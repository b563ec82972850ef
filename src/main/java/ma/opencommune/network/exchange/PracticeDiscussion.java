package ma.opencommune.network.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.RateLimiter;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments and questions on published practices: any logged-in account posts (bounded, rate-limited, once per form);
 * the staff of the practice's collectivity answer questions; the network coordinator hides a comment with a reason shown
 * in its place. Authors are shown by their account's display name only.
 */
@Service
@Transactional
public class PracticeDiscussion {

    public static final int BODY_MAX = 3_000;
    static final int REASON_MAX = 1_000;
    private static final Pattern SUBMISSION_KEY = Pattern.compile("[0-9a-f-]{36}");

    /** A comment or a question. */
    public enum Kind {
        COMMENT, QUESTION
    }

    /** A comment as the practice's page shows it: a hidden one has no body, only the coordinator's reason. */
    public record Comment(long id, Kind kind, String authorName, String body, Instant createdAt, String answer, String answeredBy,
            Instant answeredAt, boolean hidden, String hiddenReason) {

        public boolean question() {
            return kind == Kind.QUESTION;
        }

        public boolean answered() {
            return answer != null;
        }
    }

    private final JdbcClient jdbc;
    private final PracticeLibrary library;
    private final Practices practices;
    private final Access access;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RateLimiter limiter;

    PracticeDiscussion(JdbcClient jdbc, PracticeLibrary library, Practices practices, Access access, Accounts accounts,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.library = library;
        this.practices = practices;
        this.access = access;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.limiter = new RateLimiter(10, Duration.ofMinutes(10), 10_000, clock);
    }

    /** Posts a comment or question on a published practice; the same form sent twice posts one. Returns its id. */
    public long post(AccountUser user, long practiceId, Kind kind, String body, String submissionKey) {
        if (user == null) {
            throw new AccessDeniedException("login required");
        }
        Practice p = library.practice(practiceId);
        new Check().required("kind", kind).text("body", body, true, BODY_MAX).orThrow();
        if (!p.published()) {
            throw new ConflictException("network.exchange.conflict.not-published");
        }
        String key = submissionKey != null && SUBMISSION_KEY.matcher(submissionKey).matches() ? submissionKey : null;
        if (key != null) {
            Long already = existing(user, key);
            if (already != null) {
                return already;
            }
        }
        limiter.acquire("exchange-comment:" + user.id());
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                insert into exchange_comment (practice_id, collectivity_id, kind, author_id, body, submission_key, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(p.id(), p.collectivityId(), kind.name(), user.id(), body.strip(), key, Sql.now(clock)).update(generated, "id");
        if (inserted == 0) {
            return existing(user, key);
        }
        long id = generated.getKey().longValue();
        events.publishEvent(new ExchangeEvents.CommentStepped(UUID.randomUUID(), Instant.now(clock), p.collectivityId(), user.id(), p.id(), id,
                ExchangeEvents.CommentStep.POSTED));
        return id;
    }

    /** The staff of the practice's collectivity answer a question once; another collectivity's practice is not found. */
    public void answer(Collectivity c, AccountUser staff, long practiceId, long commentId, String answer) {
        practices.requireWriter(c, staff);
        new Check().text("answer", answer, true, BODY_MAX).orThrow();
        record Row(String kind, boolean answered, boolean hidden) {
        }
        Row row = jdbc.sql("select kind, answer is not null, hidden_at is not null from exchange_comment"
                + " where id = ? and practice_id = ? and collectivity_id = ? for update").params(commentId, practiceId, c.id())
                .query((rs, i) -> new Row(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))).optional()
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        if (!Kind.QUESTION.name().equals(row.kind()) || row.hidden()) {
            throw new ConflictException("network.exchange.conflict.not-question");
        }
        if (row.answered()) {
            throw new ConflictException("network.exchange.conflict.answered");
        }
        jdbc.sql("update exchange_comment set answer = ?, answered_by = ?, answered_at = ? where id = ? and collectivity_id = ?")
                .params(answer.strip(), staff.id(), Sql.now(clock), commentId, c.id()).update();
        events.publishEvent(new ExchangeEvents.CommentStepped(UUID.randomUUID(), Instant.now(clock), c.id(), staff.id(), practiceId, commentId,
                ExchangeEvents.CommentStep.ANSWERED));
    }

    /** The coordinator hides a comment with a reason; hiding twice is refused. */
    public void hide(AccountUser coordinator, long practiceId, long commentId, String reason) {
        access.requireCoordinator(coordinator);
        new Check().text("reason", reason, true, REASON_MAX).orThrow();
        Long collectivityId = jdbc.sql("select case when hidden_at is null then collectivity_id else -1 end from exchange_comment"
                + " where id = ? and practice_id = ? for update").params(commentId, practiceId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
        if (collectivityId < 0) {
            throw new ConflictException("network.exchange.conflict.hidden");
        }
        jdbc.sql("update exchange_comment set hidden_at = ?, hidden_by = ?, hidden_reason = ? where id = ?")
                .params(Sql.now(clock), coordinator.id(), reason.strip(), commentId).update();
        events.publishEvent(new ExchangeEvents.CommentStepped(UUID.randomUUID(), Instant.now(clock), collectivityId, coordinator.id(), practiceId,
                commentId, ExchangeEvents.CommentStep.HIDDEN));
    }

    /** The comments of a practice, oldest first, with their authors' and answerers' names: two statements. */
    @Transactional(readOnly = true)
    public List<Comment> comments(long practiceId) {
        record Row(long id, String kind, Long author, String body, Instant at, String answer, Long answeredBy, Instant answeredAt,
                boolean hidden, String reason) {
        }
        List<Row> rows = jdbc.sql("""
                select id, kind, author_id, case when hidden_at is null then body end, created_at,
                    case when hidden_at is null then answer end, answered_by, answered_at, hidden_at is not null, hidden_reason
                from exchange_comment where practice_id = ? order by id limit 1000""").param(practiceId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getString(4),
                        Sql.instant(rs, 5), rs.getString(6), (Long) rs.getObject(7, Long.class), Sql.instant(rs, 8), rs.getBoolean(9),
                        rs.getString(10)))
                .list();
        List<Long> ids = rows.stream().flatMap(r -> java.util.stream.Stream.of(r.author(), r.answeredBy())).filter(Objects::nonNull)
                .distinct().toList();
        Map<Long, String> names = accounts.displayNames(ids);
        return rows.stream().map(r -> new Comment(r.id(), Kind.valueOf(r.kind()), r.author() == null ? null : names.get(r.author()), r.body(),
                r.at(), r.answer(), r.answeredBy() == null ? null : names.get(r.answeredBy()), r.answeredAt(), r.hidden(), r.reason()))
                .toList();
    }

    private Long existing(AccountUser user, String key) {
        return jdbc.sql("select id from exchange_comment where author_id = ? and submission_key = ?").params(user.id(), key)
                .query(Long.class).optional().orElse(null);
    }
}
