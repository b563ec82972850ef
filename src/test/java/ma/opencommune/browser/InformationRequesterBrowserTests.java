package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import java.time.LocalDate;
import ma.opencommune.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen files an access-to-information request in a real browser, without JavaScript help, gets the receipt
 * page and the PDF, then complains to the head of the body once the deadline passed; the officer sees the
 * complaint. Every page on the way has no axe-core violation and fits a 375 px phone.
 */
@BrowserTest
class InformationRequesterBrowserTests extends BrowserSession {

    @Autowired
    JdbcClient jdbc;

    void checkPage() {
        assertNoAccessibilityViolations();
        page.setViewportSize(375, 740);
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        int innerWidth = ((Number) page.evaluate("window.innerWidth")).intValue();
        assertThat(scrollWidth).as(() -> page.url() + " scrolls sideways at 375 px").isLessThanOrEqualTo(innerWidth);
        page.setViewportSize(1280, 720);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ar"})
    void aCitizenFilesARequestDownloadsTheReceiptAndComplainsToTheHead(String lang) {
        open("/" + lang + "/c/taroudant/information");
        checkPage();
        logIn(lang, "citizen@opencommune.demo");
        open("/" + lang + "/c/taroudant/information/new");
        checkPage();
        page.waitForNavigation(() -> page.locator("main form button[type=submit]").last().click());
        // The email is pre-filled and EMAIL delivery chosen: the empty fields are the ones reported.
        assertThat(page.locator(".error-summary").isVisible()).isTrue();
        checkPage();
        page.locator("#firstName").fill("Fatima");
        page.locator("#lastName").fill("Ait Lahcen");
        page.locator("#postalAddress").fill("12 rue Souss, Taroudant");
        page.locator("#cin").fill("JB123456");
        page.locator("#subject").fill("ar".equals(lang) ? "ميزانية الجماعة 2025" : "Budget 2025 de la commune");
        page.locator("#description").fill("ar".equals(lang) ? "الميزانية حسب الفصول." : "Le budget par chapitre.");
        page.waitForNavigation(() -> page.locator("main form button[type=submit]").last().click());
        assertThat(page.url()).contains("/information/requests/TRD-");
        String tn = page.url().substring(page.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        checkPage();

        Download pdf = page.waitForDownload(() -> page.locator("a[href$='/receipt.pdf']").click());
        assertThat(pdf.suggestedFilename()).isEqualTo("receipt-" + tn + ".pdf");

        open("/" + lang + "/account/information");
        assertThat(page.content()).contains(tn);
        checkPage();

        jdbc.sql("update info_request set due_on = ? where tracking_number = ?").params(LocalDate.now().minusDays(2), tn).update();
        open("/" + lang + "/c/taroudant/information/requests/" + tn);
        checkPage();
        page.locator("#body").fill("ar".equals(lang) ? "لم أتلق أي جواب." : "Aucune réponse dans le délai légal.");
        page.waitForNavigation(() -> page.locator("form[action$='/complaints/head'] button[type=submit]").click());
        checkPage();

        context.clearCookies();
        logIn(lang, "staff@taroudant.demo");
        open("/" + lang + "/c/taroudant/admin/information/requests/" + tn + "/complaints");
        assertThat(page.content()).contains("ar".equals(lang) ? "لم أتلق أي جواب." : "Aucune réponse dans le délai légal.");
        checkPage();
        page.waitForNavigation(() -> page.locator("main form button[type=submit]").last().click());
        assertThat(page.locator(".error-summary").isVisible()).isTrue();
        checkPage();
    }
}
