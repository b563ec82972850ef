package ma.opencommune.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Check;
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
 * Façade of the program module for citizens' proposals: submitting one while the proposals phase is open, the
 * public list (keyset-paginated, a constant number of statements whatever the data) and one proposal with its
 * answer. Supports and comments are in {@link ProposalDiscussion}, staff answers in {@link ProposalAnswers}.
 */
@Service
@Transactional
public class Proposals {

    public static final int PAGE_SIZE = 20;
    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 6000;
    static final int ASSOCIATION_MAX = 300;
    /** The same text sent again by the same person within this delay is the same proposal (double submit). */
    static final Duration DOUBLE_SUBMIT = Duration.ofMinutes(1);
    private static final Pattern MARKUP = Pattern.compile("[<>]");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final int SHORT_ANSWER = 160;

    /** What a person submits. */
    public record Submission(String title, String body, Set<Principle> principles, Long areaId, String association) {
    }

    /** List order: most supported first, or newest first. */
    public enum Sort {
        SUPPORTS, DATE;

        public static Sort parse(String value) {
            return "supports".equalsIgnoreCase(value) ? SUPPORTS : DATE;
        }

        public String param() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where the next page starts: after the item with this support count (when sorted by supports) and id. */
    public record Cursor(int supports, long id) {
    }

    /** Filters of the list; null means "any". */
    public record Filter(Principle principle, ProposalStatus status, Long areaId, Sort sort, Cursor after) {
        public static Filter all() {
            return new Filter(null, null, null, Sort.DATE, null);
        }
    }

    /** One proposal as lists show it. {@code answer} is the staff's full reasoned answer, null while open. */
    public record Summary(long id, long processId, String title, String body, Long authorId, String association, Long areaId,
            Localized area, List<Principle> principles, ProposalStatus status, String answer, Long commitmentId,
            Instant answeredAt, int supportCount, int commentCount, Instant createdAt) {

        /** The first words of the answer, for lists. */
        public String shortAnswer() {
            if (answer == null || answer.length() <= SHORT_ANSWER) {
                return answer;
            }
            int cut = answer.lastIndexOf(' ', SHORT_ANSWER);
            return answer.substring(0, cut > SHORT_ANSWER / 2 ? cut : SHORT_ANSWER) + "…";
        }

        /** Whole days from submission to the first answer, or to {@code now} while unanswered (OGP-1). */
        public long daysToAnswer(Instant now) {
            return Duration.between(createdAt, answeredAt != null ? answeredAt : now).toDays();
        }
    }

    /** One page of the list and where the next one starts (null on the last page). */
    public record Page(List<Summary> items, Cursor next, Map<Long, String> authorNames) {
    }

    /** The commitment an answer points to. */
    public record CommitmentRef(long id, int number, String title) {
    }

    /** One proposal with its author's public name, exact support count and the answer's commitment. */
    public record Detail(Summary proposal, String authorName, CommitmentRef commitment, int supports, boolean supportedByViewer) {
    }

