package ma.opencommune.program.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * Demo data (DESIGN.md contract): Taroudant's two co-creation processes, with dates relative to the day the
 * data loads. The older one is in its monitoring phase; the newer one is open for proposals now. The demo
 * loaders of diagnosis, proposals, workshops, opinions and commitments (ordered after this one) find them as
 * Taroudant's processes in order of start date.
 */
@Component
@Order(30)
class DemoProgram implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoProgram(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock) {
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
        if (taroudant == null || jdbc.sql("select count(*) from program_process where collectivity_id = ?").param(taroudant)
                .query(Integer.class).single() > 0) {
            return;
        }
        tx.executeWithoutResult(s -> load(taroudant));
    }

    private void load(long taroudant) {
        LocalDate today = LocalDate.now(clock.withZone(Morocco.ZONE));
        Long manager = jdbc.sql("select id from account where email_normalized = 'staff@taroudant.demo'").query(Long.class).optional().orElse(null);

        LocalDate a = today.minusDays(420);
        long first = process(taroudant, manager, a, a.plusYears(3).minusDays(1), a.minusDays(35),
                "برنامج الجماعة المنفتحة لتارودانت (نموذج تجريبي)", "Programme Commune ouverte de Taroudant (démo)",
                "ⴰⵖⴰⵡⴰⵙ ⵏ ⵜⵊⵎⴰⵄⵜ ⵉⵔⵥⵎⵏ ⵏ ⵜⴰⵔⵓⴷⴰⵏⵜ",
                "إعداد مشترك لبرنامج الجماعة المنفتحة مع المواطنات والمواطنين والجمعيات وهيئة المساواة وتكافؤ الفرص ومقاربة النوع وفضاء التشاور. معطيات تجريبية.",
                "Co-construction du programme Commune ouverte avec les citoyennes et citoyens, les associations, l’instance de l’équité, de l’égalité des chances et de l’approche genre et l’espace de concertation. Données de démonstration.");
        phase(first, taroudant, "DIAGNOSIS", a, a.plusDays(30));
        phase(first, taroudant, "PROPOSALS", a.plusDays(20), a.plusDays(60));
        phase(first, taroudant, "WORKSHOPS", a.plusDays(40), a.plusDays(80));
        phase(first, taroudant, "OPINIONS", a.plusDays(70), a.plusDays(100));
        phase(first, taroudant, "ADOPTION", a.plusDays(101), a.plusDays(130));
        phase(first, taroudant, "MONITORING", a.plusDays(131), a.plusYears(3).minusDays(91));
        phase(first, taroudant, "EVALUATION", a.plusYears(3).minusDays(90), a.plusYears(3).minusDays(1));

        LocalDate b = today.minusDays(20);
        long second = process(taroudant, manager, b, b.plusYears(2).minusDays(1), b.minusDays(30),
                "الإعداد المشترك لبرنامج الجماعة المنفتحة 2027-2028 (نموذج تجريبي)",
                "Co-construction du programme Commune ouverte 2027-2028 (démo)",
                "ⴰⵙⵡⵓⴷⴷⵓ ⴰⵎⵢⴰⵡⴰⵙ ⵏ ⵓⵖⴰⵡⴰⵙ ⵏ ⵜⵊⵎⴰⵄⵜ ⵉⵔⵥⵎⵏ 2027-2028",
                "المرحلة الثانية: تشخيص تشاركي لمشاريع برنامج عمل الجماعة وتلقي مقترحات المواطنين. معطيات تجريبية.",
                "Deuxième cycle : diagnostic participatif des projets du programme d’action de la commune et appel à propositions. Données de démonstration.");
        phase(second, taroudant, "DIAGNOSIS", b, b.plusDays(45));
        phase(second, taroudant, "PROPOSALS", b.plusDays(10), b.plusDays(50));
        phase(second, taroudant, "WORKSHOPS", b.plusDays(25), b.plusDays(65));
        phase(second, taroudant, "OPINIONS", b.plusDays(60), b.plusDays(80));
        phase(second, taroudant, "ADOPTION", b.plusDays(81), b.plusDays(110));
        phase(second, taroudant, "MONITORING", b.plusDays(111), b.plusYears(2).minusDays(1));
    }

    private long process(long collectivity, Long manager, LocalDate from, LocalDate to, LocalDate publishedOn,
            String titleAr, String titleFr, String titleZgh, String descriptionAr, String descriptionFr) {
        Instant published = publishedOn.atTime(10, 0).toInstant(ZoneOffset.ofHours(1));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_process (collectivity_id, title_ar, title_fr, title_zgh, description_ar, description_fr,"
                + " starts_on, ends_on, published_at, created_by, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(collectivity, titleAr, titleFr, titleZgh, descriptionAr, descriptionFr, from, to, Sql.at(published),
                        manager, Sql.at(published), Sql.at(published))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private void phase(long process, long collectivity, String kind, LocalDate from, LocalDate to) {
        jdbc.sql("insert into program_phase (process_id, collectivity_id, kind, starts_on, ends_on) values (?,?,?,?,?)")
                .params(process, collectivity, kind, from, to).update();
    }
}
