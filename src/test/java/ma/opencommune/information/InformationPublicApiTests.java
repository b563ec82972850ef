package ma.opencommune.information;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The public API: published (redacted) requests and the yearly statistics, errors as RFC 9457 problem details. */
@IntegrationTest
class InformationPublicApiTests {

    static final String BASE = "/api/v1/collectivities/taroudant/information-requests";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Territory territory;
    @Autowired
    InformationRequests requests;
    @Autowired
    Publication publication;

    @Test
    void thePublishedListGivesRedactedSubjectsAndNoPersonalData() throws Exception {
        Collectivity c = territory.require("taroudant");
        String marker = "api" + InformationFixtures.unique();
        String tn = InformationFixtures.answered(requests, users, c, "Sujet d'origine Benali " + marker, "Demande", "Réponse");
        publication.publish(c, tn, InformationFixtures.user(users, "staff@taroudant.demo"),
                new Publication.Draft("Sujet publié " + marker, "Demande", "Réponse", List.of(), false));
        mvc.perform(get(BASE).param("published", "true").param("q", marker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].trackingNumber").value(tn))
                .andExpect(jsonPath("$.items[0].subject").value("Sujet publié " + marker))
                .andExpect(jsonPath("$.items[0].status").value("ANSWERED"))
                .andExpect(jsonPath("$.items[0].inTime").value(true))
                .andExpect(jsonPath("$.items[0].receivedAt").exists())
                .andExpect(jsonPath("$.items[0].answeredOn").exists())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(content().string(not(containsString("Benali"))))
                .andExpect(content().string(not(containsString("JB123456"))));
        mvc.perform(get(BASE).param("published", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].trackingNumber", hasItem(tn)));
    }

    @Test
    void theListWithoutPublishedTrueIsABadRequestProblem() throws Exception {
        mvc.perform(get(BASE)).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("published"));
        mvc.perform(get(BASE).param("published", "false")).andExpect(status().isBadRequest());
        mvc.perform(get(BASE).param("published", "yes")).andExpect(status().isBadRequest());
    }

    @Test
    void anUnknownCollectivityIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/v1/collectivities/nowhere/information-requests").param("published", "true"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/collectivities/nowhere/information-requests/statistics"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void theStatisticsOfAYearAreJson() throws Exception {
        mvc.perform(get(BASE + "/statistics").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").isNumber())
                .andExpect(jsonPath("$.refusalsByGround.NOT_HELD").isNumber())
                .andExpect(jsonPath("$.complaints.HEAD.outcomes.UPHELD").isNumber())
                .andExpect(jsonPath("$.complaints.CDAI.pending").isNumber());
        mvc.perform(get(BASE + "/statistics").param("year", "abc")).andExpect(status().isOk()).andExpect(jsonPath("$.year").isNumber());
    }
}
