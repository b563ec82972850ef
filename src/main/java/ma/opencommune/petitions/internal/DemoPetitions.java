package ma.opencommune.petitions.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.petitions.Petition;
import ma.opencommune.petitions.PetitionKind;
import ma.opencommune.petitions.PetitionRules;
import ma.opencommune.petitions.PetitionStatus;
import ma.opencommune.petitions.internal.DemoPetitionPlans.Plan;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data (DESIGN.md contract, issue scope 12): the petitions of {@link DemoPetitionPlans} in Taroudant and
 * Tafraout, dated back from today so that the clocks stay meaningful, following the aggregate's rules (threshold of
 * the rulebook, the bureau's delay, the next ordinary session, PET-2, PET-6, PET-8), with online and paper signatures
 * as many as each status needs. The signatories are invented: their numbers are well-formed but all begin with ZZ,
 * a prefix set apart for demo data, and are sealed like real ones; names and numbers are encrypted (PDP-2). Each
 * person is sealed once and may sign several petitions; all signatures go in one batched statement. citizen@ is the
 * agent of several Taroudant petitions, one a draft, and signed one with mails on.
 */
@Component
@Order(50)
class DemoPetitions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPetitions.class);

    private static final String[] FIRST = {"Mohamed", "Fatima", "Ahmed", "Khadija", "Lahcen", "Aicha", "Brahim", "Zahra", "Hassan", "Malika",
        "Youssef", "Naima", "Abdellah", "Hafsa", "Omar", "Rachida", "Said", "Amina", "Mustapha", "Salma"};
    private static final String[] LAST = {"Ait Lahcen", "Oubella", "Idrissi", "Amellal", "Boutaleb", "Ouchen", "Akhiat", "El Mansouri",
        "Id Brahim", "Oumoussa", "Agourram", "Lamrani", "Ait Ouarab", "Bouhmid"};
    /** Names written on paper sheets in Arabic script. */
    private static final String[] FIRST_AR = {"محمد", "فاطمة", "الحسين", "عائشة", "إبراهيم", "زينب", "عبد الله", "مليكة"};
    private static final String[] LAST_AR = {"آيت الحاج", "أوبلا", "الإدريسي", "أمزيان", "بوتاليب", "أوشن"};
    /** Distinct names in a commune's pool of people. */
    private static final int NAMES = 56;

    /** An invented signatory: sealed number and encrypted name, made once and reused across petitions. */
    private record Person(String cinHash, String cinCipher, String nameCipher) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Territory territory;
    private final Accounts accounts;
    private final ResidentVerifications residents;
    private final PersonalNumbers numbers;
    private final PetitionRules rules;

    DemoPetitions(JdbcClient jdbc, JdbcTemplate batch, DemoMode demo, TransactionTemplate tx, Clock clock, Territory territory, Accounts accounts,
            ResidentVerifications residents, PersonalNumbers numbers, PetitionRules rules) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
        this.territory = territory;
        this.accounts = accounts;
        this.residents = residents;
        this.numbers = numbers;
        this.rules = rules;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Optional<Collectivity> taroudant = territory.find("taroudant");
        if (taroudant.isEmpty() || jdbc.sql("select count(*) from petition where collectivity_id = ?").param(taroudant.get().id())
                .query(Integer.class).single() > 0) {
            return;
        }
        long start = System.nanoTime();
        Integer signatures = tx.execute(s -> load(LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE)));
        log.info("Demo petitions loaded ({} signatures, {} ms)", signatures, (System.nanoTime() - start) / 1_000_000);
    }

    private int load(LocalDate today) {
        Map<String, Long> staff = new HashMap<>();
        staff.put("taroudant", account("staff@taroudant.demo"));
        staff.put("tafraout", account("admin@opencommune.demo")); // no staff of its own in the demo: the platform admin entered them
        Map<String, List<Person>> people = new HashMap<>();
        List<Object[]> signatures = new ArrayList<>();
        for (Plan plan : DemoPetitionPlans.PLANS) {
            Collectivity c = territory.find(plan.slug()).orElse(null);
            Long agent = account(plan.agent());
            if (c == null || agent == null) {
                continue;
            }
            long id = petition(c, plan, agent, staff.get(plan.slug()), today);
            List<Person> pool = people.computeIfAbsent(plan.slug(), slug -> pool(slug, plan.slug().equals("taroudant") ? 1 : 2));
            signatures.addAll(signatures(c, id, plan, pool, staff.get(plan.slug()), today));
        }
        batch.batchUpdate("""
                insert into petition_signature (petition_id, collectivity_id, cin_hash, account_id, source, basis, full_name_cipher, cin_cipher,
                    entered_by, signed_at, notify)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", signatures);
        return signatures.size();
    }

    private Long account(String email) {
        return accounts.findByEmail(email).map(Accounts.Account::id).orElse(null);
    }

    private long petition(Collectivity c, Plan p, long agent, Long staff, LocalDate today) {
        LocalDate opened = day(today, p.opened());
        LocalDate filed = day(today, p.filed());
        LocalDate decided = day(today, p.decided());
        boolean accepted = p.status() == PetitionStatus.ACCEPTED || p.status() == PetitionStatus.CONCLUDED;
        LocalDate session = accepted ? session(decided) : null;
        LocalDate concluded = p.status() == PetitionStatus.CONCLUDED ? min(session.plusDays(3), today) : null;
        DemoPetitionPlans.Association a = p.association();
        Instant checked = a == null || filed == null ? null : at(filed.plusDays(4), 11);
        var s = p.story();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into petition (kind, title, object, reasons, requested_action, lang, association_name, association_constituted_on,
                    association_seat, association_field, association_checked_by, association_checked_at, collectivity_id, agent_id, status,
                    threshold, created_at, opened_on, threshold_reached_on, filed_on, decision_due, decided_on, rejection_ground,
                    rejection_reasoning, session_on, committee, concluded_on, council_decision_reference, outcome_summary)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.kind().name(), s.title(), s.object(), s.reasons(), s.action(), s.lang(),
                        a == null ? null : a.name(), a == null ? null : today.minusYears(a.yearsAgo()).withDayOfMonth(1),
                        a == null ? null : a.seat(), a == null ? null : a.field(), checked == null ? null : staff, Sql.at(checked),
                        c.id(), agent, p.status().name(), opened == null ? 0 : rules.threshold(c),
                        Sql.at(at(min(opened == null ? today.minusDays(3) : opened, filed == null ? today : filed).minusDays(2), 20)),
                        opened, day(today, p.reached()), filed, filed == null ? null : rules.decisionDue(c.type(), filed), decided,
                        p.ground() == null ? null : p.ground().name(), p.ground() == null ? null : s.outcome(), session,
                        accepted ? s.committee() : null, concluded,
                        concluded == null ? null : p.decisionNumber() + "/" + concluded.getYear(), concluded == null ? null : s.outcome())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * PET-8: a weekday of the next ordinary session month after the decision, the first that falls after it (the
     * aggregate's rule for an acceptance).
     */
    static LocalDate session(LocalDate decided) {
        YearMonth month = Petition.nextSessionMonth(decided);
        LocalDate day = month.atDay(1).isAfter(decided) ? month.atDay(1) : decided.plusDays(1);
        while ((day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) && day.plusDays(1).getMonth() == month.getMonth()) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The signature rows of one petition: a slice of the commune's people, online first, then paper. */
    private List<Object[]> signatures(Collectivity c, long petitionId, Plan p, List<Person> pool, Long staff, LocalDate today) {
        List<Object[]> rows = new ArrayList<>();
        int total = p.online() + p.paper();
        if (total == 0) {
            return rows;
        }
        LocalDate from = day(today, p.opened());
        LocalDate until = p.filed() > 0 ? day(today, p.filed() + 1) : today;
        long span = Math.max(1, until.toEpochDay() - from.toEpochDay());
        int onlineLeft = p.online();
        if (DemoPetitionPlans.SIGNED_BY_CITIZEN.equals(p.story().title())) {
            onlineLeft -= citizenSigns(c, petitionId, rows, today);
        }
        int start = (int) (petitionId * 37 % pool.size());
        for (int i = 0; i < onlineLeft + p.paper(); i++) {
            Person who = pool.get((start + i) % pool.size());
            boolean online = i < onlineLeft;
            LocalDate on = from.plusDays(i * span / total);
            rows.add(new Object[] {petitionId, c.id(), who.cinHash(), null, online ? "ONLINE" : "PAPER", i % 9 == 4 ? "ECONOMIC" : "RESIDENT",
                    who.nameCipher(), who.cinCipher(), online ? null : staff, Sql.at(at(on, 8 + i % 12)), online && i % 3 == 0});
        }
        return rows;
    }

    /** citizen@, verified resident of Taroudant, signed with mails on; their row is keyed on their verified CIN. */
    private int citizenSigns(Collectivity c, long petitionId, List<Object[]> rows, LocalDate today) {
        return accounts.findByEmail(DemoPetitionPlans.CITIZEN).flatMap(a -> residents.verified(a.id(), c.id()).map(v -> {
            rows.add(new Object[] {petitionId, c.id(), v.cinHash(), a.id(), "ONLINE", "RESIDENT", numbers.encrypt(a.displayName()), v.cinCipher(),
                    null, Sql.at(at(today.minusDays(2), 19)), true});
            return 1;
        })).orElse(0);
    }

    /**
     * Enough invented people for the largest petition of the commune, each with a distinct, well-formed number. Names
     * repeat (as they do in a commune): each is encrypted once, which halves the start-up cost of the demo.
     */
    private List<Person> pool(String slug, int series) {
        int size = DemoPetitionPlans.PLANS.stream().filter(p -> p.slug().equals(slug)).mapToInt(p -> p.online() + p.paper()).max().orElse(0) + 5;
        Map<String, String> names = new HashMap<>();
        List<Person> pool = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            PersonalNumbers.Sealed cin = numbers.seal(String.format("ZZ%d%05d", series, i)).orElseThrow();
            int k = i % NAMES;
            String name = k % 4 == 3 ? FIRST_AR[k % FIRST_AR.length] + " " + LAST_AR[k % LAST_AR.length]
                    : FIRST[k % FIRST.length] + " " + LAST[k % LAST.length];
            pool.add(new Person(cin.hash(), cin.cipher(), names.computeIfAbsent(name, numbers::encrypt)));
        }
        return pool;
    }

    private static LocalDate day(LocalDate today, int daysAgo) {
        return daysAgo <= 0 ? null : today.minusDays(daysAgo);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(Morocco.ZONE).toInstant();
    }
}
