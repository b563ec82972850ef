package ma.opencommune.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.opencommune.platform.Morocco;
import ma.opencommune.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The co-creation of the program as people live it, in a real browser: a citizen rates the diagnosis and submits
 * a proposal; a second citizen supports it; the program manager answers it and makes it a commitment; a member of
 * the gender-equality body records an opinion; staff answer its recommendation; a milestone update reaches the
 * public dashboard. Once in Arabic, once in French; axe-core on every page touched.
 */
@BrowserTest
class ProgramJourneyBrowserTests extends BrowserSession {

    private static final Pattern ID_AT_END = Pattern.compile("/(\\d+)$");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theProgramIsCoCreatedAndFollowedInArabic() {
        journey("ar");
    }

    @Test
    void theProgramIsCoCreatedAndFollowedInFrench() {
        journey("fr");
    }

    long demoProcess(String titleFr) {
        return jdbc.sql("select id from program_process where title_fr = ?").param(titleFr).query(Long.class).single();
    }

    void journey(String lang) {
        long open = demoProcess("Co-construction du programme Commune ouverte 2027-2028 (démo)");
        long monitoring = demoProcess("Programme Commune ouverte de Taroudant (démo)");
        String base = "/" + lang + "/c/taroudant";
        String today = LocalDate.now(Morocco.ZONE).toString();
        String mark = UUID.randomUUID().toString().substring(0, 6);

        // 1. A citizen rates the diagnosis and submits a proposal.
        logIn(lang, "citizen@opencommune.demo");
        open(base + "/program/" + open + "/diagnosis");
        checkPage(lang);
        page.locator("input[name='rows[0].importance'][value='5']").check();
        page.locator("input[name='rows[0].satisfaction'][value='2']").check();
        submit("form[action$='/diagnosis']");
        assertThat(page.locator(".notice").first().isVisible()).as("rating confirmed").isTrue();
        checkPage(lang);

        open(base + "/program/" + open + "/proposals/new");
        checkPage(lang);
        String title = ("ar".equals(lang) ? "نشر محاضر دورات المجلس على الإنترنت " : "Publier en ligne les procès-verbaux des sessions ") + mark;
        page.locator("#title").fill(title);
        page.locator("#body").fill("ar".equals(lang) ? "نقترح نشر المحاضر خلال أسبوع من كل دورة." : "Nous proposons de publier chaque procès-verbal dans la semaine.");
        page.locator("#principle-TRANSPARENCY").check();
        submit("form[action$='/proposals']");
        long proposal = idAtEnd();
        String proposalPage = base + "/program/" + open + "/proposals/" + proposal;
        assertThat(URI.create(page.url()).getPath()).isEqualTo(proposalPage);
        assertThat(page.locator("h1").innerText()).contains(title);
        checkPage(lang);

        // 2. A second citizen supports it.
        switchTo(lang, "resident@opencommune.demo");
        open(proposalPage);
        submit("form[action$='/support']");
        assertThat(page.locator("form[action$='/support/withdraw']").count()).as("support recorded").isEqualTo(1);
        checkPage(lang);

        // 3. The program manager answers it and makes it a commitment.
        switchTo(lang, "staff@taroudant.demo");
        open(base + "/admin/program/" + open + "/proposals/" + proposal);
        checkPage(lang);
        page.locator("#status-ACCEPTED").check();
        String answer = ("ar".equals(lang) ? "مقبول: سيصبح التزاما في البرنامج. " : "Retenue : elle devient un engagement du programme. ") + mark;
        page.locator("#text").fill(answer);
        page.locator("#commitmentId").selectOption("new");
        submit("form[action$='/proposals/" + proposal + "']");
        assertThat(URI.create(page.url()).getPath()).startsWith(base + "/admin/program/" + open + "/commitments/");
        checkPage(lang);
        open(proposalPage);
        assertThat(page.locator("main").innerText()).contains(answer);

        // 4. A member of the gender-equality body records an opinion with a recommendation.
        switchTo(lang, "body@taroudant.demo");
        open(base + "/admin/program/" + monitoring + "/opinions");
        checkPage(lang);
        page.locator("#bodyId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.locator("#title").fill(("ar".equals(lang) ? "رأي حول إشراك النساء " : "Avis sur la participation des femmes ") + mark);
        page.locator("#adoptedOn").fill(today);
        page.locator("#text").fill("ar".equals(lang) ? "تثمن الهيئة المسار وتوصي بما يلي." : "L’instance salue la démarche et recommande ce qui suit.");
        String recommendation = ("ar".equals(lang) ? "تنظيم ورشة خاصة بالنساء في الأحياء الهامشية " : "Tenir un atelier réservé aux femmes dans les quartiers périphériques ") + mark;
        page.locator("#recommendations").fill(recommendation);
        submit("form[action$='/opinions']");
        long opinion = idAtEnd();
        checkPage(lang);

        // 5. Staff answer the recommendation; the answer is public.
        switchTo(lang, "staff@taroudant.demo");
        open(base + "/admin/program/" + monitoring + "/opinions/" + opinion);
        checkPage(lang);
        Locator answerForm = page.locator("form[action*='/recommendations/']").first();
        answerForm.locator("input[name=response][value=TAKEN]").check();
        String reason = ("ar".equals(lang) ? "ستنظم الورشة في الفصل المقبل. " : "L’atelier aura lieu au prochain trimestre. ") + mark;
        answerForm.locator("textarea[name=reason]").fill(reason);
        page.waitForNavigation(() -> answerForm.locator("button[type=submit]").click());
        open(base + "/program/" + monitoring + "/opinions/" + opinion);
        assertThat(page.locator("main").innerText()).contains(recommendation.strip()).contains(reason.strip());
        checkPage(lang);

        // 6. A milestone update reaches the public dashboard.
        long commitment = jdbc.sql("select min(id) from program_commitment where process_id = ?").param(monitoring).query(Long.class).single();
        open(base + "/admin/program/" + monitoring + "/commitments/" + commitment + "/progress");
        checkPage(lang);
        page.locator("input[name=milestoneId]").first().check();
        page.locator("#reportedOn").fill(today);
        String progress = ("ar".equals(lang) ? "تم نشر أول دفعة من المعطيات. " : "Premier jeu de données publié. ") + mark;
        page.locator("#text").fill(progress);
        submit("form[action*='/progress']");
        switchTo(lang, null);
        open(base + "/program/" + monitoring + "/commitments");
        checkPage(lang);
        open(base + "/program/" + monitoring + "/commitments/" + commitment);
        assertThat(page.locator("main").innerText()).contains(progress.strip());
        checkPage(lang);
    }

    long idAtEnd() {
        Matcher m = ID_AT_END.matcher(URI.create(page.url()).getPath());
        assertThat(m.find()).as("an id at the end of %s", page.url()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
