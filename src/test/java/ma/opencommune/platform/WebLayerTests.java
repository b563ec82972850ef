package ma.opencommune.platform;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Languages in URLs, error pages in the visitor's language, security headers, CSRF. */
@IntegrationTest
class WebLayerTests {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @CsvSource({"'fr-FR,fr;q=0.9,en;q=0.5', /fr/", "'en-GB,en', /en/", "'zgh', /zgh/", "'de-DE,de', /ar/", "'', /ar/"})
    void theBareAddressRedirectsByAcceptLanguage(String header, String target) throws Exception {
        mvc.perform(get("/").header("Accept-Language", header)).andExpect(redirectedUrl(target));
    }

    @ParameterizedTest
    @CsvSource({"ar, rtl", "fr, ltr", "zgh, ltr", "en, ltr"})
    void everyPageSaysItsLanguageAndDirection(String lang, String dir) throws Exception {
        for (String path : new String[] {"/", "/network", "/c/taroudant", "/login", "/register", "/privacy", "/accessibility"}) {
            mvc.perform(get("/" + lang + path)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("<html lang=\"" + lang + "\" dir=\"" + dir + "\"")));
        }
    }

    @Test
    void theLanguageSwitchKeepsThePageAndItsQuery() throws Exception {
        mvc.perform(get("/ar/network").queryParam("type", "COMMUNE"))
                .andExpect(content().string(allOf(containsString("href=\"/fr/network?type=COMMUNE\""),
                        containsString("href=\"/zgh/network?type=COMMUNE\""), containsString("href=\"/en/network?type=COMMUNE\""))));
    }

    @Test
    void theTifinaghFontLoadsOnTamazightPagesOnly() throws Exception {
        mvc.perform(get("/zgh/c/taroudant")).andExpect(content().string(containsString("tifinagh")));
        mvc.perform(get("/ar/c/taroudant")).andExpect(content().string(not(containsString("tifinagh"))));
    }

    @Test
    void everyAssetAPageLinksIsServedFingerprintedAndCached() throws Exception {
        String html = mvc.perform(get("/zgh/c/taroudant")).andReturn().getResponse().getContentAsString();
        java.util.List<String> assets = java.util.regex.Pattern.compile("href=\"(/assets/[^\"]+)\"").matcher(html)
                .results().map(m -> m.group(1)).toList();
        org.assertj.core.api.Assertions.assertThat(assets).as("stylesheets and icon").hasSizeGreaterThanOrEqualTo(3)
                .allMatch(a -> a.matches(".*-[0-9a-f]{32}\\.[a-z0-9]+"), "fingerprinted");
        for (String asset : assets) {
            mvc.perform(get(asset)).andExpect(status().isOk()).andExpect(header().string("Cache-Control", containsString("max-age")));
        }
        String css = mvc.perform(get(assets.stream().filter(a -> a.contains("tifinagh")).findFirst().orElseThrow()))
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher font = java.util.regex.Pattern.compile("url\\(\"([^\"]+)\"\\)").matcher(css);
        org.assertj.core.api.Assertions.assertThat(font.find()).as("the font is linked from the stylesheet").isTrue();
        mvc.perform(get(font.group(1))).andExpect(status().isOk());
    }

    /** MockMvc does not forward to the error page as a servlet container does; the container's forward is replayed here. */
    org.springframework.test.web.servlet.ResultActions errorPage(int status, String failedUri, String acceptLanguage) throws Exception {
        return mvc.perform(get("/error").header("Accept-Language", acceptLanguage)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, failedUri));
    }

    @Test
    void anUnknownCollectivityIsA404PageInThePageLanguage() throws Exception {
        mvc.perform(get("/fr/c/atlantis")).andExpect(status().isNotFound());
        errorPage(404, "/fr/c/atlantis", "ar").andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("lang=\"fr\""), containsString("Page introuvable"),
                        containsString("href=\"/ar/c/atlantis\""))));
    }

    @Test
    void anUnknownLanguageIsA404PageInTheBrowsersLanguage() throws Exception {
        mvc.perform(get("/xx/c/taroudant").header("Accept-Language", "fr")).andExpect(status().isNotFound());
        errorPage(404, "/xx/c/taroudant", "fr").andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("lang=\"fr\""), containsString("Page introuvable"))));
    }

    @Test
    void errorPagesNeverShowAStackTrace() throws Exception {
        errorPage(500, "/ar/c/taroudant", "fr").andExpect(status().isInternalServerError())
                .andExpect(content().string(allOf(containsString("lang=\"ar\""), not(containsString("Exception")))));
        errorPage(403, "/zgh/c/taroudant/admin", "fr").andExpect(status().isForbidden())
                .andExpect(content().string(containsString("lang=\"zgh\"")));
    }

    @Test
    void unknownApiPathsAnswerWithAProblemDetail() throws Exception {
        errorPage(404, "/api/v1/nothing", "fr").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content().string(containsString("Page introuvable")));
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/ar/"))
                .andExpect(header().string("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/fr/register").param("email", "x@example.ma")).andExpect(status().isForbidden());
    }

    @Test
    void theNetworkHomeFiltersMembersByTypeAndRegion() throws Exception {
        mvc.perform(get("/fr/").param("type", "COMMUNE").param("region", "souss-massa"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/fr/c/taroudant"), containsString("/fr/c/agadir"),
                        not(containsString("/fr/c/marrakech")), not(containsString("/fr/c/oriental")))));
        mvc.perform(get("/fr/").param("type", "nonsense").param("region", "<b>"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/fr/c/marrakech")));
    }

    @Test
    void theCollectivityHomeShowsContactsOfficerAndBodies() throws Exception {
        mvc.perform(get("/fr/c/taroudant")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("information@taroudant.demo"),
                        containsString("Instance de l’équité"), containsString("Khadija Ait Lahcen"))));
    }

    @Test
    void theDeveloperMailboxExistsWhileDemoDataIsOn() throws Exception {
        mvc.perform(get("/fr/dev/mailbox")).andExpect(status().isOk());
    }

    @Test
    void healthAndOpenApiAreServed() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/collectivities/{slug}")));
    }
}
