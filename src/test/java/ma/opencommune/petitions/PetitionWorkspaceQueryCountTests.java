package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The workspace never does N+1: the list and a petition's page cost the same statements for a few rows or many. */
@IntegrationTest
class PetitionWorkspaceQueryCountTests {

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
    Collectivity c;
    String secretary;

    @BeforeEach
    void setUp() {
        fx = new PetitionAdminFixture(jdbc, petitions, paper, numbers, territory, accounts, grants, users);
        c = fx.collectivity();
        secretary = fx.secretary(c);
    }

    long statements(String url) throws Exception {
        mvc.perform(get(url).with(Logins.as(users, secretary))).andExpect(status().isOk()); // warm caches
        QueryCounting.reset();
        mvc.perform(get(url).with(Logins.as(users, secretary))).andExpect(status().isOk());
        return QueryCounting.statements();
    }

    @Test
    void theListCostsTheSameStatementsFor3And60Petitions() throws Exception {
        String url = "/fr/c/" + c.slug() + "/admin/petitions";
        for (int i = 0; i < 3; i++) {
            long id = fx.open(c, "Pétition " + i);
            PetitionFixtures.signatures(jdbc, c, id, 2, "PAPER");
        }
        long three = statements(url);
        for (int i = 3; i < 60; i++) {
            long id = i % 10 == 0 ? fx.association(c, "Association " + i) : fx.open(c, "Pétition " + i);
            PetitionFixtures.signatures(jdbc, c, id, i % 4, i % 2 == 0 ? "PAPER" : "ONLINE");
        }
        long sixty = statements(url);
        assertThat(sixty).isEqualTo(three);
        assertThat(statements(url + "?stage=collecting&after=" + Long.MAX_VALUE / 2)).isLessThanOrEqualTo(three);
    }

    @Test
    void aPetitionsPageCostsTheSameStatementsFor3And120PaperEntries() throws Exception {
        long id = fx.open(c, "Lecture publique");
        long staffId = fx.user(secretary).id();
        for (int i = 0; i < 3; i++) {
            fx.paperRow(c, id, "Signataire " + i, PetitionAdminFixture.cin(), staffId);
        }
        String url = "/fr/c/" + c.slug() + "/admin/petitions/" + id;
        long three = statements(url);
        String other = fx.secretary(c);
        long otherId = fx.user(other).id();
        for (int i = 3; i < 120; i++) {
            fx.paperRow(c, id, "Signataire " + i, PetitionAdminFixture.cin(), i % 2 == 0 ? staffId : otherId);
            fx.online(c, id, "En ligne " + i, PetitionAdminFixture.cin());
        }
        long many = statements(url);
        assertThat(many).isEqualTo(three);
        String html = mvc.perform(get(url).with(Logins.as(users, secretary))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Signataire 119").doesNotContain("Signataire 3<").contains("paperBefore=");
    }
}
