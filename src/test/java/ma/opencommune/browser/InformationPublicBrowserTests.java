package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import java.util.List;
import java.util.stream.Stream;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.information.AnswerKind;
import ma.opencommune.information.Delivery;
import ma.opencommune.information.InformationRequests;
import ma.opencommune.information.ProactiveRegister;
import ma.opencommune.information.Publication;
import ma.opencommune.platform.Lang;
import ma.opencommune.support.BrowserTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The public side of access to information (published answers, the proactive register, statistics) and its staff
 * pages (redaction view, register administration): zero axe-core violations in Arabic and French, and no sideways
 * scrolling at 375 px, with a published answer, an answer awaiting review and a late register item in place.
 */
@BrowserTest
class InformationPublicBrowserTests extends BrowserSession {

    static final String STAFF = "staff@taroudant.demo";
    static String published;
    static String toReview;
    static Long itemId;

    @Autowired
    Territory territory;
    @Autowired
    InformationRequests requests;
    @Autowired
    Publication publication;
    @Autowired
    ProactiveRegister register;
    @Autowired
    UserDetailsService users;

    @BeforeEach
    void data() {
        if (published != null) {
            return;
        }
        Collectivity c = territory.require("taroudant");
        AccountUser citizen = (AccountUser) users.loadUserByUsername("citizen@opencommune.demo");
        AccountUser officer = (AccountUser) users.loadUserByUsername(STAFF);
        String[] tns = new String[2];
        for (int i = 0; i < 2; i++) {
            tns[i] = requests.file(c, citizen, new InformationRequests.Filing("Fatima", "Benali", "12 rue des Orangers", "JB123456",
                    "fatima@example.ma", "ميزانية الإنارة العمومية لسنة 2026 " + i,
                    "أنا فاطمة بنعلي، رقم البطاقة JB123456، الهاتف 0612345678. أطلب ميزانية الإنارة العمومية والصفقات المرتبطة بها بالتفصيل.",
                    Delivery.PICKUP, false, null), Lang.AR).trackingNumber();
            requests.answer(c, tns[i], officer, AnswerKind.FULL, "ميزانية الإنارة العمومية هي 1200000 درهم. مع التحية، السيدة بنعلي.");
        }
        publication.publish(c, tns[0], officer, new Publication.Draft("ميزانية الإنارة العمومية لسنة 2026",
                "أطلب ميزانية الإنارة العمومية والصفقات المرتبطة بها بالتفصيل.", "ميزانية الإنارة العمومية هي 1200000 درهم.", List.of(), false));
        published = tns[0];
        toReview = tns[1];
        itemId = register.add(c, officer, new ProactiveRegister.Draft(ProactiveRegister.Category.BUDGET, "الميزانية السنوية للجماعة",
                "Budget annuel de la commune", "ⵜⴰⵙⵎⵔⵙⵜ", "https://taroudant.ma/budget-annuel-de-la-commune-2026-version-complete",
                register.today().minusYears(2), ProactiveRegister.Frequency.YEARLY, null, null));
    }

    static Stream<Arguments> screens() {
        List<String[]> pages = List.of(
                new String[] {"/{lang}/c/taroudant/information/published", null},
                new String[] {"/{lang}/c/taroudant/information/published?q=%D8%A7%D9%84%D8%A7%D9%86%D8%A7%D8%B1%D9%87", null},
                new String[] {"/{lang}/c/taroudant/information/published/{published}", null},
                new String[] {"/{lang}/c/taroudant/information/register", null},
                new String[] {"/{lang}/c/taroudant/information/statistics", null},
                new String[] {"/{lang}/c/taroudant/admin/information/requests/{review}/publication", STAFF},
                new String[] {"/{lang}/c/taroudant/admin/information/requests/{published}/publication", STAFF},
                new String[] {"/{lang}/c/taroudant/admin/information/register", STAFF},
                new String[] {"/{lang}/c/taroudant/admin/information/register/{item}", STAFF});
        return Stream.of("ar", "fr").flatMap(lang -> pages.stream().map(p -> Arguments.of(lang, p[0], p[1])));
    }

    String path(String lang, String template) {
        return template.replace("{lang}", lang).replace("{published}", published).replace("{review}", toReview)
                .replace("{item}", String.valueOf(itemId));
    }

    void show(String lang, String template, String account) {
        if (account != null) {
            logIn(lang, account);
        }
        Response response = open(path(lang, template));
        assertThat(response.status()).as(path(lang, template)).isEqualTo(200);
        assertHtmlLangAndDir(lang, "ar".equals(lang) ? "rtl" : "ltr");
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("screens")
    void pageHasNoAxeViolations(String lang, String template, String account) {
        show(lang, template, account);
        assertNoAccessibilityViolations();
    }

    @ParameterizedTest(name = "[{0}] {1} at 375 px")
    @MethodSource("screens")
    void pageFitsAPhone(String lang, String template, String account) {
        page.setViewportSize(375, 740);
        show(lang, template, account);
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        int innerWidth = ((Number) page.evaluate("window.innerWidth")).intValue();
        assertThat(scrollWidth).as(path(lang, template)).isLessThanOrEqualTo(innerWidth);
    }

    @ParameterizedTest(name = "[{0}] publish form errors")
    @MethodSource("languages")
    void thePublicationErrorsAreAccessible(String lang) {
        logIn(lang, STAFF);
        open(path(lang, "/{lang}/c/taroudant/admin/information/requests/{review}/publication"));
        page.fill("#subject", "");
        page.waitForNavigation(() -> page.locator("main form button[type=submit]").last().click());
        assertThat(page.locator(".error-summary").isVisible()).isTrue();
        assertNoAccessibilityViolations();
    }

    static Stream<String> languages() {
        return Stream.of("ar", "fr");
    }

}
