package ma.opencommune.program.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * Demo diagnosis and workshops (DESIGN.md contract), once, when Taroudant has no areas yet. The older process
 * (in monitoring) gets six areas of a commune action program rated by about twenty demo raters with realistic
 * scores, and two past workshops with attendance and minutes; the open one gets five areas with a few ratings
 * (residents can still rate) and an upcoming workshop open for registration. Everything is marked as demo.
 */
@Component
@Order(31)
class DemoDiagnosis implements ApplicationRunner {

    private static final int RATERS = 20;
    private static final String[] GENDERS = {"WOMAN", "MAN", "WOMAN", "MAN", null};
    /** Declared age bands of the twenty raters: most in working age, as at real consultations; some undeclared. */
    private static final String[] AGES = {"25_34", "35_49", "UNDER_25", "25_34", "35_49", "50_64", "25_34", "35_49", null, "25_34",
            "35_49", "UNDER_25", "25_34", "35_49", "50_64", "65_PLUS", "UNDER_25", "50_64", "35_49", "25_34"};

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoDiagnosis(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
    }

    /** Demo areas: titles in three scripts, and the typical importance and satisfaction residents give them. */
    private record AreaSeed(String ar, String fr, String zgh, double importance, double satisfaction) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Long taroudant = jdbc.sql("select id from collectivity where slug = 'taroudant'").query(Long.class).optional().orElse(null);
        if (taroudant == null || jdbc.sql("select count(*) from program_area where collectivity_id = ?").param(taroudant)
                .query(Integer.class).single() > 0) {
            return;
        }
        List<Long> processes = jdbc.sql("select id from program_process where collectivity_id = ? order by starts_on, id")
                .param(taroudant).query(Long.class).list();
        if (processes.size() < 2) {
            return;
        }
        tx.executeWithoutResult(s -> load(taroudant, processes.get(0), processes.get(1)));
    }

    private void load(long taroudant, long first, long second) {
        LocalDate today = LocalDate.now(clock.withZone(Morocco.ZONE));
        Random random = new Random(20261129L);
        List<Long> raters = raters();

        LocalDate a = phaseStart(first, "DIAGNOSIS");
        List<AreaSeed> firstAreas = List.of(
                new AreaSeed("طرق وإنارة المدينة العتيقة", "Voirie et éclairage de la médina", "ⵉⴱⵔⴷⴰⵏ ⴷ ⵜⴼⴰⵡⵜ ⵏ ⵍⵎⴷⵉⵏⵜ ⵜⴰⵇⴷⵉⵎⵜ", 4.3, 2.1),
                new AreaSeed("الماء الصالح للشرب والتطهير في الأحياء الهامشية", "Eau potable et assainissement des quartiers périphériques",
                        "ⴰⵎⴰⵏ ⵏ ⵜⵉⵙⵙⵉ ⴷ ⵓⵙⵣⴷⴳ ⴳ ⵉⴷⵖⴰⵔⵏ ⵏ ⵜⵉⵣⴳⵓⵔⵉⵏ", 4.7, 2.4),
                new AreaSeed("جمع النفايات المنزلية", "Collecte des déchets ménagers", "ⴰⵙⵎⵓⵏ ⵏ ⵉⵣⴱⴰⵍⵏ", 3.9, 2.9),
                new AreaSeed("الإدماج الاقتصادي للنساء والتعاونيات", "Inclusion économique des femmes et coopératives",
                        "ⴰⵙⵎⴷⵢ ⴰⴷⵎⵙⴰⵏ ⵏ ⵜⵎⵖⴰⵔⵉⵏ ⴷ ⵜⵉⵎⵙⵎⵓⵏⵉⵏ", 4.1, 2.3),
                new AreaSeed("مرافق الشباب والرياضة", "Équipements pour la jeunesse et le sport", "ⵉⵙⵎⵓⵙⵙⵓⵜⵏ ⵏ ⵜⵉⵎⵥⵉ ⴷ ⵡⴰⵏⴰⵔⵓⵣ", 3.6, 2.6),
                new AreaSeed("الخدمات الرقمية بالجماعة", "Services numériques de la commune", "ⵜⵉⵏⴰⴼⵓⵜⵉⵏ ⵜⵉⵎⵓⵟⵟⵓⵏⵉⵏ ⵏ ⵜⴳⵎⴰⵎⵜ", 3.2, 3.0));
        String[] comments = {
                "الإنارة منعدمة في عدة أزقة قرب باب الخميس (تعليق تجريبي).",
                "Les conduites d’eau du quartier sont anciennes, coupures fréquentes l’été (commentaire de démo).",
                "Il faudrait des horaires de collecte affichés et respectés (commentaire de démo).",
                "نحتاج إلى مواكبة التعاونيات النسائية في التسويق (تعليق تجريبي).",
                "Un terrain de proximité éclairé le soir pour les jeunes (commentaire de démo).",
                "Pouvoir demander un extrait d’acte en ligne éviterait des déplacements (commentaire de démo)."};
        List<Long> firstIds = areas(taroudant, first, firstAreas, a);
        rate(taroudant, first, firstIds, firstAreas, raters, random, a.plusDays(3), 0.9, comments);

        LocalDate b = phaseStart(second, "DIAGNOSIS");
        List<AreaSeed> secondAreas = List.of(
                new AreaSeed("النقل العمومي نحو الدواوير", "Transport public vers les douars", "ⴰⵙⵎⵓⵜⵜⴳ ⴰⵎⴰⵜⴰⵢ ⵖⵔ ⵉⴷⵡⵡⴰⵔⵏ", 4.4, 2.0),
                new AreaSeed("المساحات الخضراء وواحة النخيل", "Espaces verts et palmeraie", "ⵉⴷⵖⴰⵔⵏ ⵉⵣⴳⵣⴰⵡⵏ ⴷ ⵜⵣⵡⵓⵜ", 3.8, 2.7),
                new AreaSeed("نشر الوثائق الإدارية على الإنترنت", "Publication en ligne des documents administratifs",
                        "ⴰⵙⵙⵓⴼⵖ ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵏ ⵜⵏⴱⴰⴹⵜ ⴳ ⵓⵥⵟⵟⴰ", 3.5, 2.2),
                new AreaSeed("تهيئة السوق الأسبوعي", "Aménagement du souk hebdomadaire", "ⴰⵙⵡⵓⴷⴷⵓ ⵏ ⵓⵙⵓⵇ ⵏ ⵉⵎⴰⵍⴰⵙ", 3.9, 2.5),
                new AreaSeed("مواقيت المركز الصحي", "Horaires du centre de santé", "ⵉⴽⵓⴷⴰⵏ ⵏ ⵜⵎⵙⵙⵓⵊⵊⵓⵜ", 4.5, 2.3));
        List<Long> secondIds = areas(taroudant, second, secondAreas, b);
        // A few people have rated so far: the first six raters, on the first three areas.
        rate(taroudant, second, secondIds.subList(0, 3), secondAreas.subList(0, 3), raters.subList(0, 6), random, b.plusDays(2), 1.0, null);

        workshops(taroudant, first, second, today, raters, random);
    }

    private List<Long> raters() {
        String hash = jdbc.sql("select password_hash from account where email_normalized = 'citizen@opencommune.demo'")
                .query(String.class).optional().orElse("{noop}demo-disabled");
        String[] names = {"Fatima", "Youssef", "Aicha", "Brahim", "Khadija", "Lahcen", "Zineb", "Mohamed", "Hafsa", "Omar",
                "Naima", "Said", "Meryem", "Hassan", "Salma", "Rachid", "Itto", "Abdellah", "Latifa", "Mustapha"};
        Instant now = Instant.now(clock);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= RATERS; i++) {
            String email = "rater" + i + "@opencommune.demo";
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into account (email, email_normalized, password_hash, display_name, preferred_lang, email_confirmed_at,"
                    + " created_at, updated_at) values (?,?,?,?,?,?,?,?)")
                    .params(email, email, hash, names[i - 1] + " (démo)", i % 2 == 0 ? "fr" : "ar", Sql.at(now), Sql.at(now), Sql.at(now))
                    .update(key, "id");
            ids.add(key.getKey().longValue());
        }
        return ids;
    }

    private LocalDate phaseStart(long process, String kind) {
        return jdbc.sql("select starts_on from program_phase where process_id = ? and kind = ?").params(process, kind)
                .query(LocalDate.class).single();
    }

    private List<Long> areas(long collectivity, long process, List<AreaSeed> seeds, LocalDate day) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            AreaSeed s = seeds.get(i);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into program_area (process_id, collectivity_id, position, title_ar, title_fr, title_zgh, description_ar,"
                    + " description_fr, created_at) values (?,?,?,?,?,?,?,?,?)")
                    .params(process, collectivity, i + 1, s.ar(), s.fr(), s.zgh(),
                            "مشروع من برنامج عمل الجماعة. معطيات تجريبية.", "Projet du programme d’action de la commune. Données de démonstration.",
                            Sql.at(at(day.minusDays(5), 9)))
                    .update(key, "id");
            ids.add(key.getKey().longValue());
        }
        return ids;
    }

    /** Each rater rates most areas (share {@code coverage}) around the area's typical scores. */
    private void rate(long collectivity, long process, List<Long> areas, List<AreaSeed> seeds, List<Long> raters, Random random,
            LocalDate day, double coverage, String[] comments) {
        for (int r = 0; r < raters.size(); r++) {
            String gender = GENDERS[r % GENDERS.length];
            String age = AGES[r % AGES.length];
            for (int i = 0; i < areas.size(); i++) {
                if (random.nextDouble() > coverage) {
                    continue;
                }
                AreaSeed s = seeds.get(i);
                // Women rate the women's inclusion area as more important: the kind of gap the gender approach shows.
                double lift = "WOMAN".equals(gender) && i == 3 ? 0.6 : 0;
                String comment = comments != null && r % 7 == i ? comments[i] : null;
                Instant when = at(day.plusDays(r % 20), 10 + r % 8);
                jdbc.sql("insert into program_rating (area_id, process_id, collectivity_id, account_id, importance, satisfaction, comment,"
                        + " gender, age_band, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?)")
                        .params(areas.get(i), process, collectivity, raters.get(r), score(s.importance() + lift, random),
                                score(s.satisfaction(), random), comment, gender, age, Sql.at(when), Sql.at(when))
                        .update();
            }
        }
    }

    private static int score(double mean, Random random) {
        return (int) Math.max(1, Math.min(5, Math.round(mean + random.nextGaussian() * 0.8)));
    }

    private void workshops(long collectivity, long first, long second, LocalDate today, List<Long> raters, Random random) {
        LocalDate w = phaseStart(first, "WORKSHOPS");
        long hall = workshop(collectivity, first, "ورشة تشاركية حول أولويات البرنامج (تجريبية)", "Atelier participatif sur les priorités du programme (démo)",
                "ⴰⵙⵎⵓⵏ ⵏ ⵜⵡⵓⵔⵉ ⵅⴼ ⵜⵉⵣⵡⵉⵔⵉⵏ ⵏ ⵓⵖⴰⵡⴰⵙ",
                "1. Présentation des résultats du diagnostic\n2. Travail en groupes par domaine\n3. Restitution et priorités\n(ordre du jour de démonstration)",
                "IN_PERSON", "Salle des fêtes de la commune de Taroudant", null, at(w.plusDays(5), 10), at(w.plusDays(5), 13), 60);
        minutes(hall, "Compte rendu (démo) : 31 participantes et participants. Trois priorités se dégagent : l’eau potable des quartiers "
                + "périphériques, l’éclairage de la médina, l’accompagnement des coopératives féminines. Les propositions issues des "
                + "groupes sont versées au registre des propositions.", at(w.plusDays(7), 16));
        attendance(hall, collectivity, 14, 13, 4, random);
        long online = workshop(collectivity, first, "ورشة عن بعد حول الخدمات الرقمية (تجريبية)", "Atelier en ligne sur les services numériques (démo)",
                "ⴰⵙⵎⵓⵏ ⵏ ⵜⵡⵓⵔⵉ ⵅⴼ ⵜⵉⵏⴰⴼⵓⵜⵉⵏ ⵜⵉⵎⵓⵟⵟⵓⵏⵉⵏ",
                "Quels services de la commune mettre en ligne en premier ? (ordre du jour de démonstration)",
                "ONLINE", null, "https://visio.example.ma/taroudant-atelier-numerique", at(w.plusDays(20), 18), at(w.plusDays(20), 20), null);
        minutes(online, "Compte rendu (démo) : 18 personnes connectées. Demandes principales : extraits d’actes en ligne, suivi des "
                + "demandes d’autorisation, publication des délibérations.", at(w.plusDays(21), 11));
        attendance(online, collectivity, 9, 7, 2, random);
        for (int r = 0; r < 8; r++) {
            register(hall, raters.get(r), at(w.plusDays(1), 9));
            register(online, raters.get(r + 8), at(w.plusDays(10), 9));
        }

        LocalDate upcomingDay = today.plusDays(10);
        long upcoming = workshop(collectivity, second, "ورشة التشخيص التشاركي للأحياء (تجريبية)", "Atelier de diagnostic participatif des quartiers (démo)",
                "ⴰⵙⵎⵓⵏ ⵏ ⵜⵡⵓⵔⵉ ⵅⴼ ⵓⵙⵙⵉⴷⴷ ⵏ ⵉⴷⵖⴰⵔⵏ",
                "1. Accueil\n2. Cartographie des besoins par quartier\n3. Questions à la commune\n(ordre du jour de démonstration)",
                "IN_PERSON", "Maison de la jeunesse, avenue Mohammed V, Taroudant", null, at(upcomingDay, 10), at(upcomingDay, 12), 40);
        for (int r = 0; r < 7; r++) {
            register(upcoming, raters.get(r), at(today.minusDays(2), 9 + r));
        }
    }

    private long workshop(long collectivity, long process, String ar, String fr, String zgh, String agenda, String mode, String place,
            String url, Instant start, Instant end, Integer capacity) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_workshop (process_id, collectivity_id, title_ar, title_fr, title_zgh, agenda, mode, place, online_url,"
                + " starts_at, ends_at, capacity, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(process, collectivity, ar, fr, zgh, agenda, mode, place, url, Sql.at(start), Sql.at(end), capacity,
                        Sql.at(start.minusSeconds(30L * 86400)))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private void minutes(long workshop, String text, Instant at) {
        jdbc.sql("update program_workshop set minutes = ?, minutes_published_at = ? where id = ?").params(text, Sql.at(at), workshop).update();
    }

    private void attendance(long workshop, long collectivity, int women, int men, int undeclared, Random random) {
        String[] bands = {"UNDER_25", "25_34", "35_49", "50_64", "65_PLUS", null};
        int[][] groups = {{women}, {men}, {undeclared}};
        String[] genders = {"WOMAN", "MAN", null};
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < groups[g][0]; i++) {
                jdbc.sql("insert into program_attendance (workshop_id, collectivity_id, gender, age_band, recorded_at) values (?,?,?,?,?)")
                        .params(workshop, collectivity, genders[g], bands[random.nextInt(bands.length)], Sql.at(Instant.now(clock)))
                        .update();
            }
        }
    }

    private void register(long workshop, long account, Instant at) {
        jdbc.sql("insert into program_registration (workshop_id, account_id, registered_at) values (?,?,?)").params(workshop, account, Sql.at(at)).update();
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(Morocco.ZONE).toInstant();
    }
}
