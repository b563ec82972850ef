package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import ma.opencommune.platform.Morocco;
import ma.opencommune.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A request for information as people live it, in a real browser: a citizen files it and downloads the receipt;
 * the officer asks a clarification and the citizen answers; the officer extends the deadline (ATI-5), answers with
 * a document, redacts and publishes (PDP-2); the citizen complains to the head of the body (ATI-8); the public page
 * and the statistics show it. In French, and once in Arabic; axe-core on every page touched.
 */
@BrowserTest
class InformationJourneyBrowserTests extends BrowserSession {

    private static final String CITIZEN = "citizen@opencommune.demo";
    private static final String OFFICER = "staff@taroudant.demo";
    private static final byte[] SMALL_PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRequestIsFiledAnsweredPublishedAndComplainedAboutInFrench() {
        journey("fr");
    }

    @Test
    void aRequestIsFiledAnsweredPublishedAndComplainedAboutInArabic() {
        journey("ar");
    }

    void journey(String lang) {
        boolean ar = "ar".equals(lang);
        String base = "/" + lang + "/c/taroudant";
        // Letters only: a mark with digits could look like an identity number and be redacted.
        String mark = UUID.randomUUID().toString().replaceAll("[^a-f]", "").concat("abcdef").substring(0, 6);
        int year = LocalDate.now(Morocco.ZONE).getYear();
        long receivedBefore = receivedThisYear(year);

        // 1. A citizen files a request and downloads the receipt.
        logIn(lang, CITIZEN);
        open(base + "/information");
        checkPage(lang);
        open(base + "/information/new");
        checkPage(lang);
        page.locator("#firstName").fill(ar ? "سعاد" : "Souad");
        page.locator("#lastName").fill(ar ? "العلوي" : "Alaoui");
        page.locator("#postalAddress").fill(ar ? "12 زنقة الأطلس، تارودانت" : "12 rue de l'Atlas, Taroudant");
        page.locator("#cin").fill("JB123456");
        String subject = (ar ? "صفقات تهيئة السوق الأسبوعي " : "Marchés d'aménagement du souk hebdomadaire ") + mark;
        page.locator("#subject").fill(subject);
        page.locator("#description").fill(ar ? "أطلب نسخة من دفتر التحملات ومحضر فتح الأظرفة." : "Je demande le cahier des charges et le procès-verbal d'ouverture des plis.");
        page.locator("#delivery-EMAIL").check();
        submit("form[action$='/information/new']");
        String requestPath = URI.create(page.url()).getPath();
        assertThat(requestPath).startsWith(base + "/information/requests/");
        String tn = requestPath.substring(requestPath.lastIndexOf('/') + 1);
        assertThat(tn).matches("[A-Z0-9]+-" + year + "-\\d{6}");
        assertThat(page.locator("main").innerText()).contains(tn).contains(subject).doesNotContain("JB123456");
        checkPage(lang);
        APIResponse pdf = page.request().get(url(requestPath + "/receipt.pdf"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // 2. The officer finds it in the queue and asks a clarification.
        switchTo(lang, OFFICER);
        open(base + "/admin/information");
        assertThat(page.locator("main").innerText()).contains(tn);
        checkPage(lang);
        String adminPath = base + "/admin/information/requests/" + tn;
        open(adminPath);
        checkPage(lang);
        page.locator("#question").fill(ar ? "هل تقصدون صفقة 2025 أم صفقة 2026؟" : "S'agit-il du marché de 2025 ou de celui de 2026 ?");
        submit("form[action$='/clarification']");
        assertThat(status()).isEqualTo("CLARIFICATION");
        checkPage(lang);

        // 3. The citizen answers; the clock resumes.
        switchTo(lang, CITIZEN);
        open(requestPath);
        checkPage(lang);
        page.locator("#answer").fill(ar ? "صفقة 2026." : "Celui de 2026.");
        submit("form[action$='/clarification']");
        assertThat(status()).isEqualTo("RECEIVED");
        checkPage(lang);

        // 4. The officer extends the deadline, then answers with a document.
        switchTo(lang, OFFICER);
        open(adminPath);
        LocalDate dueBefore = due();
        page.locator("#reason").selectOption(new SelectOption().setValue("LARGE_VOLUME"));
        submit("form#extension");
        assertThat(status()).isEqualTo("EXTENDED");
        assertThat(due()).isAfter(dueBefore);
        checkPage(lang);
        page.locator("#answerKind").selectOption(new SelectOption().setValue("FULL"));
        page.locator("#answerText").fill(ar ? "تجدون رفقته دفتر التحملات." : "Vous trouverez ci-joint le cahier des charges.");
        page.locator("#files").setInputFiles(new FilePayload("cahier-des-charges.pdf", "application/pdf", SMALL_PDF));
        page.locator("#publishable").check();
        submit("form#answer");
        assertThat(status()).isEqualTo("ANSWERED");
        assertThat(jdbc.sql("select count(*) from info_attachment a join info_request r on r.id = a.request_id where r.tracking_number = ?")
                .param(tn).query(Integer.class).single()).isEqualTo(1);
        checkPage(lang);

        // 5. The officer reviews the redaction and publishes.
        open(adminPath + "/publication");
        checkPage(lang);
        page.locator("input[name='attachments']").first().check();
        if (page.locator("#confirmed").count() > 0) {
            page.locator("#confirmed").check();
        }
        submit("form[action$='/publication']");
        assertThat(jdbc.sql("select published_at is not null from info_request where tracking_number = ?").param(tn).query(Boolean.class).single())
                .as("published").isTrue();
        checkPage(lang);

        // 6. The citizen complains to the head of the body (ATI-8).
        switchTo(lang, CITIZEN);
        open(requestPath);
        page.locator("form[action$='/complaints/head'] #body").fill(ar ? "الجواب لا يتضمن محضر فتح الأظرفة." : "La réponse ne contient pas le procès-verbal d'ouverture des plis.");
        submit("form[action$='/complaints/head']");
        assertThat(jdbc.sql("select count(*) from info_complaint k join info_request r on r.id = k.request_id where r.tracking_number = ? and k.level = 'HEAD'")
                .param(tn).query(Integer.class).single()).isEqualTo(1);
        checkPage(lang);

        // 7. Anyone sees the published answer, without the requester, and the statistics count the request.
        switchTo(lang, null);
        open(base + "/information/published?q=" + mark);
        assertThat(page.locator("main").innerText()).contains(tn);
        checkPage(lang);
        open(base + "/information/published/" + tn);
        String published = page.locator("main").innerText();
        assertThat(published).contains(subject).doesNotContain(ar ? "العلوي" : "Alaoui").doesNotContain("JB");
        assertThat(page.locator("a[href*='/attachments/']").count()).as("published document").isEqualTo(1);
        checkPage(lang);
        open(base + "/information/statistics?year=" + year);
        assertThat(receivedThisYear(year)).isEqualTo(receivedBefore + 1);
        assertThat(page.locator("dd").first().innerText().strip()).isEqualTo(String.valueOf(receivedBefore + 1));
        checkPage(lang);
    }

    long receivedThisYear(int year) {
        return jdbc.sql("select count(*) from info_request r join collectivity c on c.id = r.collectivity_id where c.slug = 'taroudant'"
                + " and r.received_on between ? and ?").params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(Long.class).single();
    }

    String status() {
        String path = URI.create(page.url()).getPath();
        String tn = path.replaceAll(".*/requests/([^/]+).*", "$1");
        return jdbc.sql("select status from info_request where tracking_number = ?").param(tn).query(String.class).single();
    }

    LocalDate due() {
        String path = URI.create(page.url()).getPath();
        String tn = path.replaceAll(".*/requests/([^/]+).*", "$1");
        return jdbc.sql("select due_on from info_request where tracking_number = ?").param(tn).query(LocalDate.class).single();
    }
}
