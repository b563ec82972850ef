package ma.opencommune.information.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.information.InformationEvents.Step;
import ma.opencommune.information.InformationRules;
import ma.opencommune.information.LegalClock;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data (DESIGN.md contract): Taroudant's information requests over the last 14 months in every state, with
 * due dates from the legal clock and a coherent history, some published, two with complaints (ATI-8, ATI-9), the
 * proactive register (ATI-11), and a few Agadir requests so that tenancy shows. The requesters' identities are
 * invented; their CINs are sealed like real ones (PDP-2).
 */
@Component
@Order(40)
class DemoInformation implements ApplicationRunner {

    /** The kinds of demo requests. */
    enum Kind { OPEN, URGENT, OVERDUE, CLARIFICATION, CLARIFIED, EXTENDED, FULL, PARTIAL, EXTENDED_FULL, LATE_FULL, REFUSED, TRANSFERRED,
        WITHDRAWN, UNCLEAR }

    /** One demo request: received {@code daysAgo}, by whom, on which topic, how it ended; {@code ground} for refusals. */
    record Plan(int daysAgo, String account, boolean arabic, int topic, Kind kind, String ground, boolean published) {
    }

    /** A subject in both languages with a description and the answer staff gave. */
    record Topic(String subjectAr, String descriptionAr, String answerAr, String subjectFr, String descriptionFr, String answerFr) {
    }

    private record Person(String firstName, String lastName, String address, String cin, String email) {
    }