    private final JdbcClient jdbc;
    private final Processes processes;
    private final ProgramGuard guard;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Proposals(JdbcClient jdbc, Processes processes, ProgramGuard guard, Accounts accounts, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.guard = guard;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Submits a proposal while the proposals phase is open. The same title and text sent again by the same person
     * within a minute returns the first proposal instead of creating a second one.
     */
    public long submit(Collectivity c, long processId, AccountUser user, Submission s) {
        guard.requireParticipant(user);
        Process p = processes.requireVisible(c, processId, user);
        processes.requireOpen(p, PhaseKind.PROPOSALS);
        validate(c, processId, s);
        Instant now = Instant.now(clock);
        String title = s.title().strip();
        String body = s.body().strip();
        Optional<Long> same = jdbc.sql("select min(id) from program_proposal where process_id = ? and collectivity_id = ?"
                + " and author_id = ? and title = ? and body = ? and created_at > ?")
                .params(processId, c.id(), user.id(), title, body, Sql.at(now.minus(DOUBLE_SUBMIT))).query(Long.class).optional();
        if (same.isPresent()) {
            return same.get();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_proposal (process_id, collectivity_id, author_id, association, title, body, area_id, created_at)"
                + " values (?,?,?,?,?,?,?,?)")
                .params(processId, c.id(), user.id(), Check.clean(s.association()), title, body, s.areaId(), Sql.at(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (Principle principle : EnumSet.copyOf(s.principles())) {
            jdbc.sql("insert into program_proposal_principle (proposal_id, principle) values (?, ?)").params(id, principle.name()).update();
        }
        events.publishEvent(new ProposalEvents.ProposalSubmitted(UUID.randomUUID(), now, c.id(), user.id(), processId, id,
                "proposal " + id + " submitted to process " + processId));
        return id;
    }

    private void validate(Collectivity c, long processId, Submission s) {
        Check check = new Check()
                .text("title", s.title(), true, TITLE_MAX)
                .text("body", s.body(), true, BODY_MAX)
                .text("association", s.association(), false, ASSOCIATION_MAX);
        if (!Check.blank(s.title())) {
            check.when(MARKUP.matcher(s.title()).find(), "title", "validation.characters")
                    .when(!LETTER.matcher(s.title()).find(), "title", "program.proposal.validation.words");
        }
        if (!Check.blank(s.body())) {
            check.when(!LETTER.matcher(s.body()).find(), "body", "program.proposal.validation.words");
        }
        if (!Check.blank(s.association())) {
            check.when(MARKUP.matcher(s.association()).find(), "association", "validation.characters");
        }
        check.when(s.principles() == null || s.principles().isEmpty(), "principles", "program.proposal.validation.principle");
        if (s.areaId() != null) {
            boolean ours = jdbc.sql("select count(*) from program_area where id = ? and process_id = ? and collectivity_id = ?")
                    .params(s.areaId(), processId, c.id()).query(Integer.class).single() > 0;
            check.when(!ours, "areaId", "program.proposal.validation.area");
        }
        check.orThrow();
    }

    /**
     * A page of the public list: one statement for the proposals, one for their principles and one for the areas'
     * names and the authors' display names each, whatever the number of proposals, supports or comments.
     */
    @Transactional(readOnly = true)
    public Page list(Collectivity c, long processId, Filter f) {
        StringBuilder sql = new StringBuilder(SELECT + " where p.process_id = :process and p.collectivity_id = :collectivity");
        Map<String, Object> params = new HashMap<>();
        params.put("process", processId);
        params.put("collectivity", c.id());
        if (f.status() != null) {
            sql.append(" and p.status = :status");
            params.put("status", f.status().name());
        }
        if (f.areaId() != null) {
            sql.append(" and p.area_id = :area");
            params.put("area", f.areaId());
        }
        if (f.principle() != null) {
            sql.append(" and exists (select 1 from program_proposal_principle pp where pp.proposal_id = p.id and pp.principle = :principle)");
            params.put("principle", f.principle().name());
        }
        if (f.after() != null) {
            sql.append(f.sort() == Sort.SUPPORTS
                    ? " and (p.support_count < :afterSupports or (p.support_count = :afterSupports and p.id < :afterId))"
                    : " and p.id < :afterId");
            params.put("afterSupports", f.after().supports());
            params.put("afterId", f.after().id());
        }
        sql.append(f.sort() == Sort.SUPPORTS ? " order by p.support_count desc, p.id desc" : " order by p.id desc");
        sql.append(" limit ").append(PAGE_SIZE + 1);
        List<Summary> rows = jdbc.sql(sql.toString()).params(params).query(Proposals::summary).list();
        Cursor next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            Summary last = rows.get(PAGE_SIZE - 1);
            next = new Cursor(last.supportCount(), last.id());
        }
        rows = withPrinciples(rows);
        Map<Long, String> names = accounts.displayNames(rows.stream().map(Summary::authorId).filter(java.util.Objects::nonNull)
                .distinct().toList());
        return new Page(rows, next, names);
    }

    /** One proposal of a process of this collectivity, or a 404. */
    @Transactional(readOnly = true)
    public Summary require(Collectivity c, long processId, long proposalId) {
        List<Summary> found = jdbc.sql(SELECT + " where p.id = ? and p.process_id = ? and p.collectivity_id = ?")
                .params(proposalId, processId, c.id()).query(Proposals::summary).list();
        if (found.isEmpty()) {
            throw new NotFoundException("proposal " + proposalId);
        }
        return withPrinciples(found).get(0);
    }

    /** The proposal page: the proposal, its author's public name, its exact support count and the answer's commitment. */
    @Transactional(readOnly = true)
    public Detail detail(Collectivity c, long processId, long proposalId, AccountUser viewer) {
        Summary p = require(c, processId, proposalId);
        // The exact count by primary key; the stored column may lag the recount job by a few seconds.
        record Supports(int total, int mine) {
        }
        Supports supports = jdbc.sql("select count(*), coalesce(sum(case when account_id = ? then 1 else 0 end), 0)"
                + " from program_support where proposal_id = ?").params(viewer == null ? -1L : viewer.id(), proposalId)
                .query((rs, n) -> new Supports(rs.getInt(1), rs.getInt(2))).single();
        CommitmentRef commitment = p.commitmentId() == null ? null
                : jdbc.sql("select id, number, title from program_commitment where id = ? and collectivity_id = ?")
                        .params(p.commitmentId(), c.id()).query((rs, n) -> new CommitmentRef(rs.getLong(1), rs.getInt(2), rs.getString(3)))
                        .optional().orElse(null);
        String author = p.association() != null ? p.association()
                : p.authorId() == null ? null : accounts.displayNames(List.of(p.authorId())).get(p.authorId());
        return new Detail(p, author, commitment, supports.total(), supports.mine() > 0);
    }

    /** The diagnosed areas of a process, to file a proposal under one and filter by them. */
    @Transactional(readOnly = true)
    public Map<Long, Localized> areas(Collectivity c, long processId) {
        Map<Long, Localized> areas = new LinkedHashMap<>();
        jdbc.sql("select id, title_ar, title_fr, title_zgh from program_area where process_id = ? and collectivity_id = ? order by position, id")
                .params(processId, c.id())
                .query((ResultSet rs) -> {
                    areas.put(rs.getLong(1), new Localized(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return areas;
    }

    static final String SELECT = "select p.id, p.process_id, p.title, p.body, p.author_id, p.association, p.area_id, a.title_ar,"
            + " a.title_fr, a.title_zgh, p.status, p.answer_text, p.answer_commitment_id, p.answered_at, p.support_count,"
            + " p.comment_count, p.created_at from program_proposal p left join program_area a on a.id = p.area_id";

    static Summary summary(ResultSet rs, int n) throws SQLException {
        Long area = rs.getObject("area_id", Long.class);
        return new Summary(rs.getLong("id"), rs.getLong("process_id"), rs.getString("title"), rs.getString("body"),
                rs.getObject("author_id", Long.class), rs.getString("association"), area,
                area == null ? null : new Localized(rs.getString("title_ar"), rs.getString("title_fr"), rs.getString("title_zgh")),
                List.of(), ProposalStatus.valueOf(rs.getString("status")), rs.getString("answer_text"),
                rs.getObject("answer_commitment_id", Long.class), Sql.instant(rs, "answered_at"), rs.getInt("support_count"),
                rs.getInt("comment_count"), Sql.instant(rs, "created_at"));
    }

    /** The principles of these proposals in one statement. */
    List<Summary> withPrinciples(List<Summary> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Principle>> principles = new HashMap<>();
        jdbc.sql("select proposal_id, principle from program_proposal_principle where proposal_id in (:ids) order by principle")
                .param("ids", rows.stream().map(Summary::id).toList())
                .query((ResultSet rs) -> {
                    principles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Principle.valueOf(rs.getString(2)));
                });
        return rows.stream().map(s -> new Summary(s.id(), s.processId(), s.title(), s.body(), s.authorId(), s.association(),
                s.areaId(), s.area(), List.copyOf(principles.getOrDefault(s.id(), List.of())), s.status(), s.answer(),
                s.commitmentId(), s.answeredAt(), s.supportCount(), s.commentCount(), s.createdAt())).toList();
    }
}
