package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.opencommune.platform.Lang;
import ma.opencommune.support.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * A new person creates an account in Arabic, as they would on a phone: register, read the mail, follow the link,
 * log in. Every page of the journey is Arabic and right to left; every mistake is explained in Arabic at the top
 * of the form; nothing typed into a field is ever run as script.
 */
@BrowserTest
class RegistrationBrowserTests extends BrowserSession {

    private static final Pattern CONFIRMATION_LINK = Pattern.compile("https?://\\S+?(/ar/confirm\\?token=[A-Za-z0-9_%-]+)");
    private static final Pattern ARABIC_LETTER = Pattern.compile("\\p{IsArabic}");
    private static final String STRONG_PASSWORD = "نخلة-واحة-2025-Souss";

    @Autowired
    MessageSource messages;

    /** Any alert, confirm or prompt would mean script ran that nobody wrote into the platform. */
    private final List<String> dialogs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void failOnAnyDialog() {
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
    }

    @AfterEach
    void noScriptEverRan() {
        assertThat(dialogs).as("dialogs opened by injected script").isEmpty();
    }

    @Test
    void newPersonRegistersInArabicConfirmsTheEmailAndLogsIn() {
        String email = "nouvelle-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ma";

        open("/ar/register");
        assertHtmlLangAndDir("ar", "rtl");
        fillRegistration("فاطمة أيت باها", email, STRONG_PASSWORD, STRONG_PASSWORD);
        submit();

        assertThat(URI.create(page.url()).getPath()).isEqualTo("/ar/register/check-email");
        assertHtmlLangAndDir("ar", "rtl");
        assertThat(page.locator("h1").textContent()).isEqualTo(arabic("check.title"));
        assertThat(page.locator("main").textContent()).contains(email);

        open("/ar/dev/mailbox?to=" + email);
        assertHtmlLangAndDir("ar", "rtl");
        Locator mail = page.locator("pre.mail");
        assertThat(mail.count()).as("mails to %s", email).isEqualTo(1);
        Matcher link = CONFIRMATION_LINK.matcher(mail.textContent());
        assertThat(link.find()).as("confirmation link in the mail:\n%s", mail.textContent()).isTrue();

        open(link.group(1));
        assertHtmlLangAndDir("ar", "rtl");
        assertThat(page.locator("h1").textContent()).isEqualTo(arabic("confirmed.title"));

        page.waitForNavigation(() -> page.locator("main a.button").click());
        assertThat(URI.create(page.url()).getPath()).isEqualTo("/ar/login");
        assertHtmlLangAndDir("ar", "rtl");
        page.locator("#email").fill(email);
        page.locator("#password").fill(STRONG_PASSWORD);
        submit();

        assertThat(URI.create(page.url()).getPath()).isEqualTo("/ar/account");
        assertHtmlLangAndDir("ar", "rtl");
        assertThat(page.locator("h1").textContent()).isEqualTo(arabic("account.title"));
        assertThat(page.locator("main").textContent()).contains(email);
    }

    @Test
    void emptyFormIsExplainedInArabicAtTheTopOfTheForm() {
        open("/ar/register");
        submit();

        assertHtmlLangAndDir("ar", "rtl");
        Locator summary = errorSummary();
        assertThat(summary.locator("h2").textContent()).isEqualTo(arabic("form.error-summary"));
        assertThat(summary.locator("li").allTextContents().stream().map(String::strip))
                .contains(arabic("validation.required"), arabic("validation.password.required"), arabic("validation.consent"));
        assertThat(summary.textContent()).containsPattern(ARABIC_LETTER);
        // Each entry links to its field, so a keyboard or screen-reader user lands where the fix is.
        for (String field : new String[] {"displayName", "email", "password"}) {
            assertThat(summary.locator("a[href='#" + field + "']").count()).as("summary links to #%s", field).isPositive();
        }
        assertThat(page.locator("#displayName").getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void weakPasswordIsRefusedWithAnArabicMessage() {
        open("/ar/register");
        fillRegistration("يوسف الحسني", "youssef-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ma", "123456", "123456");
        submit();

        assertThat(URI.create(page.url()).getPath()).isEqualTo("/ar/register");
        assertHtmlLangAndDir("ar", "rtl");
        Locator summary = errorSummary();
        assertThat(summary.locator("a[href='#password']").textContent().strip()).isEqualTo(arabic("validation.password.short"));
        assertThat(summary.textContent()).containsPattern(ARABIC_LETTER);
        assertThat(page.locator("#password").inputValue()).as("the password is never sent back to the browser").isEmpty();
    }

    @Test
    void scriptInTheNameIsRefusedAndShownAsTextNeverRun() {
        String payload = "<script>alert('xss')</script><img src=x onerror=\"alert(1)\">";
        open("/ar/register");
        fillRegistration(payload, "script-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ma", STRONG_PASSWORD,
                STRONG_PASSWORD);
        submit();

        assertThat(URI.create(page.url()).getPath()).as("the registration is refused").isEqualTo("/ar/register");
        Locator summary = errorSummary();
        assertThat(summary.locator("a[href='#displayName']").textContent().strip()).isEqualTo(arabic("validation.name.characters"));
        assertThat(page.locator("#displayName").inputValue()).as("the name comes back as typed, as text").isEqualTo(payload);
        assertThat(page.locator("main script, main img").count()).as("no element was made from the name").isZero();
    }

    private void fillRegistration(String name, String email, String password, String confirmation) {
        page.locator("#displayName").fill(name);
        page.locator("#email").fill(email);
        page.locator("#password").fill(password);
        page.locator("#passwordConfirm").fill(confirmation);
        page.locator("#consent").check();
    }

    private void submit() {
        page.waitForNavigation(() -> page.locator("main form button[type=submit]").first().click());
    }

    private Locator errorSummary() {
        Locator summary = page.locator(".error-summary");
        assertThat(summary.isVisible()).as("error summary on %s", page.url()).isTrue();
        return summary;
    }

    private String arabic(String key) {
        return messages.getMessage(key, null, Lang.AR.locale());
    }
}
