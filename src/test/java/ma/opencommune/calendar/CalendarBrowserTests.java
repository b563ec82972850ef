package ma.opencommune.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ma.opencommune.support.BrowserTest;
import ma.opencommune.support.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The calendar pages in a real browser, in Arabic (right to left) and French: zero axe-core violations on the public
 * holidays page, the admin list, and the admin form both fresh and after a refused date, and no sideways scrolling
 * on a 375 px phone.
 */
@BrowserTest
class CalendarBrowserTests {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    ReligiousHolidays religious;

    @BeforeAll
    static void startChromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Paths.get(TestEnvironment.CHROMIUM)).setArgs(List.of("--no-sandbox", "--disable-gpu")));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** "localhost", not 127.0.0.1: Chromium keeps the Secure session cookie on http://localhost only. */
    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "fr"})
    void theCalendarPagesHaveNoAxeViolationsAndFitAPhone(String lang) {
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740))) {
            Page page = context.newPage();
            check(page, page.navigate(url("/" + lang + "/holidays")), lang);
            check(page, page.navigate(url("/" + lang + "/holidays?year=" + (LocalDate.now().getYear() + 1))), lang);

            page.navigate(url("/" + lang + "/login"));
            page.locator("#email").fill("admin@opencommune.demo");
            page.locator("#password").fill("demo");
            page.waitForNavigation(() -> page.locator("main form button[type=submit]").click());
            check(page, page.navigate(url("/" + lang + "/admin/holidays")), lang);

            Holiday first = religious.between(LocalDate.now().plusYears(1), LocalDate.now().plusYears(2)).get(0);
            check(page, page.navigate(url("/" + lang + "/admin/holidays/" + first.id())), lang);
            page.locator("#year").fill(String.valueOf(first.start().getYear() + 1));
            page.waitForNavigation(() -> page.locator("main form button[type=submit]").last().click());
            assertThat(page.locator(".error-summary").isVisible()).as("error summary after a refused date").isTrue();
            assertThat(religious.require(first.id())).isEqualTo(first);
            check(page, null, lang);
        }
    }

    private static void check(Page page, Response response, String lang) {
        if (response != null) {
            assertThat(response.status()).as("status of %s", page.url()).isEqualTo(200);
        }
        assertThat(page.locator("html").getAttribute("dir")).isEqualTo("ar".equals(lang) ? "rtl" : "ltr");
        AxeResults results = new AxeBuilder(page).analyze();
        assertThat(results.isErrored()).isFalse();
        assertThat(results.getViolations()).as(() -> "axe-core violations on " + page.url() + ":\n" + results.getViolations().stream()
                .map(rule -> "  " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"))).isEmpty();
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).as("%s scrolls sideways on a phone", page.url()).isLessThanOrEqualTo(375);
    }
}
