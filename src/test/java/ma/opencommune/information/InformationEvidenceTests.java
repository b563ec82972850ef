package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The requests and register items behind the access-to-information indicators: the figures' own period (received on
 * {@code from} and on {@code to} count, the day before and the day after do not), the figures' own counts, the late
 * ones first; never another collectivity's; a request's page only when its answer is published.
 */
@IntegrationTest
class InformationEvidenceTests {

    static final LocalDate FROM = LocalDate.of(2018, 4, 1);
    static final LocalDate TO = LocalDate.of(2018, 6, 30);

    @Autowired InformationEvidence evidence;
    @Autowired InformationStatistics statistics;
    @Autowired JdbcClient jdbc;

    long col;
    long other;

    @BeforeEach
    void collectivities() {
        col = collectivity();
        other = collectivity();
    }

    long collectivity() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, created_at) values (?,?,?,?,?,?,?)")
                .params("info-ev-" + tag, "I" + tag, "COMMUNE", "جماعة", "Commune " + tag, "ⵜⴰⴳⵎⴰⵎⵜ", Sql.at(Instant.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    long answered(long c, LocalDate received, LocalDate due, LocalDate closed) {
        return InformationFixtures.row(jdbc, c, received, RequestStatus.ANSWERED, due, closed, 10, false, null);
    }

    String tn(long id) {
        return jdbc.sql("select tracking_number from info_request where id = ?").param(id).query(String.class).single();
    }

    @Test
    void requestsOfThePeriodAreCountedAsTheFiguresWithTheLateOnesFirst() {
        answered(col, FROM.minusDays(1), FROM.plusDays(20), FROM.plusDays(5));
        long first = answered(col, FROM, FROM.plusDays(28), FROM.plusDays(20));
        long last = answered(col, TO, TO.plusDays(28), TO.plusDays(40));
        answered(col, TO.plusDays(1), TO.plusDays(28), TO.plusDays(3));
        long overdue = InformationFixtures.row(jdbc, col, FROM.plusDays(10), RequestStatus.RECEIVED, FROM.plusDays(38), null, null, false, null);
        InformationFixtures.row(jdbc, col, FROM.plusDays(11), RequestStatus.CLARIFICATION, FROM.plusDays(20), null, null, false, null);
        InformationFixtures.row(jdbc, col, FROM.plusDays(12), RequestStatus.TRANSFERRED, FROM.plusDays(20), FROM.plusDays(13), 1, false, null);
        answered(other, FROM.plusDays(3), FROM.plusDays(30), FROM.plusDays(50));
        jdbc.sql("update info_request set published_at = ? where id = ?").params(Sql.at(Instant.now()), last).update();

        InformationFigures f = statistics.figures(col, FROM, TO);
        InformationEvidence.Requests inTime = evidence.requests(col, FROM, TO, InformationEvidence.Scope.ANSWERED_OR_OVERDUE, 200);
        assertThat(inTime.total()).isEqualTo(f.responded() + f.openOverdue()).isEqualTo(3);
        assertThat(inTime.total() - inTime.late()).isEqualTo(f.respondedInTime()).isEqualTo(1);
        assertThat(inTime.lines()).extracting(InformationEvidence.RequestLine::trackingNumber)
                .containsExactlyInAnyOrder(tn(first), tn(last), tn(overdue));
        assertThat(inTime.lines().get(2).trackingNumber()).as("the one in time comes last").isEqualTo(tn(first));
        assertThat(inTime.lines().get(2).receivedOn()).isEqualTo(FROM);

        InformationEvidence.Requests median = evidence.requests(col, FROM, TO, InformationEvidence.Scope.ANSWERED, 200);
        assertThat(median.total()).isEqualTo(f.responded()).isEqualTo(2);
        assertThat(median.late()).isEqualTo(1);
        assertThat(median.lines().get(0).trackingNumber()).isEqualTo(tn(last));
        assertThat(median.lines().get(0).closedOn()).isEqualTo(TO.plusDays(40));
        assertThat(median.lines().get(0).workingDays()).isEqualTo(10);

        InformationEvidence.Requests published = evidence.requests(col, FROM, TO, InformationEvidence.Scope.ANSWERED_UNPUBLISHED_LATE, 200);
        assertThat(published.total() - published.late()).isEqualTo(Math.min(f.publishedAnswers(), f.responded())).isEqualTo(1);
        assertThat(published.lines()).filteredOn(InformationEvidence.RequestLine::published)
                .extracting(InformationEvidence.RequestLine::trackingNumber).containsExactly(tn(last));

        assertThat(evidence.requests(col, FROM, TO, InformationEvidence.Scope.ANSWERED_OR_OVERDUE, 1).lines()).hasSize(1);
    }

    void item(long c, LocalDate nextDue) {
        Instant now = Instant.now();
        jdbc.sql("""
                insert into info_proactive_item (collectivity_id, category, title_ar, title_fr, last_updated_on, frequency, next_update_due,
                    created_at, updated_at) values (?, 'BUDGET', 'الميزانية', 'Budget', ?, 'QUARTERLY', ?, ?, ?)""")
                .params(c, nextDue.minusMonths(3), nextDue, Sql.at(now), Sql.at(now)).update();
    }

    @Test
    void registerItemsAreLateWhenTheirUpdateWasDueBeforeTheLastDay() {
        item(col, TO.minusDays(1));
        item(col, TO);
        item(col, TO.plusDays(1));
        item(other, TO.minusDays(10));
        InformationFigures f = statistics.figures(col, FROM, TO);
        InformationEvidence.Register r = evidence.register(col, TO, 200);
        assertThat(r.total()).isEqualTo(f.registerItems()).isEqualTo(3);
        assertThat(r.late()).isEqualTo(f.registerItemsOverdue()).isEqualTo(1);
        assertThat(r.lines()).hasSize(3);
        assertThat(r.lines().get(0).late()).isTrue();
        assertThat(r.lines().get(0).nextUpdateDue()).isEqualTo(TO.minusDays(1));
    }
}
