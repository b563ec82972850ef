package ma.opencommune.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The account page: see, correct, export and delete one's own data (PDP-3); API tokens. */
@IntegrationTest
class AccountTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Accounts accounts;

    String newConfirmedAccount() {
        return TestAccounts.confirmed(accounts, jdbc, "acct");
    }

    @Autowired
    ApiTokens tokens;

    @Test
    void aTokensLastUseIsShownToItsOwner() {
        String email = newConfirmedAccount();
        long id = accounts.findByEmail(email).orElseThrow().id();
        String secret = tokens.create(id, "script");
        assertThat(tokens.authenticate(secret)).contains(id);
        assertThat(tokens.of(id)).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
        tokens.recordLastUses();
        assertThat(jdbc.sql("select count(*) from api_token where account_id = ? and last_used_at is not null").param(id)
                .query(Integer.class).single()).as("written by the periodic run").isEqualTo(1);
        assertThat(tokens.authenticate(secret + "x")).isEmpty();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPageOfTheirLanguage() throws Exception {
        mvc.perform(get("/zgh/account")).andExpect(redirectedUrl("/zgh/login"));
    }

    @Test
    void aPersonCorrectsTheirNameAndLanguage() throws Exception {
        String email = newConfirmedAccount();
        mvc.perform(post("/fr/account/profile").with(Logins.as(users, email)).with(csrf())
                .param("displayName", "Nouveau Nom").param("preferredLang", "zgh"))
                .andExpect(redirectedUrl("/fr/account"));
        assertThat(accounts.findByEmail(email).orElseThrow().displayName()).isEqualTo("Nouveau Nom");
        assertThat(accounts.findByEmail(email).orElseThrow().preferredLang()).isEqualTo("zgh");
        mvc.perform(post("/fr/account/profile").with(Logins.as(users, email)).with(csrf())
                .param("displayName", "").param("preferredLang", "xx"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("error-summary")));
        assertThat(accounts.findByEmail(email).orElseThrow().displayName()).isEqualTo("Nouveau Nom");
    }

    @Test
    void aPersonDownloadsTheirDataAsJson() throws Exception {
        mvc.perform(get("/fr/account/export").with(Logins.as(users, "citizen@opencommune.demo")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(jsonPath("$.account.email").value("citizen@opencommune.demo"))
                .andExpect(jsonPath("$.residenceDeclarations[0].cinHint").value("JB••••56"))
                .andExpect(content().string(not(containsString("JB123456"))))
                .andExpect(content().string(not(containsString("password"))));
    }

    @Test
    void aPersonDeletesTheirAccountWithTheirPassword() throws Exception {
        String email = newConfirmedAccount();
        mvc.perform(post("/fr/account/delete").with(Logins.as(users, email)).with(csrf()).param("password", "wrong"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("error-summary")));
        assertThat(accounts.findByEmail(email)).isPresent();
        mvc.perform(post("/fr/account/delete").with(Logins.as(users, email)).with(csrf()).param("password", TestAccounts.PASSWORD))
                .andExpect(redirectedUrl("/fr/account-deleted"));
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void anApiTokenIsShownOnceStoredHashedAndRevocable() throws Exception {
        String email = newConfirmedAccount();
        var result = mvc.perform(post("/en/account/tokens").with(Logins.as(users, email)).with(csrf()).param("name", "my script"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String token = (String) result.getFlashMap().get("newToken");
        assertThat(token).startsWith("oc_");
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Integer.class).single()).isZero();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.email").value(email));
        mvc.perform(get("/en/account").with(Logins.as(users, email))).andExpect(content().string(not(containsString(token))));

        long id = jdbc.sql("select id from api_token where prefix = ?").param(token.substring(0, 10)).query(Long.class).single();
        mvc.perform(post("/en/account/tokens/" + id + "/revoke").with(Logins.as(users, email)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aBadTokenIsRefusedAndNeverFallsBackToAnonymous() throws Exception {
        mvc.perform(get("/api/v1/collectivities").header("Authorization", "Bearer oc_not-a-real-token"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void anotherPersonsTokenCannotBeRevoked() throws Exception {
        String owner = newConfirmedAccount();
        String other = newConfirmedAccount();
        mvc.perform(post("/en/account/tokens").with(Logins.as(users, owner)).with(csrf()).param("name", "owner token"));
        long id = jdbc.sql("select t.id from api_token t join account a on a.id = t.account_id where a.email_normalized = ?")
                .param(owner).query(Long.class).single();
        mvc.perform(post("/en/account/tokens/" + id + "/revoke").with(Logins.as(users, other)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select revoked_at is null from api_token where id = ?").param(id).query(Boolean.class).single()).isTrue();
    }
}
