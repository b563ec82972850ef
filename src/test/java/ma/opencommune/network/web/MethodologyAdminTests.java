package ma.opencommune.network.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import ma.opencommune.network.IndexComputation;
import ma.opencommune.network.Indicator;
import ma.opencommune.network.Methodologies;
import ma.opencommune.network.Methodology;
import ma.opencommune.network.OpennessIndex;
import ma.opencommune.network.Pillar;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The coordinator's methodology form and "compute now": coordinator only, nothing saved when refused, running periods take a new version. */
@IntegrationTest
class MethodologyAdminTests {

    static final String COORDINATOR = "coordinator@opencommune.demo";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired Methodologies methodologies;
    @Autowired OpennessIndex index;
    @Autowired IndexComputation computation;

    /** The current weights as form fields, with a note. */
    MockHttpServletRequestBuilder form(Methodology m, String noteFr, String... overrides) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Pillar p : Pillar.values()) {
            values.put("pillar-" + p.key(), String.valueOf(m.weight(p)));
        }
        for (Indicator i : Indicator.values()) {
            values.put("indicator-" + i.code(), String.valueOf(m.weight(i)));
        }
        for (int k = 0; k < overrides.length; k += 2) {
            values.put(overrides[k], overrides[k + 1]);
        }
        MockHttpServletRequestBuilder r = post("/fr/network/admin/methodology").with(csrf()).with(Logins.as(users, COORDINATOR));
        values.forEach(r::param);
        return r.param("noteAr", "").param("noteFr", noteFr);
    }

    @Test
    void onlyTheCoordinatorReachesTheForms() throws Exception {
        for (String url : new String[] {"/fr/network/admin/methodology", "/fr/network/admin/index"}) {
            mvc.perform(get(url)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/fr/login"));
            mvc.perform(get(url).with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().isForbidden());
            mvc.perform(get(url).with(Logins.as(users, "citizen@opencommune.demo"))).andExpect(status().isForbidden());
            mvc.perform(get(url).with(Logins.as(users, COORDINATOR))).andExpect(status().isOk());
            mvc.perform(get(url).with(Logins.as(users, "admin@opencommune.demo"))).andExpect(status().isOk());
        }
        int before = methodologies.current().version();
        mvc.perform(form(methodologies.current(), "staff").with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().isForbidden());
        mvc.perform(post("/fr/network/admin/index").with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().isForbidden());
        mvc.perform(post("/fr/network/admin/methodology").with(csrf()).param("noteFr", "x")).andExpect(status().is3xxRedirection());
        assertThat(methodologies.current().version()).isEqualTo(before);
    }

    @Test
    void theFormIsPrefilledWithTheCurrentVersion() throws Exception {
        String page = mvc.perform(get("/ar/network/admin/methodology").with(Logins.as(users, COORDINATOR))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        Methodology m = methodologies.current();
        assertThat(page).contains("نشر نسخة جديدة من المنهجية", "name=\"pillar-transparency\"", "value=\"" + m.weight(Pillar.TRANSPARENCY) + "\"",
                "id=\"indicator-requests-in-time\"", "<label for=\"noteAr\"");
    }

    @Test
    void weightsNotAddingUpAreRefusedWithTheMessageAndNothingSaved() throws Exception {
        Methodology m = methodologies.current();
        String page = mvc.perform(form(m, "<script>alert(1)</script>", "pillar-transparency", String.valueOf(m.weight(Pillar.TRANSPARENCY) + 5),
                "indicator-requests-in-time", "abc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Il y a un problème", "Les poids des quatre piliers doivent totaliser 100.", "Saisissez un nombre entier de 0 à 100.",
                "href=\"#pillars\"", "href=\"#indicator-requests-in-time\"", "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        String noNote = mvc.perform(form(m, "")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noNote).contains("Indiquez ce qui change dans cette version");
        String tooLong = mvc.perform(form(m, "x".repeat(2001))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(tooLong).contains("La note est trop longue");
        assertThat(methodologies.current().version()).isEqualTo(m.version());
    }

    @Test
    void aValidVersionIsPublishedAndTheRunningPeriodsUseItWhileEndedOnesKeepTheirs() throws Exception {
        Methodology m = methodologies.current();
        var closed = index.currentPeriod();
        var lastYear = ma.opencommune.network.IndexPeriod.year(index.today().getYear() - 1, index.today());
        if (index.ranking(lastYear).isEmpty()) {
            computation.recompute(lastYear);
        }
        int lastYearVersion = index.ranking(lastYear).get(0).methodologyVersion();
        mvc.perform(form(m, "Même poids, note de test")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/fr/network/methodology"));
        Methodology published = methodologies.current();
        assertThat(published.version()).isEqualTo(m.version() + 1);
        assertThat(published.noteFr()).isEqualTo("Même poids, note de test");
        // The running period is computed again with the new version after the publication commits.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && index.ranking(closed).stream().anyMatch(s -> s.methodologyVersion() != published.version())) {
            Thread.sleep(200);
        }
        assertThat(index.ranking(closed)).isNotEmpty().allMatch(s -> s.methodologyVersion() == published.version());
        assertThat(index.ranking(lastYear)).allMatch(s -> s.methodologyVersion() == lastYearVersion);
        String page = mvc.perform(get("/fr/network/methodology")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Version " + published.version(), "Même poids, note de test");
    }

    @Test
    void computeNowComputesTheDuePeriodsAndSaysHowMany() throws Exception {
        mvc.perform(post("/fr/network/admin/index").with(csrf()).with(Logins.as(users, COORDINATOR)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/fr/network/admin/index"));
        assertThat(index.lastComputed()).isPresent();
        assertThat(index.lastComputed().get()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }
}
