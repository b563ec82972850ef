package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ThreadLocalRandom;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.ApiTokens;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The petitions API: public list and petition, signing and withdrawing with a token, every refusal as a problem detail. */
@IntegrationTest
class PetitionApiTests {

    static final String SIGN = "{\"confirmEligibility\": true}";

    @Autowired
    MockMvc mvc;
    @Autowired
    Petitions petitions;
    @Autowired
    ResidentVerifications residents;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Territory territory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    Collectivity taroudant;
    AccountUser agent;

    @BeforeEach
    void setUp() {
        taroudant = territory.require("taroudant");
        agent = (AccountUser) users.loadUserByUsername("citizen@opencommune.demo");
    }

    String bearer(String email) {
        return "Bearer " + tokens.create(((AccountUser) users.loadUserByUsername(email)).id(), "petitions api test");
    }

    String verifiedSigner() {
        String email = TestAccounts.confirmed(accounts, jdbc, "api-signer");
        AccountUser person = (AccountUser) users.loadUserByUsername(email);
        AccountUser staff = (AccountUser) users.loadUserByUsername("staff@taroudant.demo");
        long declaration = residents.declare(person.id(), taroudant, ResidentVerifications.Basis.RESIDENCE,
                "PA" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)));
        residents.decide(staff.id(), taroudant, declaration, true, null);
        return email;
    }

    long petition(String title, boolean open) {
        return PetitionFixtures.petition(petitions, taroudant, agent, title, open);
    }

    ResultActions sign(long id, String token, String body) throws Exception {
        var request = post("/api/v1/collectivities/taroudant/petitions/" + id + "/signatures").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "fr");
        if (token != null) {
            request.header("Authorization", token);
        }
        return mvc.perform(body == null ? request : request.content(body));
    }

    @Test
    void anEligiblePersonSignsOnceWithATokenAndWithdrawsAndEveryRefusalSaysWhy() throws Exception {
        long id = petition("Des toilettes publiques au souk", true);
        String signer = bearer(verifiedSigner());

        sign(id, null, SIGN).andExpect(status().isUnauthorized());
        sign(id, bearer(TestAccounts.confirmed(accounts, jdbc, "not-resident")), SIGN).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("petitions.not-eligible.not-verified"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("vérifiée")));
        sign(id, signer, "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("confirmEligibility"));
        sign(id, signer, "{\"confirmEligibility\": false}").andExpect(status().isBadRequest());
        sign(id, signer, null).andExpect(status().isBadRequest());

        sign(id, signer, SIGN).andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/collectivities/taroudant/petitions/" + id));
        sign(id, signer, SIGN).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("déjà signé")));

        mvc.perform(get("/api/v1/collectivities/taroudant/petitions/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.signatureCount").value(1))
                .andExpect(jsonPath("$.onlineSignatures").value(1)).andExpect(jsonPath("$.threshold").value(200))
                .andExpect(jsonPath("$.decisionDue").value(nullValue()));
        String list = mvc.perform(get("/api/v1/collectivities/taroudant/petitions")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("\"id\":" + id).contains("Des toilettes publiques au souk").doesNotContain("\"cin")
                .doesNotContain("api-signer").doesNotContain("\"email");

        mvc.perform(delete("/api/v1/collectivities/taroudant/petitions/" + id + "/signatures/mine").header("Authorization", signer))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/collectivities/taroudant/petitions/" + id + "/signatures/mine").header("Authorization", signer))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/collectivities/taroudant/petitions/" + id + "/signatures/mine")).andExpect(status().isUnauthorized());
    }

    @Test
    void draftsAreNotPublicAndAPetitionIsOnlyReachedThroughItsOwnCollectivity() throws Exception {
        long draft = petition("Un brouillon privé", false);
        mvc.perform(get("/api/v1/collectivities/taroudant/petitions/" + draft)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/api/v1/collectivities/taroudant/petitions")).andReturn().getResponse().getContentAsString())
                .doesNotContain("Un brouillon privé");
        sign(draft, bearer(verifiedSigner()), SIGN).andExpect(status().isNotFound());

        long open = petition("Une pétition de Taroudant", true);
        mvc.perform(get("/api/v1/collectivities/agadir/petitions/" + open)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/collectivities/agadir/petitions/" + open + "/signatures").header("Authorization", bearer(verifiedSigner()))
                .contentType(MediaType.APPLICATION_JSON).content(SIGN)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/collectivities/taroudant/petitions?before=abc")).andExpect(status().isOk());
    }
}
