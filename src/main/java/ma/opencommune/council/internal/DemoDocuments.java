package ma.opencommune.council.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import ma.opencommune.council.DocumentFile;
import ma.opencommune.council.DocumentKind;
import ma.opencommune.council.DocumentLibrary;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data (DESIGN.md contract, issue 6 scope 8): Taroudant's library, a dozen documents of every type in Arabic and
 * French, dated back from today, each with a real one-page PDF. Some titles carry hamza, tatweel or harakat so that the
 * search shows it finds them however they are typed; one document was withdrawn with its reason, one is still a draft.
 * Loaded once: nothing happens when Taroudant already has documents.
 */
@Component
@Order(63)
class DemoDocuments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDocuments.class);

    /** A demo document: its age in days, what it is, and what became of it. */
    private record Plan(int daysAgo, DocumentKind kind, String titleAr, String titleFr, String descriptionAr, String descriptionFr,
            Integer yearShift, String reference, String status, String withdrawalReason) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan(40, DocumentKind.DECISION, "مقرر بشأن إحداث مرآب جماعي قرب باب الزرقان", "Délibération portant création d’un parking communal près de Bab Zorgane",
                    "صادق المجلس بالأغلبية على إحداث مرآب جماعي بسعة 120 سيارة.", "Le conseil a approuvé à la majorité la création d’un parking de 120 places.",
                    null, "12/{y}", "PUBLISHED", null),
            new Plan(45, DocumentKind.DECISION, "مقرر بالمصادقة على اتفاقية شراكة مع جمعية أصدقاء المكتبة البلدية",
                    "Délibération approuvant la convention de partenariat avec l’association des Amis de la bibliothèque municipale",
                    null, "Convention de trois ans pour l’animation de la bibliothèque et des ateliers de lecture.", null, "13/{y}", "PUBLISHED", null),
            new Plan(50, DocumentKind.MINUTES, "محضر الدورة العادية لشهر أكتوبر", "Procès-verbal de la session ordinaire d’octobre",
                    "محضر أشغال الدورة العادية مع جدول الأعمال ونتائج التصويت.", "Compte rendu des travaux de la session, ordre du jour et résultats des votes.",
                    null, null, "PUBLISHED", null),
            new Plan(140, DocumentKind.MINUTES, "محضر الدورة الاستثنائية لشهر يوليوز", "Procès-verbal de la session extraordinaire de juillet",
                    null, null, null, null, "PUBLISHED", null),
            new Plan(60, DocumentKind.BUDGET, "ميزانية الجماعة برسم السنة المالية المقبلة", "Budget de la commune pour l’exercice à venir",
                    "الميزانية كما صادق عليها المجلس في دورة أكتوبر، في انتظار تأشيرة السلطة الإدارية.",
                    "Le budget tel qu’adopté par le conseil en session d’octobre, en attente du visa de l’autorité de tutelle.", 1, null, "PUBLISHED", null),
            new Plan(230, DocumentKind.BUDGET, "الحساب الإداري للسنة المالية الماضية", "Compte administratif de l’exercice écoulé",
                    null, "Exécution des recettes et des dépenses de l’exercice clos.", -1, null, "PUBLISHED", null),
            new Plan(90, DocumentKind.REPORT, "تقريـــر حول تدبير النفايات المنزلية", "Rapport sur la gestion des déchets ménagers",
                    "حصيلة جمع النفايات وتثمينها في أحياء المدينة.", "Bilan de la collecte et de la valorisation des déchets dans les quartiers.",
                    null, null, "PUBLISHED", null),
            new Plan(120, DocumentKind.REPORT, "التقرير السنوي لهيئة المساواة وتكافؤ الفرص ومقاربة النوع",
                    "Rapport annuel de l’instance de l’équité, de l’égalité des chances et de l’approche genre",
                    null, null, -1, null, "PUBLISHED", null),
            new Plan(200, DocumentKind.STUDY, "دِرَاسَة جدوى تأهيل ساحة أسراك", "Étude de faisabilité de la réhabilitation de la place Assarag",
                    "دراسة معمارية وتقنية لتأهيل الساحة وممراتها.", "Étude architecturale et technique de la place et de ses abords.",
                    null, null, "PUBLISHED", null),
            new Plan(260, DocumentKind.STUDY, "دراسة حول الإنارة العمومية وترشيد الطاقة", "Étude sur l’éclairage public et les économies d’énergie",
                    null, "Diagnostic du réseau d’éclairage et scénarios de passage aux lampes LED.", null, null, "PUBLISHED", null),
            new Plan(30, DocumentKind.OTHER, "دليل المساطر الإدارية بالجماعة", "Guide des procédures administratives de la commune",
                    null, null, null, null, "PUBLISHED", null),
            new Plan(20, DocumentKind.OTHER, "إعلان عن مباراة لتوظيف تقنيين من الدرجة الثالثة", null,
                    "الترشيحات مفتوحة لمدة ثلاثين يوما.", null, null, "RH-07/{y}", "PUBLISHED", null),
            new Plan(70, DocumentKind.DECISION, "مقرر بتحديد رسوم وقوف السيارات", "Délibération fixant les droits de stationnement",
                    null, null, null, "9/{y}", "WITHDRAWN",
                    "نُشر قبل تأشيرة السلطة الإدارية؛ سيُنشر من جديد بعد التأشير. Publié avant le visa de l’autorité de tutelle ; il sera republié après visa."),
            new Plan(5, DocumentKind.MINUTES, "محضر اجتماع لجنة الميزانية والشؤون المالية", "Procès-verbal de la commission du budget et des finances",
                    null, null, null, null, "DRAFT", null));

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Territory territory;
    private final FileStore files;

    DemoDocuments(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock, Territory territory, FileStore files) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
        this.territory = territory;
        this.files = files;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Collectivity c = territory.find("taroudant").orElse(null);
        if (c == null || jdbc.sql("select count(*) from council_document where collectivity_id = ?").param(c.id()).query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE);
        Long staff = jdbc.sql("select id from account where email = 'staff@taroudant.demo'").query(Long.class).optional().orElse(null);
        tx.executeWithoutResult(s -> PLANS.forEach(p -> insert(c, p, today, staff)));
        log.info("Demo data: {} library documents in {}", PLANS.size(), c.slug());
    }

    private void insert(Collectivity c, Plan p, LocalDate today, Long staff) {
        LocalDate date = today.minusDays(p.daysAgo());
        int year = date.getYear() + (p.yearShift() == null ? 0 : p.yearShift());
        String reference = p.reference() == null ? null : p.reference().replace("{y}", String.valueOf(date.getYear()));
        DocumentLibrary.Metadata m = new DocumentLibrary.Metadata(p.kind(), p.titleAr(), p.titleFr(), p.descriptionAr(), p.descriptionFr(),
                date, year, reference);
        byte[] pdf = DocumentPdf.render(c.name("ar"), c.name("fr"), p.titleAr(), p.titleFr(), reference, date.toString());
        String key;
        try {
            key = files.put(new ByteArrayInputStream(pdf), "document.pdf", DocumentFile.Type.PDF.contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Published a week after the document's date; withdrawn ten days later.
        Instant published = "DRAFT".equals(p.status()) ? null : date.plusDays(7).atTime(LocalTime.of(10, 30)).atZone(Morocco.ZONE).toInstant();
        Instant withdrawn = "WITHDRAWN".equals(p.status()) ? published.plus(java.time.Duration.ofDays(10)) : null;
        jdbc.sql("""
                insert into council_document (collectivity_id, kind, title_ar, title_fr, description_ar, description_fr, document_date,
                    document_year, reference, search_text, storage_key, file_name, content_type, file_extension, size_bytes, status,
                    published_at, withdrawn_at, withdrawal_reason, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pdf', ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), p.kind().name(), p.titleAr(), p.titleFr(), p.descriptionAr(), p.descriptionFr(), date, year, reference,
                        m.searchText(), key, p.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + date + ".pdf",
                        DocumentFile.Type.PDF.contentType, (long) pdf.length, p.status(), Sql.at(published), Sql.at(withdrawn),
                        p.withdrawalReason(), staff, Sql.at(date.plusDays(1).atStartOfDay(Morocco.ZONE).toInstant()))
                .update();
    }
}
