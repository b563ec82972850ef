package ma.opencommune.council;

import static ma.opencommune.council.DocumentFixture.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The public library: list, search and filters in four languages, a document's page and file, the API, tenancy and query counts. */
@IntegrationTest
class DocumentPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DocumentLibrary library;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    DocumentFixture fx;
    Collectivity c;
    String secretary;
    String base;
    LocalDate day = LocalDate.of(2025, 3, 3);

    @BeforeEach
    void setUp() {
        fx = new DocumentFixture(jdbc, library, territory, accounts, grants, users);
        c = fx.collectivity();
        secretary = fx.secretary(c);
        base = "/c/" + c.slug() + "/documents";
    }

    String html(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theListSearchesAndFiltersInEveryLanguageAndEscapesWhatStaffTyped() throws Exception {
        fx.published(c, secretary, metadata(DocumentKind.DECISION, "مقرر بشأن الإنارة العمومية", "<script>Éclairage</script> public", day));
        fx.published(c, secretary, metadata(DocumentKind.BUDGET, "ميزانية الجماعة", null, day.minusYears(1)));
        fx.draft(c, secretary, metadata(DocumentKind.REPORT, "تقرير سري في المسودة", null, day));
        for (String lang : new String[] {"ar", "fr", "zgh", "en"}) {
            String page = html("/" + lang + base);
            // Each reads the title of their language when there is one, the other's otherwise.
            assertThat(page).contains("ar".equals(lang) ? "مقرر بشأن الإنارة العمومية" : "Éclairage&lt;/script&gt; public")
                    .contains("ميزانية الجماعة").doesNotContain("تقرير سري")
                    .contains("id=\"document-search\"").contains("value=\"DECISION\"").contains("value=\"2024\"");
        }
        assertThat(html("/fr" + base)).contains("&lt;script&gt;Éclairage").doesNotContain("<script>Éclairage")
                .contains("Délibération du conseil").contains("dir=\"ltr\"");
        assertThat(html("/ar" + base)).contains("dir=\"rtl\"").contains("مقرر المجلس");
        String searched = mvc.perform(get("/fr" + base).param("q", "الاناره")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(searched).contains("Éclairage").doesNotContain("ميزانية الجماعة");
        assertThat(html("/fr" + base + "?q=eclairage&type=DECISION&year=2025")).contains("Éclairage");
        assertThat(html("/fr" + base + "?type=BUDGET")).contains("ميزانية الجماعة").doesNotContain("الإنارة العمومية");
        assertThat(html("/fr" + base + "?q=introuvable")).contains("Aucun document ne correspond");
        // Nonsense in the filters is no filter, never an error.
        assertThat(html("/fr" + base + "?type=%27;drop&year=-5&after=x_y&q=" + "a".repeat(5000))).contains("Rechercher");
    }

    @Test
    void aDocumentsPageOffersItsFileWithSafeHeaders() throws Exception {
        long id = fx.published(c, secretary, new DocumentLibrary.Metadata(DocumentKind.MINUTES, "محضر الدورة", "PV de la session",
                "وصف المحضر", "Compte rendu", day, 2025, "PV-3/2025"));
        for (String lang : new String[] {"ar", "fr", "zgh", "en"}) {
            assertThat(html("/" + lang + base + "/" + id)).contains("محضر الدورة").contains("PV de la session").contains("PV-3/2025")
                    .contains("id=\"document-download\"");
        }
        mvc.perform(get("/fr" + base + "/" + id + "/file")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"" + c.slug() + "-document-" + id + ".pdf\"")))
                .andExpect(content().bytes(DocumentFixture.PDF));
    }

    @Test
    void aDraftIsNotFoundAndAWithdrawnDocumentKeepsItsDescriptionButNotItsFile() throws Exception {
        long draft = fx.draft(c, secretary, metadata(DocumentKind.STUDY, "دراسة غير منشورة", null, day));
        mvc.perform(get("/fr" + base + "/" + draft)).andExpect(status().isNotFound());
        mvc.perform(get("/fr" + base + "/" + draft + "/file")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/collectivities/" + c.slug() + "/documents/" + draft)).andExpect(status().isNotFound());
        long gone = fx.published(c, secretary, metadata(DocumentKind.DECISION, "مقرر مسحوب", null, day));
        library.withdraw(c, fx.user(secretary), gone, "Publié par erreur avant le visa");
        assertThat(html("/fr" + base + "/" + gone)).contains("مقرر مسحوب").contains("Publié par erreur avant le visa").contains("Retiré")
                .doesNotContain("id=\"document-download\"");
        fx.published(c, secretary, metadata(DocumentKind.DECISION, "مقرر قائم", null, day.minusDays(1)));
        String list = html("/fr" + base);
        assertThat(list).contains("مقرر مسحوب").contains("مقرر قائم");
        // Only the withdrawn line says so.
        assertThat(list.split("Retiré", -1)).hasSize(2);
        assertThat(list.indexOf("Retiré")).isLessThan(list.indexOf("مقرر قائم"));
        mvc.perform(get("/fr" + base + "/" + gone + "/file")).andExpect(status().isNotFound());
    }

    @Test
    void anotherCollectivitysDocumentIsNotFoundUnderThisOne() throws Exception {
        long id = fx.published(c, secretary, metadata(DocumentKind.DECISION, "مقرر", null, day));
        Collectivity other = fx.collectivity();
        mvc.perform(get("/fr/c/" + other.slug() + "/documents/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/" + other.slug() + "/documents/" + id + "/file")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/collectivities/" + other.slug() + "/documents/" + id)).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        long taroudant = jdbc.sql("select min(d.id) from council_document d join collectivity c on c.id = d.collectivity_id"
                + " where c.slug = 'taroudant' and d.status = 'PUBLISHED'").query(Long.class).single();
        mvc.perform(get("/fr/c/agadir/documents/" + taroudant)).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/agadir/documents/" + taroudant + "/file")).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/taroudant/documents/" + taroudant + "/file")).andExpect(status().isOk());
    }

    @Test
    void theApiSearchesAndPagesLikeThePage() throws Exception {
        long first = fx.published(c, secretary, metadata(DocumentKind.REPORT, "تقرير أول", "Premier rapport", day));
        fx.draft(c, secretary, metadata(DocumentKind.REPORT, "تقرير في المسودة", null, day));
        String api = "/api/v1/collectivities/" + c.slug() + "/documents";
        mvc.perform(get(api).param("q", "اول")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(first))
                .andExpect(jsonPath("$.items[0].type").value("REPORT"))
                .andExpect(jsonPath("$.next").value(nullValue()));
        mvc.perform(get(api).param("type", "DECISION")).andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get(api + "/" + first)).andExpect(status().isOk())
                .andExpect(jsonPath("$.titleFr").value("Premier rapport"))
                .andExpect(jsonPath("$.fileUrl").value(containsString("/documents/" + first + "/file")));
        for (int i = 0; i < 55; i++) {
            jdbc.sql("insert into council_document (collectivity_id, kind, title_fr, document_date, document_year, storage_key, file_name,"
                    + " content_type, file_extension, size_bytes, search_text, status, published_at, created_at)"
                    + " values (?, 'OTHER', ?, ?, 2024, 'none', 'x.pdf', 'application/pdf', 'pdf', 1, ?, 'PUBLISHED', current_timestamp, current_timestamp)")
                    .params(c.id(), "Lot " + i, LocalDate.of(2024, 1, 1).plusDays(i), "lot " + i).update();
        }
        String next = com.jayway.jsonpath.JsonPath.read(mvc.perform(get(api)).andReturn().getResponse().getContentAsString(), "$.next");
        assertThat(next).startsWith(api + "?after=");
        mvc.perform(get(next)).andExpect(jsonPath("$.items.length()").value(6));
    }

    long statements(String url) throws Exception {
        mvc.perform(get(url)).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(get(url)).andExpect(status().isOk());
        return QueryCounting.statements();
    }

    @Test
    void theListAndADocumentCostTheSameStatementsForFewOrManyDocuments() throws Exception {
        long id = 0;
        for (int i = 0; i < 2; i++) {
            id = fx.published(c, secretary, metadata(DocumentKind.values()[i], "وثيقة " + i, "Document " + i, day.minusYears(i)));
        }
        long few = statements("/fr" + base + "?q=document");
        long page = statements("/fr" + base + "/" + id);
        for (int i = 2; i < 40; i++) {
            fx.published(c, secretary, metadata(DocumentKind.values()[i % 6], "وثيقة " + i, "Document " + i, day.minusYears(i % 7)));
        }
        assertThat(statements("/fr" + base + "?q=document")).isEqualTo(few);
        assertThat(statements("/fr" + base + "/" + id)).isEqualTo(page);
        assertThat(few).isLessThanOrEqualTo(4);
    }
}