    static final List<Topic> TOPICS = List.of(
            new Topic("الميزانية السنوية للجماعة", "أطلب نسخة من الميزانية المصادق عليها للسنة الجارية مع تفصيل نفقات التسيير والتجهيز.",
                    "تجدون رفقته الميزانية المصادق عليها في دورة أكتوبر مع جداول النفقات حسب الأبواب.",
                    "Budget annuel de la commune", "Je demande une copie du budget voté de l’année en cours, avec le détail des dépenses de fonctionnement et d’équipement.",
                    "Vous trouverez ci-joint le budget adopté lors de la session d’octobre, avec les tableaux de dépenses par chapitre."),
            new Topic("رسوم السوق الأسبوعي", "ما هي تعريفة الرسوم المفروضة على التجار في السوق الأسبوعي وما هو القرار الجبائي المحدد لها؟",
                    "الرسوم محددة بالقرار الجبائي رقم 3 لسنة 2024، ونرفق جدول التعريفات المطبقة حاليا.",
                    "Droits de place du souk hebdomadaire", "Quels sont les tarifs des droits de place payés par les commerçants au souk hebdomadaire et quel arrêté fiscal les fixe ?",
                    "Les droits sont fixés par l’arrêté fiscal n° 3 de 2024 ; le barème appliqué est joint."),
            new Topic("أشغال شبكة الماء الصالح للشرب", "أرغب في معرفة الجدول الزمني لأشغال توسيع شبكة الماء بحي الأمل والمقاولة المكلفة بها.",
                    "الأشغال مبرمجة على ثلاث مراحل إلى غاية نهاية السنة؛ نرفق محضر افتتاح الأظرفة وجدول الإنجاز.",
                    "Travaux du réseau d’eau potable", "Je souhaite connaître le calendrier des travaux d’extension du réseau d’eau au quartier Al Amal et l’entreprise qui les réalise.",
                    "Les travaux sont programmés en trois tranches jusqu’à la fin de l’année ; le procès-verbal d’ouverture des plis et le planning sont joints."),
            new Topic("النقل المدرسي بالدواوير", "كم عدد الحافلات المخصصة للنقل المدرسي وما هي الدواوير المستفيدة خلال هذا الموسم؟",
                    "تتوفر الجماعة على 7 حافلات تخدم 14 دوارا؛ نرفق لائحة المسارات.",
                    "Transport scolaire dans les douars", "Combien de bus sont affectés au transport scolaire et quels douars en bénéficient cette année ?",
                    "La commune dispose de 7 bus desservant 14 douars ; la liste des circuits est jointe."),
            new Topic("توسيع المقبرة", "أطلب معلومات حول مشروع توسيع المقبرة: الوعاء العقاري، الكلفة، وتاريخ انطلاق الأشغال.",
                    "تمت تعبئة وعاء عقاري مساحته هكتاران؛ الكلفة التقديرية والبرمجة مرفقة.",
                    "Extension du cimetière", "Je demande des informations sur le projet d’extension du cimetière : le terrain, le coût et la date de début des travaux.",
                    "Un terrain de deux hectares a été mobilisé ; le coût estimé et la programmation sont joints."),
            new Topic("مداولات المجلس حول الإنارة العمومية", "أطلب نسخة من مقرر المجلس المتعلق بصفقة الإنارة العمومية ونتيجة التصويت.",
                    "نرفق المقرر رقم 12 ومحضر التصويت كما صودق عليه في الدورة العادية.",
                    "Délibération sur l’éclairage public", "Je demande copie de la délibération du conseil sur le marché de l’éclairage public et le résultat du vote.",
                    "Ci-joint la délibération n° 12 et le procès-verbal du vote tels qu’adoptés en session ordinaire."),
            new Topic("الدعم الممنوح للجمعيات", "ما هي الجمعيات المستفيدة من منح الجماعة هذه السنة ومبلغ كل منحة؟",
                    "نرفق لائحة الجمعيات المستفيدة والمبالغ الممنوحة ومعايير الانتقاء.",
                    "Subventions aux associations", "Quelles associations ont reçu une subvention de la commune cette année et pour quel montant ?",
                    "La liste des associations bénéficiaires, les montants et les critères de sélection sont joints."),
            new Topic("رخص البناء المسلمة", "أطلب عدد رخص البناء المسلمة خلال السنة الماضية حسب الأحياء.",
                    "تم تسليم 184 رخصة؛ التوزيع حسب الأحياء في الجدول المرفق.",
                    "Permis de construire délivrés", "Je demande le nombre de permis de construire délivrés l’an dernier, par quartier.",
                    "184 permis ont été délivrés ; la répartition par quartier figure dans le tableau joint."),
            new Topic("تدبير النفايات المنزلية", "أطلب نسخة من عقد التدبير المفوض لجمع النفايات ودفتر التحملات.",
                    "نرفق دفتر التحملات؛ أما العقد فيتضمن معطيات تجارية محمية جزئيا.",
                    "Gestion des déchets ménagers", "Je demande copie du contrat de gestion déléguée de la collecte des déchets et de son cahier des charges.",
                    "Le cahier des charges est joint ; le contrat contient des données commerciales en partie protégées."),
            new Topic("صيانة الطرق القروية", "ما هي المقاطع الطرقية المبرمجة للصيانة هذه السنة وما كلفتها؟",
                    "نرفق لائحة المقاطع المبرمجة (32 كلم) والكلفة الإجمالية.",
                    "Entretien des pistes rurales", "Quels tronçons de pistes sont programmés pour entretien cette année et pour quel coût ?",
                    "La liste des tronçons programmés (32 km) et le coût total sont joints."));

