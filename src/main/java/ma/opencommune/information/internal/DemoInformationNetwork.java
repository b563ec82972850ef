package ma.opencommune.information.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.information.InformationEvents.Step;
import ma.opencommune.information.InformationRules;
import ma.opencommune.information.LegalClock;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.TextFold;
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
 * Demo data for the network's openness index: two years of information requests and a proactive register in other
 * members than Taroudant, so that they differ and change over time. Agadir answers almost everything in time and
 * publishes its answers; Marrakech is middling; Tafraout answers late or not at all and keeps a stale register; the
 * province of Taroudant was weak a year ago and answers well in the last six months; the Souss-Massa region is middling.
 *
 * <p>Rows are written with JdbcClient, as in {@link DemoInformation}: the filing and answering services date
 * everything today, and the demo needs requests received and closed months ago. The requests were filed on paper (no
 * requester account); the requesters are invented and their CINs sealed like real ones (PDP-2). A member that already
 * has a proactive register is left as it is (idempotent).
 */
@Component
@Order(41)
class DemoInformationNetwork implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInformationNetwork.class);

    /** How a member behaves: its number of requests over two years and its quality {@code daysAgo} days ago (0..1). */
    record Member(String slug, int requests, int registerItems, int staleItems, double before, double recent, int turnDaysAgo) {

        double quality(int daysAgo) {
            if (daysAgo <= turnDaysAgo) {
                return recent;
            }
            return daysAgo >= turnDaysAgo + 60 ? before : recent + (before - recent) * (daysAgo - turnDaysAgo) / 60.0;
        }
    }

    static final List<Member> MEMBERS = List.of(
            new Member("agadir", 56, 9, 0, 0.92, 0.92, 0),
            new Member("marrakech", 72, 7, 2, 0.62, 0.62, 0),
            new Member("tafraout", 28, 3, 3, 0.25, 0.25, 0),
            new Member("province-taroudant", 44, 6, 1, 0.22, 0.90, 180),
            new Member("souss-massa", 24, 5, 2, 0.5, 0.55, 0));

    private static final String[][] PEOPLE = {
        {"Amina", "Oubaha", "Hay Dakhla, rue 12 n° 5"},
        {"Brahim", "Ait Ouahmane", "Douar Tagmout"},
        {"Naima", "El Khalfi", "Quartier Al Massira, bloc C n° 41"},
        {"Lahcen", "Id Belkacem", "Avenue Hassan II n° 88"},
        {"Zahra", "Boutaleb", "Derb Jdid n° 7"},
    };

    private static final String[] GROUNDS = {"NOT_HELD", "EXCEPTION_ART7", "ALREADY_PUBLISHED"};

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WorkingDays workingDays;
    private final LegalClock legalClock;
    private final PersonalNumbers numbers;

    DemoInformationNetwork(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock, WorkingDays workingDays, InformationRules rules,
            PersonalNumbers numbers) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
        this.workingDays = workingDays;
        this.legalClock = new LegalClock(rules);
        this.numbers = numbers;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        long start = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(Morocco.ZONE));
        int loaded = 0;
        for (Member m : MEMBERS) {
            Object[] c = jdbc.sql("select id, code from collectivity where slug = ?").param(m.slug())
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional().orElse(null);
            if (c == null || jdbc.sql("select count(*) from info_proactive_item where collectivity_id = ?").param(c[0]).query(Integer.class).single() > 0) {
                continue;
            }
            tx.executeWithoutResult(s -> load(m, (Long) c[0], (String) c[1], today));
            loaded++;
        }
        if (loaded > 0) {
            log.info("Demo information requests of {} network members loaded ({} ms)", loaded, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void load(Member m, long collectivity, String code, LocalDate today) {
        Random random = new Random(m.slug().hashCode());
        List<PersonalNumbers.Sealed> cins = new ArrayList<>();
        for (int i = 0; i < PEOPLE.length; i++) {
            cins.add(numbers.seal(String.format("ZN%d%05d", MEMBERS.indexOf(m), i)).orElseThrow());
        }
        Map<Integer, Integer> sequence = new HashMap<>();
        jdbc.sql("select year, last_value from info_sequence where collectivity_id = ?").param(collectivity)
                .query((rs, i) -> sequence.put(rs.getInt(1), rs.getInt(2))).list();
        Map<Integer, Integer> before = new HashMap<>(sequence);
        for (int i = 0; i < m.requests(); i++) {
            int daysAgo = 725 - i * 720 / m.requests();
            LocalDate received = today.minusDays(daysAgo);
            int number = sequence.merge(received.getYear(), 1, Integer::sum);
            request(m, collectivity, String.format("%s-%d-%06d", code, received.getYear(), number), i, daysAgo, received, today, random,
                    cins.get(i % cins.size()));
        }
        sequence.forEach((year, last) -> {
            if (before.containsKey(year)) {
                jdbc.sql("update info_sequence set last_value = ? where collectivity_id = ? and year = ?").params(last, collectivity, year).update();
            } else {
                jdbc.sql("insert into info_sequence (collectivity_id, year, last_value) values (?,?,?)").params(collectivity, year, last).update();
            }
        });
        register(m, collectivity, today);
    }

    private void request(Member m, long collectivity, String tracking, int i, int daysAgo, LocalDate received, LocalDate today, Random random,
            PersonalNumbers.Sealed cin) {
        DemoInformation.Topic t = DemoInformation.TOPICS.get(i % DemoInformation.TOPICS.size());
        String[] who = PEOPLE[i % PEOPLE.length];
        boolean arabic = i % 3 != 1;
        double q = m.quality(daysAgo);
        double r = random.nextDouble();
        LocalDate due = legalClock.due(new LegalClock.Inputs(received, false, false, List.of()), workingDays);
        String status;
        LocalDate closedOn = null;
        String answerKind = null;
        String answer = null;
        String ground = null;
        String reasoning = null;
        boolean published = false;
        if (!due.isBefore(today) && r > q * 0.5) {
            status = "RECEIVED";
        } else if (r < q * 0.85) {
            status = i % 7 == 3 ? "PARTLY_ANSWERED" : "ANSWERED";
            closedOn = workingDays.addWorkingDays(received, 4 + random.nextInt(12));
            published = random.nextDouble() < q - 0.2;
        } else if (r < q) {
            status = "REFUSED";
            closedOn = workingDays.addWorkingDays(received, 6 + random.nextInt(10));
        } else if (r < q + (1 - q) * 0.65 || daysAgo > 240) {
            status = "ANSWERED";
            closedOn = workingDays.addWorkingDays(due, 3 + random.nextInt(25));
        } else {
            status = "RECEIVED";
        }
        if (closedOn != null && closedOn.isAfter(today)) {
            closedOn = null;
            status = "RECEIVED";
            published = false;
        }
        switch (status) {
            case "ANSWERED" -> {
                answerKind = "FULL";
                answer = arabic ? t.answerAr() : t.answerFr();
            }
            case "PARTLY_ANSWERED" -> {
                answerKind = "PARTIAL";
                answer = (arabic ? t.answerAr() : t.answerFr()) + (arabic ? " أما باقي المعلومات فتتضمن معطيات شخصية لأغيار (المادة 7)."
                        : " Le reste contient des données personnelles de tiers (article 7).");
            }
            case "REFUSED" -> {
                ground = GROUNDS[i % GROUNDS.length];
                reasoning = arabic ? "لا يمكن تسليم هذه المعلومات للأسباب المبينة في القانون 31.13." : "Cette information ne peut être communiquée pour le motif prévu par la loi 31-13.";
            }
            default -> {
            }
        }
        Instant receivedAt = at(received, 9 + i % 7);
        Instant closedAt = closedOn == null ? null : at(closedOn, 15);
        Instant publishedAt = published ? closedAt.plusSeconds(3 * 86_400L) : null;
        if (publishedAt != null && publishedAt.isAfter(Instant.now(clock))) {
            publishedAt = null;
        }
        String subject = arabic ? t.subjectAr() : t.subjectFr();
        String description = arabic ? t.descriptionAr() : t.descriptionFr();
        String publishedAnswer = publishedAt == null ? null : answer != null ? answer : reasoning;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into info_request (collectivity_id, tracking_number, requester_id, first_name, last_name, postal_address, cin_cipher,
                    cin_hash, cin_hint, email, subject, description, delivery, urgent, lang, status, received_at, received_on, due_on,
                    closed_at, closed_on, working_days_taken, answer_kind, answer_text, refusal_ground, refusal_reasoning, published_at,
                    published_subject, published_description, published_answer, search_text)
                values (?,?,null,?,?,?,?,?,?,null,?,?,'POSTAL',false,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(collectivity, tracking, who[0], who[1], who[2], cin.cipher(), cin.hash(), cin.hint(), subject, description,
                        arabic ? "ar" : "fr", status, Sql.at(receivedAt), received, due, Sql.at(closedAt), closedOn,
                        closedOn == null ? null : Math.max(0, workingDays.workingDaysBetween(received, closedOn)), answerKind, answer, ground,
                        reasoning, Sql.at(publishedAt), publishedAt == null ? null : subject, publishedAt == null ? null : description,
                        publishedAnswer, publishedAt == null ? null : TextFold.fold(subject + " " + description + " " + publishedAnswer))
                .update(key, "id");
        long id = key.getKey().longValue();
        step(id, collectivity, receivedAt, Step.FILED, due, null);
        if (closedAt != null) {
            Step closing = "REFUSED".equals(status) ? Step.REFUSED : Step.ANSWERED;
            step(id, collectivity, closedAt, closing, null, closing == Step.REFUSED ? ground : answerKind);
        }
        if (publishedAt != null) {
            step(id, collectivity, publishedAt, Step.PUBLISHED, null, null);
        }
    }

    private void step(long request, long collectivity, Instant at, Step step, LocalDate due, String detail) {
        jdbc.sql("insert into info_request_event (request_id, collectivity_id, at, actor_id, kind, internal, due_on, detail) values (?,?,?,null,?,?,?,?)")
                .params(request, collectivity, Sql.at(at), step.name(), step.internal(), due, detail).update();
    }

    /** ATI-11: the register; a weak member lets some entries pass their update date. */
    private void register(Member m, long collectivity, LocalDate today) {
        Object[][] items = {
            {"BUDGET", "الميزانية المصادق عليها", "Budget adopté", "YEARLY"},
            {"DELIBERATIONS", "مقررات المجلس", "Délibérations du conseil", "QUARTERLY"},
            {"PROGRAMS_PROJECTS", "برنامج عمل الجماعة", "Programme d’action", "YEARLY"},
            {"PROCUREMENT", "طلبات العروض الجارية", "Appels d’offres en cours", "MONTHLY"},
            {"OFFICER_CONTACT", "الشخص المكلف بالحصول على المعلومات", "Chargé de l’accès à l’information", "ON_CHANGE"},
            {"SERVICES", "دليل الخدمات الإدارية", "Guide des services administratifs", "ON_CHANGE"},
            {"ORGANISATION", "الهيكل التنظيمي", "Organigramme", "YEARLY"},
            {"REPORTS", "تقرير هيئة المساواة وتكافؤ الفرص ومقاربة النوع", "Rapport de l’instance de l’équité et de l’égalité des chances", "YEARLY"},
            {"PROCUREMENT", "نتائج الصفقات المبرمة", "Résultats des marchés conclus", "HALF_YEARLY"},
        };
        Instant now = Instant.now(clock);
        for (int k = 0; k < m.registerItems() && k < items.length; k++) {
            Object[] i = items[k];
            boolean stale = k < m.staleItems();
            LocalDate updated = today.minusDays(stale ? 400 + 30L * k : 20 + 25L * k);
            LocalDate next = "ON_CHANGE".equals(i[3]) ? null : stale ? today.minusDays(35 + 20L * k) : today.plusDays(60 + 15L * k);
            jdbc.sql("insert into info_proactive_item (collectivity_id, category, title_ar, title_fr, url, last_updated_on, frequency,"
                    + " next_update_due, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?)")
                    .params(collectivity, i[0], i[1], i[2], "/fr/c/" + m.slug() + "/council", updated, i[3], next, Sql.at(at(updated, 9)), Sql.at(now))
                    .update();
        }
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(Morocco.ZONE).toInstant();
    }
}
