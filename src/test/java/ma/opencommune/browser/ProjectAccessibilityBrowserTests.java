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
 * The pages that link projects and council decisions, under the same checks as {@link AccessibilityBrowserTests}: zero
 * axe-core violations in Arabic and French, and no sideways scrolling at 375 px. Ids are those of the Taroudant demo
 * (project 3 lights Bab El Kasbah and carries out decision 1; the staff form lists the published decisions by session).
 */
@BrowserTest
class ProjectAccessibilityBrowserTests extends BrowserSession {

    static final String STAFF = AccessibilityBrowserTests.TAROUDANT_STAFF;

    static final List<Screen> PAGES = List.of(
            Screen.of("/{lang}/c/taroudant/projects/3"),
            Screen.of("/{lang}/c/taroudant/council/decisions/1"),
            Screen.of("/{lang}/c/taroudant/admin/projects/3").as(STAFF),
            Screen.of("/{lang}/c/taroudant/admin/projects/new").as(STAFF).afterEmptySubmit());

    static Stream<Arguments> pagesInArabicAndFrench() {
        return AccessibilityBrowserTests.LANGUAGES.stream().flatMap(lang -> PAGES.stream().map(screen -> Arguments.of(lang, screen)));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("pagesInArabicAndFrench")
    void projectPageHasNoAxeViolations(String lang, Screen screen) {
        show(lang, screen);
        assertNoAccessibilityViolations();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("pagesInArabicAndFrench")
    void projectPageFitsAPhoneScreenWithoutSidewaysScrolling(String lang, Screen screen) {
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
