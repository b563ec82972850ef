package ma.opencommune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import ma.opencommune.program.ProgramFixtures;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.ProfileForms;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Public pages marked the same for every anonymous visitor are rendered once per max-age for them, and only for them. */
@IntegrationTest
@TestPropertySource(properties = "opencommune.public-cache.max-age=1h")
class AnonymousPageCacheTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Territory territory;

    record Answer(int status, String body, String csp, long statements) {
    }

    Answer fetch(MockHttpServletRequestBuilder request) throws Exception {
        QueryCounting.reset();
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        return new Answer(r.getStatus(), r.getContentAsString(), r.getHeader("Content-Security-Policy"), QueryCounting.statements());
    }

    @Test
    void anonymousVisitorsShareOneRenderingWhileSignedInPeopleAndCookieHoldersSeeTheDatabase() throws Exception {
        ProgramFixtures fixtures = new ProgramFixtures(jdbc);
        LocalDate today = ProgramFixtures.today();
        long process = fixtures.process(today.minusDays(3), today.plusDays(20));
        fixtures.proposal(process, "citizen@opencommune.demo", "Première proposition du cache");
        String list = "/fr/c/taroudant/program/" + process + "/proposals?sort=supports";

        Answer first = fetch(get(list));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Première proposition du cache");
        Answer second = fetch(get(list));
        assertThat(second.statements()).as("served without touching the database").isZero();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.csp()).as("security headers still sent").isEqualTo(first.csp()).isNotBlank();

        fixtures.proposal(process, "citizen@opencommune.demo", "Seconde proposition du cache");
        assertThat(fetch(get(list)).body()).as("anonymous: kept page").doesNotContain("Seconde proposition du cache");
        Answer signedIn = fetch(get(list).with(Logins.as(users, "citizen@opencommune.demo")));
        assertThat(signedIn.body()).contains("Seconde proposition du cache");
        assertThat(signedIn.statements()).isPositive();
        assertThat(fetch(get(list).cookie(new Cookie("SESSION", "stale"))).body()).contains("Seconde proposition du cache");
        assertThat(fetch(get(list + "&status=OPEN")).body()).as("another address is another page").contains("Seconde proposition du cache");
    }

    @Test
    void unmarkedPagesAndErrorsAreRenderedEveryTime() throws Exception {
        fetch(get("/fr/c/tiznit"));
        assertThat(fetch(get("/fr/c/tiznit")).statements()).isPositive();

        ProgramFixtures fixtures = new ProgramFixtures(jdbc);
        LocalDate today = ProgramFixtures.today();
        long process = fixtures.process(today.minusDays(3), today.plusDays(20));
        String missing = "/fr/c/taroudant/program/" + process + "/proposals/987654321";
        assertThat(fetch(get(missing)).status()).isEqualTo(404);
        Answer again = fetch(get(missing));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.statements()).isPositive();
    }

    @Test
    void aCollectivityKeptByItsSlugIsForgottenOnThisNodeWhenItsProfileChanges() throws Exception {
        TestAccounts.grantOnce(jdbc, "staff@taroudant.demo", "tiznit", "STAFF_ADMIN");
        String before = territory.require("tiznit").accent();
        String accent = "teal".equals(before) ? "ochre" : "teal";
        mvc.perform(ProfileForms.profile("tiznit", "information@tiznit.demo", "ساحة المشور، تيزنيت", accent)
                .with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().is3xxRedirection());
        assertThat(territory.require("tiznit").accent()).isEqualTo(accent);
    }

    @Test
    void theStatisticsPageIsKeptForAnonymousVisitors() throws Exception {
        String page = "/ar/c/taroudant/information/statistics";
        Answer first = fetch(get(page));
        assertThat(first.status()).isEqualTo(200);
        Answer second = fetch(get(page));
        assertThat(second.statements()).isZero();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(fetch(get(page).with(Logins.as(users, "staff@taroudant.demo"))).statements()).isPositive();
    }

    @Autowired
    ma.opencommune.network.IndexComputation computation;
    @Autowired
    ma.opencommune.network.OpennessIndex index;

    @Test
    void keptPagesGoGzippedToBrowsersThatAcceptItAndInflatedToOthers() throws Exception {
        String page = "/fr/network/index";
        Answer first = fetch(get(page));
        MockHttpServletResponse zipped = mvc.perform(get(page).header("Accept-Encoding", "gzip, deflate, br")).andReturn().getResponse();
        assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.getHeaders("Vary")).contains("Accept-Encoding");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.getContentAsByteArray()))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(first.body());
        }
        MockHttpServletResponse refused = mvc.perform(get(page).header("Accept-Encoding", "gzip;q=0, identity")).andReturn().getResponse();
        assertThat(refused.getHeader("Content-Encoding")).isNull();
        assertThat(refused.getContentAsString()).isEqualTo(first.body());
    }

    @Test
    void aMembersIndexPageIsKeptUntilTheIndexIsComputedAgain() throws Exception {
        String page = "/fr/network/index/taroudant";
        String drillDown = "/fr/network/index/taroudant/requests-in-time";
        Answer first = fetch(get(page));
        assertThat(first.status()).isEqualTo(200);
        fetch(get(drillDown));
        assertThat(fetch(get(page)).statements()).as("kept under the index's generation").isZero();
        assertThat(fetch(get(drillDown)).statements()).as("a drill-down is kept a few seconds, like other pages").isZero();

        computation.recompute(index.currentPeriod());
        Answer after = fetch(get(page));
        assertThat(after.statements()).as("a computation is a new generation: rendered again").isPositive();
        assertThat(after.status()).isEqualTo(200);
        assertThat(fetch(get(page)).statements()).isZero();
        assertThat(fetch(get(drillDown)).statements()).as("not versioned: still the copy of a few seconds").isZero();
    }
}
