package ma.opencommune.program;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supports and comments of proposals, and the moderation of comments. A support is a row whose primary key
 * (proposal, account) makes a double support impossible; neither supports nor comments update the proposal row
 * (a hot row under load, DESIGN.md): each change appends to {@code program_count_change}, which a scheduled job
 * turns into exact counts a few seconds later.
 */
@Service
@Transactional
public class ProposalDiscussion {

    static final int COMMENT_MAX = 2000;
    static final int REASON_MAX = 500;
    /** Replies deeper than this are shown at this depth (the thread stays readable on a phone). */
    public static final int MAX_DEPTH = 3;
    /** A proposal page shows at most this many comments (oldest first). */
    static final int COMMENTS_SHOWN = 500;

    /**
     * One comment as pages show it. A hidden comment's text is never read from the database (its {@code body} is
     * null): only the moderators' reason is shown in its place.
     */
    public record Comment(long id, Long parentId, int depth, String authorName, String body, Instant createdAt,
            boolean hidden, String hiddenReason) {
    }

    /** A reported comment waiting for the moderators, with how many people reported it and their reasons. */
    public record Reported(long commentId, long proposalId, String proposalTitle, String body, Instant createdAt,
            int reports, List<String> reasons) {
    }

    private final JdbcClient jdbc;
    private final Processes processes;
    private final ProgramGuard guard;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProposalDiscussion(JdbcClient jdbc, Processes processes, ProgramGuard guard, Accounts accounts,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.guard = guard;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Supports a proposal while the proposals phase is open; false when this person already supports it. */
    public boolean support(Collectivity c, long proposalId, AccountUser user) {
        long processId = openProposal(c, proposalId, user);
        Instant now = Instant.now(clock);
        // The primary key settles concurrent clicks: one row, the others do nothing (H2 and PostgreSQL alike).
        int inserted = jdbc.sql("insert into program_support (proposal_id, account_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(proposalId, user.id(), Sql.at(now)).update();
        if (inserted == 0) {
            return false;
        }
        countChanged(proposalId, now);
        events.publishEvent(new ProposalEvents.SupportChanged(UUID.randomUUID(), now, c.id(), null, proposalId, true,
                "proposal " + proposalId + " of process " + processId + " supported"));
        return true;
    }

    /** Withdraws this person's support while the proposals phase is open; false when there was none. */
    public boolean withdraw(Collectivity c, long proposalId, AccountUser user) {
        long processId = openProposal(c, proposalId, user);
        Instant now = Instant.now(clock);
        int deleted = jdbc.sql("delete from program_support where proposal_id = ? and account_id = ?").params(proposalId, user.id()).update();
        if (deleted == 0) {
            return false;
        }
        countChanged(proposalId, now);
        events.publishEvent(new ProposalEvents.SupportChanged(UUID.randomUUID(), now, c.id(), null, proposalId, false,
                "support of proposal " + proposalId + " of process " + processId + " withdrawn"));
        return true;
    }

    /** Comments (or replies to a comment of the same proposal) while the proposals phase is open. */
    public long comment(Collectivity c, long proposalId, Long parentId, AccountUser user, String body) {
        openProposal(c, proposalId, user);
        new Check().text("body", body, true, COMMENT_MAX).orThrow();
        if (parentId != null && jdbc.sql("select count(*) from program_comment where id = ? and proposal_id = ? and collectivity_id = ?")
                .params(parentId, proposalId, c.id()).query(Integer.class).single() == 0) {
            throw new NotFoundException("comment " + parentId);
        }
        Instant now = Instant.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_comment (proposal_id, collectivity_id, parent_id, author_id, body, created_at) values (?,?,?,?,?,?)")
                .params(proposalId, c.id(), parentId, user.id(), body.strip(), Sql.at(now)).update(key, "id");
        long id = key.getKey().longValue();
        countChanged(proposalId, now);
        events.publishEvent(new ProposalEvents.CommentPosted(UUID.randomUUID(), now, c.id(), user.id(), proposalId, id,
                "comment " + id + " on proposal " + proposalId));
        return id;
    }

    /** Reports a comment to the moderators, once per person (a second report changes nothing); false then. */
    public boolean report(Collectivity c, long commentId, AccountUser user, String reason) {
        guard.requireParticipant(user);
        new Check().text("reason", reason, false, REASON_MAX).orThrow();
        requireComment(c, commentId);
        Instant now = Instant.now(clock);
        int inserted = jdbc.sql("insert into program_comment_report (comment_id, account_id, collectivity_id, reason, created_at)"
                + " values (?,?,?,?,?) on conflict do nothing")
                .params(commentId, user.id(), c.id(), Check.clean(reason), Sql.at(now)).update();
        if (inserted > 0) {
            events.publishEvent(new ProposalEvents.CommentReported(UUID.randomUUID(), now, c.id(), null, commentId,
                    "comment " + commentId + " reported"));
        }
        return inserted > 0;
    }

    /** Staff hide a comment with a reason shown in its place; its text is never shown again. */
    public void hide(Collectivity c, long processId, long commentId, AccountUser user, String reason) {
        processes.requireManaged(c, processId, user);
        new Check().text("reason", reason, true, REASON_MAX).orThrow();
        Long proposalId = jdbc.sql("select m.proposal_id from program_comment m join program_proposal p on p.id = m.proposal_id"
                + " where m.id = ? and m.collectivity_id = ? and p.process_id = ?").params(commentId, c.id(), processId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("comment " + commentId));
        Instant now = Instant.now(clock);
        int changed = jdbc.sql("update program_comment set hidden_at = ?, hidden_by = ?, hidden_reason = ? where id = ? and hidden_at is null")
                .params(Sql.at(now), user.id(), reason.strip(), commentId).update();
        if (changed == 0) {
            throw new ConflictException("program.comment.already-hidden");
        }
        countChanged(proposalId, now);
        events.publishEvent(new ProposalEvents.CommentHidden(UUID.randomUUID(), now, c.id(), user.id(), commentId,
                "comment " + commentId + " on proposal " + proposalId + " hidden: " + reason.strip()));
    }

    /**
     * The comments of a proposal in thread order (each reply under its parent), two statements: the comments and
     * their authors' display names. Hidden comments keep their place (their replies stay readable) without their text.
     */
    @Transactional(readOnly = true)
    public List<Comment> comments(Collectivity c, long proposalId) {
        record Row(long id, Long parentId, Long authorId, String body, Instant createdAt, boolean hidden, String reason) {
        }
        List<Row> rows = jdbc.sql("select id, parent_id, author_id, case when hidden_at is null then body end as body, created_at,"
                + " hidden_at is not null as hidden, hidden_reason from program_comment where proposal_id = ? and collectivity_id = ?"
                + " order by id limit " + COMMENTS_SHOWN)
                .params(proposalId, c.id())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class), rs.getString(4),
                        Sql.instant(rs, 5), rs.getBoolean(6), rs.getString(7))).list();
        Map<Long, String> names = accounts.displayNames(rows.stream().map(Row::authorId).filter(Objects::nonNull).distinct().toList());
        Map<Long, List<Row>> children = new HashMap<>();
        List<Row> roots = new ArrayList<>();
        Map<Long, Row> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        for (Row r : rows) {
            if (r.parentId() == null || !byId.containsKey(r.parentId())) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Comment> out = new ArrayList<>();
        java.util.Deque<Object[]> stack = new java.util.ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(new Object[] {roots.get(i), 1});
        }
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Row r = (Row) top[0];
            int depth = (int) top[1];
            out.add(new Comment(r.id(), r.parentId(), Math.min(depth, MAX_DEPTH), r.authorId() == null ? null : names.get(r.authorId()),
                    r.hidden() ? null : r.body(), r.createdAt(), r.hidden(), r.reason()));
            List<Row> kids = children.getOrDefault(r.id(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(new Object[] {kids.get(i), depth + 1});
            }
        }
        return out;
    }

    /** Reported comments of a process not yet hidden, most reported first (staff). */
    @Transactional(readOnly = true)
    public List<Reported> reported(Collectivity c, long processId, AccountUser user) {
        processes.requireManaged(c, processId, user);
        Map<Long, Reported> found = new LinkedHashMap<>();
        jdbc.sql("select m.id, m.proposal_id, p.title, m.body, m.created_at, r.reason,"
                + " count(*) over (partition by m.id) as reports from program_comment m"
                + " join program_proposal p on p.id = m.proposal_id join program_comment_report r on r.comment_id = m.id"
                + " where m.collectivity_id = ? and p.process_id = ? and m.hidden_at is null order by reports desc, m.id, r.created_at"
                + " limit 1000")
                .params(c.id(), processId)
                .query((java.sql.ResultSet rs) -> {
                    Reported r = found.computeIfAbsent(rs.getLong(1), id -> {
                        try {
                            return new Reported(id, rs.getLong(2), rs.getString(3), rs.getString(4), Sql.instant(rs, 5),
                                    rs.getInt(7), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    if (rs.getString(6) != null) {
                        r.reasons().add(rs.getString(6));
                    }
                });
        return List.copyOf(found.values());
    }

    /** The proposal's process id, after checking the person may take part and the proposals phase is open. */
    private long openProposal(Collectivity c, long proposalId, AccountUser user) {
        guard.requireParticipant(user);
        Long processId = jdbc.sql("select process_id from program_proposal where id = ? and collectivity_id = ?")
                .params(proposalId, c.id()).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("proposal " + proposalId));
        Process p = processes.requireVisible(c, processId, user);
        processes.requireOpen(p, PhaseKind.PROPOSALS);
        return processId;
    }

    private void requireComment(Collectivity c, long commentId) {
        if (jdbc.sql("select count(*) from program_comment m join program_proposal p on p.id = m.proposal_id"
                + " join program_process s on s.id = p.process_id where m.id = ? and m.collectivity_id = ? and s.published_at is not null")
                .params(commentId, c.id()).query(Integer.class).single() == 0) {
            throw new NotFoundException("comment " + commentId);
        }
    }

    /** Appends to the insert-only log the recount job reads (no update of the proposal row here). */
    private void countChanged(long proposalId, Instant now) {
        jdbc.sql("insert into program_count_change (proposal_id, changed_at) values (?, ?)").params(proposalId, Sql.at(now)).update();
    }

    /** Whether this person supports the proposal (exact, by primary key). */
    @Transactional(readOnly = true)
    public boolean supports(long proposalId, AccountUser user) {
        return user != null && jdbc.sql("select count(*) from program_support where proposal_id = ? and account_id = ?")
                .params(proposalId, user.id()).query(Integer.class).single() > 0;
    }
}
