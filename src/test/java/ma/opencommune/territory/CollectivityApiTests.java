package ma.opencommune.territory;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CollectivityApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void listsTheTwelveRegions() throws Exception {
        mvc.perform(get("/api/v1/collectivities").param("type", "REGION"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(12)))
                .andExpect(jsonPath("$[*].type", everyItem(is("REGION"))));
    }

    @Test
    void filtersByRegion() throws Exception {
        mvc.perform(get("/api/v1/collectivities").param("region", "souss-massa").param("type", "commune"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].region", everyItem(is("souss-massa"))))
                .andExpect(jsonPath("$[?(@.slug == 'taroudant')]", hasSize(1)));
    }

    @Test
    void returnsOneCollectivityWithItsNamesInThreeLanguages() throws Exception {
        mvc.perform(get("/api/v1/collectivities/taroudant"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value("taroudant"))
                .andExpect(jsonPath("$.type").value("COMMUNE"))
                .andExpect(jsonPath("$.names.ar").value("تارودانت"))
                .andExpect(jsonPath("$.names.fr").value("Taroudant"))
                .andExpect(jsonPath("$.names.zgh").value("ⵜⴰⵔⵓⴷⴰⵏⵜ"))
                .andExpect(jsonPath("$.population").value(80149))
                .andExpect(jsonPath("$.parent").value("province-taroudant"));
    }

    @Test
    void unknownCollectivityIsAProblemDetailInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/collectivities/atlantis").header("Accept-Language", "fr"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Page introuvable"));
    }

    @Test
    void unknownTypeIsABadRequest() throws Exception {
        mvc.perform(get("/api/v1/collectivities").param("type", "village"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
