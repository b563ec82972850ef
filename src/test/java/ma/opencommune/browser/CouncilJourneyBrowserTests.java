package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import ma.opencommune.council.Budgets;
import ma.opencommune.council.CouncilSessions;
import ma.opencommune.support.BrowserTest;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Transparency as people live it, in a real browser (issue 6): the council secretary plans an extraordinary session,
 * publishes its agenda, marks it held, records who came and a decision whose vote first exceeds the members present
 * (refused, said why) and then adds up, and publishes it; the staff import a budget CSV that is refused whole with
 * every problem listed, then one whose parent is not the sum of its children, then the right one, and publish it; a
 * project gets a progress update with a photo; anyone then finds the decision by year and topic, reads its vote,
 * drills down the budget, sees the project as a marker on the map and, without JavaScript, in the list and the map
 * page's fallback list. In Arabic, and once in French; lang, dir and axe-core on every page touched.
 */
@BrowserTest
// Its own database: the journey publishes a budget for a year to come and a decision, which the other tests must not see.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:council-journey;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR;DB_CLOSE_DELAY=-1")
class CouncilJourneyBrowserTests extends BrowserSession {

    private static final String STAFF = "staff@taroudant.demo";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Territory territory;
    @Autowired
    CouncilSessions sessions;
    @Autowired
    Budgets budgets;
    @Autowired
    MessageSource messages;

    @Test
    void aSessionsDecisionABudgetAndAProjectUpdateArePublishedAndFoundByACitizenInArabic() {
        journey("ar");
    }

    @Test
    void aSessionsDecisionABudgetAndAProjectUpdateArePublishedAndFoundByACitizenInFrench() {
        journey("fr");
    }

