package ma.opencommune.territory.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo territory once: Morocco's 12 regions (RGPH 2014 populations), Souss-Massa's prefectures and
 * provinces, a few communes (Taroudant, Agadir, one under 35,000 inhabitants, one with arrondissements), their
 * network membership and consultative bodies. Tifinagh names without an official form are marked as
 * transliterations.
 */
@Component
@Order(10)
class DemoTerritory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTerritory.class);

    /** Tifinagh transliterations of the region names, keyed by slug. */
    private static final Map<String, String> REGION_ZGH = Map.ofEntries(
            Map.entry("tanger-tetouan-al-hoceima", "ⵜⴰⵏⴳⵉⵔ-ⵜⵉⵟⵟⴰⵡⵉⵏ-ⵍⵃⵓⵙⵉⵎⴰ"),
            Map.entry("oriental", "ⴰⴳⵎⵎⵓⴹ"),
            Map.entry("fes-meknes", "ⴼⴰⵙ-ⵎⴽⵏⴰⵙ"),
            Map.entry("rabat-sale-kenitra", "ⵔⵔⴱⴰⵟ-ⵙⵍⴰ-ⵇⵏⵉⵟⵔⴰ"),
            Map.entry("beni-mellal-khenifra", "ⴱⵏⵉ ⵎⵍⵍⴰⵍ-ⵅⵏⵉⴼⵔⴰ"),
            Map.entry("casablanca-settat", "ⴰⵏⴼⴰ-ⵙⵟⵟⴰⵜ"),
            Map.entry("marrakech-safi", "ⵎⵕⵕⴰⴽⵛ-ⴰⵙⴼⵉ"),
            Map.entry("draa-tafilalet", "ⴷⵔⵄⴰ-ⵜⴰⴼⵉⵍⴰⵍⵜ"),
            Map.entry("souss-massa", "ⵙⵓⵙ-ⵎⴰⵙⵙⴰ"),
            Map.entry("guelmim-oued-noun", "ⴳⵍⵎⵉⵎ-ⵡⴰⴷ ⵏⵓⵏ"),
            Map.entry("laayoune-sakia-el-hamra", "ⵍⵄⵢⵓⵏ-ⵙⴰⴳⵢⴰ ⵍⵃⵎⵔⴰ"),
            Map.entry("dakhla-oued-ed-dahab", "ⴷⴷⴰⵅⵍⴰ-ⵡⴰⴷ ⴷⴷⴰⵀⴰⴱ"));

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoTerritory(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock) {
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
        Integer existing = jdbc.sql("select count(*) from collectivity").query(Integer.class).single();
        if (existing > 0) {
            return;
        }
        tx.executeWithoutResult(status -> load());
        log.info("Demo territory loaded");
    }

    private void load() {
        Map<String, Long> ids = new HashMap<>();
        int index = 0;
        for (String[] r : readRegions()) {
            index++;
            long id = insert(new Row(r[0], "R" + String.format("%02d", index), "REGION", null, null, r[2], r[1],
                    REGION_ZGH.getOrDefault(r[0], r[1]), true, Integer.parseInt(r[4]), 2014, false, "green"));
            ids.put(r[0], id);
            member(id, LocalDate.of(2023, 3, 1), "2023");
        }
        long soussMassa = ids.get("souss-massa");
        long marrakechSafi = ids.get("marrakech-safi");
        long agadirPref = insert(new Row("agadir-ida-outanane", "P-AGA", "PREFECTURE", soussMassa, soussMassa,
                "أكادير إداوتنان", "Agadir Ida-Outanane", "ⴰⴳⴰⴷⵉⵔ ⵉⴷⴰ ⵡⵜⵜⴰⵏⴰⵏ", true, 600599, 2014, false, "blue"));
        insert(new Row("inezgane-ait-melloul", "P-INZ", "PREFECTURE", soussMassa, soussMassa,
                "إنزكان آيت ملول", "Inezgane-Aït Melloul", "ⵉⵏⵣⴳⴰⵏ ⴰⵢⵜ ⵎⵍⵍⵓⵍ", true, 541118, 2014, false, "green"));
        insert(new Row("chtouka-ait-baha", "P-CHT", "PROVINCE", soussMassa, soussMassa,
                "اشتوكة آيت باها", "Chtouka-Aït Baha", "ⵛⵜⵓⴽⴰ ⴰⵢⵜ ⴱⴰⵀⴰ", true, 371102, 2014, false, "green"));
        long taroudantProv = insert(new Row("province-taroudant", "P-TRD", "PROVINCE", soussMassa, soussMassa,
                "تارودانت", "Taroudant", "ⵜⴰⵔⵓⴷⴰⵏⵜ", true, 838820, 2014, false, "green"));
        long tiznitProv = insert(new Row("province-tiznit", "P-TIZ", "PROVINCE", soussMassa, soussMassa,
                "تيزنيت", "Tiznit", "ⵜⵉⵣⵏⵉⵜ", true, 207909, 2014, false, "green"));
        insert(new Row("province-tata", "P-TAT", "PROVINCE", soussMassa, soussMassa,
                "طاطا", "Tata", "ⵟⴰⵟⴰ", true, 117841, 2014, false, "green"));
        member(taroudantProv, LocalDate.of(2023, 3, 1), "2023");
        long marrakechPref = insert(new Row("prefecture-marrakech", "P-MRK", "PREFECTURE", marrakechSafi, marrakechSafi,
                "مراكش", "Marrakech", "ⵎⵕⵕⴰⴽⵛ", true, 1330468, 2014, false, "terracotta"));

        long taroudant = insert(new Row("taroudant", "TRD", "COMMUNE", taroudantProv, soussMassa,
                "تارودانت", "Taroudant", "ⵜⴰⵔⵓⴷⴰⵏⵜ", true, 80149, 2014, false, "green"));
        contact(taroudant, "contact@taroudant.demo", "+212 5 28 85 00 00", "شارع محمد الخامس، تارودانت",
                "Avenue Mohammed V, Taroudant", "Fatima Zahra Amrani", "information@taroudant.demo", "+212 5 28 85 00 10");
        member(taroudant, LocalDate.of(2024, 5, 15), "2024");
        long agadir = insert(new Row("agadir", "AGA", "COMMUNE", agadirPref, soussMassa,
                "أكادير", "Agadir", "ⴰⴳⴰⴷⵉⵔ", true, 421844, 2014, false, "blue"));
        contact(agadir, "contact@agadir.demo", "+212 5 28 82 00 00", "شارع الحسن الثاني، أكادير",
                "Avenue Hassan II, Agadir", "Youssef Benali", "information@agadir.demo", "+212 5 28 82 00 10");
        member(agadir, LocalDate.of(2024, 5, 15), "2024");
        // Small commune (under 35,000 inhabitants: 100 signatories under PET-2). Population approximate.
        long tafraout = insert(new Row("tafraout", "TFR", "COMMUNE", tiznitProv, soussMassa,
                "تافراوت", "Tafraout", "ⵜⴰⴼⵔⴰⵡⵜ", true, 4931, 2014, false, "ochre"));
        member(tafraout, LocalDate.of(2024, 5, 15), "2024");
        insert(new Row("tiznit", "TIZ", "COMMUNE", tiznitProv, soussMassa,
                "تيزنيت", "Tiznit", "ⵜⵉⵣⵏⵉⵜ", true, 74699, 2014, false, "teal"));
        // Commune with arrondissements (400 signatories under PET-2).
        long marrakech = insert(new Row("marrakech", "MRK", "COMMUNE", marrakechPref, marrakechSafi,
                "مراكش", "Marrakech", "ⵎⵕⵕⴰⴽⵛ", true, 928850, 2014, true, "terracotta"));
        member(marrakech, LocalDate.of(2024, 5, 15), "2024");

        long gender = body(taroudant, "GENDER_EQUALITY", "هيئة المساواة وتكافؤ الفرص ومقاربة النوع",
                "Instance de l’équité, de l’égalité des chances et de l’approche genre",
                "ⵜⴰⵙⵏⵙⵉⵜ ⵏ ⵓⵏⵎⵙⴰⵡⴰ ⴷ ⵓⵏⵎⴰⵍⴰ ⵏ ⵜⵖⴰⵔⴰⵙⵉⵏ ⴷ ⵓⵎⵏⵣⴰⵖ ⵏ ⵓⵏⴰⵡ", LocalDate.of(2017, 2, 8));
        bodyMember(gender, taroudant, "Khadija Ait Lahcen", "Association Tifawin pour le développement", "PRESIDENT");
        bodyMember(gender, taroudant, "Rachid Ouhammou", "Association des parents d’élèves", "RAPPORTEUR");
        bodyMember(gender, taroudant, "Naima Bouzid", "Coopérative féminine Argan Souss", "MEMBER");
        bodyMember(gender, taroudant, "Samira El Idrissi", "Association Amal pour les personnes en situation de handicap", "MEMBER");
        long space = body(taroudant, "CONSULTATION_SPACE", "فضاء التشاور", "Espace de concertation", "ⴰⴳⵏⵙⵓ ⵏ ⵓⵎⵙⴰⵡⴰⵍ", LocalDate.of(2019, 10, 2));
        bodyMember(space, taroudant, "Mohamed Akhiat", "Réseau des associations de Taroudant", "PRESIDENT");
        bodyMember(space, taroudant, "Hassan Id Belkacem", "Association Souss pour l’environnement", "MEMBER");
        body(taroudant, "YOUTH_SPACE", "فضاء الشباب", "Espace des jeunes", "ⴰⴳⵏⵙⵓ ⵏ ⵉⵍⵎⵥⵢⴰⵏ", LocalDate.of(2021, 4, 20));
        long agadirGender = body(agadir, "GENDER_EQUALITY", "هيئة المساواة وتكافؤ الفرص ومقاربة النوع",
                "Instance de l’équité, de l’égalité des chances et de l’approche genre",
                "ⵜⴰⵙⵏⵙⵉⵜ ⵏ ⵓⵏⵎⵙⴰⵡⴰ ⴷ ⵓⵏⵎⴰⵍⴰ ⵏ ⵜⵖⴰⵔⴰⵙⵉⵏ ⴷ ⵓⵎⵏⵣⴰⵖ ⵏ ⵓⵏⴰⵡ", LocalDate.of(2016, 11, 30));
        bodyMember(agadirGender, agadir, "Latifa Oumouss", "Association Agadir femmes solidaires", "PRESIDENT");
    }

    private record Row(String slug, String code, String type, Long parent, Long region, String ar, String fr,
            String zgh, boolean transliterated, int population, int censusYear, boolean arrondissements, String accent) {
    }

    private long insert(Row r) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into collectivity (slug, code, type, parent_id, region_id, name_ar, name_fr, name_zgh,
                  name_zgh_transliterated, population, census_year, has_arrondissements, accent, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.slug, r.code, r.type, r.parent, r.region, r.ar, r.fr, r.zgh, r.transliterated,
                        r.population, r.censusYear, r.arrondissements, r.accent, ma.opencommune.platform.Sql.now(clock))
                .update(key, "id");
        long id = key.getKey().longValue();
        if ("REGION".equals(r.type)) {
            jdbc.sql("update collectivity set region_id = id where id = ?").param(id).update();
        }
        return id;
    }

    private void contact(long id, String email, String phone, String addressAr, String addressFr,
            String officer, String officerEmail, String officerPhone) {
        jdbc.sql("""
                update collectivity set contact_email = ?, contact_phone = ?, address_ar = ?, address_fr = ?,
                  info_officer_name = ?, info_officer_email = ?, info_officer_phone = ? where id = ?""")
                .params(email, phone, addressAr, addressFr, officer, officerEmail, officerPhone, id).update();
    }

    private void member(long id, LocalDate joined, String cohort) {
        jdbc.sql("insert into network_membership (collectivity_id, joined_on, cohort) values (?, ?, ?)")
                .params(id, joined, cohort).update();
    }

    private long body(long collectivity, String type, String ar, String fr, String zgh, LocalDate established) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into consultative_body (collectivity_id, type, name_ar, name_fr, name_zgh, established_on) values (?, ?, ?, ?, ?, ?)")
                .params(collectivity, type, ar, fr, zgh, established).update(key, "id");
        return key.getKey().longValue();
    }

    private void bodyMember(long body, long collectivity, String name, String organisation, String role) {
        jdbc.sql("insert into body_member (body_id, collectivity_id, full_name, organisation, member_role) values (?, ?, ?, ?, ?)")
                .params(body, collectivity, name, organisation, role).update();
    }

    private static List<String[]> readRegions() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/regions.csv").getInputStream(), StandardCharsets.UTF_8))) {
            return in.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new IllegalStateException("demo/regions.csv is unreadable", e);
        }
    }
}
