package ma.opencommune.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.ProfileForms;
import ma.opencommune.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Staff administrators keep their public contacts and consultative bodies current (ATI-10/11, BODY-1..3). */
@IntegrationTest
class CollectivityAdministrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Territory territory;

    static MockHttpServletRequestBuilder profile(String slug, String officerEmail, String addressAr) {
        return ProfileForms.profile(slug, officerEmail, addressAr, "teal");
    }

    @Test
    void aStaffAdministratorPublishesTheInformationOfficersContact() throws Exception {
        TestAccounts.grantOnce(jdbc, "staff@taroudant.demo", "tiznit", "STAFF_ADMIN");
        var staff = Logins.as(users, "staff@taroudant.demo");
        mvc.perform(profile("tiznit", "information@tiznit.demo", "ساحة المشور، تيزنيت").with(staff)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/ar/c/tiznit")).andExpect(content().string(containsString("information@tiznit.demo")));
        assertThat(territory.require("tiznit").accent()).isEqualTo("teal");
    }

    @Test
    void invalidContactsAreRefusedAndNothingIsSaved() throws Exception {
        var staff = Logins.as(users, "staff@taroudant.demo");
        String before = territory.require("taroudant").informationOfficer().email();
        mvc.perform(profile("taroudant", "not an email", "Place du Mechouar").with(staff))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("error-summary")))
                .andExpect(content().string(containsString("caractères arabes")));
        assertThat(territory.require("taroudant").informationOfficer().email()).isEqualTo(before);
    }

    @Test
    void aBodyNeedsItsNameInEachScript() throws Exception {
        var staff = Logins.as(users, "staff@taroudant.demo");
        int before = territory.bodies(territory.require("taroudant").id()).size();
        mvc.perform(post("/fr/c/taroudant/admin/bodies").with(staff).with(csrf()).param("type", "YOUTH_SPACE")
                .param("nameAr", "Youth").param("nameFr", "<b>Jeunes</b>").param("nameZgh", "Imuccan"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("caractères tifinagh")))
                .andExpect(content().string(not(containsString("<b>Jeunes</b>"))));
        assertThat(territory.bodies(territory.require("taroudant").id())).hasSize(before);
        mvc.perform(post("/fr/c/taroudant/admin/bodies").with(staff).with(csrf()).param("type", "FOLLOW_UP_COMMITTEE")
                .param("nameAr", "لجنة التتبع").param("nameFr", "Comité de suivi").param("nameZgh", "ⵜⴰⵎⵙⵙⵓⵔⵜ ⵏ ⵓⴹⴼⴼⵓⵔ"))
                .andExpect(status().is3xxRedirection());
        assertThat(territory.bodies(territory.require("taroudant").id())).hasSize(before + 1);
    }

    @Test
    void membersAreAddedAndRemovedOnlyInTheirOwnCollectivity() throws Exception {
        var staff = Logins.as(users, "staff@taroudant.demo");
        long taroudant = territory.require("taroudant").id();
        ConsultativeBody gender = territory.bodies(taroudant).stream()
                .filter(b -> b.type() == ConsultativeBody.Type.GENDER_EQUALITY).findFirst().orElseThrow();
        mvc.perform(post("/fr/c/taroudant/admin/bodies/" + gender.id() + "/members").with(staff).with(csrf())
                .param("fullName", "Zahra Bouchta").param("organisation", "Association Tamount").param("role", "MEMBER"))
                .andExpect(status().is3xxRedirection());
        ConsultativeBody.Member added = territory.body(taroudant, gender.id()).orElseThrow().members().stream()
                .filter(m -> m.fullName().equals("Zahra Bouchta")).findFirst().orElseThrow();
        long agadirBody = territory.bodies(territory.require("agadir").id()).get(0).id();
        mvc.perform(post("/fr/c/taroudant/admin/bodies/" + agadirBody + "/members").with(staff).with(csrf())
                .param("fullName", "Intrus").param("role", "MEMBER")).andExpect(status().isNotFound());
        mvc.perform(post("/fr/c/agadir/admin/bodies/" + gender.id() + "/members/" + added.id() + "/remove")
                .with(Logins.as(users, "staff@agadir.demo")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/fr/c/taroudant/admin/bodies/" + gender.id() + "/members/" + added.id() + "/remove").with(staff).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(territory.body(taroudant, gender.id()).orElseThrow().members()).noneMatch(m -> m.id() == added.id());
    }
}
