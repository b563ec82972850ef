package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import javax.xml.parsers.DocumentBuilderFactory;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The Atom feed of a process and the read API of commitments: public data only, escaped, tenant-bound. */
@IntegrationTest
class MonitoringFeedAndApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Processes processes;

    @Test
    void theFeedIsValidAtomWithEscapedTextAndNoComments() throws Exception {
        MonitorFixture fx = new MonitorFixture(jdbc);
        long taroudant = fx.taroudant();
        LocalDate today = processes.today();
        long process = fx.process(taroudant, today.minusDays(30), today.plusDays(30), true);
        long c = fx.commitment(taroudant, process, 1, "Titre <b>gras</b> & co", today.minusDays(20));
        long m = fx.milestone(taroudant, c, 1, today, null);
        fx.progress(taroudant, c, m, today, "<script>alert('x')</script> \u0001fait", Instant.now());
        long proposal = fx.insert("insert into program_proposal (process_id, collectivity_id, title, body, status, answer_text, answered_at, created_at)"
                + " values (?,?,?,?,?,?,?,?)", process, taroudant, "Ouvrir les données", "corps", "ACCEPTED", "Oui, engagement 1",
                ma.opencommune.platform.Sql.at(Instant.now().minusSeconds(60)), ma.opencommune.platform.Sql.at(Instant.now().minusSeconds(600)));
        fx.insert("insert into program_comment (proposal_id, collectivity_id, body, created_at, hidden_at, hidden_reason) values (?,?,?,?,?,?)",
                proposal, taroudant, "Commentaire caché injurieux", ma.opencommune.platform.Sql.at(Instant.now()),
                ma.opencommune.platform.Sql.at(Instant.now()), "insulte");

        byte[] body = mvc.perform(get("/fr/c/taroudant/program/" + process + "/feed.atom")).andExpect(status().isOk())
                .andExpect(content().contentType("application/atom+xml;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        String raw = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("Commentaire caché");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document atom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        Element feed = atom.getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getElementsByTagNameNS("*", "entry").getLength()).isEqualTo(2);
        Element first = (Element) feed.getElementsByTagNameNS("*", "entry").item(0);
        assertThat(first.getElementsByTagNameNS("*", "title").item(0).getTextContent()).contains("Titre <b>gras</b> & co");
        assertThat(first.getElementsByTagNameNS("*", "summary").item(0).getTextContent()).startsWith("<script>alert('x')</script>");
        for (String element : new String[] {"id", "title", "updated"}) {
            assertThat(feed.getElementsByTagNameNS("*", element).getLength()).isGreaterThanOrEqualTo(3);
        }
        assertThat(raw).contains("rel=\"self\"").contains("/proposals/" + proposal);

        long draft = fx.process(taroudant, today, today.plusDays(1), false);
        mvc.perform(get("/fr/c/taroudant/program/" + draft + "/feed.atom")).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/agadir/program/" + process + "/feed.atom")).andExpect(status().isNotFound());
    }

    @Test
    void theApiListsCommitmentsOfPublishedProcessesOnly() throws Exception {
        MonitorFixture fx = new MonitorFixture(jdbc);
        long taroudant = fx.taroudant();
        LocalDate today = processes.today();
        long published = fx.process(taroudant, today.minusDays(30), today.plusDays(30), true);
        long c = fx.commitment(taroudant, published, 1, "Budget ouvert", today.minusDays(20));
        fx.milestone(taroudant, c, 1, today.minusDays(1), null);
        fx.milestone(taroudant, c, 2, today, today);
        long draft = fx.process(taroudant, today.minusDays(30), today.plusDays(30), false);
        long hidden = fx.commitment(taroudant, draft, 1, "Brouillon secret", today);

        mvc.perform(get("/api/v1/collectivities/taroudant/commitments").param("process", String.valueOf(published)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].title").value("Budget ouvert"))
                .andExpect(jsonPath("$[0].completion").value("SUBSTANTIAL"))
                .andExpect(jsonPath("$[0].principles[0]").value("TRANSPARENCY"))
                .andExpect(jsonPath("$[0].budgetMad").value(1500000.50))
                .andExpect(jsonPath("$[0].milestones[0].overdue").value(true))
                .andExpect(jsonPath("$[0].milestones[1].overdue").value(false))
                .andExpect(jsonPath("$[0].milestones[1].completedOn").value(today.toString()));
        String all = mvc.perform(get("/api/v1/collectivities/taroudant/commitments")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(all).contains("Budget ouvert").doesNotContain("Brouillon secret");
        mvc.perform(get("/api/v1/collectivities/taroudant/commitments/" + c)).andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value(1));
        mvc.perform(get("/api/v1/collectivities/taroudant/commitments/" + hidden)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/collectivities/taroudant/commitments").param("process", String.valueOf(draft))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/collectivities/agadir/commitments/" + c)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/collectivities/agadir/commitments").param("process", String.valueOf(published))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/collectivities/taroudant/commitments").param("process", "abc")).andExpect(status().isBadRequest());
    }
}
