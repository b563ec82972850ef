package ma.opencommune.council.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import ma.opencommune.council.BudgetExecutions;
import ma.opencommune.council.Budgets;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data (issue scope 8): Taroudant's budget of last year (initial and one amending budget, four published quarters:
 * closed) and of this year (the quarters ended so far), with the citizen summaries. Loaded through the façades, as
 * staff would (the same CSV import and checks), by Taroudant's council secretary; publication days are then set back to
 * when they would have been. Once only: nothing happens when Taroudant already has a budget.
 */
@Component
@Order(61)
class DemoBudget implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBudget.class);

    private final DemoMode demo;
    private final Territory territory;
    private final UserDetailsService users;
    private final Budgets budgets;
    private final BudgetExecutions executions;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoBudget(DemoMode demo, Territory territory, UserDetailsService users, Budgets budgets, BudgetExecutions executions, JdbcClient jdbc,
            TransactionTemplate tx) {
        this.demo = demo;
        this.territory = territory;
        this.users = users;
        this.budgets = budgets;
        this.executions = executions;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Optional<Collectivity> taroudant = territory.find("taroudant");
        if (taroudant.isEmpty() || jdbc.sql("select count(*) from budget where collectivity_id = ?").param(taroudant.get().id())
                .query(Integer.class).single() > 0) {
            return;
        }
        AccountUser staff;
        try {
            staff = (AccountUser) users.loadUserByUsername("staff@taroudant.demo");
        } catch (RuntimeException e) {
            return;
        }
        long start = System.nanoTime();
        tx.executeWithoutResult(s -> load(taroudant.get(), staff, budgets.today()));
        log.info("Demo budget loaded ({} ms)", (System.nanoTime() - start) / 1_000_000);
    }

    private void load(Collectivity c, AccountUser staff, LocalDate today) {
        int last = today.getYear() - 1;
        int now = today.getYear();
        DemoBudgetLines lastYear = DemoBudgetLines.of(17, 0.94);
        budget(c, staff, last, lastYear.csv(), LocalDate.of(last - 1, 12, 20));
        // The region's contribution came in higher and paid for more roads in Hay Salam: the amending budget of October.
        DemoBudgetLines amended = DemoBudgetLines.of(17, 0.94).add("30.2", 1_500_000).add("40.1.4.1", 1_000_000).add("40.1.4.3", 500_000);
        budget(c, staff, last, amended.csv(), LocalDate.of(last, 10, 15));
        for (int q = 1; q <= 4; q++) {
            execution(c, staff, last, q, amended, new Random(last * 10L + q), LocalDate.of(q == 4 ? last + 1 : last, q == 4 ? 1 : q * 3 + 1, 20));
        }
        DemoBudgetLines thisYear = DemoBudgetLines.of(29, 1.0);
        budget(c, staff, now, thisYear.csv(), LocalDate.of(now - 1, 12, 22));
        for (int q = 1; q <= 4 && LocalDate.of(now, q * 3, 1).plusMonths(1).isBefore(today.minusDays(20)); q++) {
            execution(c, staff, now, q, thisYear, new Random(now * 10L + q), LocalDate.of(now, q * 3, 1).plusMonths(1).plusDays(19));
        }
        budgets.writeSummary(c, staff, last, """
                صادق المجلس الجماعي لتارودانت على ميزانية تفوق 180 مليون درهم. تأتي أغلب مداخيل التسيير من حصة الجماعة في الضريبة على القيمة المضافة، ثم من الرسوم المحلية ومداخيل السوق الأسبوعي والمحطة الطرقية.
                تذهب نفقات التسيير أساساً إلى أجور الموظفين والإنارة العمومية وجمع النفايات. أما التجهيز فقد خُصص لتأهيل الطرق والأرصفة في الأحياء الثمانية، وتوسيع شبكة الماء والتطهير، وإصلاح المدارس.
                في أكتوبر، رفعت ميزانية معدلة اعتمادات طرق حي السلام بفضل مساهمة إضافية من مجلس الجهة.""",
                """
                Le conseil communal de Taroudant a voté un budget de plus de 180 millions de dirhams. L’essentiel des recettes de fonctionnement vient de la part de la TVA, puis des taxes locales et des produits du souk et de la gare routière.
                Les dépenses de fonctionnement paient surtout le personnel, l’éclairage public et la collecte des déchets. L’investissement va aux routes et trottoirs des huit quartiers, au réseau d’eau et d’assainissement et à la réhabilitation des écoles.
                En octobre, un budget modificatif a augmenté les crédits de voirie de Hay Salam grâce à une contribution supplémentaire de la Région.""");
        budgets.writeSummary(c, staff, now, """
                ميزانية هذه السنة تواصل تأهيل الأحياء: الطرق والماء والإنارة العمومية. تُنشر أرقام التنفيذ كل ثلاثة أشهر.""",
                """
                Le budget de cette année poursuit la mise à niveau des quartiers : voirie, eau et éclairage public. L’exécution est publiée chaque trimestre.""");
    }

    private long budget(Collectivity c, AccountUser staff, int year, String csv, LocalDate publishedOn) {
        long id = budgets.draft(c, staff, year);
        try {
            budgets.importLines(c, staff, id, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        budgets.publish(c, staff, id);
        jdbc.sql("update budget set published_on = ? where id = ?").params(publishedOn, id).update();
        return id;
    }

    /** A quarter's figures: a quarter of each line, more or less, expenses mostly paid once committed. */
    private void execution(Collectivity c, AccountUser staff, int year, int quarter, DemoBudgetLines lines, Random random, LocalDate publishedOn) {
        StringBuilder csv = new StringBuilder("code,committed,paid,collected\n");
        for (DemoBudgetLines.Leaf l : lines.leaves()) {
            BigDecimal share = l.amount().multiply(BigDecimal.valueOf(0.19 + random.nextDouble() * 0.08));
            if ("EXPENSE".equals(l.direction())) {
                BigDecimal paid = share.multiply(BigDecimal.valueOf(0.8 + random.nextDouble() * 0.2));
                csv.append(l.code()).append(',').append(money(share)).append(',').append(money(paid)).append(",\n");
            } else {
                csv.append(l.code()).append(",,,").append(money(share)).append('\n');
            }
        }
        try {
            long id = executions.importFigures(c, staff, year, "Q" + quarter, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
            executions.publish(c, staff, id);
            jdbc.sql("update budget_execution set published_on = ? where id = ?").params(publishedOn, id).update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
