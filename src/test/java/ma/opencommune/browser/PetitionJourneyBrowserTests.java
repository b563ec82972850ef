package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.petitions.Petitions;
import ma.opencommune.support.BrowserTest;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A petition as people live it, in a real browser: an agent drafts and opens it (PET-3); residents sign it (PET-1),
 * one tries twice from two tabs and is told why not, a person whose residence is not verified is told how to be; the
 * office enters paper signatures, a duplicate refused; the threshold is reached (PET-2) and the agent files it; the
 * bureau accepts it onto the May ordinary session (PET-6, PET-8); anyone sees its timeline. In Arabic, and once in
 * French; axe-core on every page touched. The platform's clock reads mid-March 2027 (and runs on from there), so that
 * the next ordinary session is May's.
 */
@BrowserTest
// Its own database: a platform started in March 2027 writes that year's calendar, which the other tests must not see.
@org.springframework.test.context.TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:petition-journey;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR;DB_CLOSE_DELAY=-1")
class PetitionJourneyBrowserTests extends BrowserSession {

    private static final String AGENT = "citizen@opencommune.demo";
    private static final String STAFF = "staff@taroudant.demo";
    private static final String UNVERIFIED = "resident@opencommune.demo";
    private static final Instant MID_MARCH = Instant.parse("2027-03-15T09:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class InMarch {
        @Bean
        @Primary
        Clock midMarch2027() {
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), MID_MARCH));
        }
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    ResidentVerifications residents;
    @Autowired
    Territory territory;
    @Autowired
    Petitions petitions;

    @Test
    void aPetitionIsDraftedSignedOnlineAndOnPaperFiledAndAcceptedOntoTheMaySessionInArabic() {
        journey("ar");
    }

    @Test
    void aPetitionIsDraftedSignedOnlineAndOnPaperFiledAndAcceptedOntoTheMaySessionInFrench() {
        journey("fr");
    }

    void journey(String lang) {
        boolean ar = "ar".equals(lang);
        String base = "/" + lang + "/c/taroudant";
        Collectivity taroudant = territory.require("taroudant");
        String mark = UUID.randomUUID().toString().substring(0, 6);
        String title = (ar ? "إنارة زنقة الأطلس " : "Éclairer la rue de l'Atlas ") + mark;

        // 1. The agent drafts the petition, reads the draft, opens it for signatures.
        logIn(lang, AGENT);
        open(base + "/petitions");
        checkPage(lang);
        open(base + "/petitions/new");
        checkPage(lang);
        page.locator("#kind-CITIZENS").check();
        page.locator("#title").fill(title);
        page.locator("#object").fill(ar ? "زنقة الأطلس مظلمة منذ سنتين." : "La rue de l'Atlas est sans éclairage depuis deux ans.");
        page.locator("#reasons").fill(ar ? "يعود التلاميذ إلى منازلهم ليلاً في الشتاء." : "Les élèves rentrent de nuit en hiver.");
        page.locator("#requestedAction").fill(ar ? "تركيب عشرة أعمدة إنارة." : "Poser dix lampadaires.");
        submit("form[action*='/petitions/new']");
        String path = URI.create(page.url()).getPath();
        assertThat(path).matches(base + "/petitions/\\d+");
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        assertThat(status(id)).isEqualTo("DRAFT");
        checkPage(lang);
        submit("form[action*='/open']");
        assertThat(status(id)).isEqualTo("OPEN");
        assertThat(page.locator("main").innerText()).contains(title);
        checkPage(lang);

        // 2. The agent, a verified resident, signs; a second tab still shows the form and signing there is refused.
        Page first = page;
        Page second = context.newPage();
        second.navigate(url(path));
        page.locator("#confirmEligibility").check();
        page.locator("#keepInformed").check();
        submit("form[action*='/signature#']");
        assertThat(page.locator("#sign").innerText()).contains(ar ? "وقّعت على هذه العريضة" : "Vous avez signé");
        checkPage(lang);
        page = second;
        page.locator("#confirmEligibility").check();
        page.waitForNavigation(() -> page.locator("form[action*='/signature#'] button[type=submit]").click());
        assertThat(page.locator("#sign-problem").isVisible()).isTrue();
        assertThat(page.locator("#sign").innerText()).contains(ar ? "سبق أن وقّعت" : "Vous avez déjà signé");
        checkPage(lang);
        second.close();
        page = first;

        // 3. Someone whose residence is not verified yet is told how to become eligible; another resident signs.
        switchTo(lang, UNVERIFIED);
        open(path);
        assertThat(page.locator("#confirmEligibility").count()).isZero();
        assertThat(page.locator("#sign a[href$='/account/residence']").count()).isEqualTo(1);
        checkPage(lang);
        String resident = verifiedResident(taroudant);
        context.clearCookies();
        logIn(lang, resident, TestAccounts.PASSWORD);
        open(path);
        page.locator("#confirmEligibility").check();
        submit("form[action*='/signature#']");
        assertThat(signatures(id, "ONLINE")).isEqualTo(2);

        // 4. The office enters the paper sheets: a duplicate number is refused; the rest of the sheets follow.
        switchTo(lang, STAFF);
        open(base + "/admin/petitions");
        assertThat(page.locator("main").innerText()).contains(title);
        checkPage(lang);
        String admin = base + "/admin/petitions/" + id;
        open(admin);
        checkPage(lang);
        String cin = "JC" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        page.locator("#fullName").fill(ar ? "فاطمة أيت باها" : "Fatima Ait Baha");
        page.locator("#cin").fill(cin);
        page.locator("#basis").selectOption("RESIDENT");
        submit("form#paper-add");
        assertThat(signatures(id, "PAPER")).isEqualTo(1);
        checkPage(lang);
        page.locator("#fullName").fill(ar ? "فاطمة أيت باها" : "Fatima Ait Baha");
        page.locator("#cin").fill(cin.toLowerCase());
        page.locator("#basis").selectOption("RESIDENT");
        page.waitForNavigation(() -> page.locator("form#paper-add button[type=submit]").click());
        assertThat(page.locator("#paper-add .error-summary").innerText()).contains(ar ? "سبق" : "déjà signé");
        assertThat(signatures(id, "PAPER")).isEqualTo(1);
        checkPage(lang);
        // The other sheets, typed in the same way, up to the threshold; the threshold job then runs.
        int threshold = petitions.find(taroudant, id).threshold();
        for (int n = 1; n <= threshold - 3; n++) {
            jdbc.sql("insert into petition_signature (petition_id, collectivity_id, cin_hash, source, basis, signed_at)"
                    + " values (?, ?, ?, 'PAPER', 'RESIDENT', current_timestamp)").params(id, taroudant.id(), "sheet-" + id + "-" + n).update();
        }
        assertThat(petitions.follow(taroudant, id)).isTrue();
        assertThat(status(id)).isEqualTo("THRESHOLD_REACHED");

        // 5. The agent files it with the council online: the bureau's clock starts (PET-6).
        switchTo(lang, AGENT);
        open(path);
        checkPage(lang);
        submit("form[action*='/file']");
        assertThat(status(id)).isEqualTo("FILED");
        checkPage(lang);

        // 6. The bureau accepts it onto the May session and names the committee (PET-6, PET-8).
        switchTo(lang, STAFF);
        open(admin);
        LocalDate may = LocalDate.of(2027, Month.MAY, 6);
        page.locator("#sessionOn").fill(may.toString());
        page.locator("#committee").fill(ar ? "لجنة المرافق العمومية" : "Commission des services publics");
        submit("form#accept");
        assertThat(status(id)).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select session_on from petition where id = ?").param(id).query(LocalDate.class).single()).isEqualTo(may);
        checkPage(lang);

        // 7. Anyone reads the timeline: opened, threshold reached, filed, accepted onto May's session; no signatory.
        switchTo(lang, null);
        open(path);
        String timeline = page.locator("main").innerText();
        assertThat(timeline).contains(title).contains(ar ? "لجنة المرافق العمومية" : "Commission des services publics")
                .contains(ar ? "ماي" : "mai").doesNotContain(ar ? "فاطمة" : "Fatima").doesNotContain(cin);
        assertThat(page.locator(".timeline .timeline-step").count()).isGreaterThanOrEqualTo(4);
        checkPage(lang);
    }

    private String status(long id) {
        return jdbc.sql("select status from petition where id = ?").param(id).query(String.class).single();
    }

    private int signatures(long id, String source) {
        return jdbc.sql("select count(*) from petition_signature where petition_id = ? and source = ?").params(id, source)
                .query(Integer.class).single();
    }

    /** A fresh account whose residence in Taroudant the staff approved, through the verification procedure. */
    private String verifiedResident(Collectivity taroudant) {
        String email = TestAccounts.confirmed(accounts, jdbc, "voisine");
        long account = accounts.findByEmail(email).orElseThrow().id();
        long staff = accounts.findByEmail(STAFF).orElseThrow().id();
        long declaration = residents.declare(account, taroudant, ResidentVerifications.Basis.RESIDENCE,
                "PB" + (100_000 + ThreadLocalRandom.current().nextInt(899_999)));
        residents.decide(staff, taroudant, declaration, true, null);
        return email;
    }
}
