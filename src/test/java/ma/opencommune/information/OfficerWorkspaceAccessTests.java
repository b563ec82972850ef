package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** ATI-10 and tenancy: only this collectivity's officers use its workspace; anyone else is refused and changes nothing. */
@IntegrationTest
class OfficerWorkspaceAccessTests {

    static final Map<String, String[]> ACTIONS = Map.of(
            "assign", new String[] {"assignee", ""},
            "note", new String[] {"noteBody", "intrusion"},
            "clarification", new String[] {"question", "Question ?"},
            "extension", new String[] {"reason", "LARGE_VOLUME"},
            "refusal", new String[] {"ground", "NOT_HELD", "reasoning", "Non"},
            "transfer", new String[] {"transferTo", "Ailleurs"},
            "close-unclear", new String[] {"unclearReasoning", "Non"},
            "cin", new String[] {});

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired InformationRequests requests;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    OfficerFixture fx;
    Collectivity taroudant;
    String tn;
    String base;

    @BeforeEach
    void setUp() {
        fx = new OfficerFixture(jdbc, requests, territory, accounts, grants, users);
        taroudant = territory.require("taroudant");
        tn = fx.file(taroudant, "Accès " + System.nanoTime());
        base = "/fr/c/taroudant/admin/information";
    }

    void refusedEverywhere(String email) throws Exception {
        String before = fx.snapshot(tn);
        mvc.perform(get(base).with(Logins.as(users, email))).andExpect(status().isForbidden());
        mvc.perform(get(base + "?state=closed").with(Logins.as(users, email))).andExpect(status().isForbidden());
        mvc.perform(get(base + "/requests/" + tn).with(Logins.as(users, email))).andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("Ait Ali"))));
        for (var action : ACTIONS.entrySet()) {
            MockHttpServletRequestBuilder request = post(base + "/requests/" + tn + "/" + action.getKey()).with(csrf())
                    .with(Logins.as(users, email));
            String[] params = action.getValue();
            for (int i = 0; i < params.length; i += 2) {
                request.param(params[i], params[i + 1]);
            }
            mvc.perform(request).andExpect(status().isForbidden());
        }
        mvc.perform(multipart(base + "/requests/" + tn + "/answer")
                .file(new MockMultipartFile("files", "a.pdf", "application/pdf", AttachmentsTests.PDF))
                .param("answerKind", "FULL").param("answerText", "Réponse").with(csrf()).with(Logins.as(users, email)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart(base + "/requests/" + tn + "/attachments")
                .file(new MockMultipartFile("moreFiles", "a.pdf", "application/pdf", AttachmentsTests.PDF))
                .with(csrf()).with(Logins.as(users, email))).andExpect(status().isForbidden());
        assertThat(fx.snapshot(tn)).isEqualTo(before);
        assertThat(fx.count("select count(*) from audit_entry where action = 'information.cin-revealed' and summary like ?", "%" + tn + "%"))
                .isZero();
    }

    @Test
    void agadirStaffCannotSeeOrTouchTaroudantsRequests() throws Exception {
        refusedEverywhere(OfficerFixture.AGADIR_STAFF);
    }

    @Test
    void aCitizenCannotUseTheWorkspaceEvenForTheirOwnRequest() throws Exception {
        refusedEverywhere(OfficerFixture.CITIZEN);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get(base)).andExpect(status().is3xxRedirection());
        mvc.perform(get(base + "/requests/" + tn)).andExpect(status().is3xxRedirection());
    }

    @Test
    void taroudantStaffSeeTheQueueAndTheHomeLink() throws Exception {
        mvc.perform(get(base).with(Logins.as(users, OfficerFixture.TAROUDANT_STAFF))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Demandes en cours")));
        mvc.perform(get(base + "/requests/" + tn).with(Logins.as(users, OfficerFixture.TAROUDANT_STAFF))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ait Ali")));
        mvc.perform(get("/fr/c/taroudant/admin").with(Logins.as(users, OfficerFixture.TAROUDANT_STAFF)))
                .andExpect(content().string(containsString("/fr/c/taroudant/admin/information")));
        for (String lang : List.of("ar", "zgh", "en")) {
            mvc.perform(get("/" + lang + "/c/taroudant/admin/information/requests/" + tn).with(Logins.as(users, OfficerFixture.TAROUDANT_STAFF)))
                    .andExpect(status().isOk());
        }
    }
}
