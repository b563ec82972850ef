package ma.opencommune.network.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import ma.opencommune.network.IndexComputation;
import ma.opencommune.network.OpennessIndex;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.QueryCounting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The index's public pages and API in Arabic and French, from results computed on the demo data. */
@IntegrationTest
class IndexPagesTests {

    @Autowired MockMvc mvc;
    @Autowired IndexComputation computation;
    @Autowired OpennessIndex index;

    @BeforeEach
    void computed() {
        if (index.ranking(index.currentPeriod()).isEmpty()) {
            computation.recompute(index.currentPeriod());
        }
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theRankingListsMembersWithScoresAndFiltersWithoutJavaScript() throws Exception {
        String fr = page("/fr/network/index");
        assertThat(fr).contains("Indice d’ouverture", "Taroudant", "Souss-Massa", "Classement", "Transparence et redevabilité",
                "/fr/network/index/taroudant", "/fr/network/methodology", "index.csv");
        assertThat(fr).doesNotContain("Tata");
        String ar = page("/ar/network/index");
        assertThat(ar).contains("مؤشر الانفتاح", "تارودانت", "الشفافية والمساءلة");
        String communes = page("/fr/network/index?type=COMMUNE");
        assertThat(communes).contains("/fr/network/index/taroudant").doesNotContain("/fr/network/index/souss-massa?");
        String cohort = page("/fr/network/index?cohort=2023");
        assertThat(cohort).doesNotContain("/fr/network/index/taroudant?").contains("/fr/network/index/souss-massa?");
        // Unknown filters are ignored, not errors; HTML in a filter is never echoed unescaped.
        assertThat(page("/fr/network/index?region=%3Cscript%3E&cohort=%3Cb%3E&type=X")).doesNotContain("<script>", "<b>");
    }

    @Test
    void membersWithoutAScoreSayNotEnoughDataNeverZero() throws Exception {
        String fr = page("/fr/network/index");
        long scored = index.ranking(index.currentPeriod()).stream().filter(s -> s.score() != null).count();
        long all = index.ranking(index.currentPeriod()).size();
        if (scored < all) {
            assertThat(fr).contains("Données insuffisantes");
        }
        assertThat(fr).doesNotContain("network.index.");
    }

    @Test
    void aBadPeriodIsAClear400() throws Exception {
        for (String url : List.of("/fr/network/index?period=2999", "/fr/network/index?period=abc", "/fr/network/index/taroudant?period=2026-13",
                "/fr/network/compare?period=9999-01", "/fr/network/index/sensitivity?period=x")) {
            String body = mvc.perform(get(url)).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(url).contains("Période inconnue");
        }
        mvc.perform(get("/api/v1/network/index?period=2999")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json")).andExpect(jsonPath("$.detail").exists());
        mvc.perform(get("/api/v1/network/index/taroudant?period=nope")).andExpect(status().isBadRequest());
    }

    @Test
    void theCsvHasABomAHeaderAndOneRowPerMember() throws Exception {
        var response = mvc.perform(get("/fr/network/index.csv")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        String[] lines = csv.split("\r?\n");
        assertThat(lines[0]).startsWith("period,rank,slug,name_ar,name_fr,type,cohort,score,coverage,methodology_version")
                .contains("requests-in-time_status", "documents-published_score");
        assertThat(lines).hasSize(index.ranking(index.currentPeriod()).size() + 1);
        assertThat(csv).contains(",taroudant,");
    }

    @Test
    void aMemberPageShowsPillarsIndicatorsTrendAndLinks() throws Exception {
        String fr = page("/fr/network/index/taroudant");
        assertThat(fr).contains("Indice d’ouverture de Taroudant", "Note par pilier", "role=\"img\"", "<caption", "scope=\"col\"",
                "Demandes d’information traitées dans les délais", "/fr/network/index/taroudant/requests-in-time", "/fr/network/methodology/v/",
                "Évolution (relevés mensuels)");
        String ar = page("/ar/network/index/taroudant");
        assertThat(ar).contains("مؤشر الانفتاح لـ تارودانت", "النقطة حسب المحور");
        mvc.perform(get("/fr/network/index/province-tata")).andExpect(status().isNotFound());
        mvc.perform(get("/fr/network/index/nowhere")).andExpect(status().isNotFound());
        // A past year never computed: the page says so.
        assertThat(page("/fr/network/index/taroudant?period=2016")).contains("Aucun résultat pour cette période");
    }

    @Test
    void theDrillDownShowsDefinitionFormulaValueAndEvidence() throws Exception {
        String fr = page("/fr/network/index/taroudant/requests-in-time");
        assertThat(fr).contains("Définition", "Traitées dans les délais ÷ (traitées + encore ouvertes après l’échéance).", "Note : la part × 100.",
                "Les dossiers derrière ce chiffre");
        String ar = page("/ar/network/index/taroudant/decisions-publication-days");
        assertThat(ar).contains("أجل نشر مقررات المجلس", "100 عند 8");
        // Records are named in the reader's language: a session by its kind, a dataset by its name, never by a code.
        assertThat(page("/fr/network/index/taroudant/decisions-publication-days")).contains("Session ordinaire").doesNotContain(">ORDINARY<");
        assertThat(page("/fr/network/index/taroudant/machine-readable")).contains("Budget (CSV)").doesNotContain(">budget<");
        mvc.perform(get("/fr/network/index/taroudant/not-an-indicator")).andExpect(status().isNotFound());
        mvc.perform(get("/fr/network/index/province-tata/requests-in-time")).andExpect(status().isNotFound());
    }

    @Test
    void twoMembersSideBySideAndClearErrors() throws Exception {
        assertThat(page("/fr/network/compare")).contains("Premier membre", "Second membre");
        String both = page("/fr/network/compare?a=taroudant&b=souss-massa");
        assertThat(both).contains("Taroudant et Souss-Massa", "Transparence et redevabilité", "Budget publié");
        assertThat(page("/fr/network/compare?a=taroudant&b=taroudant")).contains("Choisissez deux membres différents.");
        assertThat(page("/ar/network/compare?a=taroudant&b=%3Cscript%3E")).contains("أحد الاثنين ليس عضوا").doesNotContain("<script>");
    }

    @Test
    void theSensitivityPageShowsBestAndWorstRanks() throws Exception {
        String fr = page("/fr/network/index/sensitivity");
        assertThat(fr).contains("Sensibilité aux poids", "Meilleur rang", "Pire rang", "10 points");
        assertThat(page("/ar/network/index/sensitivity")).contains("أفضل رتبة");
    }

    @Test
    void methodologyPagesDescribeEveryIndicator() throws Exception {
        String fr = page("/fr/network/methodology");
        assertThat(fr).contains("Méthodologie de l’indice d’ouverture", "Version", "Participation pour 1 000 habitants", "Effectif minimum");
        assertThat(page("/ar/network/methodology")).contains("منهجية مؤشر الانفتاح");
        for (ma.opencommune.network.Indicator i : ma.opencommune.network.Indicator.values()) {
            String p = page("/fr/network/methodology/" + i.code());
            assertThat(p).as(i.code()).contains("Fiche de l’indicateur", "Pourquoi un effectif minimum").doesNotContain("network.indicator.");
            assertThat(page("/ar/network/methodology/" + i.code())).as(i.code()).doesNotContain("network.indicator.");
        }
        assertThat(page("/fr/network/methodology/execution-published")).contains("Avant le 1er mai");
        assertThat(page("/fr/network/methodology/v/1")).contains("Version 1");
        mvc.perform(get("/fr/network/methodology/v/999")).andExpect(status().isNotFound());
        mvc.perform(get("/fr/network/methodology/unknown")).andExpect(status().isNotFound());
    }

    @Test
    void theApiGivesTheRankingAndAMembersDetail() throws Exception {
        mvc.perform(get("/api/v1/network/index")).andExpect(status().isOk())
                .andExpect(jsonPath("$.period.key").value(index.currentPeriod().key()))
                .andExpect(jsonPath("$.members[0].slug").exists())
                .andExpect(jsonPath("$.members[0].pillars").exists())
                .andExpect(jsonPath("$.members[?(@.slug == 'taroudant')].names.fr").value("Taroudant"));
        // A client that has the ranking asks again with its entity tag: 304 and no body until it changes.
        String etag = mvc.perform(get("/api/v1/network/index")).andExpect(header().exists("ETag")).andReturn().getResponse().getHeader("ETag");
        mvc.perform(get("/api/v1/network/index").header("If-None-Match", etag)).andExpect(status().isNotModified())
                .andExpect(content().string(""));
        mvc.perform(get("/api/v1/network/index").header("If-None-Match", "\"other\"")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/network/index/taroudant")).andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value("taroudant"))
                .andExpect(jsonPath("$.indicators.length()").value(16))
                .andExpect(jsonPath("$.indicators[?(@.code == 'requests-in-time')].pillar").value("access"))
                .andExpect(jsonPath("$.trend").isArray());
        mvc.perform(get("/api/v1/network/index/province-tata")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/network/index/nowhere")).andExpect(status().isNotFound());
    }

    long statements(String url) throws Exception {
        mvc.perform(get(url)).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(get(url)).andExpect(status().isOk());
        return QueryCounting.statements();
    }

    @Test
    void pagesCostTheSameWhateverTheNumberOfMembersWithResults() throws Exception {
        List<String> urls = List.of("/fr/network/index", "/fr/network/index.csv", "/fr/network/index/sensitivity",
                "/fr/network/compare?a=taroudant&b=souss-massa", "/api/v1/network/index", "/fr/network/index/taroudant",
                "/api/v1/network/index/taroudant", "/fr/network/methodology");
        long[] before = new long[urls.size()];
        for (int i = 0; i < urls.size(); i++) {
            before[i] = statements(urls.get(i));
        }
        // Fewer members with stored results: the same number of statements.
        var period = index.currentPeriod();
        var kept = index.ranking(period);
        org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        try {
            jdbc.sql("delete from network_indicator_value where period_key = ? and collectivity_id <> ?").params(period.key(), taroudantId()).update();
            jdbc.sql("delete from network_index_score where period_key = ? and collectivity_id not in (?, ?)")
                    .params(period.key(), taroudantId(), soussMassaId()).update();
            // As a computation would: the pages read the period's ranking again.
            jdbc.sql("update network_index_period set generation = generation + 1000 where period_key = ?").param(period.key()).update();
            for (int i = 0; i < urls.size(); i++) {
                assertThat(statements(urls.get(i))).as(urls.get(i)).isEqualTo(before[i]);
            }
            assertThat(kept.size()).isGreaterThan(2);
        } finally {
            computation.recompute(period);
        }
    }

    @Autowired javax.sql.DataSource dataSource;
    @Autowired ma.opencommune.territory.Territory territory;

    long taroudantId() {
        return territory.require("taroudant").id();
    }

    long soussMassaId() {
        return territory.require("souss-massa").id();
    }
}
