package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import ma.opencommune.identity.ApiTokens;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The citizen API: processes, proposals and supports, with a personal token; errors as problem details. */
@IntegrationTest
class ProgramApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiTokens tokens;

    ProgramFixtures fixtures;
    String bearer;
    long open;
    long closed;

    @BeforeEach
    void setUp() {
        fixtures = new ProgramFixtures(jdbc);
        bearer = "Bearer " + tokens.create(fixtures.account("citizen@opencommune.demo"), "api test");
        LocalDate today = ProgramFixtures.today();
        open = fixtures.process(today.minusDays(1), today.plusDays(10));
        closed = fixtures.process(today.minusDays(30), today.minusDays(1));
    }

    String proposal(String title) {
        return "{\"title\":\"" + title + "\",\"body\":\"Ouvrir les données du budget.\",\"principles\":[\"TRANSPARENCY\"]}";
    }

    @Test
    void publishedProcessesAreListedWithTheirPhases() throws Exception {
        mvc.perform(get("/api/v1/collectivities/taroudant/processes")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) open)))
                .andExpect(jsonPath("$[?(@.id == " + open + ")].phases[0].kind", hasItem("PROPOSALS")))
                .andExpect(jsonPath("$[?(@.id == " + open + ")].phases[0].open", hasItem(true)));
        mvc.perform(get("/api/v1/collectivities/nowhere/processes")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aSubmittedProposalIsCreatedAndListedWithItsAuthorsDisplayNameOnly() throws Exception {
        String location = mvc.perform(post("/api/v1/collectivities/taroudant/processes/" + open + "/proposals").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content(proposal("Budget ouvert API")))
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.answer").doesNotExist())
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get(location)).andExpect(status().isOk()).andExpect(jsonPath("$.title").value("Budget ouvert API"));
        mvc.perform(get("/api/v1/collectivities/taroudant/processes/" + open + "/proposals?sort=supports&principle=TRANSPARENCY"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].title").value("Budget ouvert API"))
                .andExpect(jsonPath("$.items[0].principles[0]").value("TRANSPARENCY"))
                .andExpect(jsonPath("$.items[0].author").value("مواطن من تارودانت"))
                .andExpect(content().string(not(containsString("@opencommune.demo"))));
        mvc.perform(get("/api/v1/collectivities/taroudant/processes/" + open + "/proposals?principle=NOPE")).andExpect(status().isBadRequest());
        // The process of another collectivity is not reached through this one's URL.
        mvc.perform(get("/api/v1/collectivities/agadir/processes/" + open + "/proposals")).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsA400ListingEveryFieldAndAClosedPhaseA409() throws Exception {
        mvc.perform(post("/api/v1/collectivities/taroudant/processes/" + open + "/proposals").header("Authorization", bearer)
                        .header("Accept-Language", "fr").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"body\":\"" + "x".repeat(6001) + "\",\"principles\":[\"NOPE\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("body")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("principles")));
        mvc.perform(post("/api/v1/collectivities/taroudant/processes/" + closed + "/proposals").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content(proposal("Trop tard")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value(409));
        mvc.perform(post("/api/v1/collectivities/taroudant/processes/" + open + "/proposals")
                        .contentType(MediaType.APPLICATION_JSON).content(proposal("Anonyme")))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/collectivities/taroudant/processes/" + open + "/proposals").header("Authorization", "Bearer oc_fake")
                        .contentType(MediaType.APPLICATION_JSON).content(proposal("Faux jeton")))
                .andExpect(status().isUnauthorized());
        assertThat(fixtures.count("select count(*) from program_proposal where process_id in (?, ?)", open, closed)).isZero();
    }

    @Test
    void supportingTwiceIsA409AndWithdrawingIsA204() throws Exception {
        long id = fixtures.proposal(open, "resident@opencommune.demo", "À soutenir");
        String supports = "/api/v1/collectivities/taroudant/proposals/" + id + "/supports";
        mvc.perform(post(supports).header("Authorization", bearer)).andExpect(status().isCreated());
        mvc.perform(post(supports).header("Authorization", bearer)).andExpect(status().isConflict());
        mvc.perform(post(supports)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/collectivities/agadir/proposals/" + id + "/supports").header("Authorization", bearer))
                .andExpect(status().isNotFound());
        assertThat(fixtures.count("select count(*) from program_support where proposal_id = ?", id)).isEqualTo(1);
        mvc.perform(delete(supports).header("Authorization", bearer)).andExpect(status().isNoContent());
        assertThat(fixtures.count("select count(*) from program_support where proposal_id = ?", id)).isZero();
        long late = fixtures.proposal(closed, "resident@opencommune.demo", "Fermée");
        mvc.perform(post("/api/v1/collectivities/taroudant/proposals/" + late + "/supports").header("Authorization", bearer))
                .andExpect(status().isConflict());
    }
}
