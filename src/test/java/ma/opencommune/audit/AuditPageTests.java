package ma.opencommune.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.stream.IntStream;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** A collectivity's staff read its action log, page after page; nobody else does, on the page or through the API. */
@IntegrationTest
class AuditPageTests {

    static final String PAGE = "/{lang}/c/{slug}/admin/audit";
    static final String API = "/api/v1/collectivities/{slug}/admin/audit";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Territory territory;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog log;

    SampleActions samples;
    Collectivity taroudant;
    AccountUser taroudantStaff;
    AccountUser agadirStaff;

    @BeforeEach
    void setUp() {
        samples = new SampleActions(tx, events, jdbc);
        taroudant = territory.require("taroudant");
        taroudantStaff = (AccountUser) users.loadUserByUsername("staff@taroudant.demo");
        agadirStaff = (AccountUser) users.loadUserByUsername("staff@agadir.demo");
    }

    @Test
    void taroudantStaffSeeWhoDidWhatWithNamesAndActionLabels() throws Exception {
        long missingAccount = 987_654_321L;
        samples.record(List.of(
                SampleAction.of(taroudant.id(), taroudantStaff.id(), "identity.role-granted", "granted by a colleague"),
                SampleAction.of(taroudant.id(), null, "identity.residency-declared", "done by the platform"),
                SampleAction.of(taroudant.id(), missingAccount, "test.unknown-action", "done by a deleted account")));

        mvc.perform(get(PAGE, "en", "taroudant").with(user(taroudantStaff)))
                .andExpect(status().isOk())
                .andExpect(view().name("audit/log"))
                .andExpect(model().attribute("collectivity", taroudant))
                .andExpect(content().string(containsString("href=\"/en/c/taroudant/admin\"")))
                .andExpect(content().string(containsString("granted by a colleague")))
                .andExpect(content().string(containsString(taroudantStaff.displayName())))
                .andExpect(content().string(containsString("Role granted")))
                .andExpect(content().string(containsString("The platform (automatic)")))
                .andExpect(content().string(containsString("Deleted account")))
                .andExpect(content().string(containsString("Other action (test.unknown-action)")))
                .andExpect(content().string(containsString("class=\"reflow\"")))
                .andExpect(content().string(containsString("data-label=\"By\"")));

        mvc.perform(get(PAGE, "ar", "taroudant").with(user(taroudantStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("إسناد دور")))
                .andExpect(content().string(containsString("حساب محذوف")));
    }

    @Test
    void olderEntriesLinkLeadsToTheNextFiftyAndBack() throws Exception {
        samples.record(IntStream.range(0, AuditLog.PAGE_SIZE + 1)
                .mapToObj(i -> SampleAction.of(taroudant.id(), taroudantStaff.id(), "test.bulk", "bulk entry " + i)).toList());
        AuditLog.Page first = log.page(taroudant.id(), null, AuditLog.PAGE_SIZE);
        assertThat(first.olderBefore()).isNotNull();
        String older = "/fr/c/taroudant/admin/audit?before=" + first.olderBefore();

        mvc.perform(get(PAGE, "fr", "taroudant").with(user(taroudantStaff)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("entries", first.entries()))
                .andExpect(content().string(containsString("href=\"" + older + "\"")))
                .andExpect(content().string(not(containsString("Revenir aux entrées les plus récentes"))));

        AuditLog.Page second = log.page(taroudant.id(), first.olderBefore(), AuditLog.PAGE_SIZE);
        mvc.perform(get(older).with(user(taroudantStaff)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("entries", second.entries()))
                .andExpect(content().string(containsString("Revenir aux entrées les plus récentes")));
    }

    @Test
    void agadirStaffCannotReadTaroudantsLogOnThePageNorThroughTheApi() throws Exception {
        mvc.perform(get(PAGE, "fr", "taroudant").with(user(agadirStaff)))
                .andExpect(status().isForbidden());
        mvc.perform(get(API, "taroudant").with(user(agadirStaff)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(PAGE, "fr", "agadir").with(user(agadirStaff)))
                .andExpect(status().isOk());
    }

    @Test
    void anonymousVisitorsAreSentToLoginAndTheApiAsksForAToken() throws Exception {
        mvc.perform(get(PAGE, "fr", "taroudant"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/fr/login"));
        mvc.perform(get(API, "taroudant"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void apiListsEntriesNewestFirstWithNamesForStaff() throws Exception {
        samples.record(List.of(
                SampleAction.of(taroudant.id(), taroudantStaff.id(), "test.api", "api entry 1"),
                SampleAction.of(taroudant.id(), taroudantStaff.id(), "test.api", "api entry 2"),
                SampleAction.of(taroudant.id(), taroudantStaff.id(), "test.api", "api entry 3")));
        AuditLog.Page expected = log.page(taroudant.id(), null, 2);

        mvc.perform(get(API, "taroudant").param("size", "2").with(user(taroudantStaff)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(2))
                .andExpect(jsonPath("$.entries[0].id").value(expected.entries().get(0).id()))
                .andExpect(jsonPath("$.entries[1].id").value(expected.entries().get(1).id()))
                .andExpect(jsonPath("$.entries[0].action").value(expected.entries().get(0).action()))
                .andExpect(jsonPath("$.entries[0].actorName").value(taroudantStaff.displayName()))
                .andExpect(jsonPath("$.olderBefore").value(expected.olderBefore()));
    }
}
