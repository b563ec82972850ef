package ma.opencommune.council.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ma.opencommune.council.CouncilSession;
import ma.opencommune.council.internal.DemoCouncilContent.Decision;
import ma.opencommune.council.internal.DemoCouncilContent.Item;
import ma.opencommune.council.internal.DemoCouncilContent.Name;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data (DESIGN.md contract, issue scope 8): Taroudant's council of 35 members with its bureau and four committees;
 * three past sessions dated back from today (the last May and October ordinary sessions, PET-8, and an extraordinary one
 * between them) with agendas, attendance, minutes and four decisions each with their votes (some per member), one
 * decision corrected once; and the next ordinary session with its agenda published. Loaded once, in one transaction.
 */
@Component
@Order(60)
class DemoCouncil implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCouncil.class);
    static final int MEMBERS = 35;

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Territory territory;
    private final ma.opencommune.petitions.Petitions petitions;
    private final ma.opencommune.council.CouncilSessions sessions;

    DemoCouncil(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock, Territory territory,
            ma.opencommune.petitions.Petitions petitions, ma.opencommune.council.CouncilSessions sessions) {
        this.petitions = petitions;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
        this.territory = territory;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Optional<Collectivity> taroudant = territory.find("taroudant");
        if (taroudant.isEmpty() || jdbc.sql("select count(*) from council_member where collectivity_id = ?").param(taroudant.get().id())
                .query(Integer.class).single() > 0) {
            return;
        }
        tx.executeWithoutResult(s -> load(taroudant.get().id(), LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE)));
        log.info("Demo council loaded");
    }

    private void load(long c, LocalDate today) {
        Instant now = Instant.now(clock);
        LocalDate termStart = LocalDate.of(2021, 9, 21);
        List<Long> committees = new ArrayList<>();
        for (Name k : DemoCouncilContent.COMMITTEES) {
            committees.add(insert("insert into council_committee (collectivity_id, name_ar, name_fr, created_at) values (?, ?, ?, ?)",
                    c, k.ar(), k.fr(), Sql.at(now)));
        }
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Name first = DemoCouncilContent.FIRST[(i * 7) % DemoCouncilContent.FIRST.length];
            Name last = DemoCouncilContent.LAST[i % DemoCouncilContent.LAST.length];
            String role = i == 0 ? "PRESIDENT" : i <= 5 ? "VICE_PRESIDENT" : i == 6 ? "SECRETARY" : "MEMBER";
            // One member left the council during the term: kept, no longer active.
            boolean left = i == MEMBERS - 1;
            long id = insert("insert into council_member (collectivity_id, name_ar, name_fr, role, vice_rank, term_start, term_end, active, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", c, first.ar() + " " + last.ar(), first.fr() + " " + last.fr(), role,
                    role.equals("VICE_PRESIDENT") ? i : null, termStart, left ? today.minusMonths(8) : null, !left, Sql.at(now));
            members.add(id);
            if (i > 0) {
                jdbc.sql("insert into council_member_committee (member_id, committee_id, collectivity_id) values (?, ?, ?)")
                        .params(id, committees.get(i % committees.size()), c).update();
                if (i % 3 == 0) {
                    jdbc.sql("insert into council_member_committee (member_id, committee_id, collectivity_id) values (?, ?, ?)")
                            .params(id, committees.get((i + 1) % committees.size()), c).update();
                }
            }
        }
        LocalDate october = ordinary(today, Month.OCTOBER);
        LocalDate may = ordinary(today, Month.MAY);
        if (may.isAfter(october)) {
            may = may.minusYears(1);
        }
        LocalDate extraordinary = may.plusMonths(2).withDayOfMonth(16);
        List<LocalDate> days = List.of(may, extraordinary, october);
        int number = 1;
        for (int s = 0; s < days.size(); s++) {
            number = pastSession(c, days.get(s), s == 1 ? "EXTRAORDINARY" : "ORDINARY", DemoCouncilContent.PAST.get(s), members, number, now,
                    s == 2);
        }
        YearMonth next = YearMonth.from(today).plusMonths(1);
        while (!CouncilSession.ORDINARY_MONTHS.contains(next.getMonth())) {
            next = next.plusMonths(1);
        }
        long upcoming = session(c, next.atDay(3), "ORDINARY", "PLANNED", now.minusSeconds(86_400L * 3), null, null);
        items(c, upcoming, DemoCouncilContent.NEXT, now);
        // PET-6: the demo's accepted petitions, as the listener would have placed them (on this agenda, or waiting for their session).
        Collectivity taroudant = territory.find(c).orElseThrow();
        for (var line : petitions.publicList(taroudant, null, 500)) {
            if (line.status() == ma.opencommune.petitions.PetitionStatus.ACCEPTED) {
                LocalDate sessionOn = petitions.find(taroudant, line.id()).sessionOn();
                if (sessionOn != null && !sessionOn.isBefore(YearMonth.from(today).atDay(1))) {
                    sessions.placeAcceptedPetition(c, line.id(), line.title(), line.lang(), sessionOn);
                }
            }
        }
        jdbc.sql("update council_session set status = 'AGENDA_PUBLISHED' where id = ?").param(upcoming).update();
    }

    /** The day of the session of {@code month} (its first week, PET-8) last held before today. */
    private static LocalDate ordinary(LocalDate today, Month month) {
        LocalDate day = LocalDate.of(today.getYear(), month, 5);
        return day.isBefore(today.minusDays(14)) ? day : day.minusYears(1);
    }

    private int pastSession(long c, LocalDate day, String kind, List<Item> agenda, List<Long> members, int number, Instant now, boolean correctOne) {
        Instant agendaAt = day.minusDays(12).atTime(9, 0).atZone(Morocco.ZONE).toInstant();
        Instant minutesAt = day.plusDays(20).atTime(11, 0).atZone(Morocco.ZONE).toInstant();
        long session = session(c, day, kind, "MINUTES_PUBLISHED", agendaAt, minutesAt,
                DemoCouncilContent.MINUTES_AR + "\n\n" + DemoCouncilContent.MINUTES_FR);
        List<Long> itemIds = items(c, session, agenda, agendaAt);
        List<Long> present = new ArrayList<>();
        for (int i = 0; i < members.size() - 1; i++) {
            // A few absent or excused at each session, never the same ones.
            int slot = (i + number) % 9;
            String presence = slot == 0 ? "ABSENT" : slot == 4 && i % 2 == 0 ? "EXCUSED" : "PRESENT";
            jdbc.sql("insert into council_attendance (session_id, member_id, collectivity_id, presence) values (?, ?, ?, ?)")
                    .params(session, members.get(i), c, presence).update();
            if (presence.equals("PRESENT")) {
                present.add(members.get(i));
            }
        }
        for (int i = 0; i < agenda.size(); i++) {
            Decision d = agenda.get(i).decision();
            if (d == null) {
                continue;
            }
            int votesFor = present.size() - d.against() - d.abstain();
            if (!d.adopted()) {
                votesFor = Math.min(votesFor, d.against() - 1);
            }
            LocalDate published = day.plusDays(6 + 3L * i);
            long id = insert("""
                    insert into council_decision (collectivity_id, session_id, agenda_item_id, number, title_ar, title_fr, text_ar, text_fr, topic,
                        votes_for, votes_against, votes_abstain, per_member, outcome, status, published_on, published_at, revision, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, 1, ?)""",
                    c, session, itemIds.get(i), number + "/" + day.getYear(), agenda.get(i).ar(), agenda.get(i).fr(), d.textAr(), d.textFr(),
                    d.topic(), votesFor, d.against(), d.abstain(), d.perMember(), d.adopted() ? "ADOPTED" : "REJECTED", published,
                    Sql.at(published.atTime(16, 0).atZone(Morocco.ZONE).toInstant()), Sql.at(now));
            if (d.perMember()) {
                for (int v = 0; v < votesFor + d.against() + d.abstain(); v++) {
                    String choice = v < votesFor ? "FOR" : v < votesFor + d.against() ? "AGAINST" : "ABSTAIN";
                    jdbc.sql("insert into council_vote (decision_id, member_id, collectivity_id, choice) values (?, ?, ?, ?)")
                            .params(id, present.get(v), c, choice).update();
                }
            }
            if (correctOne && i == 2) {
                correct(c, id, d, published.plusDays(4));
            }
            number++;
        }
        return number;
    }

    /** One published decision corrected once: a typo in the French text, with the reason, as the history shows it. */
    private void correct(long c, long id, Decision d, LocalDate on) {
        String typo = d.textFr().replace("remparts", "rempart");
        jdbc.sql("update council_decision set text_fr = ? where id = ?").params(typo, id).update();
        jdbc.sql("insert into council_decision_change (decision_id, collectivity_id, revision, field, old_value, new_value, reason, changed_at)"
                + " values (?, ?, 2, 'textFr', ?, ?, ?, ?)")
                .params(id, c, typo, d.textFr(), "Erreur de saisie dans le texte français : « remparts » au pluriel, comme dans le texte arabe. — خطأ مادي في النص الفرنسي.",
                        Sql.at(on.atTime(10, 30).atZone(Morocco.ZONE).toInstant()))
                .update();
        jdbc.sql("update council_decision set text_fr = ?, revision = 2 where id = ?").params(d.textFr(), id).update();
    }

    private long session(long c, LocalDate day, String kind, String status, Instant agendaAt, Instant minutesAt, String minutes) {
        return insert("insert into council_session (collectivity_id, kind, held_on, starts_at, place, status, agenda_published_at, minutes_text,"
                + " minutes_published_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c, kind, day, LocalTime.of(10, 0), DemoCouncilContent.PLACE,
                status, Sql.at(agendaAt), minutes, minutesAt == null ? null : Sql.at(minutesAt), Sql.at(agendaAt.minusSeconds(86_400L * 7)));
    }

    private List<Long> items(long c, long session, List<Item> agenda, Instant at) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < agenda.size(); i++) {
            ids.add(insert("insert into council_agenda_item (collectivity_id, session_id, position, title_ar, title_fr, created_at) values (?, ?, ?, ?, ?, ?)",
                    c, session, i + 1, agenda.get(i).ar(), agenda.get(i).fr(), Sql.at(at)));
        }
        return ids;
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }
}
