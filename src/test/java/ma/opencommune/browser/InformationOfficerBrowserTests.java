package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.information.Delivery;
import ma.opencommune.information.InformationRequests;
import ma.opencommune.platform.Lang;
import ma.opencommune.support.BrowserTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The officers' queue and a request's page in a real browser: no axe violation, no sideways scrolling on a phone, errors in place. */
@BrowserTest
class InformationOfficerBrowserTests extends BrowserSession {

    static final String STAFF = "staff@taroudant.demo";

    @Autowired InformationRequests requests;
    @Autowired Territory territory;
    @Autowired UserDetailsService users;

    String file() {
        Collectivity c = territory.require("taroudant");
        AccountUser citizen = (AccountUser) users.loadUserByUsername("citizen@opencommune.demo");
        return requests.file(c, citizen, new InformationRequests.Filing("Fatima", "Ait Ali", "12 rue de la Kasbah, Taroudant", "JB123456",
                "fatima@example.ma", "Budget " + System.nanoTime(), "Le budget détaillé de la commune pour l'année en cours, par chapitre.",
                Delivery.EMAIL, true, "Une audience au tribunal la semaine prochaine."), Lang.FR).trackingNumber();
    }

    void check(String path) {
        page.setViewportSize(375, 740);
        Response response = open(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertNoAccessibilityViolations();
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        int innerWidth = ((Number) page.evaluate("window.innerWidth")).intValue();
        assertThat(scrollWidth).as(path + " scrolls sideways").isLessThanOrEqualTo(innerWidth);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "fr"})
    void queueAndRequestPagesAreAccessibleAndFitAPhone(String lang) {
        String tn = file();
        logIn(lang, STAFF);
        check("/" + lang + "/c/taroudant/admin/information");
        check("/" + lang + "/c/taroudant/admin/information?state=closed");
        String detail = "/" + lang + "/c/taroudant/admin/information/requests/" + tn;
        check(detail);
        // An empty refusal shows its errors in place, still accessible.
        page.waitForNavigation(() -> page.locator("#refusal button[type=submit]").click());
        assertThat(page.locator("#refusal .error-summary").isVisible()).isTrue();
        assertNoAccessibilityViolations();
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).isLessThanOrEqualTo(((Number) page.evaluate("window.innerWidth")).intValue());
        // The full identity number, shown on demand.
        page.waitForNavigation(() -> page.locator("#requester button[type=submit]").click());
        assertThat(page.locator("#cin-clear").textContent()).isEqualTo("JB123456");
        assertNoAccessibilityViolations();
    }
}
