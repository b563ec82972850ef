package ma.opencommune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** List pages run a small, constant number of queries however many rows they show (no N+1). */
@IntegrationTest
class QueryCountTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    long statementsFor(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(request).andExpect(status().isOk());
        return QueryCounting.statements();
    }

    @Test
    void theCollectivityPageCostsTheSameWithMoreBodyMembers() throws Exception {
        long before = statementsFor(get("/fr/c/tiznit"));
        long tiznit = jdbc.sql("select id from collectivity where slug = 'tiznit'").query(Long.class).single();
        jdbc.sql("insert into consultative_body (collectivity_id, type, name_ar, name_fr, name_zgh) values (?, 'OTHER', 'هيئة', 'Instance', 'ⵜⴰⵙⵏⵙⵉⵜ')")
                .param(tiznit).update();
        long body = jdbc.sql("select max(id) from consultative_body where collectivity_id = ?").param(tiznit).query(Long.class).single();
        for (int i = 0; i < 25; i++) {
            jdbc.sql("insert into body_member (body_id, collectivity_id, full_name) values (?, ?, ?)").params(body, tiznit, "Membre " + i).update();
        }
        assertThat(statementsFor(get("/fr/c/tiznit"))).isEqualTo(before).isLessThanOrEqualTo(6);
    }

    @Test
    void theNetworkHomeIsAHandfulOfQueries() throws Exception {
        assertThat(statementsFor(get("/ar/"))).isLessThanOrEqualTo(3);
    }

    @Test
    void administrationPagesStayBounded() throws Exception {
        var staff = Logins.as(users, "staff@taroudant.demo");
        assertThat(statementsFor(get("/fr/c/taroudant/admin/roles").with(staff))).isLessThanOrEqualTo(12);
        assertThat(statementsFor(get("/fr/c/taroudant/admin/verifications").with(staff))).isLessThanOrEqualTo(12);
        assertThat(statementsFor(get("/fr/account").with(staff))).isLessThanOrEqualTo(12);
        assertThat(statementsFor(get("/fr/c/taroudant/admin/audit").with(staff))).isLessThanOrEqualTo(12);
        assertThat(statementsFor(get("/fr/c/taroudant/admin/bodies").with(staff))).isLessThanOrEqualTo(12);
    }
}
