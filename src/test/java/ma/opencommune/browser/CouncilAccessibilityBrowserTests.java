package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import java.util.List;
import java.util.stream.Stream;
import ma.opencommune.browser.AccessibilityBrowserTests.Screen;
import ma.opencommune.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The council's pages, public and staff, under the same checks as {@link AccessibilityBrowserTests}: zero axe-core
 * violations in Arabic and French, and no sideways scrolling at 375 px. Ids are those of the Taroudant demo (sessions 1-3
 * held, 4 upcoming; decision 1 with per-member votes, 11 corrected once).
 */
@BrowserTest
class CouncilAccessibilityBrowserTests extends BrowserSession {

    static final String STAFF = AccessibilityBrowserTests.TAROUDANT_STAFF;

    static final List<Screen> PAGES = List.of(
            Screen.of("/{lang}/c/taroudant/council"),
            Screen.of("/{lang}/c/taroudant/council/sessions/3"),
            Screen.of("/{lang}/c/taroudant/council/sessions/4"),
            Screen.of("/{lang}/c/taroudant/council/decisions"),
            Screen.of("/{lang}/c/taroudant/council/decisions?topic=budget"),
            Screen.of("/{lang}/c/taroudant/council/decisions/1"),
            Screen.of("/{lang}/c/taroudant/council/decisions/11"),
            Screen.of("/{lang}/c/taroudant/admin/council").as(STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/council/members").as(STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/council/members/2").as(STAFF),
            Screen.of("/{lang}/c/taroudant/admin/council/sessions/3").as(STAFF),
            Screen.of("/{lang}/c/taroudant/admin/council/sessions/4").as(STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/council/sessions/3/decisions/new").as(STAFF).afterEmptySubmit(),
            Screen.of("/{lang}/c/taroudant/admin/council/decisions/11").as(STAFF));

    static Stream<Arguments> councilPagesInArabicAndFrench() {
        return AccessibilityBrowserTests.LANGUAGES.stream().flatMap(lang -> PAGES.stream().map(screen -> Arguments.of(lang, screen)));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("councilPagesInArabicAndFrench")
    void councilPageHasNoAxeViolations(String lang, Screen screen) {
        show(lang, screen);
        assertNoAccessibilityViolations();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("councilPagesInArabicAndFrench")
    void councilPageFitsAPhoneScreenWithoutSidewaysScrolling(String lang, Screen screen) {
        page.setViewportSize(AccessibilityBrowserTests.PHONE_WIDTH, AccessibilityBrowserTests.PHONE_HEIGHT);
        show(lang, screen);
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        int innerWidth = ((Number) page.evaluate("window.innerWidth")).intValue();
        assertThat(scrollWidth).as(() -> page.url() + " scrolls sideways").isLessThanOrEqualTo(innerWidth);
    }

    private void show(String lang, Screen screen) {
        if (screen.account() != null) {
            logIn(lang, screen.account());
        }
        Response response = open(screen.path(lang));
        assertThat(response.status()).as("status of %s", screen.path(lang)).isEqualTo(screen.expectedStatus());
        if (screen.submitEmpty()) {
            page.waitForNavigation(() -> page.locator("main form button[type=submit]").last().click());
            assertThat(page.locator(".error-summary").isVisible()).as("error summary after an empty submit on %s", page.url()).isTrue();
        }
        assertHtmlLangAndDir(lang, "ar".equals(lang) ? "rtl" : "ltr");
    }
}
