package ma.opencommune.council;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import ma.opencommune.council.CouncilCodes.Choice;
import ma.opencommune.council.CouncilCodes.DecisionStatus;
import ma.opencommune.council.CouncilCodes.Outcome;
import ma.opencommune.council.CouncilCodes.SessionKind;
import ma.opencommune.council.CouncilCodes.Topic;
import ma.opencommune.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public reads of the council's decisions: the filtered list (keyset pages, one statement a page), one decision
 * with its per-member votes and its history of corrections, the export stream, and the index figures. Only published
 * decisions of the collectivity in the URL; anything else answers as if it did not exist.
 */
@Service
@Transactional(readOnly = true)
public class CouncilDecisionReads {

    /** A decision with the session it was taken at. */
    public record Decision(long id, long sessionId, long agendaItemId, String number, String titleAr, String titleFr, String textAr, String textFr,
            Topic topic, CouncilVotes votes, boolean perMember, Outcome outcome, DecisionStatus status, LocalDate publishedOn, Instant publishedAt,
            int revision, LocalDate sessionOn, SessionKind sessionKind) {
        public String title(String lang) {
            return CouncilText.pick(lang, titleAr, titleFr);
        }

        public String titleLang(String lang) {
            return CouncilText.langOf(lang, titleAr, titleFr);
        }

        public String text(String lang) {
            return CouncilText.pick(lang, textAr, textFr);
        }

        public String textLang(String lang) {
            return CouncilText.langOf(lang, textAr, textFr);
        }
    }

    /** The public list's filters; null means any. */
    public record Filter(Integer year, Long sessionId, Topic topic) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    /** A member's vote, with the member's names. */
    public record MemberVote(long memberId, String nameAr, String nameFr, Choice choice) {
        public String name(String lang) {
            return CouncilText.pick(lang, nameAr, nameFr);
        }
    }

    /** One field changed by a correction. */
    public record Change(int revision, String field, String before, String after, String reason, Instant at) {
    }

    private static final String COLUMNS = "d.id, d.session_id, d.agenda_item_id, d.number, d.title_ar, d.title_fr, d.text_ar, d.text_fr, d.topic,"
            + " d.votes_for, d.votes_against, d.votes_abstain, d.per_member, d.outcome, d.status, d.published_on, d.published_at, d.revision,"
            + " s.held_on, s.kind";
    private static final String FROM = " from council_decision d join council_session s on s.id = d.session_id";

    private final JdbcClient jdbc;

    CouncilDecisionReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Published decisions matching the filter, newest first, {@code limit} of them before {@code beforeId}. */
    public List<Decision> page(long collectivityId, Filter f, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + FROM + " where d.collectivity_id = :c and d.status = 'PUBLISHED' and d.id < :before");
        where(sql, f);
        sql.append(" order by d.id desc limit :limit");
        return bind(f, jdbc.sql(sql.toString())).param("c", collectivityId)
                .param("before", beforeId == null ? Long.MAX_VALUE : beforeId).param("limit", limit).query(CouncilDecisionReads::map).list();
    }

    /** Every published decision matching the filter, row by row as they arrive (the CSV export). */
    public void stream(long collectivityId, Filter f, Consumer<Decision> each) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + FROM + " where d.collectivity_id = :c and d.status = 'PUBLISHED'");
        where(sql, f);
        sql.append(" order by d.id desc");
        try (var rows = bind(f, jdbc.sql(sql.toString())).param("c", collectivityId).withFetchSize(500).query(CouncilDecisionReads::map)
                .stream()) {
            rows.forEach(each);
        }
    }

    private static void where(StringBuilder sql, Filter f) {
        if (f.year() != null) {
            sql.append(" and s.held_on >= :from and s.held_on < :to");
        }
        if (f.sessionId() != null) {
            sql.append(" and d.session_id = :session");
        }
        if (f.topic() != null) {
            sql.append(" and d.topic = :topic");
        }
    }

    private static JdbcClient.StatementSpec bind(Filter f, JdbcClient.StatementSpec spec) {
        if (f.year() != null) {
            spec = spec.param("from", LocalDate.of(f.year(), 1, 1)).param("to", LocalDate.of(f.year() + 1, 1, 1));
        }
        if (f.sessionId() != null) {
            spec = spec.param("session", f.sessionId());
        }
        if (f.topic() != null) {
            spec = spec.param("topic", f.topic().name());
        }
        return spec;
    }

    /** A published decision of this collectivity, or a 404. */
    public Decision publicDecision(long collectivityId, long id) {
        Decision d = require(collectivityId, id, false);
        if (d.status() != DecisionStatus.PUBLISHED) {
            throw new NotFoundException("decision " + id);
        }
        return d;
    }

    Decision require(long collectivityId, long id, boolean lock) {
        if (lock) {
            // Corrections of one decision queue behind each other, so their revisions never collide.
            jdbc.sql("select id from council_decision where collectivity_id = ? and id = ? for update").params(collectivityId, id)
                    .query(Long.class).optional().orElseThrow(() -> new NotFoundException("decision " + id));
        }
        return jdbc.sql("select " + COLUMNS + FROM + " where d.collectivity_id = ? and d.id = ?")
                .params(collectivityId, id).query(CouncilDecisionReads::map).optional()
                .orElseThrow(() -> new NotFoundException("decision " + id));
    }

    /** A decision of this collectivity, published or not: for its staff pages (the caller checked the role). */
    public Decision staffDecision(long collectivityId, long id) {
        return require(collectivityId, id, false);
    }

    public List<Decision> ofSession(long collectivityId, long sessionId, boolean publishedOnly) {
        return jdbc.sql("select " + COLUMNS + FROM + " where d.collectivity_id = ? and d.session_id = ?"
                + (publishedOnly ? " and d.status = 'PUBLISHED'" : "") + " order by d.id").params(collectivityId, sessionId)
                .query(CouncilDecisionReads::map).list();
    }

    /** Every published decision of this collectivity, newest session first: what a project may carry out (staff form). */
    public List<Decision> published(long collectivityId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where d.collectivity_id = ? and d.status = 'PUBLISHED' order by s.held_on desc, d.id")
                .param(collectivityId).query(CouncilDecisionReads::map).list();
    }

    /** Those of {@code ids} that are published decisions of this collectivity; anything else is not a choice. */
    public Set<Long> publishedAmong(long collectivityId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from council_decision where collectivity_id = :c and status = 'PUBLISHED' and id in (:ids)")
                .param("c", collectivityId).param("ids", List.copyOf(new HashSet<>(ids))).query(Long.class).list());
    }

    /** The published decisions a project of this collectivity carries out, in session order (one statement). */
    public List<Decision> carriedOutBy(long collectivityId, long projectId) {
        return jdbc.sql("select " + COLUMNS + FROM + " join council_project_decision l on l.decision_id = d.id"
                + " where l.project_id = ? and l.collectivity_id = ? and d.collectivity_id = ? and d.status = 'PUBLISHED' order by s.held_on, d.id")
                .params(projectId, collectivityId, collectivityId).query(CouncilDecisionReads::map).list();
    }

    public List<MemberVote> votes(long collectivityId, long decisionId) {
        return jdbc.sql("select m.id, m.name_ar, m.name_fr, v.choice from council_vote v join council_member m on m.id = v.member_id"
                + " where v.decision_id = ? and v.collectivity_id = ? order by coalesce(m.name_fr, m.name_ar), m.id").params(decisionId, collectivityId)
                .query((rs, i) -> new MemberVote(rs.getLong(1), rs.getString(2), rs.getString(3), Choice.valueOf(rs.getString(4)))).list();
    }

    /** The corrections of a decision, newest first. */
    public List<Change> history(long collectivityId, long decisionId) {
        return jdbc.sql("select revision, field, old_value, new_value, reason, changed_at from council_decision_change"
                + " where decision_id = ? and collectivity_id = ? order by revision desc, id").params(decisionId, collectivityId)
                .query((rs, i) -> new Change(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant())).list();
    }

    /** The years that have sessions with published decisions, newest first (the year filter's choices). */
    public List<Integer> years(long collectivityId) {
        return jdbc.sql("select distinct extract(year from s.held_on) y" + FROM + " where d.collectivity_id = ? and d.status = 'PUBLISHED' order by y desc")
                .param(collectivityId).query((rs, i) -> rs.getInt(1)).list();
    }

    /**
     * The index figures for sessions held between {@code from} and {@code to}: one aggregate statement gives, per held
     * session, its published decisions and the day the last of them came out; the median is taken over those sessions.
     */
    public CouncilPublication publicationDelays(long collectivityId, LocalDate from, LocalDate to) {
        List<long[]> perSession = new ArrayList<>();
        jdbc.sql("""
                select s.id, s.held_on, count(d.id), max(d.published_on) from council_session s
                left join council_decision d on d.session_id = s.id and d.status = 'PUBLISHED'
                where s.collectivity_id = ? and s.status in ('HELD', 'MINUTES_PUBLISHED') and s.held_on >= ? and s.held_on <= ?
                group by s.id, s.held_on""")
                .params(collectivityId, from, to)
                .query((rs, i) -> {
                    LocalDate held = rs.getObject(2, LocalDate.class);
                    LocalDate last = rs.getObject(4, LocalDate.class);
                    return perSession.add(new long[] {rs.getLong(3), last == null ? -1 : Math.max(0, ChronoUnit.DAYS.between(held, last))});
                }).list();
        int decisions = (int) perSession.stream().mapToLong(r -> r[0]).sum();
        long[] delays = perSession.stream().filter(r -> r[1] >= 0).mapToLong(r -> r[1]).sorted().toArray();
        int waiting = (int) perSession.stream().filter(r -> r[0] == 0).count();
        Double median = delays.length == 0 ? null
                : delays.length % 2 == 1 ? (double) delays[delays.length / 2] : (delays[delays.length / 2 - 1] + delays[delays.length / 2]) / 2.0;
        Integer max = delays.length == 0 ? null : (int) delays[delays.length - 1];
        return new CouncilPublication(perSession.size(), decisions, median, max, waiting);
    }

    private static Decision map(ResultSet rs, int i) throws SQLException {
        OffsetDateTime at = rs.getObject(17, OffsetDateTime.class);
        return new Decision(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), Topic.valueOf(rs.getString(9)), new CouncilVotes(rs.getInt(10), rs.getInt(11), rs.getInt(12)), rs.getBoolean(13),
                Outcome.valueOf(rs.getString(14)), DecisionStatus.valueOf(rs.getString(15)), rs.getObject(16, LocalDate.class),
                at == null ? null : at.toInstant(), rs.getInt(18), rs.getObject(19, LocalDate.class), SessionKind.valueOf(rs.getString(20)));
    }
}
