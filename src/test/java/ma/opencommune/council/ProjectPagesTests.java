package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The public project pages (list, map, project page) in four languages, their filters, the CSV and the map's assets. */
@IntegrationTest
class ProjectPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    ProjectFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ProjectFixture(jdbc, projects, territory, accounts, grants, users);
    }

    MockHttpServletResponse get200(String url) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse();
        r.setCharacterEncoding("UTF-8");
        return r;
    }

    String html(String url) throws Exception {
        return get200(url).getContentAsString(StandardCharsets.UTF_8);
    }

    long demo(String titleFr) {
        return jdbc.sql("select id from council_project where title_fr = ?").param(titleFr).query(Long.class).single();
    }

    @ParameterizedTest
    @CsvSource({"ar,المشاريع,ترميم أسوار القصبة", "fr,Projets,Restauration des remparts de la kasbah",
        "zgh,ⵉⵙⵏⴼⴰⵔⵏ,Restauration des remparts de la kasbah", "en,Projects,Restauration des remparts de la kasbah"})
    void theListMapAndProjectPageSpeakEachLanguage(String lang, String heading, String title) throws Exception {
        String list = html("/" + lang + "/c/taroudant/projects");
        assertThat(list).contains("<h1>" + heading + "</h1>").contains(title).contains("projects.csv");
        String map = html("/" + lang + "/c/taroudant/projects/map");
        assertThat(map).contains("<noscript>").contains("/webjars/leaflet/1.9.4/dist/leaflet").contains("/assets/js/project-map")
                .contains("data-geojson=\"/api/v1/collectivities/taroudant/projects.geojson?lang=" + lang + "\"")
                .contains("data-tiles=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"").contains(title);
        long id = demo("Restauration des remparts de la kasbah");
        String page = html("/" + lang + "/c/taroudant/projects/" + id);
        assertThat(page).contains(title).contains("<table class=\"reflow\">").contains("class=\"timeline\"")
                .contains("/c/taroudant/projects/" + id + "/photos/").contains("data-lat=\"30.473500\"").contains(">30.4735, -8.8705</bdi>");
    }

    @Test
    void theMapsScriptsAndStylesAreServedByTheApplication() throws Exception {
        assertThat(get200("/webjars/leaflet/1.9.4/dist/leaflet.js").getContentAsString()).contains("Leaflet");
        assertThat(get200("/webjars/leaflet/1.9.4/dist/leaflet.css").getContentType()).startsWith("text/css");
        assertThat(get200("/assets/js/project-map.js").getContentAsString()).contains("project-map");
        String csp = get200("/fr/c/taroudant/projects/map").getHeader("Content-Security-Policy");
        assertThat(csp).contains("img-src 'self' data: https://tile.openstreetmap.org;").contains("script-src 'self';");
    }

    @Test
    void filtersBySectorStatusAndWordsWhateverTheSpelling() throws Exception {
        assertThat(html("/fr/c/taroudant/projects?sector=LIGHTING")).contains("Mise en lumière de Bab El Kasbah")
                .doesNotContain("Restauration des remparts");
        assertThat(html("/fr/c/taroudant/projects?status=CANCELLED")).contains("Eau potable du douar Tamsoult").doesNotContain("Bab El Kasbah");
        // Without accents in French, and with ه for ة and a hamza-less alef in Arabic.
        assertThat(html("/fr/c/taroudant/projects?q=elargissement hopital")).contains("Élargissement de la route de l’hôpital")
                .doesNotContain("Bab El Kasbah");
        assertThat(html("/ar/c/taroudant/projects?q=القصبه")).contains("ترميم أسوار القصبة").doesNotContain("ساحة أسراك");
        assertThat(html("/fr/c/taroudant/projects?q=%")).contains("Aucun projet ne correspond");
        assertThat(html("/fr/c/taroudant/projects?sector=NOPE&status=<script>&before=abc")).contains("Restauration des remparts");
    }

    @Test
    void theListPaginatesByKeyset() throws Exception {
        Collectivity c = fx.collectivity();
        String secretary = fx.secretary(c);
        for (int i = 0; i < 23; i++) {
            fx.project(c, secretary, "Projet numéro " + (100 + i), true);
        }
        String first = html("/fr/c/" + c.slug() + "/projects");
        assertThat(first).contains("Projet numéro 122").doesNotContain("Projet numéro 102<").contains("rel=\"next\"");
        String next = first.replaceAll("(?s).*href=\"([^\"]*before=[0-9]+)\" rel=\"next\".*", "$1").replace("&amp;", "&");
        assertThat(html(next)).contains("Projet numéro 102").contains("Projet numéro 100").doesNotContain("Projet numéro 103<");
    }

    @Test
    void unpublishedProjectsAndOtherCollectivitiesProjectsAreNotFound() throws Exception {
        Collectivity c = fx.collectivity();
        String secretary = fx.secretary(c);
        long draft = fx.project(c, secretary, "Brouillon secret", false);
        assertThat(html("/fr/c/" + c.slug() + "/projects")).doesNotContain("Brouillon secret");
        mvc.perform(get("/fr/c/" + c.slug() + "/projects/" + draft)).andExpect(status().isNotFound());
        long taroudant = demo("Restauration des remparts de la kasbah");
        mvc.perform(get("/fr/c/agadir/projects/" + taroudant)).andExpect(status().isNotFound());
        long photo = jdbc.sql("select min(id) from council_project_photo where project_id = ?").param(taroudant).query(Long.class).single();
        mvc.perform(get("/fr/c/agadir/projects/" + taroudant + "/photos/" + photo)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/collectivities/agadir/projects/" + taroudant)).andExpect(status().isNotFound());
    }

    @Test
    void photosAreServedAsImagesThatBrowsersDoNotSniff() throws Exception {
        long id = demo("Restauration des remparts de la kasbah");
        long photo = jdbc.sql("select min(id) from council_project_photo where project_id = ?").param(id).query(Long.class).single();
        MockHttpServletResponse r = get200("/ar/c/taroudant/projects/" + id + "/photos/" + photo);
        assertThat(r.getContentType()).startsWith("image/png");
        assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.getContentAsByteArray()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void theCsvStreamsTheFilteredListWithABomAndGuardedCells() throws Exception {
        Collectivity c = fx.collectivity();
        String secretary = fx.secretary(c);
        fx.project(c, secretary, "=HYPERLINK(\"http://x\") route", true);
        fx.project(c, secretary, "Éclairage, quartier \"Nord\"", true);
        MockHttpServletResponse r = get200("/fr/c/" + c.slug() + "/projects.csv");
        assertThat(r.getContentType()).startsWith("text/csv");
        byte[] bytes = r.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).contains("id,title_ar,title_fr,sector,status,progress_percent,cost_mad,funding_total_mad")
                .contains("\"'=HYPERLINK(\"\"http://x\"\") route\"").contains("\"Éclairage, quartier \"\"Nord\"\"\"")
                .contains(",ROADS,PLANNED,0,1250000.50,1250000.50,Entreprise Souss,2026-01-10,2027-06-30,");
        assertThat(csv.split("\r\n")).hasSize(3);
        String filtered = new String(get200("/fr/c/" + c.slug() + "/projects.csv?q=eclairage").getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(filtered.split("\r\n")).hasSize(2);
    }
}
