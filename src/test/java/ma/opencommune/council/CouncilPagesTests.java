package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;

/** The public council of the Taroudant demo: pages in four languages, feeds, CSV and API; nothing unpublished, nothing of another commune. */
@IntegrationTest
class CouncilPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    long taroudant() {
        return jdbc.sql("select id from collectivity where slug = 'taroudant'").query(Long.class).single();
    }

    long first(String sql) {
        return jdbc.sql(sql).param(taroudant()).query(Long.class).single();
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "the council pages answer in {0}")
    @ValueSource(strings = {"ar", "fr", "zgh", "en"})
    void theCouncilPagesAnswerInEachLanguage(String lang) throws Exception {
        long session = first("select min(id) from council_session where collectivity_id = ? and status = 'MINUTES_PUBLISHED'");
        long decision = first("select min(id) from council_decision where collectivity_id = ? and revision = 2");
        String home = page("/" + lang + "/c/taroudant/council");
        assertThat(home).contains("lang=\"" + lang + "\"").contains("/council/sessions.ics").contains("/council/decisions.atom");
        assertThat(home).contains(lang.equals("ar") ? "لجنة الميزانية" : "Commission du budget");
        String s = page("/" + lang + "/c/taroudant/council/sessions/" + session);
        assertThat(s).contains("id=\"agenda\"").contains("id=\"attendance\"").contains("id=\"minutes\"").contains("/council/decisions/");
        String list = page("/" + lang + "/c/taroudant/council/decisions");
        assertThat(list).contains("id=\"decision-filters\"").contains("/council/decisions.csv");
        String d = page("/" + lang + "/c/taroudant/council/decisions/" + decision);
        assertThat(d).contains("id=\"history\"").contains("Erreur de saisie");
        if (lang.equals("ar")) {
            assertThat(d).contains("dir=\"rtl\"");
        }
    }

    @Test
    void aDecisionWithPerMemberVotesShowsEachMembersVote() throws Exception {
        long decision = first("select min(id) from council_decision where collectivity_id = ? and per_member = true");
        assertThat(page("/fr/c/taroudant/council/decisions/" + decision)).contains("id=\"member-votes\"").contains("Pour");
    }

    @Test
    void thePlannedSessionsAndDraftDecisionsAreNotPublic() throws Exception {
        long c = taroudant();
        jdbc.sql("insert into council_session (collectivity_id, kind, held_on, starts_at, place, status, created_at)"
                + " values (?, 'EXTRAORDINARY', current_date, time '10:00:00', 'Secret', 'PLANNED', current_timestamp)").param(c).update();
        long planned = jdbc.sql("select max(id) from council_session where collectivity_id = ? and status = 'PLANNED'").param(c).query(Long.class).single();
        mvc.perform(get("/fr/c/taroudant/council/sessions/" + planned)).andExpect(status().isNotFound());
        assertThat(page("/fr/c/taroudant/council")).doesNotContain("/council/sessions/" + planned + "\"");
        mvc.perform(get("/api/v1/collectivities/taroudant/council/sessions")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + planned + ")]").isEmpty());
        long decision = first("select min(id) from council_decision where collectivity_id = ?");
        jdbc.sql("update council_decision set status = 'DRAFT' where id = ?").param(decision).update();
        try {
            mvc.perform(get("/fr/c/taroudant/council/decisions/" + decision)).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/collectivities/taroudant/council/decisions?session=" + first(
                    "select session_id from council_decision where collectivity_id = ? and id = (select min(id) from council_decision)")))
                    .andExpect(jsonPath("$.items[?(@.id == " + decision + ")]").isEmpty());
        } finally {
            jdbc.sql("update council_decision set status = 'PUBLISHED' where id = ?").param(decision).update();
            jdbc.sql("delete from council_session where id = ?").param(planned).update();
        }
    }

    @Test
    void aTaroudantDecisionOrSessionUnderAnotherCommuneIsNotFound() throws Exception {
        long decision = first("select min(id) from council_decision where collectivity_id = ?");
        long session = first("select min(id) from council_session where collectivity_id = ?");
        mvc.perform(get("/fr/c/agadir/council/decisions/" + decision)).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/agadir/council/sessions/" + session)).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/agadir/council/sessions/" + session + "/minutes.pdf")).andExpect(status().isNotFound());
    }

    @Test
    void theDecisionsFilterByYearSessionAndTopicAndPageWithoutOverlap() throws Exception {
        long session = first("select min(session_id) from council_decision where collectivity_id = ?");
        String bySession = page("/fr/c/taroudant/council/decisions?session=" + session);
        assertThat(bySession.split("<tr>").length - 2).isEqualTo(4);
        String budget = page("/fr/c/taroudant/council/decisions?topic=budget");
        assertThat(budget).contains("Budget et finances").doesNotContain(">Urbanisme</td>");
        String wrong = page("/fr/c/taroudant/council/decisions?year=abc&topic=%3Cscript%3E&session=-4&before=x");
        assertThat(wrong).doesNotContain("<script>");
        mvc.perform(get("/api/v1/collectivities/taroudant/council/decisions?topic=petitions")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].topic").value("PETITIONS"))
                .andExpect(jsonPath("$.next").doesNotExist());
        int year = jdbc.sql("select extract(year from min(held_on)) from council_session where collectivity_id = ? and status = 'MINUTES_PUBLISHED'")
                .param(taroudant()).query(Integer.class).single();
        mvc.perform(get("/api/v1/collectivities/taroudant/council/decisions?year=" + year)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].sessionDate").isNotEmpty());
        mvc.perform(get("/api/v1/collectivities/taroudant/council/decisions?year=1990")).andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void theApiGivesTheMembersAndSessionsAndAnUnknownCommuneIsAProblem() throws Exception {
        mvc.perform(get("/api/v1/collectivities/taroudant/council/members")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(34)).andExpect(jsonPath("$[0].role").value("PRESIDENT"))
                .andExpect(jsonPath("$[1].viceRank").value(1)).andExpect(jsonPath("$[1].committees[0].nameAr").isNotEmpty());
        mvc.perform(get("/api/v1/collectivities/taroudant/council/sessions")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(4)));
        mvc.perform(get("/api/v1/collectivities/nowhere/council/decisions")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void theAtomFeedParsesAndNamesEachDecision() throws Exception {
        byte[] xml = mvc.perform(get("/fr/c/taroudant/council/decisions.atom")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml")).andReturn().getResponse().getContentAsByteArray();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(12);
    }

    @Test
    void theCalendarHasOneEventPerPublicSessionInFoldedCrlfLines() throws Exception {
        byte[] body = mvc.perform(get("/ar/c/taroudant/council/sessions.ics")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar")).andReturn().getResponse().getContentAsByteArray();
        String ics = new String(body, StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n").contains("UID:council-session-");
        assertThat(ics.split("BEGIN:VEVENT").length - 1).isGreaterThanOrEqualTo(4);
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void theCsvIsUtf8WithABomOneLinePerDecisionAndFollowsTheFilters() throws Exception {
        var response = mvc.perform(get("/fr/c/taroudant/council/decisions.csv")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))).andReturn().getResponse();
        String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFid,number,session_date");
        assertThat(csv.split("\r\n")).hasSize(13);
        String budget = new String(mvc.perform(get("/fr/c/taroudant/council/decisions.csv?topic=budget")).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(budget.split("\r\n")).hasSize(3);
        assertThat(ma.opencommune.platform.CsvWriter.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
