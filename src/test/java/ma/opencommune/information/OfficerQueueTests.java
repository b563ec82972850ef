package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The officers' queue (ATI-10): order by due date, overdue and due-soon marks at their edges, filters, closed pages, cost. */
@IntegrationTest
class OfficerQueueTests {

    static final Pattern ROW = Pattern.compile("data-urgency=\"([A-Z_]+)\">\\s*<td[^>]*><div><a[^>]*>([A-Z0-9-]+)</a>");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired InformationRequests requests;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;
    @Autowired WorkingDays workingDays;

    OfficerFixture fx;
    Collectivity c;
    String officer;

    @BeforeEach
    void setUp() {
        fx = new OfficerFixture(jdbc, requests, territory, accounts, grants, users);
        c = fx.collectivity();
        officer = fx.officer(c);
    }

    String queue(String query) throws Exception {
        return mvc.perform(get("/fr/c/" + c.slug() + "/admin/information" + query).with(Logins.as(users, officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Tracking number and urgency of each row, in page order. */
    static List<String[]> rows(String html) {
        List<String[]> rows = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            rows.add(new String[] {m.group(2), m.group(1)});
        }
        return rows;
    }

    @Test
    void queueIsSortedByDueDateWithDueTodayDueSoonAndDueYesterdayOverdue() throws Exception {
        LocalDate today = requests.today();
        String far = fx.file(c, "Loin");
        String yesterday = fx.file(c, "Hier");
        String dueToday = fx.file(c, "Aujourd'hui");
        String paused = fx.file(c, "Suspendue");
        fx.due(far, workingDays.addWorkingDays(today, 10));
        fx.due(yesterday, today.minusDays(1));
        fx.due(dueToday, today);
        requests.askClarification(c, paused, fx.user(officer), "Quelle année ?");
        fx.due(paused, today.minusDays(5));

        List<String[]> rows = rows(queue(""));

        assertThat(rows).extracting(r -> r[0]).containsExactly(paused, yesterday, dueToday, far);
        assertThat(rows).extracting(r -> r[1]).containsExactly("PAUSED", "OVERDUE", "DUE_SOON", "ON_TIME");
        String html = queue("");
        assertThat(html).contains("4 en cours").contains("1 en retard").contains("1 à échéance dans 3 jours ouvrables")
                .contains("Échéance aujourd’hui").contains("En retard de");
    }

    @Test
    void dueSoonEndsAtTheConfiguredNumberOfWorkingDays() throws Exception {
        LocalDate today = requests.today();
        int soon = requests.rules().dueSoonWorkingDays();
        String last = fx.file(c, "Dernier jour proche");
        String after = fx.file(c, "Premier jour normal");
        fx.due(last, workingDays.addWorkingDays(today, soon));
        fx.due(after, workingDays.addWorkingDays(today, soon + 1));

        assertThat(rows(queue(""))).extracting(r -> r[1]).containsExactly("DUE_SOON", "ON_TIME");
    }

    @Test
    void mineAndUnassignedFiltersSplitTheQueue() throws Exception {
        String mine = fx.file(c, "A moi");
        String nobody = fx.file(c, "Personne");
        requests.assign(c, mine, fx.user(officer), fx.user(officer).id());

        assertThat(rows(queue("?filter=mine"))).extracting(r -> r[0]).containsExactly(mine);
        assertThat(rows(queue("?filter=unassigned"))).extracting(r -> r[0]).containsExactly(nobody);
        assertThat(rows(queue("?filter=nonsense"))).hasSize(2);
    }

    @Test
    void closedRequestsAreListedNewestFirstAndPagedWithoutRepeats() throws Exception {
        List<String> closed = new ArrayList<>();
        for (int i = 0; i < OfficerQueue.PAGE_SIZE + 5; i++) {
            String tn = fx.file(c, "Close " + i);
            jdbc.sql("update info_request set status = 'ANSWERED', answer_kind = 'FULL', answer_text = 'ok', closed_at = ?, closed_on = ?"
                    + " where tracking_number = ?")
                    .params(ma.opencommune.platform.Sql.at(java.time.Instant.now().minusSeconds(1000 - i)), requests.today(), tn).update();
            closed.add(0, tn);
        }
        String open = fx.file(c, "Encore ouverte");

        String first = queue("?state=closed");
        List<String> seen = new ArrayList<>(rows(first).stream().map(r -> r[0]).toList());
        assertThat(seen).hasSize(OfficerQueue.PAGE_SIZE).doesNotContain(open);
        Matcher next = Pattern.compile("href=\"([^\"]*after=[^\"]*)\" rel=\"next\"|rel=\"next\" href=\"([^\"]*after=[^\"]*)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String url = (next.group(1) != null ? next.group(1) : next.group(2)).replace("&amp;", "&");
        String second = mvc.perform(get(url).with(Logins.as(users, officer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        seen.addAll(rows(second).stream().map(r -> r[0]).toList());

        assertThat(seen).containsExactlyElementsOf(closed);
        // A tampered cursor starts again from the newest instead of failing.
        assertThat(rows(queue("?state=closed&after=garbage"))).hasSize(OfficerQueue.PAGE_SIZE);
    }

    @Test
    void theQueueCostsTheSameNumberOfStatementsFor3And30Requests() throws Exception {
        LocalDate today = requests.today();
        for (int i = 0; i < 3; i++) {
            fx.due(fx.file(c, "Demande " + i), today.plusDays(i - 1));
        }
        queue(""); // warm caches
        QueryCounting.reset();
        queue("");
        long three = QueryCounting.statements();
        for (int i = 3; i < 30; i++) {
            String tn = fx.file(c, "Demande " + i);
            fx.due(tn, today.plusDays(i % 15 - 5));
            if (i % 3 == 0) {
                requests.assign(c, tn, fx.user(officer), fx.user(officer).id());
            }
        }
        QueryCounting.reset();
        String html = queue("");
        long thirty = QueryCounting.statements();

        assertThat(rows(html)).hasSize(30);
        assertThat(thirty).isEqualTo(three);
        QueryCounting.reset();
        queue("?state=closed");
        assertThat(QueryCounting.statements()).isLessThanOrEqualTo(three);
    }
}
