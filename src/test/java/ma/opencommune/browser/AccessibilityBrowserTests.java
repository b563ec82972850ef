package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import java.util.List;
import java.util.stream.Stream;
import ma.opencommune.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WCAG 2.2 AA as far as a machine can check it: zero axe-core violations on every page of the platform in
 * Arabic (right to left) and French, and no sideways scrolling on a 375 px wide phone. Pages that need an
 * account are seen by the demo account that uses them.
 */
@BrowserTest
class AccessibilityBrowserTests extends BrowserSession {

    static final String CITIZEN = "citizen@opencommune.demo";
    static final String RESIDENT = "resident@opencommune.demo";
    static final String TAROUDANT_STAFF = "staff@taroudant.demo";
    static final String AGADIR_STAFF = "staff@agadir.demo";
    static final String PLATFORM_ADMIN = "admin@opencommune.demo";
    static final String COORDINATOR = "coordinator@opencommune.demo";

    static final int PHONE_WIDTH = 375;
    static final int PHONE_HEIGHT = 740;

    /** The demo budgets are this year's and last year's. */
    static final int DEMO_YEAR = java.time.Year.now().getValue();

    /** Every page of the platform so far; {@code {lang}} is replaced by each language checked. */
    static final List<Screen> PAGES = List.of(
            Screen.of("/{lang}/"),
            Screen.of("/{lang}/?type=COMMUNE&region=souss-massa"),
            Screen.of("/{lang}/network"),
            Screen.of("/{lang}/c/taroudant"),
            Screen.of("/{lang}/c/agadir"),
            Screen.of("/{lang}/login"),
            Screen.of("/{lang}/register"),
            Screen.of("/{lang}/register").afterEmptySubmit(),
            Screen.of("/{lang}/register/check-email"),
            Screen.of("/{lang}/confirm?token=bad"),
            Screen.of("/{lang}/password/forgot"),
            Screen.of("/{lang}/password/reset?token=bad"),
            Screen.of("/{lang}/account").as(CITIZEN),
            Screen.of("/{lang}/account").as(RESIDENT),
            Screen.of("/{lang}/account/residence").as(RESIDENT),
            Screen.of("/{lang}/account/delete").as(CITIZEN),
            Screen.of("/{lang}/c/taroudant/admin").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/roles").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/verifications").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/profile").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/bodies").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/audit").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/roles").as(AGADIR_STAFF).expecting(403),
            Screen.of("/{lang}/accessibility"),
            Screen.of("/{lang}/privacy"),
            Screen.of("/{lang}/dev/mailbox"),
            Screen.of("/{lang}/c/does-not-exist").expecting(404),
            Screen.of("/{lang}/holidays"),
            Screen.of("/{lang}/admin/holidays").as(PLATFORM_ADMIN),
            Screen.of("/{lang}/c/taroudant/council"),
            Screen.of("/{lang}/c/taroudant/council/sessions/3"),
            Screen.of("/{lang}/c/taroudant/council/sessions/4"),
            Screen.of("/{lang}/c/taroudant/council/decisions"),
            Screen.of("/{lang}/c/taroudant/council/decisions?topic=budget"),
            Screen.of("/{lang}/c/taroudant/council/decisions/1"),
            Screen.of("/{lang}/c/taroudant/council/decisions/11"),
            Screen.of("/{lang}/c/taroudant/admin/council").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/council/members").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/council/members/2").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/council/sessions/3").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/council/sessions/4").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/council/sessions/3/decisions/new").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/council/decisions/11").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/projects"),
            Screen.of("/{lang}/c/taroudant/projects?sector=ROADS&q=route"),
            Screen.of("/{lang}/c/taroudant/projects/map"),
            Screen.of("/{lang}/c/taroudant/projects/1"),
            Screen.of("/{lang}/c/taroudant/projects/3"),
            Screen.of("/{lang}/c/taroudant/admin/projects").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/projects/new").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/projects/1").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/projects/1/updates").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/projects/3").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/budget"),
            Screen.of("/{lang}/c/taroudant/budget/" + (DEMO_YEAR - 1)),
            Screen.of("/{lang}/c/taroudant/budget/" + DEMO_YEAR + "/lines/40"),
            Screen.of("/{lang}/c/taroudant/admin/budget").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/budget/1").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/budget/1/lines/10").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/budget/executions/1").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/budget/summaries/" + DEMO_YEAR).as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/documents"),
            Screen.of("/{lang}/c/taroudant/documents?q=%D8%A7%D9%84%D8%A7%D9%86%D8%A7%D8%B1%D8%A9&type=STUDY"),
            Screen.of("/{lang}/c/taroudant/documents/1"),
            Screen.of("/{lang}/c/taroudant/documents/13"),
            Screen.of("/{lang}/c/taroudant/admin/documents").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/documents/new").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/documents/14").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/documents/1").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/program"),
            Screen.of("/{lang}/c/taroudant/program/1"),
            Screen.of("/{lang}/c/taroudant/program/2"),
            Screen.of("/{lang}/c/taroudant/admin/program").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/program/2").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/program/new").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/program/1/diagnosis"),
            Screen.of("/{lang}/c/taroudant/program/2/diagnosis"),
            Screen.of("/{lang}/c/taroudant/program/2/diagnosis").as(CITIZEN),
            Screen.of("/{lang}/c/taroudant/program/2/diagnosis").as(CITIZEN).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/program/1/workshops"),
            Screen.of("/{lang}/c/taroudant/program/1/workshops/1"),
            Screen.of("/{lang}/c/taroudant/program/2/workshops/3").as(CITIZEN),
            Screen.of("/{lang}/c/taroudant/admin/program/1/diagnosis").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/program/2/diagnosis").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/program/1/workshops").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/program/1/workshops/1").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/program/2/workshops/3").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/program/2/workshops/new").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/program/1/commitments"),
            Screen.of("/{lang}/c/taroudant/program/1/commitments/1"),
            Screen.of("/{lang}/c/taroudant/program/1/commitments/1").as(CITIZEN),
            Screen.of("/{lang}/c/taroudant/admin/program/1/commitments/1/progress").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/program/1/commitments/1/progress").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/program/1/commitments/1/assessments").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/program/1/commitments/1/assessments").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/program/1/opinions"),
            Screen.of("/{lang}/c/taroudant/program/1/opinions/1"),
            Screen.of("/{lang}/c/taroudant/program/1/versions"),
            Screen.of("/{lang}/c/taroudant/program/1/versions/compare?from=1&to=2"),
            Screen.of("/{lang}/c/taroudant/admin/program/1/opinions").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/program/1/opinions").as("body@taroudant.demo").afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/program/1/opinions/1").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/program/1/commitments").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/program/1/commitments/1").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/program/2/commitments").as(TAROUDANT_STAFF),
            // Proposals (demo: proposals 1-12 answered in process 1, 13-18 open in process 2).
            Screen.of("/{lang}/c/taroudant/program/1/proposals"),
            Screen.of("/{lang}/c/taroudant/program/2/proposals?sort=supports"),
            Screen.of("/{lang}/c/taroudant/program/1/proposals/1"),
            Screen.of("/{lang}/c/taroudant/program/2/proposals/13").as(CITIZEN).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/program/2/proposals/new").as(CITIZEN).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/program/1/proposals").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/program/2/proposals/13").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/program/1/comments").as(TAROUDANT_STAFF),
            // The network: the openness index, its methodology, the exchange of experience (demo practice 1 is
            // Taroudant's budget hearing, 8 its draft; event 1 the past workshop, 2 an upcoming webinar).
            Screen.of("/{lang}/network"),
            Screen.of("/{lang}/network/index"),
            Screen.of("/{lang}/network/index?type=COMMUNE&region=souss-massa"),
            Screen.of("/{lang}/network/index/taroudant"),
            Screen.of("/{lang}/network/index/tafraout"),
            Screen.of("/{lang}/network/index/taroudant/requests-in-time"),
            Screen.of("/{lang}/network/index/tafraout/decisions-publication-days"),
            Screen.of("/{lang}/network/index/agadir/machine-readable"),
            Screen.of("/{lang}/network/compare?a=taroudant&b=agadir"),
            Screen.of("/{lang}/network/compare"),
            Screen.of("/{lang}/network/index/sensitivity"),
            Screen.of("/{lang}/network/index?period=1999").expecting(400),
            Screen.of("/{lang}/network/methodology"),
            Screen.of("/{lang}/network/methodology/requests-in-time"),
            Screen.of("/{lang}/network/methodology/v/1"),
            Screen.of("/{lang}/network/admin/methodology").as(COORDINATOR),
            Screen.of("/{lang}/network/admin/index").as(COORDINATOR),
            Screen.of("/{lang}/network/practices"),
            Screen.of("/{lang}/network/practices?q=budget"),
            Screen.of("/{lang}/network/practices/1"),
            Screen.of("/{lang}/network/practices/1").as(CITIZEN).afterEmptySubmit(),
            Screen.of("/{lang}/network/events"),
            Screen.of("/{lang}/network/events/1"),
            Screen.of("/{lang}/network/events/2").as(CITIZEN),
            Screen.of("/{lang}/c/taroudant/admin/practices").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/c/taroudant/admin/practices/new").as(TAROUDANT_STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/practices/8").as(TAROUDANT_STAFF),
            Screen.of("/{lang}/network/admin/events").as(COORDINATOR),
            Screen.of("/{lang}/network/admin/events/new").as(COORDINATOR).afterEmptySubmit(),
            Screen.of("/{lang}/network/admin/events/2").as(COORDINATOR),
            // Cohort selection: call 1 closed with its results, call 2 open.
            Screen.of("/{lang}/network/calls"),
            Screen.of("/{lang}/network/calls/1"),
            Screen.of("/{lang}/network/calls/2"),
            Screen.of("/{lang}/network/admin/calls").as(COORDINATOR),
            Screen.of("/{lang}/network/admin/calls/1").as(COORDINATOR),
            Screen.of("/{lang}/network/admin/calls/2").as(COORDINATOR),
            Screen.of("/{lang}/network/review/calls/1").as("reviewer1@opencommune.demo"),
            Screen.of("/{lang}/c/taroudant/admin/calls/2/application").as(TAROUDANT_STAFF));

    /** The languages checked: one right to left, one left to right. */
    static final List<String> LANGUAGES = List.of("ar", "fr");

    static Stream<Arguments> everyPageInArabicAndFrench() {
        return LANGUAGES.stream().flatMap(lang -> PAGES.stream()
                .map(screen -> Arguments.of(lang, screen)));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("everyPageInArabicAndFrench")
    void pageHasNoAxeViolations(String lang, Screen screen) {
        show(lang, screen);

        assertNoAccessibilityViolations();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("everyPageInArabicAndFrench")
    void pageFitsAPhoneScreenWithoutSidewaysScrolling(String lang, Screen screen) {
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        show(lang, screen);

        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        int innerWidth = ((Number) page.evaluate("window.innerWidth")).intValue();
        assertThat(scrollWidth).as(() -> page.url() + " scrolls sideways at " + PHONE_WIDTH + " px; too wide: "
                + page.evaluate(WIDEST_ELEMENTS)).isLessThanOrEqualTo(innerWidth);
    }

    /** The elements that stick out of the viewport, to say at once what to fix when the check fails. */
    private static final String WIDEST_ELEMENTS = """
            () => [...document.querySelectorAll('body *')]
              .filter(e => { const r = e.getBoundingClientRect(); return r.right > window.innerWidth + 0.5 || r.left < -0.5; })
              .slice(0, 8)
              .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                   + ' [' + Math.round(e.getBoundingClientRect().left) + ',' + Math.round(e.getBoundingClientRect().right) + ']')
              .join(', ')
            """;

    private void show(String lang, Screen screen) {
        if (screen.account() != null) {
            logIn(lang, screen.account());
        }
        Response response = open(screen.path(lang));
        assertThat(response).as("response to %s", screen.path(lang)).isNotNull();
        assertThat(response.status()).as("status of %s", screen.path(lang)).isEqualTo(screen.expectedStatus());
        if (screen.submitEmpty()) {
            page.waitForNavigation(() -> page.locator("main form button[type=submit]").last().click());
            assertThat(page.locator(".error-summary").isVisible()).as("error summary after an empty submit on %s", page.url()).isTrue();
        }
        assertHtmlLangAndDir(lang, "ar".equals(lang) ? "rtl" : "ltr");
    }

    /** A page to check: its path, the demo account that looks at it (none: anonymous), what to do first. */
    record Screen(String path, String account, boolean submitEmpty, int expectedStatus) {

        static Screen of(String path) {
            return new Screen(path, null, false, 200);
        }

        Screen as(String email) {
            return new Screen(path, email, submitEmpty, expectedStatus);
        }

        Screen afterEmptySubmit() {
            return new Screen(path, account, true, expectedStatus);
        }

        Screen expecting(int status) {
            return new Screen(path, account, submitEmpty, status);
        }

        String path(String lang) {
            return path.replace("{lang}", lang);
        }

        @Override
        public String toString() {
            return path + (submitEmpty ? " after an empty submit" : "") + (account == null ? "" : " as " + account);
        }
    }
}
