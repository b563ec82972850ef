package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.net.URI;
import ma.opencommune.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The language switcher keeps the visitor on the same page (same path, same filters) and the page follows the
 * language: direction, and the Tifinagh web font only where Tamazight is shown.
 */
@BrowserTest
class LanguageSwitchBrowserTests extends BrowserSession {

    private static final String TIFINAGH_STYLESHEET = "link[rel=stylesheet][href*='/css/tifinagh']";

    /** True once a Tifinagh font face has actually been downloaded and applied by the browser. */
    private static final String TIFINAGH_FONT_LOADED = """
            async () => { await document.fonts.ready;
              return [...document.fonts].some(f => f.family.includes('Tifinagh') && f.status === 'loaded'); }""";

    @Test
    void switchingFromArabicToFrenchThenTamazightStaysOnTheSamePage() {
        open("/ar/c/taroudant");
        assertHtmlLangAndDir("ar", "rtl");
        assertThat(currentLanguageLink().getAttribute("hreflang")).isEqualTo("ar");
        assertThat(page.locator(TIFINAGH_STYLESHEET).count()).as("Tifinagh stylesheet on an Arabic page").isZero();

        switchTo("fr");
        assertThat(pathAndQuery()).isEqualTo("/fr/c/taroudant");
        assertHtmlLangAndDir("fr", "ltr");
        assertThat(page.locator("h1").textContent()).isEqualTo("Taroudant");
        assertThat(currentLanguageLink().getAttribute("hreflang")).isEqualTo("fr");
        assertThat(page.locator(TIFINAGH_STYLESHEET).count()).as("Tifinagh stylesheet on a French page").isZero();

        switchTo("zgh");
        assertThat(pathAndQuery()).isEqualTo("/zgh/c/taroudant");
        assertHtmlLangAndDir("zgh", "ltr");
        assertThat(page.locator("h1").textContent()).containsPattern("\\p{IsTifinagh}");
        assertThat(currentLanguageLink().getAttribute("hreflang")).isEqualTo("zgh");
        assertThat(page.locator(TIFINAGH_STYLESHEET).count()).as("Tifinagh stylesheet on a Tamazight page").isEqualTo(1);
        assertThat(page.evaluate(TIFINAGH_FONT_LOADED)).as("the Tifinagh font is downloaded and used").isEqualTo(true);

        switchTo("ar");
        assertThat(pathAndQuery()).isEqualTo("/ar/c/taroudant");
        assertHtmlLangAndDir("ar", "rtl");
        assertThat(page.locator(TIFINAGH_STYLESHEET).count()).isZero();
    }

    @Test
    void switchingLanguageKeepsTheQueryString() {
        open("/ar/network?type=COMMUNE");
        assertThat(page.locator("#type").inputValue()).isEqualTo("COMMUNE");

        switchTo("fr");

        assertThat(pathAndQuery()).isEqualTo("/fr/network?type=COMMUNE");
        assertHtmlLangAndDir("fr", "ltr");
        assertThat(page.locator("#type").inputValue()).as("the filter still applies").isEqualTo("COMMUNE");
    }

    @Test
    void tifinaghFontIsNeverLoadedOnArabicOrFrenchPages() {
        for (String path : new String[] {"/ar/", "/fr/", "/ar/c/taroudant", "/fr/c/taroudant"}) {
            open(path);
            assertThat(page.locator(TIFINAGH_STYLESHEET).count()).as("Tifinagh stylesheet on %s", path).isZero();
            assertThat(page.evaluate(TIFINAGH_FONT_LOADED)).as("Tifinagh font on %s", path).isEqualTo(false);
        }
    }

    /** Clicks the switcher's link to a language, as a person would, and waits for the new page. */
    private void switchTo(String lang) {
        Locator link = page.locator("nav.lang-switch a[hreflang='" + lang + "']");
        assertThat(link.getAttribute("lang")).as("the link names its language in that language").isEqualTo(lang);
        page.waitForNavigation(link::click);
    }

    private Locator currentLanguageLink() {
        return page.locator("nav.lang-switch a[aria-current='true']");
    }

    private String pathAndQuery() {
        URI uri = URI.create(page.url());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
