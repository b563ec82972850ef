package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.microsoft.playwright.Response;
import ma.opencommune.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A 50 MB upload to the library through the real server: the servlet refuses the request above its own limit (25 MB)
 * before any controller runs, the secretary gets an error page in their language (or, once the platform sends a 413
 * on a page back to its form, the form saying the file is too large), never a stack trace; nothing is stored.
 */
@BrowserTest
class DocumentUploadLimitBrowserTests extends BrowserSession {

    @Autowired
    JdbcClient jdbc;

    long documents() {
        return jdbc.sql("select count(*) from council_document").query(Long.class).single();
    }

    @Test
    void aFiftyMegabyteFileBringsTheSecretaryBackToTheFormWithTheReason() throws IOException {
        Path big = Files.createTempFile("budget", ".pdf");
        try {
            byte[] block = new byte[1024 * 1024];
            System.arraycopy("%PDF-1.4\n".getBytes(), 0, block, 0, 9);
            try (var out = Files.newOutputStream(big)) {
                for (int i = 0; i < 50; i++) {
                    out.write(block);
                }
            }
            long before = documents();
            logIn("fr", "staff@taroudant.demo");
            open("/fr/c/taroudant/admin/documents/new");
            page.locator("#file").setInputFiles(big);
            page.locator("#kind").selectOption("BUDGET");
            page.locator("#titleFr").fill("Budget trop lourd");
            page.locator("#date").fill("2025-10-06");
            Response answer = page.waitForNavigation(() -> page.locator("#document-upload-submit").click());
            // Tomcat refuses the body while the security filters read the form's token, before any controller; the
            // error page sends the person back to the form, which says why (ErrorPageController, UploadLimit).
            assertThat(page.url()).contains("/fr/c/taroudant/admin/documents/new?upload=too-large");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(page.locator(".error-summary").textContent()).contains("Le fichier dépasse 20 Mo");
            assertThat(documents()).isEqualTo(before);
        } finally {
            Files.deleteIfExists(big);
        }
    }
}