    void journey(String lang) {
        boolean ar = "ar".equals(lang);
        String base = "/" + lang + "/c/taroudant";
        long taroudant = territory.require("taroudant").id();
        String mark = UUID.randomUUID().toString().substring(0, 6);
        // Nothing leaves the machine: the map's tile server is refused at once (the map and its list do not need it).
        context.route(address -> !address.startsWith(url("/")), route -> route.abort());

        // 1. The council secretary plans an extraordinary session for today, its agenda, and publishes the agenda.
        logIn(lang, STAFF);
        open(base + "/admin/council");
        checkPage(lang);
        LocalDate today = sessions.today();
        String place = (ar ? "قاعة الاجتماعات بمقر الجماعة " : "Salle des délibérations de la commune ") + mark;
        page.locator("#kind").selectOption("EXTRAORDINARY");
        page.locator("#heldOn").fill(today.toString());
        page.locator("#startsAt").fill("10:00");
        page.locator("#place").fill(place);
        submit("#session-form");
        String sessionPath = URI.create(page.url()).getPath();
        assertThat(sessionPath).matches(base + "/admin/council/sessions/\\d+");
        long sessionId = Long.parseLong(sessionPath.substring(sessionPath.lastIndexOf('/') + 1));
        assertThat(sessionStatus(sessionId)).isEqualTo("PLANNED");
        checkPage(lang);
        String item = (ar ? "تزويد دوار أيت يحيى بالماء الصالح للشرب " : "Eau potable pour le douar Aït Yahia ") + mark;
        String otherItem = (ar ? "اتفاقية شراكة لتهيئة السوق الأسبوعي " : "Convention pour l'aménagement du souk hebdomadaire ") + mark;
        addItem(lang, item);
        addItem(lang, otherItem);
        assertThat(page.locator("#agenda ol").innerText()).contains(item).contains(otherItem);
        submit("#agenda-publish-form");
        assertThat(sessionStatus(sessionId)).isEqualTo("AGENDA_PUBLISHED");
        assertThat(page.locator("#status").innerText()).contains(msg(lang, "council.session.status.AGENDA_PUBLISHED"));
        checkPage(lang);

        // The session took place today: held, then who came (one absent, one excused, the others present).
        submit("#held-form");
        assertThat(sessionStatus(sessionId)).isEqualTo("HELD");
        checkPage(lang);
        Locator members = page.locator("#attendance-form fieldset");
        int present = members.count() - 2;
        assertThat(present).as("the demo council has its members").isGreaterThan(3);
        members.nth(0).locator("input[value=ABSENT]").check();
        members.nth(1).locator("input[value=EXCUSED]").check();
        submit("#attendance-form");
        assertThat(jdbc.sql("select count(*) from council_attendance where session_id = ? and presence = 'PRESENT'").param(sessionId)
                .query(Integer.class).single()).isEqualTo(present);
        checkPage(lang);

        // The decision: a vote with more voters than members present is refused and said why; nothing is saved.
        page.waitForNavigation(() -> page.locator("#decision-new").click());
        assertThat(URI.create(page.url()).getPath()).isEqualTo(sessionPath + "/decisions/new");
        checkPage(lang);
        String number = "J" + mark + "/" + today.getYear();
        String title = (ar ? "المصادقة على تزويد دوار أيت يحيى بالماء " : "Approbation de l'adduction d'eau du douar Aït Yahia ") + mark;
        String text = ar ? "صادق المجلس على تمويل شبكة الماء الصالح للشرب بدوار أيت يحيى."
                : "Le conseil approuve le financement du réseau d'eau potable du douar Aït Yahia.";
        page.locator("#agendaItemId").selectOption(itemId(sessionId, item));
        page.locator("#number").fill(number);
        page.locator(ar ? "#titleAr" : "#titleFr").fill(title);
        page.locator(ar ? "#textAr" : "#textFr").fill(text);
        page.locator("#topic").selectOption("SERVICES");
        page.locator("#outcome").selectOption("ADOPTED");
        page.locator("#votesFor").fill(String.valueOf(present + 1));
        page.locator("#votesAgainst").fill("0");
        page.locator("#votesAbstain").fill("0");
        page.waitForNavigation(() -> page.locator("#decision-save").click());
        assertThat(page.locator("#decision-form .error-summary").innerText())
                .contains(msg(lang, "council.validation.votes-exceed-attendance"));
        assertThat(page.locator("#votesFor-error").innerText()).contains(msg(lang, "council.validation.votes-exceed-attendance"));
        assertThat(decisions(sessionId)).isZero();
        checkPage(lang);
        page.locator("#votesFor").fill(String.valueOf(present - 3));
        page.locator("#votesAgainst").fill("2");
        page.locator("#votesAbstain").fill("1");
        submit("#decision-form");
        assertThat(decisions(sessionId)).isOne();
        long decisionId = jdbc.sql("select id from council_decision where session_id = ?").param(sessionId).query(Long.class).single();
        assertThat(decisionStatus(decisionId)).isEqualTo("DRAFT");
        checkPage(lang);
        submit("#decision-publish-form");
        assertThat(decisionStatus(decisionId)).isEqualTo("PUBLISHED");
        assertThat(page.locator("#notice").innerText()).isEqualTo(msg(lang, "council.admin.decision.published"));
        checkPage(lang);

        // 2. The staff start the budget of a year that has none and import its CSV file.
        int year = yearWithoutBudget(taroudant);
        open(base + "/admin/budget");
        checkPage(lang);
        page.locator("#year").fill(String.valueOf(year));
        submit("#budget-new-form");
        String budgetPath = URI.create(page.url()).getPath();
        assertThat(budgetPath).matches(base + "/admin/budget/\\d+");
        long budgetId = Long.parseLong(budgetPath.substring(budgetPath.lastIndexOf('/') + 1));
        checkPage(lang);
        String revenue = (ar ? "مداخيل التسيير " : "Recettes de fonctionnement ") + mark;
        String tax = (ar ? "الرسوم المحلية " : "Taxes locales ") + mark;
        String lighting = (ar ? "الإنارة العمومية " : "Éclairage public ") + mark;

        // A file with a negative amount and an unknown section: refused whole, both problems listed, nothing saved.
        upload(csv(mark, "1500000.00", "-1000000.00", "OPERATIONS"));
        assertThat(page.locator("#budget-problems li").count()).isEqualTo(2);
        String problems = page.locator("#budget-problems").innerText();
        assertThat(problems).contains(msg(lang, "budget.problems.nothing-saved"))
                .contains(msg(lang, "budget.problem.line", "3", "amount", msg(lang, "budget.import.error.amount-negative", "-1000000.00")))
                .contains(msg(lang, "budget.problem.line", "6", "section", msg(lang, "budget.import.error.section", "OPERATIONS")));
        assertThat(budgetLines(budgetId)).isZero();
        checkPage(lang);
        // The file fixed line by line, but the parent is no longer the sum of its children: refused, said which.
        upload(csv(mark, "1600000.00", "1000000.00", "OPERATING"));
        assertThat(page.locator("#budget-problems li").count()).isOne();
        assertThat(page.locator("#budget-problems").innerText())
                .contains(msg(lang, "budget.import.error.sum", "10", "1600000.00", "1500000.00"));
        assertThat(budgetLines(budgetId)).isZero();
        checkPage(lang);
        // The right file: imported, then published.
        upload(csv(mark, "1500000.00", "1000000.00", "OPERATING"));
        assertThat(page.locator(".error-summary").count()).isZero();
        assertThat(page.locator("[role=status]").first().innerText()).isEqualTo(msg(lang, "budget.import.done", "6"));
        assertThat(budgetLines(budgetId)).isEqualTo(6);
        assertThat(page.locator("table.budget-lines").innerText()).contains(revenue).contains(tax).contains(lighting);
        checkPage(lang);
        submit("#budget-publish-form");
        assertThat(jdbc.sql("select status from budget where id = ?").param(budgetId).query(String.class).single()).isEqualTo("PUBLISHED");
        assertThat(page.locator("[role=status]").first().innerText()).isEqualTo(msg(lang, "budget.publish.done"));
        checkPage(lang);

        // 3. A project under way gets a progress update with a photo of the works.
        long projectId = jdbc.sql("select id from council_project where collectivity_id = ? and published and status = 'IN_PROGRESS'"
                + " and progress <= 90 order by id fetch first 1 rows only").param(taroudant).query(Long.class).single();
        int progress = jdbc.sql("select progress from council_project where id = ?").param(projectId).query(Integer.class).single() + 5;
        String projectTitle = jdbc.sql("select " + (ar ? "coalesce(title_ar, title_fr)" : "coalesce(title_fr, title_ar)")
                + " from council_project where id = ?").param(projectId).query(String.class).single();
        String updateText = (ar ? "انتهت أشغال الحفر ووُضعت القنوات الأولى. " : "Les tranchées sont creusées et les premières conduites posées. ") + mark;
        open(base + "/admin/projects/" + projectId + "/updates");
        checkPage(lang);
        page.locator("#reportedOn").fill(today.toString());
        page.locator("#progress").fill(String.valueOf(progress));
        page.locator("#text").fill(updateText);
        page.locator("#photos").setInputFiles(new FilePayload("chantier.png", "image/png", png()));
        submit("#project-update-form");
        assertThat(URI.create(page.url()).getPath()).isEqualTo(base + "/admin/projects/" + projectId);
        assertThat(jdbc.sql("select count(*) from council_project_photo p join council_project_update u on u.id = p.update_id"
                + " where u.project_id = ? and u.text = ?").params(projectId, updateText).query(Integer.class).single()).isOne();
        checkPage(lang);

        // 4. A citizen finds the decision by year and topic and reads its vote.
        switchTo(lang, null);
        open(base + "/council/decisions");
        checkPage(lang);
        page.locator("#year").selectOption(String.valueOf(today.getYear()));
        page.locator("#topic").selectOption("services");
        submit("#decision-filters");
        assertThat(page.url()).contains("year=" + today.getYear()).contains("topic=services");
        Locator rows = page.locator("#decisions tbody tr");
        assertThat(rows.count()).isGreaterThanOrEqualTo(1);
        for (int i = 0; i < rows.count(); i++) {
            assertThat(rows.nth(i).locator("td").nth(3).innerText()).isEqualTo(msg(lang, "council.topic.SERVICES"));
        }
        Locator row = rows.filter(new Locator.FilterOptions().setHasText(title));
        assertThat(row.count()).isOne();
        assertThat(row.innerText()).contains(number);
        checkPage(lang);
        page.waitForNavigation(() -> row.getByText(title).click());
        assertThat(URI.create(page.url()).getPath()).isEqualTo(base + "/council/decisions/" + decisionId);
        assertThat(page.locator("h1").innerText()).isEqualTo(title);
        String facts = page.locator("#decision-facts").innerText();
        assertThat(facts).contains(number).contains(item).contains(msg(lang, "council.topic.SERVICES"))
                .contains(msg(lang, "council.outcome.ADOPTED"))
                .contains(msg(lang, "council.votes.line", String.valueOf(present - 3), "2", "1"));
        assertThat(page.locator("#text").innerText()).contains(text);
        checkPage(lang);
        // The session's public page: its place and published agenda.
        page.waitForNavigation(() -> page.locator("#decision-facts a[href$='/council/sessions/" + sessionId + "']").click());
        assertThat(page.locator("main").innerText()).contains(place).contains(item).contains(otherItem);
        checkPage(lang);

        // The budget of the year: its headings, then a heading's detail.
        open(base + "/budget/" + year);
        assertThat(page.locator("h1").innerText()).isEqualTo(msg(lang, "budget.page.year", String.valueOf(year)));
        assertThat(page.locator("table.budget-lines").innerText()).contains(revenue).doesNotContain(tax);
        checkPage(lang);
        page.waitForNavigation(() -> page.locator("table.budget-lines a").getByText(revenue).click());
        assertThat(URI.create(page.url()).getPath()).isEqualTo(base + "/budget/" + year + "/lines/10");
        assertThat(page.locator("h1").innerText()).isEqualTo(revenue);
        assertThat(digits(page.locator("dl.budget-facts").innerText())).contains("150000000");
        String detail = page.locator("table.budget-lines").innerText();
        assertThat(detail).contains(tax).doesNotContain(lighting);
        assertThat(digits(detail)).contains("100000000").contains("50000000");
        checkPage(lang);

        // The project's page: the update, its photo served; then the map draws a marker per project.
        open(base + "/projects/" + projectId);
        assertThat(page.locator(".timeline").innerText()).contains(updateText).contains(msg(lang, "projects.timeline.progress", String.valueOf(progress)));
        Locator photo = page.locator(".project-photos img").first();
        photo.scrollIntoViewIfNeeded();
        page.waitForFunction("img => img.complete && img.naturalWidth === 48", photo.elementHandle());
        checkPage(lang);
        int published = jdbc.sql("select count(*) from council_project where collectivity_id = ? and published").param(taroudant)
                .query(Integer.class).single();
        open(base + "/projects/map");
        page.locator("#project-map path.leaflet-interactive").first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        assertThat(page.locator("#project-map path.leaflet-interactive").count()).isGreaterThanOrEqualTo(Math.min(published, 20));
        assertThat(page.locator("#project-map").getAttribute("class")).contains("project-map-on");
        checkPage(lang);

        // Without JavaScript: the list of projects, and the map page's own list, show the project and its progress.
        Page withScript = page;
        BrowserContext noScript = context.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        try {
            noScript.route(address -> !address.startsWith(url("/")), route -> route.abort());
            Page without = noScript.newPage();
            page = without;
            open(base + "/projects");
            assertHtmlLangAndDir(lang, ar ? "rtl" : "ltr");
            assertProjectListed(projectTitle, lang, progress);
            checkAsShownWithoutScript(without, withScript, base + "/projects", lang);
            page = without;
            open(base + "/projects/map");
            assertHtmlLangAndDir(lang, ar ? "rtl" : "ltr");
            assertThat(page.locator("noscript .notice").isVisible()).isTrue();
            assertThat(page.locator("noscript .notice").innerText()).isEqualTo(msg(lang, "projects.map.noscript"));
            assertThat(page.locator("#project-map path").count()).isZero();
            assertProjectListed(projectTitle, lang, progress);
            checkAsShownWithoutScript(without, withScript, base + "/projects/map", lang);
        } finally {
            page = withScript;
            noScript.close();
        }
    }

