package ma.opencommune.program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import ma.opencommune.platform.Morocco;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade for the network's openness index (issue scope 8): a collectivity's co-creation figures over a period.
 * Every number is one SQL aggregate (eight statements in all, whatever the volume). Activity counts when it
 * happened within the period (Moroccan calendar days, both ends included); commitments and milestones are judged
 * as they stood on the last day of the period, or today when the period runs on.
 */
@Service
@Transactional(readOnly = true)
public class ProgramFigures {

    /** The figures of one collectivity and period. Shares are 0..1, null when there is nothing to divide. */
    public record Figures(long collectivityId, LocalDate from, LocalDate to,
            long diagnosisParticipants, long proposalParticipants, long workshopParticipants, long opinions,
            long attendeesWomen, long attendeesMen, long attendeesUndeclared,
            long proposals, long proposalsAnswered, BigDecimal medianDaysToAnswer,
            long recommendations, long recommendationsAnswered,
            Map<Completion, Long> commitments, long milestonesOverdue) {

        /** Share of women among the workshop attendees who declared a gender (PAC-2). */
        public BigDecimal womenShare() {
            return share(attendeesWomen, attendeesWomen + attendeesMen);
        }

        public BigDecimal proposalsAnsweredShare() {
            return share(proposalsAnswered, proposals);
        }

        public BigDecimal recommendationsAnsweredShare() {
            return share(recommendationsAnswered, recommendations);
        }

        public Integer womenPercent() {
            return percent(womenShare());
        }

        public Integer proposalsAnsweredPercent() {
            return percent(proposalsAnsweredShare());
        }

        public Integer recommendationsAnsweredPercent() {
            return percent(recommendationsAnsweredShare());
        }

        /** A share as a whole percentage for pages, or null. */
        public static Integer percent(BigDecimal share) {
            return share == null ? null : share.movePointRight(2).setScale(0, RoundingMode.HALF_UP).intValue();
        }

        private static BigDecimal share(long part, long whole) {
            return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
        }
    }

    private final JdbcClient jdbc;
    private final Processes processes;

    ProgramFigures(JdbcClient jdbc, Processes processes) {
        this.jdbc = jdbc;
        this.processes = processes;
    }

    public Figures of(long collectivityId, LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay(Morocco.ZONE).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(Morocco.ZONE).toOffsetDateTime();
        LocalDate today = processes.today();
        LocalDate asOf = to.isBefore(today) ? to : today;
        long c = collectivityId;

        long diagnosis = count("select count(distinct account_id) from program_rating where collectivity_id = ?"
                + " and account_id is not null and created_at >= ? and created_at < ?", c, start, end);
        long proposing = count("""
                select count(distinct a) from (
                  select author_id as a from program_proposal where collectivity_id = ? and created_at >= ? and created_at < ?
                  union select s.account_id from program_support s join program_proposal p on p.id = s.proposal_id
                    where p.collectivity_id = ? and s.created_at >= ? and s.created_at < ?
                  union select author_id from program_comment where collectivity_id = ? and created_at >= ? and created_at < ?
                ) x where a is not null""", c, start, end, c, start, end, c, start, end);
        // People registered or present; attendance recorded without an account counts once per row.
        long workshops = count("""
                select (select count(distinct a) from (
                          select r.account_id as a from program_registration r join program_workshop w on w.id = r.workshop_id
                            where w.collectivity_id = ? and w.starts_at >= ? and w.starts_at < ?
                          union select t.account_id from program_attendance t join program_workshop w on w.id = t.workshop_id
                            where w.collectivity_id = ? and w.starts_at >= ? and w.starts_at < ?) x where a is not null)
                     + (select count(*) from program_attendance t join program_workshop w on w.id = t.workshop_id
                            where w.collectivity_id = ? and w.starts_at >= ? and w.starts_at < ? and t.account_id is null)""",
                c, start, end, c, start, end, c, start, end);
        long opinions = count("select count(*) from program_opinion where collectivity_id = ? and adopted_on between ? and ?", c, from, to);
        long[] attendance = jdbc.sql("""
                select count(case when t.gender = 'WOMAN' then 1 end), count(case when t.gender = 'MAN' then 1 end),
                       count(case when t.gender is null then 1 end)
                from program_attendance t join program_workshop w on w.id = t.workshop_id
                where w.collectivity_id = ? and w.starts_at >= ? and w.starts_at < ?""").params(c, start, end)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        Object[] answers = jdbc.sql("""
                select count(*), count(answered_at),
                       percentile_cont(0.5) within group (order by (extract(epoch from answered_at) - extract(epoch from created_at)) / 86400.0)
                from program_proposal where collectivity_id = ? and created_at >= ? and created_at < ?""").params(c, start, end)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3)}).single();
        long[] recommendations = jdbc.sql("""
                select count(*), count(r.response) from program_recommendation r join program_opinion o on o.id = r.opinion_id
                where r.collectivity_id = ? and o.adopted_on between ? and ?""").params(c, from, to)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();

        Map<Completion, Long> levels = new EnumMap<>(Completion.class);
        for (Completion level : Completion.values()) {
            levels.put(level, 0L);
        }
        long[] overdue = {0};
        // Commitments of the published processes running during the period, as they stood on asOf.
        jdbc.sql("""
                select count(m.id), count(case when m.completed_on <= ? then 1 end),
                       count(case when m.due_on < ? and (m.completed_on is null or m.completed_on > ?) then 1 end),
                       (select count(*) from program_progress p where p.commitment_id = c.id and p.reported_on <= ?)
                from program_commitment c join program_process pr on pr.id = c.process_id
                left join program_milestone m on m.commitment_id = c.id
                where c.collectivity_id = ? and pr.published_at is not null and pr.starts_on <= ? and pr.ends_on >= ?
                group by c.id""").params(asOf, asOf, asOf, asOf, c, to, from)
                .query((java.sql.ResultSet rs) -> {
                    int milestones = rs.getInt(1);
                    levels.merge(Completion.of(milestones, rs.getInt(2), rs.getInt(4) > 0), 1L, Long::sum);
                    overdue[0] += rs.getInt(3);
                });
        return new Figures(c, from, to, diagnosis, proposing, workshops, opinions, attendance[0], attendance[1], attendance[2],
                (Long) answers[0], (Long) answers[1], median(answers[2]), recommendations[0], recommendations[1], levels, overdue[0]);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static BigDecimal median(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal days = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return days.setScale(1, RoundingMode.HALF_UP);
    }
}
