package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ma.opencommune.support.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: one Chromium per test class (starting it is the slow part), a fresh context
 * (cookies, storage) per test so tests never see each other's sessions, and helpers to log in and to run axe.
 * Subclasses carry {@link ma.opencommune.support.BrowserTest} themselves: the annotation is not inherited, and
 * {@link TestEnvironment} looks for it on the test class to skip or fail when Chromium is missing.
 */
abstract class BrowserSession {

    static final String DEMO_PASSWORD = "demo";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void startChromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(TestEnvironment.CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openContext() {
        context = browser.newContext(contextOptions());
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    /** A subclass that needs another screen size or locale overrides this. */
    Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    /** "localhost", not 127.0.0.1: Chromium accepts the Secure session cookie on http://localhost only. */
    String url(String path) {
        return "http://localhost:" + port + path;
    }

    Response open(String path) {
        return page.navigate(url(path));
    }

    /** Logs in through the login page of the given language, as a person would. */
    void logIn(String lang, String email) {
        logIn(lang, email, DEMO_PASSWORD);
    }

    void logIn(String lang, String email, String password) {
        open("/" + lang + "/login");
        page.locator("#email").fill(email);
        page.locator("#password").fill(password);
        page.waitForNavigation(() -> page.locator("main form button[type=submit]").click());
        assertThat(page.url()).as("after logging in as %s", email).doesNotContain("/login");
    }

    /** Submits a form by its last button and expects no form error on the page it leads to. */
    void submit(String form) {
        page.waitForNavigation(() -> page.locator(form + " button[type=submit]").last().click());
        assertThat(page.locator(".error-summary").count()).as("no form error after submitting on %s", page.url()).isZero();
    }

    /** Starts over as another person (null: anonymous), logging in through the pages of that language. */
    void switchTo(String lang, String email) {
        context.clearCookies();
        if (email != null) {
            logIn(lang, email);
        }
    }

    /** The page's language and direction are right and axe-core finds nothing wrong. */
    void checkPage(String lang) {
        assertHtmlLangAndDir(lang, "ar".equals(lang) ? "rtl" : "ltr");
        assertNoAccessibilityViolations();
    }

    void assertHtmlLangAndDir(String lang, String dir) {
        assertThat(page.locator("html").getAttribute("lang")).as("lang of %s", page.url()).isEqualTo(lang);
        assertThat(page.locator("html").getAttribute("dir")).as("dir of %s", page.url()).isEqualTo(dir);
    }

    /** Runs every axe-core rule on the page as shown and fails with what is wrong, where, on which page. */
    void assertNoAccessibilityViolations() {
        AxeResults results = new AxeBuilder(page).analyze();
        assertThat(results.isErrored()).as(() -> "axe-core could not run on " + page.url() + ": " + results.getErrorMessage()).isFalse();
        List<Rule> violations = results.getViolations();
        assertThat(violations).as(() -> "axe-core violations on " + page.url() + ":\n" + describe(violations)).isEmpty();
    }

    static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "  " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                + rule.getNodes().stream().map(node -> "    at " + node.getTarget() + " " + node.getFailureSummary())
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }
}
