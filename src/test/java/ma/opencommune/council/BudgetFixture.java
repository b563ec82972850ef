package ma.opencommune.council;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Test data of the budget: a fresh commune with its own council secretary, and budgets built from CSV text. A bean, so the
 * budget's test classes inject it instead of wiring its collaborators each.
 */
@Component
public record BudgetFixture(JdbcClient jdbc, Budgets budgets, BudgetExecutions executions, Territory territory, Accounts accounts,
        RoleGrants grants, UserDetailsService users) {

    public static final String HEADER = "code,parent_code,label_ar,label_fr,section,direction,amount\n";

    /** A small valid budget: two roots with children that add up. */
    public static final String SMALL = HEADER + """
            10,,مداخيل التسيير,Recettes de fonctionnement,OPERATING,REVENUE,1500.00
            10.1,,حصة الضريبة على القيمة المضافة,Part de la TVA,OPERATING,REVENUE,1000.00
            10.2,,الرسوم المحلية,Taxes locales,OPERATING,REVENUE,500.00
            20,,نفقات التسيير,Dépenses de fonctionnement,OPERATING,EXPENSE,1500.00
            20.1,,أجور الموظفين,Salaires,OPERATING,EXPENSE,900.00
            20.2,,الإنارة العمومية,Éclairage public,OPERATING,EXPENSE,600.00
            40,,نفقات التجهيز,Dépenses d’investissement,INVESTMENT,EXPENSE,300.00
            """;

    public Collectivity collectivity() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, population, created_at) values (?,?,?,?,?,?,?,?)")
                .params("bud-" + tag, "B" + tag.substring(0, 6).toUpperCase(), "COMMUNE", "جماعة تجريبية", "Commune budget " + tag, "ⵜⴰⴳⵎⴰⵎⵜ",
                        20_000, Sql.at(Instant.now()))
                .update();
        return territory.require("bud-" + tag);
    }

    public String secretary(Collectivity c) {
        String email = TestAccounts.confirmed(accounts, jdbc, "budget");
        grants.grant(null, c, email, Role.COUNCIL_SECRETARY, null);
        return email;
    }

    public AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    /** A published budget of {@code year} from CSV text; returns its id. */
    public long published(Collectivity c, String staff, int year, String csv) {
        long id = budgets.draft(c, user(staff), year);
        importText(c, staff, id, csv);
        budgets.publish(c, user(staff), id);
        return id;
    }

    public int importText(Collectivity c, String staff, long id, String csv) {
        try {
            return budgets.importLines(c, user(staff), id, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published period of execution from CSV text. */
    public long execution(Collectivity c, String staff, int year, String period, String csv) {
        try {
            long id = executions.importFigures(c, user(staff), year, period, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
            executions.publish(c, user(staff), id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A budget of about {@code leaves} detailed lines: roots, then groups of ten under headings, sums right. */
    public static String large(int leaves) {
        StringBuilder rows = new StringBuilder();
        int groups = (leaves + 9) / 10;
        long total = 0;
        StringBuilder body = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            long groupSum = 0;
            StringBuilder kids = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                long amount = 1000 + g + i;
                groupSum += amount;
                kids.append("20.").append(g).append('.').append(i).append(",,بند ").append(g).append('-').append(i).append(",Ligne ").append(g)
                        .append('-').append(i).append(",OPERATING,EXPENSE,").append(amount).append(".00\n");
            }
            total += groupSum;
            body.append("20.").append(g).append(",,باب ").append(g).append(",Chapitre ").append(g).append(",OPERATING,EXPENSE,").append(groupSum)
                    .append(".00\n").append(kids);
        }
        rows.append(HEADER).append("20,,نفقات التسيير,Dépenses de fonctionnement,OPERATING,EXPENSE,").append(total).append(".00\n").append(body);
        return rows.toString();
    }
}
