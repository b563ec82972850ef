package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The projects API and the map's GeoJSON. */
@IntegrationTest
class ProjectApiTests {

    static final String API = "/api/v1/collectivities/taroudant";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void listsPublishedProjectsWithFiltersAndPages() throws Exception {
        mvc.perform(get(API + "/projects")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(15))
                .andExpect(jsonPath("$.next").doesNotExist());
        mvc.perform(get(API + "/projects").param("sector", "WATER")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].sector").value("WATER"));
        mvc.perform(get(API + "/projects").param("status", "COMPLETED").param("q", "eclairage")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].titleFr").value("Éclairage LED de l’avenue Mohammed V"));
    }

    @Test
    void oneProjectHasItsFundingTotalAreaCommitmentsAndTimeline() throws Exception {
        long id = jdbc.sql("select id from council_project where title_fr = 'Restauration des remparts de la kasbah'").query(Long.class).single();
        mvc.perform(get(API + "/projects/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.project.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.funding.length()").value(3))
                .andExpect(jsonPath("$.fundingTotal").value(18500000.0))
                .andExpect(jsonPath("$.area.type").value("Polygon"))
                .andExpect(jsonPath("$.timeline[0].kind").value("PROGRESS"))
                .andExpect(jsonPath("$.timeline[0].photos[0]").value(org.hamcrest.Matchers.startsWith("/fr/c/taroudant/projects/" + id + "/photos/")));
        mvc.perform(get(API + "/projects/999999999")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void theGeoJsonPutsLongitudeFirstAndCarriesAreas() throws Exception {
        var r = mvc.perform(get(API + "/projects.geojson").param("lang", "fr")).andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features.length()").value(15))
                .andReturn().getResponse();
        assertThat(r.getContentType()).startsWith("application/geo+json");
        String json = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"coordinates\":[-8.8705,30.4735]").contains("\"type\":\"GeometryCollection\"")
                .contains("\"url\":\"/fr/c/taroudant/projects/");
        mvc.perform(get(API + "/projects.geojson").param("sector", "HEALTH")).andExpect(jsonPath("$.features.length()").value(1))
                .andExpect(jsonPath("$.features[0].properties.url").value(org.hamcrest.Matchers.startsWith("/ar/c/taroudant/projects/")));
        mvc.perform(get("/api/v1/collectivities/nowhere/projects.geojson")).andExpect(status().isNotFound());
    }
}
