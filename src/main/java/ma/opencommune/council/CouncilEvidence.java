package ma.opencommune.council;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ma.opencommune.council.CouncilCodes.SessionKind;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public records behind the council figures of the network's openness index ({@link CouncilFigures#of}), for its
 * drill-down, with exactly the same periods: sessions held and documents published between {@code from} and {@code to}
 * (both included), the budget of a year, the published projects as they stood on a day. Late ones first, at most
 * {@code limit} rows; a count statement and one bounded list statement each (sessions: one statement over the period's
 * sessions, as the figure itself).
 */
@Service
@Transactional(readOnly = true)
public class CouncilEvidence {

    /** A session held in the period: decisions published, the day the last came out, days from the session to it (null: none). */
    public record SessionLine(long id, SessionKind kind, LocalDate heldOn, int decisionsPublished, LocalDate lastPublishedOn, Integer days,
            boolean late) {
    }

    /** A published project: its public titles, the day of its last progress update on or before the day asked (null: none). */
    public record ProjectLine(long id, String titleAr, String titleFr, LocalDate lastUpdateOn, boolean late) {
    }

    /** A document published in the period. */
    public record DocumentLine(long id, DocumentKind kind, String titleAr, String titleFr, String reference, LocalDate publishedOn) {
    }

    /** Records of one kind: how many there are, how many count against the collectivity, and at most {@code limit} of them. */
    public record Listing<T>(long total, long late, List<T> lines) {
    }

    /** The year's budget publication and its published execution periods, latest first. */
    public record Budget(BudgetPublication publication, List<BudgetExplorer.Period> executions) {
    }

    private final JdbcClient jdbc;
    private final BudgetExplorer budgets;

    CouncilEvidence(JdbcClient jdbc, BudgetExplorer budgets) {
        this.jdbc = jdbc;
        this.budgets = budgets;
    }

    /**
     * The sessions behind the decisions' publication delay ({@link CouncilDecisionReads#publicationDelays}): held between
     * {@code from} and {@code to}; late when none of its decisions is published or the last came out more than
     * {@code lateAfterDays} days after the session.
     */
    public Listing<SessionLine> sessions(long collectivityId, LocalDate from, LocalDate to, int lateAfterDays, int limit) {
        List<SessionLine> all = new ArrayList<>();
        jdbc.sql("""
                select s.id, s.kind, s.held_on, count(d.id), max(d.published_on) from council_session s
                left join council_decision d on d.session_id = s.id and d.status = 'PUBLISHED'
                where s.collectivity_id = ? and s.status in ('HELD', 'MINUTES_PUBLISHED') and s.held_on >= ? and s.held_on <= ?
                group by s.id, s.kind, s.held_on""")
                .params(collectivityId, from, to)
                .query((rs, i) -> {
                    LocalDate held = rs.getObject(3, LocalDate.class);
                    LocalDate last = rs.getObject(5, LocalDate.class);
                    Integer days = last == null ? null : (int) Math.max(0, ChronoUnit.DAYS.between(held, last));
                    return all.add(new SessionLine(rs.getLong(1), SessionKind.valueOf(rs.getString(2)), held, rs.getInt(4), last, days,
                            days == null || days > lateAfterDays));
                }).list();
        all.sort(Comparator.comparing((SessionLine s) -> !s.late()).thenComparing(SessionLine::heldOn, Comparator.reverseOrder())
                .thenComparing(SessionLine::id, Comparator.reverseOrder()));
        long late = all.stream().filter(SessionLine::late).count();
        return new Listing<>(all.size(), late, List.copyOf(all.subList(0, Math.min(Math.max(0, limit), all.size()))));
    }

    /** The budget of {@code year} and its published execution periods ({@link BudgetExplorer#publication}). */
    public Budget budget(long collectivityId, int year) {
        return new Budget(budgets.publication(collectivityId, year), budgets.periods(collectivityId, year));
    }

    /**
     * The projects behind {@link ProjectReads#activity}: published and not cancelled; late when no progress update was
     * reported in the {@link ProjectActivity#RECENT_DAYS} days up to {@code day}.
     */
    public Listing<ProjectLine> projects(long collectivityId, LocalDate day, int limit) {
        LocalDate since = day.minusDays(ProjectActivity.RECENT_DAYS);
        String from = " " + """
                from council_project p left join (select u.project_id, max(u.reported_on) last_on from council_project_update u
                    where u.collectivity_id = :c and u.kind = 'PROGRESS' and u.reported_on <= :day group by u.project_id) u on u.project_id = p.id
                 where p.collectivity_id = :c and p.published = true and p.status <> 'CANCELLED'""";
        String late = "case when u.last_on is null or u.last_on < :since then 1 else 0 end";
        long[] counts = jdbc.sql("select count(*), coalesce(sum(" + late + "), 0)" + from)
                .param("c", collectivityId).param("day", day).param("since", since)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<ProjectLine> lines = jdbc.sql("select p.id, p.title_ar, p.title_fr, u.last_on, " + late + " late" + from
                + " order by late desc, u.last_on, p.id fetch first " + Math.max(0, limit) + " rows only")
                .param("c", collectivityId).param("day", day).param("since", since)
                .query((rs, i) -> new ProjectLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getInt(5) == 1))
                .list();
        return new Listing<>(counts[0], counts[1], lines);
    }

    /** The documents behind {@link DocumentLibrary#published}: published between {@code from} and {@code to}, newest first. */
    public Listing<DocumentLine> documents(long collectivityId, LocalDate from, LocalDate to, int limit) {
        OffsetDateTime start = Sql.at(from.atStartOfDay(Morocco.ZONE).toInstant());
        OffsetDateTime end = Sql.at(to.plusDays(1).atStartOfDay(Morocco.ZONE).toInstant());
        String where = " from council_document where collectivity_id = ? and status = 'PUBLISHED' and published_at >= ? and published_at < ?";
        long total = jdbc.sql("select count(*)" + where).params(collectivityId, start, end).query(Long.class).single();
        List<DocumentLine> lines = jdbc.sql("select id, kind, title_ar, title_fr, reference, published_at" + where
                + " order by published_at desc, id desc fetch first " + Math.max(0, limit) + " rows only")
                .params(collectivityId, start, end)
                .query((rs, i) -> new DocumentLine(rs.getLong(1), DocumentKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), Sql.instant(rs, 6).atZone(Morocco.ZONE).toLocalDate()))
                .list();
        return new Listing<>(total, 0, lines);
    }
}
