package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import ma.opencommune.program.MonitorFixture;
import ma.opencommune.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff report progress with a document through the real server (multipart, CSRF): the evidence appears on the
 * public commitment page; an 11 MB file comes back as a form error, not an error page.
 */
@BrowserTest
class MonitoringBrowserTests extends BrowserSession {

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path files;

    @Test
    void staffPublishProgressWithAPdfAndTheDashboardShowsIt() throws Exception {
        MonitorFixture fx = new MonitorFixture(jdbc);
        long taroudant = fx.taroudant();
        LocalDate today = LocalDate.now(ma.opencommune.platform.Morocco.ZONE);
        long process = fx.process(taroudant, today.minusDays(30), today.plusDays(300), true);
        long commitment = fx.commitment(taroudant, process, 1, "Registre des marchés en ligne", today.minusDays(20));
        long milestone = fx.milestone(taroudant, commitment, 1, today.plusDays(5), null);
        Path pdf = Files.write(files.resolve("rapport.pdf"), MonitorFixture.PDF);
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(MonitorFixture.PDF, 0, big, 0, MonitorFixture.PDF.length);
        Path tooBig = Files.write(files.resolve("gros.pdf"), big);

        logIn("ar", "staff@taroudant.demo");
        String form = "/ar/c/taroudant/admin/program/" + process + "/commitments/" + commitment + "/progress";
        open(form);
        page.locator("#milestone-" + milestone).check();
        page.locator("#text").fill("Le registre est en ligne.");
        page.locator("#document").setInputFiles(tooBig);
        page.waitForNavigation(() -> page.locator("main form button[type=submit]").click());
        assertThat(page.locator(".error-summary").isVisible()).as(() -> page.locator("main").textContent()).isTrue();
        assertThat(page.locator(".error-summary a[href='#document']").count()).isEqualTo(1);
        assertNoAccessibilityViolations();

        page.locator("#milestone-" + milestone).check();
        page.locator("#text").fill("Le registre est en ligne.");
        page.locator("#evidenceUrl").fill("https://taroudant.ma/marches");
        page.locator("#completes").check();
        page.locator("#document").setInputFiles(pdf);
        page.waitForNavigation(() -> page.locator("main form button[type=submit]").click());
        assertThat(page.url()).endsWith("/program/" + process + "/commitments/" + commitment);
        assertThat(page.locator(".notice[role=status]").isVisible()).isTrue();
        assertThat(page.locator("a[href$='/evidence/" + jdbc.sql("select id from program_progress where milestone_id = ?")
                .param(milestone).query(Long.class).single() + "']").count()).isEqualTo(1);
        assertNoAccessibilityViolations();

        open("/ar/c/taroudant/program/" + process + "/commitments");
        assertThat(page.locator("main").textContent()).contains("Registre des marchés en ligne");
        assertThat(page.locator(".pct-100").count()).isEqualTo(1);
    }
}