    static final List<Plan> TAROUDANT = List.of(
            new Plan(2, "citizen@opencommune.demo", true, 0, Kind.OPEN, null, false),
            new Plan(6, "resident@opencommune.demo", false, 3, Kind.OPEN, null, false),
            new Plan(9, "citizen@opencommune.demo", false, 2, Kind.URGENT, null, false),
            new Plan(12, "body@taroudant.demo", true, 6, Kind.OPEN, null, false),
            new Plan(16, "resident@opencommune.demo", true, 4, Kind.CLARIFICATION, null, false),
            new Plan(19, "citizen@opencommune.demo", false, 9, Kind.CLARIFIED, null, false),
            new Plan(35, "citizen@opencommune.demo", true, 8, Kind.EXTENDED, null, false),
            new Plan(38, "body@taroudant.demo", false, 7, Kind.EXTENDED, null, false),
            new Plan(48, "resident@opencommune.demo", true, 1, Kind.OVERDUE, null, false),
            new Plan(24, "coordinator@opencommune.demo", false, 5, Kind.WITHDRAWN, null, false),
            new Plan(40, "citizen@opencommune.demo", true, 5, Kind.FULL, null, true),
            new Plan(55, "resident@opencommune.demo", false, 0, Kind.FULL, null, true),
            new Plan(63, "citizen@opencommune.demo", false, 3, Kind.PARTIAL, null, false),
            new Plan(75, "body@taroudant.demo", true, 2, Kind.REFUSED, "IN_PREPARATION", true),
            new Plan(84, "citizen@opencommune.demo", true, 7, Kind.TRANSFERRED, null, false),
            new Plan(95, "resident@opencommune.demo", false, 4, Kind.UNCLEAR, null, false),
            new Plan(104, "citizen@opencommune.demo", false, 1, Kind.EXTENDED_FULL, null, true),
            new Plan(118, "coordinator@opencommune.demo", true, 9, Kind.FULL, null, false),
            new Plan(131, "citizen@opencommune.demo", true, 8, Kind.REFUSED, "EXCEPTION_ART7", true),
            new Plan(147, "resident@opencommune.demo", true, 6, Kind.LATE_FULL, null, false),
            new Plan(160, "body@taroudant.demo", false, 0, Kind.REFUSED, "ALREADY_PUBLISHED", true),
            new Plan(176, "citizen@opencommune.demo", false, 2, Kind.PARTIAL, null, true),
            new Plan(190, "resident@opencommune.demo", true, 3, Kind.FULL, null, false),
            new Plan(205, "citizen@opencommune.demo", true, 4, Kind.REFUSED, "UNCLEAR_REQUEST", false),
            new Plan(222, "coordinator@opencommune.demo", false, 5, Kind.WITHDRAWN, null, false),
            new Plan(240, "citizen@opencommune.demo", false, 7, Kind.REFUSED, "NOT_HELD", true),
            new Plan(258, "resident@opencommune.demo", true, 9, Kind.FULL, null, true),
            new Plan(275, "body@taroudant.demo", true, 1, Kind.TRANSFERRED, null, false),
            new Plan(292, "citizen@opencommune.demo", true, 8, Kind.REFUSED, "EXCEPTION_ART7", false),
            new Plan(310, "resident@opencommune.demo", false, 6, Kind.LATE_FULL, null, false),
            new Plan(327, "citizen@opencommune.demo", false, 0, Kind.REFUSED, "REPEATED_REQUEST", false),
            new Plan(341, "coordinator@opencommune.demo", true, 2, Kind.FULL, null, true),
            new Plan(356, "citizen@opencommune.demo", true, 3, Kind.PARTIAL, null, false),
            new Plan(370, "resident@opencommune.demo", false, 4, Kind.REFUSED, "ARCHIVED", true),
            new Plan(384, "body@taroudant.demo", false, 5, Kind.UNCLEAR, null, false),
            new Plan(397, "citizen@opencommune.demo", true, 7, Kind.EXTENDED_FULL, null, false),
            new Plan(410, "resident@opencommune.demo", true, 9, Kind.FULL, null, true),
            new Plan(420, "citizen@opencommune.demo", false, 6, Kind.REFUSED, "NOT_HELD", false));

    static final List<Plan> AGADIR = List.of(
            new Plan(5, "citizen@opencommune.demo", false, 1, Kind.OPEN, null, false),
            new Plan(60, "resident@opencommune.demo", true, 0, Kind.FULL, null, true),
            new Plan(150, "citizen@opencommune.demo", true, 2, Kind.REFUSED, "NOT_HELD", false));

    private static final Map<String, Person> PEOPLE = Map.of(
            "citizen@opencommune.demo", new Person("Fatima", "Aït Lahcen", "Derb Sidi Boutaleb 14, Taroudant", "JB123456", "citizen@opencommune.demo"),
            "resident@opencommune.demo", new Person("Youssef", "Bouzid", "Hay Al Amal, rue 7 n° 21, Taroudant", "J456789", "resident@opencommune.demo"),
            "body@taroudant.demo", new Person("Khadija", "Ouhammou", "Douar Tamaloukt, Taroudant", "JE334455", "body@taroudant.demo"),
            "coordinator@opencommune.demo", new Person("Hassan", "Amrani", "Avenue Mohammed V 3, Agadir", "JA998877", "coordinator@opencommune.demo"));

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WorkingDays workingDays;
    private final LegalClock legalClock;
    private final InformationRules rules;
    private final PersonalNumbers numbers;

