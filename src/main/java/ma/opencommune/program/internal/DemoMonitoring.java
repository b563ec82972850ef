package ma.opencommune.program.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data of monitoring (after the commitments' loader): dated progress with evidence links on the milestones of
 * Taroudant's older process so its dashboard shows a mix (one commitment complete, two substantial, one limited,
 * one not started, an overdue milestone), Taroudant's follow-up committee if missing, two of its assessments, and
 * citizen@opencommune.demo following a commitment. Idempotent: nothing happens once progress exists.
 */
@Component
@Order(34)
class DemoMonitoring implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMonitoring.class);

    /** One commitment's demo story: how many of its milestones are done, and whether any progress is reported. */
    private enum Story { COMPLETE, SUBSTANTIAL, SUBSTANTIAL_TOO, LIMITED, NOT_STARTED }

    private record Milestone(long id, LocalDate dueOn, String output) {
    }

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoMonitoring(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Long taroudant = jdbc.sql("select id from collectivity where slug = 'taroudant'").query(Long.class).optional().orElse(null);
        if (taroudant == null) {
            return;
        }
        Long process = jdbc.sql("select id from program_process where collectivity_id = ? order by starts_on, id limit 1")
                .param(taroudant).query(Long.class).optional().orElse(null);
        if (process == null) {
            return;
        }
        tx.executeWithoutResult(s -> load(taroudant, process));
    }

    void load(long collectivity, long process) {
        long committee = committee(collectivity);
        List<Long> commitments = jdbc.sql("select id from program_commitment where process_id = ? and collectivity_id = ? order by number")
                .params(process, collectivity).query(Long.class).list();
        if (commitments.isEmpty()) {
            log.debug("No commitments yet in process {}: no demo progress", process);
            return;
        }
        if (jdbc.sql("select count(*) from program_progress where commitment_id in (:ids)").param("ids", commitments)
                .query(Integer.class).single() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(Morocco.ZONE));
        Long staff = account("staff@taroudant.demo");
        Story[] stories = stories(commitments, today);
        for (int i = 0; i < commitments.size(); i++) {
            story(collectivity, commitments.get(i), stories[i], today, staff);
        }
        if (jdbc.sql("select count(*) from program_milestone where commitment_id in (:ids) and completed_on is null and due_on < :today")
                .param("ids", commitments).param("today", today).query(Integer.class).single() == 0) {
            slip(commitments, stories, today);
        }
        assess(collectivity, commitments.get(0), committee, staff, "MAJOR",
                "الالتزام حقق تقدما ملموسا: أصبحت الميزانية منشورة بصيغة مفتوحة وتناقشها الجمعيات. (نموذج تجريبي)");
        if (commitments.size() > 1) {
            assess(collectivity, commitments.get(1), committee, staff, "MARGINAL",
                    "Des progrès réels, mais la participation des femmes aux réunions reste faible. (démo)");
        }
        Long citizen = account("citizen@opencommune.demo");
        if (citizen != null) {
            Instant now = Instant.now(clock);
            long followed = commitments.get(Math.min(1, commitments.size() - 1));
            jdbc.sql("insert into program_follow (commitment_id, account_id, collectivity_id, created_at, last_digest_at)"
                    + " select ?, ?, ?, ?, ? where not exists (select 1 from program_follow where commitment_id = ? and account_id = ?)")
                    .params(followed, citizen, collectivity, Sql.at(now), Sql.at(now), followed, citizen).update();
        }
    }

    /**
     * One complete (the first), one not started (the one with the fewest milestones already due, so the dashboard
     * does not fill with overdue flags), then two substantial and one limited; any further ones substantial.
     */
    private Story[] stories(List<Long> commitments, LocalDate today) {
        Story[] stories = new Story[commitments.size()];
        stories[0] = Story.COMPLETE;
        int idle = -1;
        int fewest = Integer.MAX_VALUE;
        for (int i = 1; i < commitments.size(); i++) {
            int due = jdbc.sql("select count(*) from program_milestone where commitment_id = ? and due_on < ?")
                    .params(commitments.get(i), today).query(Integer.class).single();
            if (due <= fewest && commitments.size() > 4) {
                fewest = due;
                idle = i;
            }
        }
        Story[] rest = {Story.SUBSTANTIAL, Story.SUBSTANTIAL_TOO, Story.LIMITED};
        int next = 0;
        for (int i = 1; i < commitments.size(); i++) {
            stories[i] = i == idle ? Story.NOT_STARTED : next < rest.length ? rest[next++] : Story.SUBSTANTIAL;
        }
        return stories;
    }

    private void story(long collectivity, long commitment, Story story, LocalDate today, Long staff) {
        LocalDate start = jdbc.sql("select starts_on from program_commitment where id = ?").param(commitment)
                .query(LocalDate.class).optional().orElse(null);
        List<Milestone> milestones = jdbc.sql("select id, due_on, output from program_milestone where commitment_id = ? order by position, id")
                .param(commitment).query((rs, n) -> new Milestone(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3))).list();
        if (milestones.isEmpty() || story == Story.NOT_STARTED) {
            return;
        }
        int done = switch (story) {
            case COMPLETE -> milestones.size();
            case SUBSTANTIAL, SUBSTANTIAL_TOO -> (milestones.size() + 1) / 2;
            // Limited: one milestone of three or more done (under half), or only progress on a shorter one.
            case LIMITED -> milestones.size() >= 3 ? 1 : 0;
            default -> 0;
        };
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            LocalDate on = reportedOn(m.dueOn(), start, today);
            if (i < done) {
                progress(collectivity, commitment, m, on, true, staff, i);
            } else if (i == done && story != Story.COMPLETE) {
                progress(collectivity, commitment, m, on, false, staff, i);
            }
        }
    }

    /** When nothing is overdue, the limited commitment's next milestone slipped: the dashboard shows one flag. */
    private void slip(List<Long> commitments, Story[] stories, LocalDate today) {
        for (int i = 0; i < commitments.size(); i++) {
            if (stories[i] == Story.LIMITED) {
                LocalDate due = today.minusDays(15);
                jdbc.sql("""
                        update program_milestone set due_on = ? where id = (select min(m.id) from program_milestone m
                        join program_commitment c on c.id = m.commitment_id
                        where m.commitment_id = ? and m.completed_on is null and (c.starts_on is null or c.starts_on <= ?))""")
                        .params(due, commitments.get(i), due).update();
            }
        }
    }

    /** A few days before the due date, but never in the future nor before the commitment starts. */
    private static LocalDate reportedOn(LocalDate due, LocalDate start, LocalDate today) {
        LocalDate on = due.minusDays(5);
        if (on.isAfter(today.minusDays(1))) {
            on = today.minusDays(1);
        }
        return start != null && on.isBefore(start) ? start : on;
    }

    private void progress(long collectivity, long commitment, Milestone m, LocalDate on, boolean completes, Long staff, int i) {
        String text = completes
                ? (i % 2 == 0 ? "Livrable achevé et remis au comité de suivi : " + m.output() + " (démo)"
                        : "أنجز هذا المعلم وسلمت الوثائق إلى لجنة التتبع. (نموذج تجريبي)")
                : (i % 2 == 0 ? "Travaux en cours : cahier des charges validé, prestataire désigné. (démo)"
                        : "الأشغال جارية: تمت المصادقة على دفتر التحملات. (نموذج تجريبي)");
        Instant at = on.atTime(10, 30).atZone(Morocco.ZONE).toInstant();
        jdbc.sql("insert into program_progress (milestone_id, commitment_id, collectivity_id, reported_on, text, evidence_url, completes,"
                + " created_by, created_at) values (?,?,?,?,?,?,?,?,?)")
                .params(m.id(), commitment, collectivity, on, text, "https://opencommune.ma/demo/taroudant/evidence/" + m.id(),
                        completes, staff, Sql.at(at)).update();
        jdbc.sql("update program_milestone set last_update_at = ?, completed_on = case when ? then ? else completed_on end where id = ?")
                .params(Sql.at(at), completes, on, m.id()).update();
    }

    private void assess(long collectivity, long commitment, long committee, Long staff, String scale, String text) {
        jdbc.sql("insert into program_assessment (commitment_id, collectivity_id, body_id, author_id, scale, text, created_at) values (?,?,?,?,?,?,?)")
                .params(commitment, collectivity, committee, staff, scale, text, Sql.now(clock)).update();
    }

    /** Taroudant's follow-up committee; created when absent (no member accounts: managers record for it). */
    private long committee(long collectivity) {
        return jdbc.sql("select id from consultative_body where collectivity_id = ? and type = 'FOLLOW_UP_COMMITTEE' order by id limit 1")
                .param(collectivity).query(Long.class).optional().orElseGet(() -> {
                    jdbc.sql("insert into consultative_body (collectivity_id, type, name_ar, name_fr, name_zgh, established_on) values (?,?,?,?,?,?)")
                            .params(collectivity, "FOLLOW_UP_COMMITTEE", "لجنة تتبع برنامج الجماعة المنفتحة",
                                    "Comité de suivi du programme Commune ouverte", "ⴰⵙⵇⵇⵉⵎ ⵏ ⵓⴹⴼⴰⵕ ⵏ ⵓⵖⴰⵡⴰⵙ ⵏ ⵜⴳⵎⴰⵎⵜ ⵉⵕⵥⵎⵏ",
                                    LocalDate.now(clock.withZone(Morocco.ZONE)).minusDays(200)).update();
                    return jdbc.sql("select max(id) from consultative_body where collectivity_id = ? and type = 'FOLLOW_UP_COMMITTEE'")
                            .param(collectivity).query(Long.class).single();
                });
    }

    private Long account(String email) {
        return jdbc.sql("select id from account where email_normalized = ?").param(email).query(Long.class).optional().orElse(null);
    }
}
