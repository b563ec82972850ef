package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The public list: filters, both orders, keyset pages without gaps or repeats, and a constant number of statements. */
@IntegrationTest
class ProposalListTests {

    static final Pattern ITEM = Pattern.compile("/proposals/(\\d+)\" dir=\"auto\"|dir=\"auto\" href=\"[^\"]*/proposals/(\\d+)\"");
    static final Pattern NEXT = Pattern.compile("href=\"([^\"]*afterId=[^\"]*)\" rel=\"next\"|rel=\"next\" href=\"([^\"]*)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    ProgramFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ProgramFixtures(jdbc);
    }

    long process() {
        LocalDate today = ProgramFixtures.today();
        return fixtures.process(today.minusDays(3), today.plusDays(20));
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static List<Long> ids(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ITEM.matcher(html);
        while (m.find()) {
            ids.add(Long.valueOf(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return ids;
    }

    static String next(String html) {
        Matcher m = NEXT.matcher(html);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&") : null;
    }

    /** Every page in turn, following "next page" links. */
    List<Long> walk(String first) throws Exception {
        List<Long> all = new ArrayList<>();
        String url = first;
        while (url != null) {
            String html = page(url);
            List<Long> ids = ids(html);
            assertThat(ids.size()).isLessThanOrEqualTo(20);
            all.addAll(ids);
            url = next(html);
        }
        return all;
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsInBothOrders() throws Exception {
        long p = process();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            long id = fixtures.proposal(p, "resident@opencommune.demo", "Proposition " + i);
            created.add(id);
            // Ties on purpose: many proposals share a count, the id breaks them.
            jdbc.sql("update program_proposal set support_count = ? where id = ?").params(i % 4, id).update();
        }
        String base = "/fr/c/taroudant/program/" + p + "/proposals";
        List<Long> byDate = walk(base);
        assertThat(byDate).hasSize(45).doesNotHaveDuplicates();
        assertThat(byDate.get(0)).isEqualTo(created.get(44));
        List<Long> bySupports = walk(base + "?sort=supports");
        assertThat(bySupports).hasSize(45).doesNotHaveDuplicates();
        assertThat(new HashSet<>(bySupports)).isEqualTo(new HashSet<>(created));
        List<Integer> supportOrder = bySupports.stream()
                .map(id -> fixtures.count("select support_count from program_proposal where id = ?", id)).toList();
        assertThat(supportOrder).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void filtersKeepOnlyMatchingProposals() throws Exception {
        long p = process();
        long transparency = fixtures.proposal(p, "resident@opencommune.demo", "Budget ouvert");
        jdbc.sql("insert into program_proposal_principle (proposal_id, principle) values (?, 'TRANSPARENCY')").param(transparency).update();
        long accepted = fixtures.proposal(p, "resident@opencommune.demo", "Éclairage");
        jdbc.sql("update program_proposal set status = 'NOT_RETAINED', answer_text = 'Raison donnée ici.' where id = ?").param(accepted).update();
        String base = "/fr/c/taroudant/program/" + p + "/proposals";
        assertThat(ids(page(base + "?principle=TRANSPARENCY"))).containsExactly(transparency);
        assertThat(ids(page(base + "?status=NOT_RETAINED"))).containsExactly(accepted);
        mvc.perform(get(base + "?status=NOT_RETAINED")).andExpect(content().string(containsString("Raison donnée ici.")));
        // Values that name nothing are ignored rather than failing.
        assertThat(ids(page(base + "?principle=XSS%3Cb%3E&status=&area=abc&afterId=zz"))).hasSize(2);
        mvc.perform(get(base + "?status=ACCEPTED")).andExpect(content().string(containsString("Aucune proposition ne correspond")));
    }

    long statementsFor(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(request).andExpect(status().isOk());
        return QueryCounting.statements();
    }

    @Test
    void theListAndTheProposalPageCostTheSameWith3Or60ProposalsAndComments() throws Exception {
        long small = process();
        long large = process();
        long smallProposal = 0;
        long largeProposal = 0;
        for (int i = 0; i < 3; i++) {
            smallProposal = fixtures.proposal(small, "resident@opencommune.demo", "Petite " + i);
        }
        for (int i = 0; i < 60; i++) {
            largeProposal = fixtures.proposal(large, i % 2 == 0 ? "resident@opencommune.demo" : "citizen@opencommune.demo", "Grande " + i);
        }
        Long parent = null;
        for (int i = 0; i < 3; i++) {
            fixtures.comment(smallProposal, null, "resident@opencommune.demo", "Commentaire " + i);
        }
        for (int i = 0; i < 60; i++) {
            long id = fixtures.comment(largeProposal, i % 3 == 0 ? null : parent, i % 2 == 0 ? "body@taroudant.demo" : "citizen@opencommune.demo", "Commentaire " + i);
            parent = id;
        }
        var citizen = Logins.as(users, "citizen@opencommune.demo");
        for (String sort : List.of("date", "supports")) {
            long few = statementsFor(get("/fr/c/taroudant/program/" + small + "/proposals?sort=" + sort));
            long many = statementsFor(get("/fr/c/taroudant/program/" + large + "/proposals?sort=" + sort));
            assertThat(many).isEqualTo(few).isLessThanOrEqualTo(10);
        }
        long fewComments = statementsFor(get("/fr/c/taroudant/program/" + small + "/proposals/" + smallProposal).with(citizen));
        long manyComments = statementsFor(get("/fr/c/taroudant/program/" + large + "/proposals/" + largeProposal).with(citizen));
        assertThat(manyComments).isEqualTo(fewComments).isLessThanOrEqualTo(16);
    }

    @Test
    void theDemoProposalsAreListedAndAnsweredOnesShowTheirAnswer() throws Exception {
        long first = jdbc.sql("select id from program_process where collectivity_id = ? order by starts_on, id limit 1")
                .param(fixtures.collectivity("taroudant")).query(Long.class).single();
        mvc.perform(get("/ar/c/taroudant/program/" + first + "/proposals?status=ACCEPTED")).andExpect(status().isOk())
                .andExpect(content().string(containsString("نشر جداول أعمال دورات المجلس")))
                .andExpect(content().string(not(containsString("@opencommune.demo"))));
    }
}