    DemoInformation(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock, WorkingDays workingDays, InformationRules rules,
            PersonalNumbers numbers) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
        this.workingDays = workingDays;
        this.legalClock = new LegalClock(rules);
        this.rules = rules;
        this.numbers = numbers;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Long taroudant = collectivity("taroudant");
        if (taroudant == null || jdbc.sql("select count(*) from info_request where collectivity_id = ?").param(taroudant)
                .query(Integer.class).single() > 0) {
            return;
        }
        tx.executeWithoutResult(s -> {
            LocalDate today = LocalDate.now(clock.withZone(Morocco.ZONE));
            Long officer = account("information@taroudant.demo");
            officer = officer != null ? officer : account("staff@taroudant.demo");
            Map<Plan, Long> ids = load(taroudant, TAROUDANT, officer, today);
            complaints(taroudant, ids, officer, today);
            register(taroudant, today);
            Long agadir = collectivity("agadir");
            if (agadir != null) {
                Long agadirOfficer = account("information@agadir.demo");
                load(agadir, AGADIR, agadirOfficer != null ? agadirOfficer : account("staff@agadir.demo"), today);
            }
        });
    }

    private Long collectivity(String slug) {
        return jdbc.sql("select id from collectivity where slug = ?").param(slug).query(Long.class).optional().orElse(null);
    }

    private Long account(String email) {
        return jdbc.sql("select id from account where email_normalized = ?").param(email).query(Long.class).optional().orElse(null);
    }

    private Map<Plan, Long> load(long collectivity, List<Plan> plans, Long officer, LocalDate today) {
        String code = jdbc.sql("select code from collectivity where id = ?").param(collectivity).query(String.class).single();
        List<Plan> ordered = new ArrayList<>(plans);
        ordered.sort((a, b) -> Integer.compare(b.daysAgo(), a.daysAgo()));
        Map<Integer, Integer> sequence = new HashMap<>();
        Map<Plan, Long> ids = new HashMap<>();
        for (Plan p : ordered) {
            LocalDate received = today.minusDays(p.daysAgo());
            int number = sequence.merge(received.getYear(), 1, Integer::sum);
            ids.put(p, request(collectivity, String.format("%s-%d-%06d", code, received.getYear(), number), p, received, officer, today));
        }
        // Filing continues the numbering where the demo stops (tracking numbers are unique).
        sequence.forEach((year, last) -> jdbc.sql("insert into info_sequence (collectivity_id, year, last_value) values (?,?,?)")
                .params(collectivity, year, last).update());
        return ids;
    }

    private long request(long collectivity, String tracking, Plan p, LocalDate received, Long officer, LocalDate today) {
        Topic t = TOPICS.get(p.topic());
        Person who = PEOPLE.get(p.account());
        PersonalNumbers.Sealed cin = numbers.seal(who.cin()).orElseThrow();
        boolean urgent = p.kind() == Kind.URGENT;
        Instant receivedAt = at(received, 9 + p.daysAgo() % 8);
        List<LegalClock.Pause> pauses = new ArrayList<>();
        List<Object[]> steps = new ArrayList<>();
        LocalDate due0 = due(received, urgent, false, pauses);
        steps.add(step(receivedAt, null, Step.FILED, null, due0, null));
        String status;
        LocalDate due = due0;
        LocalDate extendedOn = null;
        String extensionReason = null;
        LocalDate pausedSince = null;
        LocalDate closedOn = null;
        String answerKind = null;
        String answer = null;
        String ground = null;
        String reasoning = null;
        String transferTo = null;
        LocalDate asked = null;
        LocalDate answered = null;
        String question = p.arabic() ? "المرجو تحديد الفترة الزمنية والوثائق المقصودة بدقة." : "Merci de préciser la période et les documents visés.";
        switch (p.kind()) {
            case OPEN, URGENT, OVERDUE -> status = "RECEIVED";
            case CLARIFICATION -> {
                status = "CLARIFICATION";
                asked = received.plusDays(3);
                pausedSince = asked;
            }
            case CLARIFIED -> {
                status = "RECEIVED";
                asked = received.plusDays(2);
                answered = received.plusDays(9);
            }
            case EXTENDED, EXTENDED_FULL -> {
                extendedOn = due0.minusDays(2);
                extensionReason = p.topic() % 2 == 0 ? "LARGE_VOLUME" : "THIRD_PARTY_CONSULTATION";
                due = due(received, false, true, pauses);
                status = "EXTENDED";
            }
            case UNCLEAR -> {
                asked = received.plusDays(3);
                closedOn = asked.plusDays(rules.unclarifiedCloseDays() + 1);
                status = "CLOSED_UNCLEAR";
                ground = "UNCLEAR_REQUEST";
                reasoning = p.arabic() ? "لم يتم توضيح الطلب داخل الأجل رغم طلب التوضيح." : "La demande n’a pas été précisée dans le délai malgré la demande de clarification.";
            }
            default -> status = null;
        }
        if (asked != null) {
            steps.add(step(at(asked, 11), officer, Step.CLARIFICATION_ASKED, null, null, null));
            if (answered != null) {
                pauses.add(new LegalClock.Pause(asked, answered));
                LocalDate before = due;
                due = due(received, false, false, pauses);
                steps.add(step(at(answered, 18), null, Step.CLARIFIED, before, due, null));
            }
        }
        if (extendedOn != null) {
            steps.add(step(at(extendedOn, 12), officer, Step.EXTENDED, due0, due, extensionReason));
        }
        if (officer != null && p.daysAgo() > 4) {
            steps.add(step(at(received.plusDays(1), 10), officer, Step.ASSIGNED, null, null, String.valueOf(officer)));
        }
        if (status == null || p.kind() == Kind.EXTENDED_FULL) {
            closedOn = switch (p.kind()) {
                case LATE_FULL -> workingDays.addWorkingDays(due, 4);
                case EXTENDED_FULL -> workingDays.addWorkingDays(due0, 9);
                case WITHDRAWN -> received.plusDays(5);
                default -> workingDays.addWorkingDays(received, 8 + p.daysAgo() % 9);
            };
            switch (p.kind()) {
                case FULL, LATE_FULL, EXTENDED_FULL -> {
                    status = "ANSWERED";
                    answerKind = "FULL";
                    answer = p.arabic() ? t.answerAr() : t.answerFr();
                }
                case PARTIAL -> {
                    status = "PARTLY_ANSWERED";
                    answerKind = "PARTIAL";
                    answer = (p.arabic() ? t.answerAr() : t.answerFr()) + (p.arabic()
                            ? " أما باقي المعلومات فتتضمن معطيات شخصية لأغيار (المادة 7)."
                            : " Le reste contient des données personnelles de tiers (article 7).");
                }
                case REFUSED -> {
                    status = "REFUSED";
                    ground = p.ground();
                    reasoning = reasoning(p.ground(), p.arabic());
                    if ("UNCLEAR_REQUEST".equals(ground)) {
                        LocalDate q = received.plusDays(2);
                        LocalDate a = received.plusDays(6);
                        pauses.add(new LegalClock.Pause(q, a));
                        asked = q;
                        answered = a;
                        steps.add(step(at(q, 11), officer, Step.CLARIFICATION_ASKED, null, null, null));
                        LocalDate before = due;
                        due = due(received, false, false, pauses);
                        steps.add(step(at(a, 17), null, Step.CLARIFIED, before, due, null));
                        closedOn = workingDays.addWorkingDays(a, 3);
                    }
                }
                case TRANSFERRED -> {
                    status = "TRANSFERRED";
                    transferTo = p.arabic() ? "المكتب الوطني للكهرباء والماء الصالح للشرب - قطاع الماء" : "ONEE – branche eau, direction régionale du Souss-Massa";
                }
                case WITHDRAWN -> status = "WITHDRAWN";
                default -> throw new IllegalStateException(p.kind().name());
            }
        }
        Instant closedAt = closedOn == null ? null : at(closedOn, 15);
        if (closedOn != null) {
            Step closing = switch (status) {
                case "ANSWERED", "PARTLY_ANSWERED" -> Step.ANSWERED;
                case "REFUSED" -> Step.REFUSED;
                case "TRANSFERRED" -> Step.TRANSFERRED;
                case "WITHDRAWN" -> Step.WITHDRAWN;
                default -> Step.CLOSED_UNCLEAR;
            };
            String detail = closing == Step.ANSWERED ? answerKind : closing == Step.REFUSED ? ground : closing == Step.TRANSFERRED ? transferTo : null;
            steps.add(step(closedAt, closing == Step.WITHDRAWN ? null : officer, closing, null, null, detail));
        }
        Instant publishedAt = p.published() && closedAt != null ? closedAt.plusSeconds(2 * 86_400L) : null;
        String subject = p.arabic() ? t.subjectAr() : t.subjectFr();
        String description = p.arabic() ? t.descriptionAr() : t.descriptionFr();
        String publishedAnswer = publishedAt == null ? null : answer != null ? answer : reasoning;
        if (publishedAt != null) {
            steps.add(step(publishedAt, officer, Step.PUBLISHED, null, null, null));
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into info_request (collectivity_id, tracking_number, requester_id, first_name, last_name, postal_address, cin_cipher,
                    cin_hash, cin_hint, email, subject, description, delivery, urgent, urgency_reason, lang, status, received_at, received_on,
                    due_on, extended_on, extension_reason, paused_since, assigned_to, closed_at, closed_on, working_days_taken, answer_kind,
                    answer_text, refusal_ground, refusal_reasoning, transfer_to, transfer_note, published_at, published_subject,
                    published_description, published_answer, search_text)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(collectivity, tracking, account(p.account()), who.firstName(), who.lastName(), who.address(), cin.cipher(), cin.hash(),
                        cin.hint(), who.email(), subject, description, p.topic() % 3 == 0 ? "POSTAL" : p.topic() % 3 == 1 ? "PICKUP" : "EMAIL",
                        urgent, urgent ? (p.arabic() ? "انقطاع الماء عن مركز صحي يهدد سلامة المرضى." : "Une coupure d’eau au centre de santé menace la sécurité des patients.") : null,
                        p.arabic() ? "ar" : "fr", status, Sql.at(receivedAt), received, due, extendedOn, extensionReason, pausedSince,
                        p.daysAgo() > 4 ? officer : null, Sql.at(closedAt), closedOn,
                        closedOn == null ? null : Math.max(0, workingDays.workingDaysBetween(received, closedOn)), answerKind, answer, ground,
                        reasoning, transferTo, null, Sql.at(publishedAt), publishedAt == null ? null : subject,
                        publishedAt == null ? null : description, publishedAnswer,
                        publishedAt == null ? null : ma.opencommune.platform.TextFold.fold(subject + " " + description + " " + publishedAnswer))
                .update(key, "id");
        long id = key.getKey().longValue();
        if (asked != null) {
            jdbc.sql("insert into info_clarification (request_id, collectivity_id, asked_by, asked_at, asked_on, question, answered_at, answered_on, answer)"
                    + " values (?,?,?,?,?,?,?,?,?)")
                    .params(id, collectivity, officer, Sql.at(at(asked, 11)), asked, question, answered == null ? null : Sql.at(at(answered, 18)),
                            answered, answered == null ? null : (p.arabic() ? "المقصود وثائق السنتين الأخيرتين." : "Il s’agit des documents des deux dernières années."))
                    .update();
        }
        for (Object[] s : steps) {
            jdbc.sql("insert into info_request_event (request_id, collectivity_id, at, actor_id, kind, internal, previous_due_on, due_on, detail)"
                    + " values (?,?,?,?,?,?,?,?,?)")
                    .params(id, collectivity, s[0], s[1], s[2], Step.valueOf((String) s[2]).internal(), s[3], s[4], s[5]).update();
        }
        return id;
    }

    private LocalDate due(LocalDate received, boolean urgent, boolean extended, List<LegalClock.Pause> pauses) {
        return legalClock.due(new LegalClock.Inputs(received, urgent, extended, pauses), workingDays);
    }

    private static Object[] step(Instant at, Long actor, Step step, LocalDate previousDue, LocalDate due, String detail) {
        return new Object[] {Sql.at(at), actor, step.name(), previousDue, due, detail};
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(Morocco.ZONE).toInstant();
    }

    private static String reasoning(String ground, boolean arabic) {
        return switch (ground) {
            case "NOT_HELD" -> arabic ? "الجماعة لا تتوفر على هذه المعلومات؛ فهي من اختصاص العمالة." : "La commune ne détient pas cette information : elle relève de la province.";
            case "EXCEPTION_ART7" -> arabic ? "تتضمن الوثائق معطيات شخصية لأغيار محمية بموجب المادة 7 من القانون 31.13."
                    : "Les documents contiennent des données personnelles de tiers protégées par l’article 7 de la loi 31-13.";
            case "ALREADY_PUBLISHED" -> arabic ? "المعلومات منشورة في سجل النشر الاستباقي للجماعة (الميزانية)." : "L’information est déjà publiée dans le registre de publication proactive (budget).";
            case "REPEATED_REQUEST" -> arabic ? "سبق تقديم نفس الطلب هذه السنة وتم تسليم المعلومات." : "La même demande a déjà été faite cette année et l’information fournie.";
            case "UNCLEAR_REQUEST" -> arabic ? "رغم التوضيح المقدم، لم يتسن تحديد الوثائق المطلوبة." : "Malgré la clarification, les documents demandés n’ont pu être identifiés.";
            case "IN_PREPARATION" -> arabic ? "التقرير في طور الإعداد وسينشر بعد مصادقة المجلس." : "Le rapport est en cours d’élaboration et sera publié après adoption par le conseil.";
            default -> arabic ? "تم إيداع هذه الوثائق لدى مؤسسة أرشيف المغرب." : "Ces documents ont été versés à Archives du Maroc.";
        };
    }

    /** ATI-8 and ATI-9: a complaint to the head rejected then taken to the CDAI; another to the head, still pending. */
    private void complaints(long collectivity, Map<Plan, Long> ids, Long officer, LocalDate today) {
        Plan art7 = TAROUDANT.stream().filter(p -> "EXCEPTION_ART7".equals(p.ground())).max((a, b) -> a.daysAgo() - b.daysAgo()).orElseThrow();
        long first = ids.get(art7);
        LocalDate closed = jdbc.sql("select closed_on from info_request where id = ?").param(first).query(LocalDate.class).single();
        LocalDate headFiled = workingDays.addWorkingDays(closed, 6);
        LocalDate headOutcome = headFiled.plusDays(12);
        complaint(first, collectivity, "HEAD", headFiled, workingDays.addWorkingDays(closed, rules.headComplaintWindowWorkingDays()),
                headFiled.plusDays(rules.headAnswerDays()), "REJECTED", headOutcome, officer,
                "أطعن في قرار الرفض لأن المعلومات المطلوبة تتعلق بصفقة عمومية وليس بأشخاص.",
                "تم تأكيد الرفض مع اقتراح تسليم نسخة بعد حجب المعطيات الشخصية.", null);
        LocalDate cdaiFiled = headOutcome.plusDays(10);
        complaint(first, collectivity, "CDAI", cdaiFiled, headOutcome.plusDays(rules.cdaiWindowDays()), cdaiFiled.plusDays(rules.cdaiDecisionDays()),
                "PARTLY_UPHELD", cdaiFiled.plusDays(26), officer, "شكاية مرفوعة إلى لجنة الحق في الحصول على المعلومات.",
                "قررت اللجنة تسليم الوثائق بعد حجب المعطيات الشخصية.", "CDAI-2026-0142");
        Plan partial = TAROUDANT.stream().filter(p -> p.kind() == Kind.PARTIAL).min((a, b) -> a.daysAgo() - b.daysAgo()).orElseThrow();
        long second = ids.get(partial);
        LocalDate closed2 = jdbc.sql("select closed_on from info_request where id = ?").param(second).query(LocalDate.class).single();
        LocalDate filed2 = workingDays.addWorkingDays(closed2, 3).isAfter(today) ? today : workingDays.addWorkingDays(closed2, 3);
        complaint(second, collectivity, "HEAD", filed2, workingDays.addWorkingDays(closed2, rules.headComplaintWindowWorkingDays()),
                filed2.plusDays(rules.headAnswerDays()), null, null, null,
                "La réponse est partielle : je demande la partie non communiquée, après occultation des noms.", null, null);
    }

    private void complaint(long request, long collectivity, String level, LocalDate filed, LocalDate windowClosed, LocalDate due, String outcome,
            LocalDate outcomeOn, Long recordedBy, String body, String outcomeText, String reference) {
        jdbc.sql("insert into info_complaint (request_id, collectivity_id, level, filed_at, filed_on, window_closed_on, due_on, body, reference,"
                + " outcome, outcome_text, outcome_on, recorded_by) values (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(request, collectivity, level, Sql.at(at(filed, 10)), filed, windowClosed, due, body, reference, outcome, outcomeText,
                        outcomeOn, outcome == null ? null : recordedBy).update();
        insertStep(request, collectivity, at(filed, 10), null, Step.COMPLAINT_FILED, level);
        if (outcome != null) {
            insertStep(request, collectivity, at(outcomeOn, 14), recordedBy, Step.COMPLAINT_DECIDED, level + " " + outcome);
        }
    }

    private void insertStep(long request, long collectivity, Instant at, Long actor, Step step, String detail) {
        jdbc.sql("insert into info_request_event (request_id, collectivity_id, at, actor_id, kind, internal, detail) values (?,?,?,?,?,?,?)")
                .params(request, collectivity, Sql.at(at), actor, step.name(), step.internal(), detail).update();
    }

    /** ATI-11: the register of what the commune publishes without being asked; two entries are past their update date. */
    private void register(long collectivity, LocalDate today) {
        Object[][] items = {
            {"BUDGET", "الميزانية المصادق عليها 2026", "Budget adopté 2026", "ⵜⴰⵙⵎⵉⴽⵙⵜ 2026", "/fr/c/taroudant/council", 40, "YEARLY", 325},
            {"BUDGET", "الحساب الإداري 2025", "Compte administratif 2025", null, "/fr/c/taroudant/council", 200, "YEARLY", 165},
            {"DELIBERATIONS", "مقررات الدورة العادية لشهر أكتوبر", "Délibérations de la session ordinaire d’octobre", null, "/fr/c/taroudant/council", 30, "QUARTERLY", 60},
            {"DELIBERATIONS", "جدول أعمال الدورات", "Ordres du jour des sessions", null, "/fr/c/taroudant/council", 130, "QUARTERLY", -40},
            {"PROGRAMS_PROJECTS", "برنامج عمل الجماعة 2022-2027", "Programme d’action de la commune 2022-2027", "ⴰⵖⴰⵡⴰⵙ ⵏ ⵜⵊⵎⴰⵄⵜ", "/fr/c/taroudant/program", 90, "YEARLY", 275},
            {"PROCUREMENT", "طلبات العروض الجارية", "Appels d’offres en cours", null, "/fr/c/taroudant/council", 12, "MONTHLY", 18},
            {"PROCUREMENT", "نتائج الصفقات المبرمة 2025", "Résultats des marchés conclus 2025", null, "/fr/c/taroudant/council", 260, "HALF_YEARLY", -78},
            {"SERVICES", "دليل الخدمات الإدارية وشروط الحصول عليها", "Guide des services administratifs et pièces à fournir", null, "/fr/c/taroudant", 75, "ON_CHANGE", null},
            {"OFFICER_CONTACT", "الشخص المكلف بالحصول على المعلومات", "Chargé de l’accès à l’information : contact", "ⴰⵎⵙⵓⵍ ⵏ ⵓⵏⴰⵍⴽⵎ ⵖⵔ ⵉⵙⴰⵍⵍⵏ", "/fr/c/taroudant/information", 20, "ON_CHANGE", null},
            {"ORGANISATION", "الهيكل التنظيمي للإدارة الجماعية", "Organigramme de l’administration communale", null, "/fr/c/taroudant", 150, "YEARLY", 215},
            {"REPORTS", "تقرير هيئة المساواة وتكافؤ الفرص ومقاربة النوع", "Rapport de l’instance de l’équité, de l’égalité des chances et de l’approche genre", null, "/fr/c/taroudant/program", 100, "YEARLY", 265},
        };
        Instant now = Instant.now(clock);
        for (Object[] i : items) {
            LocalDate updated = today.minusDays((Integer) i[5]);
            LocalDate next = i[7] == null ? null : today.plusDays((Integer) i[7]);
            jdbc.sql("insert into info_proactive_item (collectivity_id, category, title_ar, title_fr, title_zgh, url, last_updated_on, frequency,"
                    + " next_update_due, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?)")
                    .params(collectivity, i[0], i[1], i[2], i[3], i[4], updated, i[6], next, Sql.at(at(updated, 9)), Sql.at(now)).update();
        }
    }
}
