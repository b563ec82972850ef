package ma.opencommune.council.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import ma.opencommune.council.BudgetExecutions;
import ma.opencommune.council.Budgets;
import ma.opencommune.council.DocumentFile;
import ma.opencommune.council.DocumentKind;
import ma.opencommune.council.DocumentLibrary;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.TextFold;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for the network's openness index: two years of council activity in other members than Taroudant, so that
 * they differ and change over time. Agadir publishes its decisions within a week, its budget and each quarter's
 * execution, updates its projects and publishes documents; Marrakech is slower and publishes one quarter of execution;
 * Tafraout publishes decisions after 40 days or more, its budget late, no execution, and has not updated its projects
 * for months; the province of Taroudant was slow a year ago and publishes within a week in the last six months.
 *
 * <p>Budgets and executions go through {@link Budgets} and {@link BudgetExecutions} (as the platform administrator,
 * like the other demo data of members without staff), then their publication day is set back as in {@link DemoBudget}.
 * Sessions, decisions, projects and documents are written with JdbcClient, as in {@link DemoCouncil}: the services date
 * every publication today. A member that already has a session at the demo's place is left as it is (idempotent).
 */
@Component
@Order(64)
class DemoCouncilNetwork implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCouncilNetwork.class);

    /** Marks the sessions of this demo data. */
    static final String PLACE = "Salle des sessions (démo réseau) — قاعة الدورات";

    /**
     * How a member behaves: days from a session to its decisions' publication before and after its turn (days ago),
     * whether its budget is published late, how many quarters of execution it publishes this year and last year, its
     * projects (and how many were updated recently), and the documents it published in each of the two years.
     */
    record Member(String slug, int delayBefore, int delayRecent, int turnDaysAgo, boolean lastSessionUnpublished, boolean budgetLate,
            boolean lastYearBudget, int quartersNow, int quartersLast, int projects, int recentUpdates, int documentsOld, int documentsRecent) {

        int delay(int daysAgo, int k) {
            int base = daysAgo > turnDaysAgo ? delayBefore : delayRecent;
            return base + k % 3;
        }
    }

    static final List<Member> MEMBERS = List.of(
            new Member("agadir", 4, 4, 0, false, false, true, 4, 4, 5, 4, 4, 5),
            new Member("marrakech", 18, 14, 0, false, false, true, 1, 2, 5, 2, 2, 3),
            new Member("tafraout", 45, 52, 0, true, true, false, 0, 0, 4, 0, 1, 1),
            new Member("province-taroudant", 38, 5, 180, false, false, false, 4, 0, 4, 3, 1, 4));

    private static final String[][] AGENDA = {
        {"المصادقة على اتفاقية شراكة لتأهيل الطرق", "Approbation d’une convention de partenariat pour la mise à niveau des routes", "PARTNERSHIPS"},
        {"برمجة الفائض", "Programmation de l’excédent", "BUDGET"},
        {"تحديد تعريفة الرسوم المحلية", "Fixation des tarifs des taxes locales", "BUDGET"},
        {"تسمية الشوارع والساحات العمومية", "Dénomination des rues et places publiques", "URBANISM"},
        {"تدبير مرفق النقل المدرسي", "Gestion du service de transport scolaire", "SERVICES"},
        {"اقتناء عقار لبناء مركز صحي", "Acquisition d’un terrain pour un centre de santé", "PROPERTY"},
    };

    private static final Object[][] PROJECTS = {
        {"تهيئة الطريق الرابطة بين الدواوير", "Aménagement de la route reliant les douars", "ROADS"},
        {"توسيع شبكة الماء الصالح للشرب", "Extension du réseau d’eau potable", "WATER"},
        {"الإنارة العمومية بالطاقة الشمسية", "Éclairage public solaire", "LIGHTING"},
        {"بناء دار الشباب", "Construction d’une maison des jeunes", "CULTURE_SPORT"},
        {"تأهيل المدرسة الجماعاتية", "Réhabilitation de l’école communautaire", "EDUCATION"},
    };

    private static final Object[][] DOCUMENTS = {
        {DocumentKind.REPORT, "تقرير النشاط السنوي", "Rapport d’activité annuel"},
        {DocumentKind.MINUTES, "محضر الدورة العادية", "Procès-verbal de la session ordinaire"},
        {DocumentKind.BUDGET, "الميزانية المبسطة للمواطن", "Budget citoyen"},
        {DocumentKind.STUDY, "دراسة حول تدبير النفايات", "Étude sur la gestion des déchets"},
        {DocumentKind.DECISION, "قرار جبائي", "Arrêté fiscal"},
        {DocumentKind.OTHER, "دليل المرتفق", "Guide de l’usager"},
    };

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Territory territory;
    private final UserDetailsService users;
    private final Budgets budgets;
    private final BudgetExecutions executions;
    private final FileStore files;

    DemoCouncilNetwork(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock, Territory territory, UserDetailsService users,
            Budgets budgets, BudgetExecutions executions, FileStore files) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
        this.territory = territory;
        this.users = users;
        this.budgets = budgets;
        this.executions = executions;
        this.files = files;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        AccountUser admin;
        try {
            admin = (AccountUser) users.loadUserByUsername("admin@opencommune.demo");
        } catch (RuntimeException e) {
            return;
        }
        long start = System.nanoTime();
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE);
        int loaded = 0;
        for (Member m : MEMBERS) {
            Collectivity c = territory.find(m.slug()).orElse(null);
            if (c == null || jdbc.sql("select count(*) from council_session where collectivity_id = ? and place = ?").params(c.id(), PLACE)
                    .query(Integer.class).single() > 0) {
                continue;
            }
            tx.executeWithoutResult(s -> load(m, c, admin, today));
            loaded++;
        }
        if (loaded > 0) {
            log.info("Demo council activity of {} network members loaded ({} ms)", loaded, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void load(Member m, Collectivity c, AccountUser admin, LocalDate today) {
        Random random = new Random(m.slug().hashCode());
        sessions(m, c, today);
        budget(m, c, admin, today, random);
        projects(m, c, today);
        documents(m, c, today);
    }

    /** An ordinary session about every four months over two years, with three decisions each. */
    private void sessions(Member m, Collectivity c, LocalDate today) {
        int k = 0;
        for (int daysAgo = 700; daysAgo >= 20; daysAgo -= 115) {
            LocalDate held = today.minusDays(daysAgo);
            boolean last = daysAgo - 115 < 20;
            int delay = m.delay(daysAgo, k);
            LocalDate published = held.plusDays(delay);
            boolean publish = !published.isAfter(today) && !(last && m.lastSessionUnpublished());
            Instant agendaAt = held.minusDays(10).atTime(10, 0).atZone(Morocco.ZONE).toInstant();
            long session = insert("insert into council_session (collectivity_id, kind, held_on, starts_at, place, status, agenda_published_at, created_at)"
                    + " values (?, 'ORDINARY', ?, ?, ?, 'HELD', ?, ?)", c.id(), held, LocalTime.of(10, 0), PLACE, Sql.at(agendaAt),
                    Sql.at(agendaAt.minusSeconds(86_400L * 7)));
            for (int i = 0; i < 3; i++) {
                String[] a = AGENDA[(k * 3 + i) % AGENDA.length];
                long item = insert("insert into council_agenda_item (collectivity_id, session_id, position, title_ar, title_fr, created_at) values (?, ?, ?, ?, ?, ?)",
                        c.id(), session, i + 1, a[0], a[1], Sql.at(agendaAt));
                int votesFor = 18 + (k + i) % 7;
                insert("""
                        insert into council_decision (collectivity_id, session_id, agenda_item_id, number, title_ar, title_fr, text_ar, text_fr, topic,
                            votes_for, votes_against, votes_abstain, per_member, outcome, status, published_on, published_at, revision, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 'ADOPTED', ?, ?, ?, ?, ?)""",
                        c.id(), session, item, "R" + (k * 3 + i + 1) + "/" + held.getYear(), a[0], a[1], "صادق المجلس على " + a[0] + ".",
                        "Le conseil approuve : " + a[1] + ".", a[2], votesFor, i % 2, (k + i) % 3, publish ? "PUBLISHED" : "DRAFT",
                        publish ? published : null, publish ? Sql.at(published.atTime(11, 0).atZone(Morocco.ZONE).toInstant()) : null,
                        publish ? 1 : 0, Sql.at(held.atTime(13, 0).atZone(Morocco.ZONE).toInstant()));
            }
            k++;
        }
    }

    /** The year's budget (and last year's), and the quarters of execution the member publishes. */
    private void budget(Member m, Collectivity c, AccountUser admin, LocalDate today, Random random) {
        int now = today.getYear();
        int last = now - 1;
        long seed = Math.abs(m.slug().hashCode() % 1000);
        if (m.lastYearBudget()) {
            DemoBudgetLines lines = DemoBudgetLines.of(seed, 0.4 + seed % 7 / 10.0);
            budget(c, admin, last, lines, LocalDate.of(last - 1, 12, 20));
            for (int q = 1; q <= m.quartersLast(); q++) {
                execution(c, admin, last, q, lines, random, quarterEnd(last, q).plusDays(m.delayRecent() * 2L + 20));
            }
        }
        DemoBudgetLines lines = DemoBudgetLines.of(seed + 1, 0.45 + seed % 7 / 10.0);
        LocalDate publishedOn = m.budgetLate() ? LocalDate.of(now, 5, 12) : LocalDate.of(now - 1, 12, 24);
        if (publishedOn.isAfter(today)) {
            publishedOn = today;
        }
        budget(c, admin, now, lines, publishedOn);
        for (int q = 1; q <= m.quartersNow(); q++) {
            LocalDate on = quarterEnd(now, q).plusDays(25);
            if (on.isAfter(today)) {
                break;
            }
            execution(c, admin, now, q, lines, random, on);
        }
    }

    private static LocalDate quarterEnd(int year, int q) {
        return LocalDate.of(year, q * 3, 1).plusMonths(1).minusDays(1);
    }

    private void budget(Collectivity c, AccountUser admin, int year, DemoBudgetLines lines, LocalDate publishedOn) {
        long id = budgets.draft(c, admin, year);
        try {
            budgets.importLines(c, admin, id, new ByteArrayInputStream(lines.csv().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        budgets.publish(c, admin, id);
        jdbc.sql("update budget set published_on = ? where id = ?").params(publishedOn, id).update();
    }

    private void execution(Collectivity c, AccountUser admin, int year, int quarter, DemoBudgetLines lines, Random random, LocalDate publishedOn) {
        StringBuilder csv = new StringBuilder("code,committed,paid,collected\n");
        for (DemoBudgetLines.Leaf l : lines.leaves()) {
            BigDecimal share = l.amount().multiply(BigDecimal.valueOf(0.18 + random.nextDouble() * 0.08));
            if ("EXPENSE".equals(l.direction())) {
                BigDecimal paid = share.multiply(BigDecimal.valueOf(0.75 + random.nextDouble() * 0.25));
                csv.append(l.code()).append(',').append(money(share)).append(',').append(money(paid)).append(",\n");
            } else {
                csv.append(l.code()).append(",,,").append(money(share)).append('\n');
            }
        }
        try {
            long id = executions.importFigures(c, admin, year, "Q" + quarter, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
            executions.publish(c, admin, id);
            jdbc.sql("update budget_execution set published_on = ? where id = ?").params(publishedOn, id).update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Projects with progress updates: the recent ones within 90 days, the others months ago. */
    private void projects(Member m, Collectivity c, LocalDate today) {
        Instant now = Instant.now(clock);
        double[] centre = switch (m.slug()) {
            case "agadir" -> new double[] {30.4202, -9.5982};
            case "marrakech" -> new double[] {31.6295, -7.9811};
            case "tafraout" -> new double[] {29.7222, -8.9746};
            default -> new double[] {30.4703, -8.8770};
        };
        double lat = centre[0];
        double lon = centre[1];
        for (int i = 0; i < m.projects(); i++) {
            Object[] p = PROJECTS[i % PROJECTS.length];
            boolean recent = i < m.recentUpdates();
            LocalDate starts = today.minusDays(500 - 40L * i);
            int[] ages = recent ? new int[] {300, 160, 75, 12 + 15 * i} : new int[] {420 - 20 * i, 260 - 10 * i};
            int progress = 0;
            String titleAr = (String) p[0];
            String titleFr = (String) p[1];
            long id = insert("""
                    insert into council_project (collectivity_id, title_ar, title_fr, description_ar, description_fr, search_text, sector, status,
                        latitude, longitude, cost_mad, starts_on, ends_on, progress, published, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?, ?, 0, true, ?, ?)""",
                    c.id(), titleAr, titleFr, titleAr + " (" + c.name("ar") + ").", titleFr + " (" + c.name("fr") + ").",
                    TextFold.fold(titleAr + " " + titleFr), p[2], BigDecimal.valueOf(lat + 0.01 * (i - 2)).setScale(6, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(lon + 0.012 * (i - 2)).setScale(6, RoundingMode.HALF_UP), BigDecimal.valueOf(1_500_000L + 850_000L * i),
                    starts, starts.plusYears(2), Sql.at(starts.atStartOfDay(Morocco.ZONE).toInstant()), Sql.at(now));
            LocalDate lastUpdate = null;
            for (int age : ages) {
                LocalDate on = today.minusDays(age);
                if (on.isBefore(starts)) {
                    continue;
                }
                progress = Math.min(95, progress + 15 + 5 * (i % 3));
                jdbc.sql("insert into council_project_update (project_id, collectivity_id, kind, reported_on, progress, text, created_at)"
                        + " values (?, ?, 'PROGRESS', ?, ?, ?, ?)")
                        .params(id, c.id(), on, progress, "Avancement des travaux : " + progress + " %. — نسبة تقدم الأشغال: " + progress + "٪.",
                                Sql.at(on.atTime(16, 0).atZone(Morocco.ZONE).toInstant())).update();
                lastUpdate = on;
            }
            jdbc.sql("update council_project set progress = ?, last_update_on = ? where id = ?").params(progress, lastUpdate, id).update();
        }
    }

    /** Documents published over the two years: {@code documentsOld} in the first, {@code documentsRecent} in the last twelve months. */
    private void documents(Member m, Collectivity c, LocalDate today) {
        int n = 0;
        for (int i = 0; i < m.documentsOld() + m.documentsRecent(); i++) {
            boolean recent = i >= m.documentsOld();
            int span = recent ? m.documentsRecent() : m.documentsOld();
            int index = recent ? i - m.documentsOld() : i;
            // An improving member published its recent documents after its turn; the others over the whole year.
            int window = recent && m.turnDaysAgo() > 0 ? m.turnDaysAgo() - 10 : 340;
            LocalDate date = today.minusDays(recent ? window - (long) (window - 10) * index / span : 720 - 330L * index / span);
            Object[] d = DOCUMENTS[n++ % DOCUMENTS.length];
            DocumentKind kind = (DocumentKind) d[0];
            String titleAr = d[1] + " " + date.getYear();
            String titleFr = d[2] + " " + date.getYear();
            DocumentLibrary.Metadata meta = new DocumentLibrary.Metadata(kind, titleAr, titleFr, null, null, date, date.getYear(), null);
            byte[] pdf = DocumentPdf.render(c.name("ar"), c.name("fr"), titleAr, titleFr, null, date.toString());
            String key;
            try {
                key = files.put(new ByteArrayInputStream(pdf), "document.pdf", DocumentFile.Type.PDF.contentType);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Instant published = date.plusDays(5).atTime(LocalTime.of(10, 30)).atZone(Morocco.ZONE).toInstant();
            jdbc.sql("""
                    insert into council_document (collectivity_id, kind, title_ar, title_fr, document_date, document_year, search_text, storage_key,
                        file_name, content_type, file_extension, size_bytes, status, published_at, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pdf', ?, 'PUBLISHED', ?, ?)""")
                    .params(c.id(), kind.name(), titleAr, titleFr, date, date.getYear(), meta.searchText(), key,
                            kind.name().toLowerCase(Locale.ROOT) + "-" + date + ".pdf", DocumentFile.Type.PDF.contentType, (long) pdf.length,
                            Sql.at(published), Sql.at(date.plusDays(1).atStartOfDay(Morocco.ZONE).toInstant()))
                    .update();
        }
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }
}
