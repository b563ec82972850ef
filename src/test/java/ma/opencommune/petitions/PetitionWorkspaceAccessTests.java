package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * PDP-2 and tenancy: only the council secretaries and staff administrators of the petition's collectivity use the
 * workspace and its downloads; anyone else is refused and changes nothing, drafts stay their agents'.
 */
@IntegrationTest
class PetitionWorkspaceAccessTests {

    static final Map<String, String[]> ACTIONS = Map.of(
            "filing", new String[] {},
            "inadmissible", new String[] {"inadmissibleGround", "OTHER", "inadmissibleReasoning", "Non"},
            "acceptance", new String[] {"sessionOn", "2030-05-04", "committee", "Budget"},
            "rejection", new String[] {"rejectGround", "OTHER", "rejectReasoning", "Non"},
            "outcome", new String[] {"decisionReference", "D-1", "outcomeSummary", "Oui"},
            "association-check", new String[] {},
            "paper-signatures", new String[] {"fullName", "Intrus", "cin", "ZZ123456", "basis", "RESIDENT"});

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Petitions petitions;
    @Autowired PaperSignatures paper;
    @Autowired PersonalNumbers numbers;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    PetitionAdminFixture fx;
    Collectivity taroudant;
    long id;
    String base;

    @BeforeEach
    void setUp() {
        fx = new PetitionAdminFixture(jdbc, petitions, paper, numbers, territory, accounts, grants, users);
        taroudant = territory.require("taroudant");
        id = fx.open(taroudant, "Accès " + System.nanoTime());
        fx.paper(taroudant, id, PetitionAdminFixture.TAROUDANT_STAFF, "Brahim Oubella");
        base = "/fr/c/taroudant/admin/petitions";
    }

    void refusedEverywhere(String email) throws Exception {
        String before = fx.snapshot(id);
        long signatureId = jdbc.sql("select min(id) from petition_signature where petition_id = ?").param(id).query(Long.class).single();
        for (String url : List.of(base, base + "/" + id, base + "/" + id + "/signatories.csv", base + "/" + id + "/signatories.pdf",
                base + "/" + id + "/documents/1")) {
            mvc.perform(get(url).with(Logins.as(users, email))).andExpect(status().isForbidden())
                    .andExpect(content().string(not(containsString("Brahim Oubella"))));
        }
        for (var action : ACTIONS.entrySet()) {
            MockHttpServletRequestBuilder request = post(base + "/" + id + "/" + action.getKey()).with(csrf()).with(Logins.as(users, email));
            String[] params = action.getValue();
            for (int i = 0; i < params.length; i += 2) {
                request.param(params[i], params[i + 1]);
            }
            mvc.perform(request).andExpect(status().isForbidden());
        }
        mvc.perform(post(base + "/" + id + "/paper-signatures/" + signatureId + "/removal").with(csrf()).with(Logins.as(users, email)))
                .andExpect(status().isForbidden());
        assertThat(fx.snapshot(id)).isEqualTo(before);
        assertThat(fx.count("select count(*) from audit_entry where action like 'petitions.legal-file-%' and summary like ?",
                "petition " + id + ":%")).isZero();
    }

    @Test
    void agadirStaffCannotSeeOrTouchTaroudantsPetitions() throws Exception {
        refusedEverywhere(PetitionAdminFixture.AGADIR_STAFF);
    }

    @Test
    void aCitizenCannotUseTheWorkspaceEvenForTheirOwnPetition() throws Exception {
        refusedEverywhere(PetitionAdminFixture.CITIZEN);
    }

    @Test
    void anInformationOfficerIsNotBureauStaff() throws Exception {
        Collectivity c = fx.collectivity();
        String officer = ma.opencommune.support.TestAccounts.confirmed(accounts, jdbc, "officer");
        grants.grant(null, c, officer, ma.opencommune.identity.Role.INFORMATION_OFFICER, null);
        long own = fx.open(c, "Officier");
        mvc.perform(get("/fr/c/" + c.slug() + "/admin/petitions").with(Logins.as(users, officer))).andExpect(status().isForbidden());
        mvc.perform(get("/fr/c/" + c.slug() + "/admin/petitions/" + own).with(Logins.as(users, officer))).andExpect(status().isForbidden());
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get(base)).andExpect(status().is3xxRedirection());
        mvc.perform(get(base + "/" + id)).andExpect(status().is3xxRedirection());
        mvc.perform(get(base + "/" + id + "/signatories.csv")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anotherCollectivitysPetitionOrADraftIsNotFoundForStaff() throws Exception {
        Collectivity other = fx.collectivity();
        long elsewhere = fx.open(other, "Ailleurs");
        long draft = PetitionFixtures.petition(petitions, taroudant, fx.user(PetitionAdminFixture.CITIZEN), "Brouillon", false);
        for (long missing : new long[] {elsewhere, draft}) {
            String before = fx.snapshot(missing);
            for (String suffix : List.of("", "/signatories.csv", "/signatories.pdf")) {
                mvc.perform(get(base + "/" + missing + suffix).with(Logins.as(users, PetitionAdminFixture.TAROUDANT_STAFF)))
                        .andExpect(status().isNotFound());
            }
            mvc.perform(post(base + "/" + missing + "/paper-signatures").param("fullName", "Fatima Zahra").param("cin", PetitionAdminFixture.cin())
                    .param("basis", "RESIDENT").with(csrf()).with(Logins.as(users, PetitionAdminFixture.TAROUDANT_STAFF)))
                    .andExpect(status().isNotFound());
            mvc.perform(post(base + "/" + missing + "/inadmissible").param("inadmissibleGround", "OTHER").param("inadmissibleReasoning", "x")
                    .with(csrf()).with(Logins.as(users, PetitionAdminFixture.TAROUDANT_STAFF))).andExpect(status().isNotFound());
            assertThat(fx.snapshot(missing)).isEqualTo(before);
        }
        String list = mvc.perform(get(base).with(Logins.as(users, PetitionAdminFixture.TAROUDANT_STAFF))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain("/admin/petitions/" + draft + "\"").doesNotContain("Ailleurs");
    }

    @Test
    void taroudantStaffSeeTheWorkspaceInEveryLanguageAndTheHomeLink() throws Exception {
        mvc.perform(get(base).with(Logins.as(users, PetitionAdminFixture.TAROUDANT_STAFF))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/fr/c/taroudant/admin/petitions/" + id)));
        mvc.perform(get("/fr/c/taroudant/admin").with(Logins.as(users, PetitionAdminFixture.TAROUDANT_STAFF)))
                .andExpect(content().string(containsString("/fr/c/taroudant/admin/petitions")));
        for (String lang : List.of("ar", "fr", "zgh", "en")) {
            mvc.perform(get("/" + lang + "/c/taroudant/admin/petitions/" + id).with(Logins.as(users, PetitionAdminFixture.TAROUDANT_STAFF)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("Brahim Oubella")));
            mvc.perform(get("/" + lang + "/c/taroudant/admin/petitions?stage=collecting").with(Logins.as(users, PetitionAdminFixture.TAROUDANT_STAFF)))
                    .andExpect(status().isOk());
        }
    }
}
