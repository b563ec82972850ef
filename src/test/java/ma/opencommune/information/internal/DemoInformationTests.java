package ma.opencommune.information.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import ma.opencommune.information.RefusalGround;
import ma.opencommune.information.RequestStatus;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo data shows every state of a request, over two calendar years, with a coherent history. Other tests share
 * the database and add their own requests, complaints and register items: counts are lower bounds, and the history
 * checks look at the requests numbered as the platform numbers them (tests that insert rows directly use other numbers).
 */
@IntegrationTest
class DemoInformationTests {

    /** Numbered by the platform: {@code <code>-<year>-<six digits>}. */
    static final String NUMBERED = " and tracking_number like (select code from collectivity where id = r.collectivity_id) || '-____-______'";

    @Autowired
    JdbcClient jdbc;

    long taroudant() {
        return jdbc.sql("select id from collectivity where slug = 'taroudant'").query(Long.class).single();
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    @Test
    void taroudantHasDemoRequestsInEveryStateOverTwoYears() {
        long c = taroudant();
        List<String> statuses = jdbc.sql("select distinct status from info_request where collectivity_id = ? and tracking_number like 'TAR%'"
                + " or collectivity_id = ?").params(c, c).query(String.class).list();
        for (RequestStatus s : RequestStatus.values()) {
            assertThat(statuses).as("state " + s).contains(s.name());
        }
        assertThat(count("select count(*) from info_request where collectivity_id = ?", c)).isGreaterThanOrEqualTo(35);
        List<String> grounds = jdbc.sql("select distinct refusal_ground from info_request where collectivity_id = ? and status = 'REFUSED'")
                .param(c).query(String.class).list();
        assertThat(grounds).hasSizeGreaterThanOrEqualTo(6).contains(RefusalGround.EXCEPTION_ART7.name(), RefusalGround.UNCLEAR_REQUEST.name());
        assertThat(count("select count(*) from info_request where collectivity_id = ? and answer_kind = 'PARTIAL'", c)).isPositive();
        LocalDate today = LocalDate.now(ma.opencommune.platform.Morocco.ZONE);
        assertThat(count("select count(*) from info_request where collectivity_id = ? and closed_at is null and status <> 'CLARIFICATION'"
                + " and due_on < ?", c, today)).as("overdue").isPositive();
        assertThat(count("select count(distinct extract(year from received_on)) from info_request where collectivity_id = ?", c)).isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from info_request where collectivity_id = ? and published_at is not null and search_text is not null"
                + " and published_subject is not null", c)).isGreaterThanOrEqualTo(5);
        assertThat(count("select count(distinct requester_id) from info_request where collectivity_id = ?", c)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyNumberedRequestHasItsFilingStep() {
        long c = taroudant();
        assertThat(count("select count(*) from info_request r where collectivity_id = ?" + NUMBERED + " and not exists (select 1 from info_request_event e"
                + " where e.request_id = r.id and e.kind = 'FILED')", c)).isZero();
    }

    @Test
    void complaintsTheRegisterAndAgadirRequestsAreThere() {
        long c = taroudant();
        assertThat(count("select count(*) from info_complaint where collectivity_id = ? and level = 'HEAD'", c)).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from info_complaint where collectivity_id = ? and level = 'CDAI'", c)).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from info_proactive_item where collectivity_id = ?", c)).isGreaterThanOrEqualTo(10);
        assertThat(count("select count(distinct category) from info_proactive_item where collectivity_id = ?", c)).isGreaterThanOrEqualTo(7);
        assertThat(count("select count(*) from info_proactive_item where collectivity_id = ? and next_update_due < ?", c,
                LocalDate.now(ma.opencommune.platform.Morocco.ZONE))).isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from info_request r join collectivity a on a.id = r.collectivity_id where a.slug = 'agadir'"))
                .isGreaterThanOrEqualTo(2);
    }
}