    /**
     * axe-core cannot run in a context without JavaScript (its evaluation never returns there), so the page as that
     * context built it — its DOM, noscript content shown, no script — is laid into the scripted page at the same address
     * and checked there: lang, dir and every axe-core rule.
     */
    private void checkAsShownWithoutScript(Page without, Page scripted, String path, String lang) {
        String html = without.content().replaceAll("(?is)<script\\b[^>]*>.*?</script>", "").replaceAll("(?i)</?noscript>", "");
        page = scripted;
        open(path);
        page.setContent(html);
        assertThat(page.locator("script").count()).isZero();
        checkPage(lang);
    }

    private void addItem(String lang, String title) {
        page.locator("#item-form " + ("ar".equals(lang) ? "#titleAr" : "#titleFr")).fill(title);
        submit("#item-form");
        checkPage(lang);
    }

    private void upload(String csv) {
        page.locator("#budget-import-form #file").setInputFiles(new FilePayload("budget.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.waitForNavigation(() -> page.locator("#budget-import-button").click());
    }

    private void assertProjectListed(String projectTitle, String lang, int progress) {
        Locator card = page.locator(".project-list li.card").filter(new Locator.FilterOptions().setHasText(projectTitle));
        assertThat(card.count()).as("%s listed on %s", projectTitle, page.url()).isOne();
        assertThat(card.innerText()).contains(msg(lang, "projects.progress", String.valueOf(progress)));
    }

    /** A budget in the template's shape; the amounts and section given make it right or wrong. */
    private static String csv(String mark, String revenue, String vat, String staffSection) {
        return "\uFEFFcode,parent_code,label_ar,label_fr,section,direction,amount\r\n"
                + "10,,مداخيل التسيير " + mark + ",Recettes de fonctionnement " + mark + ",OPERATING,REVENUE," + revenue + "\r\n"
                + "10.1,,حصة الجماعة من الضريبة على القيمة المضافة " + mark + ",Part de la TVA " + mark + ",OPERATING,REVENUE," + vat + "\r\n"
                + "10.2,,الرسوم المحلية " + mark + ",Taxes locales " + mark + ",OPERATING,REVENUE,500000.00\r\n"
                + "20,,نفقات التسيير " + mark + ",Dépenses de fonctionnement " + mark + ",OPERATING,EXPENSE,1500000.00\r\n"
                + "20.1,,أجور الموظفين " + mark + ",Salaires du personnel " + mark + "," + staffSection + ",EXPENSE,900000.00\r\n"
                + "20.2,,الإنارة العمومية " + mark + ",Éclairage public " + mark + ",OPERATING,EXPENSE,600000.00\r\n";
    }

    /** A small real PNG (48 by 32), as a phone's photo would be once shrunk. */
    private static byte[] png() {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xC8, 0x7F, 0x4A));
        g.fillRect(0, 0, 48, 32);
        g.setColor(new Color(0x1D, 0x70, 0xB8));
        g.fillRect(0, 20, 48, 12);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String msg(String lang, String key, Object... args) {
        return messages.getMessage(key, args, Locale.forLanguageTag(lang));
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private int yearWithoutBudget(long collectivityId) {
        int year = budgets.today().getYear() + 1;
        while (jdbc.sql("select count(*) from budget where collectivity_id = ? and fiscal_year = ?").params(collectivityId, year)
                .query(Integer.class).single() > 0) {
            year++;
        }
        return year;
    }

    private String itemId(long sessionId, String title) {
        return String.valueOf(jdbc.sql("select id from council_agenda_item where session_id = ? and (title_ar = ? or title_fr = ?)")
                .params(sessionId, title, title).query(Long.class).single());
    }

    private String sessionStatus(long id) {
        return jdbc.sql("select status from council_session where id = ?").param(id).query(String.class).single();
    }

    private String decisionStatus(long id) {
        return jdbc.sql("select status from council_decision where id = ?").param(id).query(String.class).single();
    }

    private int decisions(long sessionId) {
        return jdbc.sql("select count(*) from council_decision where session_id = ?").param(sessionId).query(Integer.class).single();
    }

    private int budgetLines(long budgetId) {
        return jdbc.sql("select count(*) from budget_line where budget_id = ?").param(budgetId).query(Integer.class).single();
    }
}
