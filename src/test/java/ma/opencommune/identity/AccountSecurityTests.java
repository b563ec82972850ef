package ma.opencommune.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.opencommune.platform.Lang;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.MockMvc;

/** Defences around accounts: squatted addresses, guessing, mail floods, stale sessions, metrics. */
@IntegrationTest
class AccountSecurityTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Accounts accounts;
    @Autowired
    RoleGrants grants;
    @Autowired
    Territory territory;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Test
    void aRoleCannotBeGrantedToAnAddressNobodyHasConfirmed() {
        String squatted = TestAccounts.uniqueEmail("squat");
        accounts.register(squatted, "Squatter", TestAccounts.PASSWORD, Lang.FR);
        long actor = accounts.findByEmail("staff@taroudant.demo").orElseThrow().id();
        assertThatThrownBy(() -> grants.grant(actor, territory.require("taroudant"), squatted, Role.STAFF_ADMIN, null))
                .isInstanceOfSatisfying(FieldProblem.class, p -> assertThat(p.messageKey()).isEqualTo("validation.role.no-account"));
    }

    @Test
    void aWrongPasswordOnAnUnconfirmedAccountSaysNothingAboutTheAccount() throws Exception {
        String email = TestAccounts.uniqueEmail("unconfirmed");
        accounts.register(email, "Pas encore confirmé", TestAccounts.PASSWORD, Lang.FR);
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "not-the-password").param("lang", "fr"))
                .andExpect(redirectedUrl("/fr/login?error=credentials"));
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", TestAccounts.PASSWORD).param("lang", "fr"))
                .andExpect(redirectedUrl("/fr/login?error=unconfirmed"));
    }

    @Test
    void resetLinksCannotFloodAMailbox() throws Exception {
        String email = TestAccounts.confirmed(accounts, jdbc, "flood");
        int before = jdbc.sql("select count(*) from dev_mailbox where recipient = ?").param(email).query(Integer.class).single();
        for (int i = 0; i < 6; i++) {
            mvc.perform(post("/fr/password/forgot").with(csrf()).param("email", email)).andExpect(status().isOk());
        }
        assertThat(jdbc.sql("select count(*) from dev_mailbox where recipient = ?").param(email).query(Integer.class).single())
                .isEqualTo(before + Accounts.MAX_LINKS_PER_HOUR);
    }

    @Test
    void aPasswordResetEndsEveryOtherSessionOfTheAccount() {
        String email = TestAccounts.confirmed(accounts, jdbc, "stale");
        Session session = saveSessionOf(email);
        accounts.requestPasswordReset(email, Lang.FR);
        String body = jdbc.sql("select body from dev_mailbox where recipient = ? order by id desc limit 1").param(email).query(String.class).single();
        Matcher token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(token.find()).isTrue();
        assertThat(accounts.resetPassword(token.group(1), "another-long-passphrase")).isTrue();
        assertThat(sessions.findById(session.getId())).isNull();
    }

    @SuppressWarnings("unchecked")
    private Session saveSessionOf(String email) {
        var repository = (FindByIndexNameSessionRepository<Session>) sessions;
        Session session = repository.createSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, email);
        repository.save(session);
        assertThat(repository.findByPrincipalName(email)).containsKey(session.getId());
        return session;
    }

    @Test
    void metricsAreForPlatformAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(Logins.as(users, "admin@opencommune.demo"))).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }
}
