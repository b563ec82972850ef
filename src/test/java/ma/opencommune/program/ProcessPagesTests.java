package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Program managers create, edit and publish a process; the public sees published timelines only. */
@IntegrationTest
class ProcessPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Territory territory;
    @Autowired
    Processes processes;

    MockHttpServletRequestBuilder form(String url, LocalDate start) {
        return post(url).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                .param("titleAr", "برنامج تجريبي").param("titleFr", "Programme d’essai").param("titleZgh", "ⴰⵖⴰⵡⴰⵙ")
                .param("descriptionFr", "<script>alert(1)</script>")
                .param("startsOn", start.toString()).param("endsOn", start.plusYears(6).minusDays(1).toString())
                .param("phases[0].kind", "DIAGNOSIS").param("phases[0].included", "true")
                .param("phases[0].startsOn", start.toString()).param("phases[0].endsOn", start.plusDays(30).toString())
                .param("phases[1].kind", "PROPOSALS").param("phases[1].startsOn", "garbage");
    }

    long created(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void theDemoProcessesOfTaroudantArePublicWithTheirTimeline() throws Exception {
        mvc.perform(get("/fr/c/taroudant/program")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Programme Commune ouverte de Taroudant (démo)")))
                .andExpect(content().string(containsString("Co-construction du programme Commune ouverte 2027-2028 (démo)")));
        long open = processes.list(territory.require("taroudant").id(), false).get(0).id();
        mvc.perform(get("/ar/c/taroudant/program/" + open)).andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"timeline\"")))
                .andExpect(content().string(containsString("timeline-step timeline-current")));
    }

    @Test
    void aDraftIsHiddenFromThePublicAndShownToItsStaff() throws Exception {
        String location = mvc.perform(form("/fr/c/taroudant/admin/program", LocalDate.now().plusDays(60)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "program.process.created"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = created(location);
        mvc.perform(get("/fr/c/taroudant/program/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/taroudant/program")).andExpect(content().string(not(containsString("Programme d’essai"))));
        mvc.perform(get("/fr/c/taroudant/program/" + id).with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Aperçu")))
                .andExpect(content().string(not(containsString("<script>alert"))));
        // Another collectivity's URL does not reach it.
        mvc.perform(get("/fr/c/agadir/program/" + id).with(Logins.as(users, "staff@agadir.demo"))).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/agadir/admin/program/" + id).with(Logins.as(users, "staff@agadir.demo"))).andExpect(status().isNotFound());
    }

    @Test
    void publishingLessThanTwoWeeksBeforeTheStartWarnsTheStaff() throws Exception {
        long soon = created(mvc.perform(form("/fr/c/taroudant/admin/program", LocalDate.now().plusDays(5)))
                .andReturn().getResponse().getRedirectedUrl());
        mvc.perform(get("/fr/c/taroudant/admin/program/" + soon).with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(content().string(containsString("moins de deux semaines")));
        mvc.perform(post("/fr/c/taroudant/admin/program/" + soon + "/publish").with(csrf()).with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(flash().attribute("notice", "program.process.published-late"));
        mvc.perform(get("/fr/c/taroudant/program/" + soon)).andExpect(status().isOk());

        long later = created(mvc.perform(form("/fr/c/taroudant/admin/program", LocalDate.now().plusDays(30)))
                .andReturn().getResponse().getRedirectedUrl());
        mvc.perform(post("/fr/c/taroudant/admin/program/" + later + "/publish").with(csrf()).with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(flash().attribute("notice", "program.process.published"));
        // The action log records after commit, asynchronously.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from audit_entry where action = 'program.process-published'").query(Integer.class).single())
                .isGreaterThanOrEqualTo(2));
    }

    @Test
    void everyMistakeIsReportedAtOnceAndNothingIsSaved() throws Exception {
        int before = jdbc.sql("select count(*) from program_process").query(Integer.class).single();
        mvc.perform(post("/ar/c/taroudant/admin/program").with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                        .param("titleAr", "Programme").param("titleFr", "برنامج").param("titleZgh", "")
                        .param("startsOn", "2027-02-30").param("endsOn", "2026-01-01")
                        .param("phases[0].kind", "DIAGNOSIS").param("phases[0].included", "true")
                        .param("phases[0].startsOn", "2020-01-01").param("phases[0].endsOn", "2020-01-31"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "titleAr", "validation.script.arabic"))
                .andExpect(model().attributeHasFieldErrorCode("form", "titleFr", "validation.script.latin"))
                .andExpect(model().attributeHasFieldErrorCode("form", "titleZgh", "validation.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "startsOn", "validation.date"))
                .andExpect(content().string(containsString("href=\"#titleAr\"")));
        mvc.perform(post("/ar/c/taroudant/admin/program").with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                        .param("titleAr", "برنامج").param("titleFr", "Programme").param("titleZgh", "ⴰⵖⴰⵡⴰⵙ")
                        .param("startsOn", "2027-01-01").param("endsOn", "2028-01-01")
                        .param("phases[0].kind", "DIAGNOSIS").param("phases[0].included", "true")
                        .param("phases[0].startsOn", "2020-01-01").param("phases[0].endsOn", "2020-01-31"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "phases[0].startsOn", "validation.phase.outside"))
                .andExpect(content().string(containsString("href=\"#phases0.startsOn\"")))
                .andExpect(content().string(containsString("id=\"phases0.startsOn\"")));
        assertThat(jdbc.sql("select count(*) from program_process").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void citizensAndOtherStaffCannotManageTheProgram() throws Exception {
        mvc.perform(get("/fr/c/taroudant/admin/program").with(Logins.as(users, "citizen@opencommune.demo"))).andExpect(status().isForbidden());
        mvc.perform(form("/fr/c/taroudant/admin/program", LocalDate.now()).with(Logins.as(users, "staff@agadir.demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/fr/c/taroudant/admin/program").with(Logins.as(users, "body@taroudant.demo"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/admin/program/new"))));
    }
}
