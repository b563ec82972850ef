package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import java.net.URI;
import ma.opencommune.platform.Lang;
import ma.opencommune.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** A collectivity's staff administrator manages roles in the browser; staff of another commune is turned away. */
@BrowserTest
class StaffAdminBrowserTests extends BrowserSession {

    private static final String ROLES_PAGE = "/fr/c/taroudant/admin/roles";
    private static final String CITIZEN = "citizen@opencommune.demo";

    @Autowired
    MessageSource messages;

    @Test
    void staffAdminGrantsTheInformationOfficerRoleThenRevokesIt() {
        logIn("fr", "staff@taroudant.demo");
        open(ROLES_PAGE);
        assertHtmlLangAndDir("fr", "ltr");
        String roleName = french("role.INFORMATION_OFFICER");
        assertThat(citizenRows(roleName).count()).as("the citizen holds no such role yet").isZero();

        page.locator("#email").fill(CITIZEN);
        page.locator("#role").selectOption("INFORMATION_OFFICER");
        page.waitForNavigation(() -> page.locator("main form:has(#email) button[type=submit]").click());

        assertThat(URI.create(page.url()).getPath()).isEqualTo(ROLES_PAGE);
        assertThat(page.locator(".notice[role=status]").textContent()).isEqualTo(french("roles.granted"));
        assertThat(citizenRows(roleName).count()).as("the new grant is listed").isEqualTo(1);

        page.waitForNavigation(() -> citizenRows(roleName).locator("button[type=submit]").click());

        assertThat(URI.create(page.url()).getPath()).isEqualTo(ROLES_PAGE);
        assertThat(page.locator(".notice[role=status]").textContent()).isEqualTo(french("roles.revoked"));
        assertThat(citizenRows(roleName).count()).as("the revoked grant is gone").isZero();
    }

    @Test
    void staffOfAnotherCommuneGetsTheAccessDeniedPage() {
        logIn("fr", "staff@agadir.demo");

        Response response = open(ROLES_PAGE);

        assertThat(response.status()).isEqualTo(403);
        assertHtmlLangAndDir("fr", "ltr");
        assertThat(page.locator("h1").textContent()).isEqualTo(french("error.403.title"));
        assertThat(page.locator("main").textContent()).doesNotContain(CITIZEN).doesNotContain("staff@taroudant.demo");
    }

    private Locator citizenRows(String roleName) {
        return page.locator("main table tbody tr").filter(new Locator.FilterOptions().setHasText(CITIZEN))
                .filter(new Locator.FilterOptions().setHasText(roleName));
    }

    private String french(String key) {
        return messages.getMessage(key, null, Lang.FR.locale());
    }
}
