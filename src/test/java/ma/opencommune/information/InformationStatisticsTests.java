package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Public statistics by year of receipt, set-based: one collectivity's requests of 2019 (a year no other test uses)
 * are set up row by row and every figure is checked, as well as the CSV, the page and the index façade.
 */
@IntegrationTest
class InformationStatisticsTests {

    static final int YEAR = 2019;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Territory territory;
    @Autowired
    InformationStatistics statistics;

    Collectivity c;

    @BeforeEach
    void setUp() {
        c = territory.require("taroudant");
        boolean done = jdbc.sql("select count(*) from info_request where collectivity_id = ? and tracking_number like 'TST-2019-%'")
                .param(c.id()).query(Integer.class).single() > 0;
        if (done) {
            return;
        }
        LocalDate d = LocalDate.of(YEAR, 3, 4);
        // Answered in time in 5, 10 and 12 working days; one late in 30 (extended); a partial answer in 8; two refusals.
        InformationFixtures.row(jdbc, c.id(), d, RequestStatus.ANSWERED, d.plusDays(28), d.plusDays(7), 5, false, null);
        InformationFixtures.row(jdbc, c.id(), d, RequestStatus.ANSWERED, d.plusDays(28), d.plusDays(14), 10, false, null);
        long complained = InformationFixtures.row(jdbc, c.id(), d, RequestStatus.ANSWERED, d.plusDays(28), d.plusDays(16), 12, false, null);
        long late = InformationFixtures.row(jdbc, c.id(), d, RequestStatus.ANSWERED, d.plusDays(56), d.plusDays(60), 30, true, null);
        InformationFixtures.row(jdbc, c.id(), d, RequestStatus.PARTLY_ANSWERED, d.plusDays(28), d.plusDays(10), 8, false, null);
        InformationFixtures.row(jdbc, c.id(), d, RequestStatus.REFUSED, d.plusDays(28), d.plusDays(5), 3, false, RefusalGround.NOT_HELD);
        InformationFixtures.row(jdbc, c.id(), d, RequestStatus.REFUSED, d.plusDays(28), d.plusDays(20), 14, false, RefusalGround.EXCEPTION_ART7);
        InformationFixtures.row(jdbc, c.id(), d, RequestStatus.TRANSFERRED, d.plusDays(28), d.plusDays(2), 2, false, null);
        InformationFixtures.row(jdbc, c.id(), d, RequestStatus.WITHDRAWN, d.plusDays(28), d.plusDays(1), 1, false, null);
        // Still open: one overdue, one awaiting clarification (paused: never overdue).
        InformationFixtures.row(jdbc, c.id(), LocalDate.of(YEAR, 12, 31), RequestStatus.EXTENDED, LocalDate.of(2020, 2, 20), null, null, true, null);
        InformationFixtures.row(jdbc, c.id(), LocalDate.of(YEAR, 1, 1), RequestStatus.CLARIFICATION, LocalDate.of(YEAR, 1, 29), null, null, false, null);
        // Received in other years: not counted.
        InformationFixtures.row(jdbc, c.id(), LocalDate.of(2018, 12, 31), RequestStatus.ANSWERED, LocalDate.of(2019, 1, 30), LocalDate.of(2019, 1, 2), 1, false, null);
        InformationFixtures.row(jdbc, c.id(), LocalDate.of(2020, 1, 1), RequestStatus.ANSWERED, LocalDate.of(2020, 1, 30), LocalDate.of(2020, 1, 3), 1, false, null);
        InformationFixtures.complaint(jdbc, complained, c.id(), ComplaintLevel.HEAD, ComplaintOutcome.REJECTED, d.plusDays(20));
        InformationFixtures.complaint(jdbc, complained, c.id(), ComplaintLevel.CDAI, null, d.plusDays(50));
        InformationFixtures.complaint(jdbc, late, c.id(), ComplaintLevel.HEAD, ComplaintOutcome.UPHELD, d.plusDays(61));
    }

    @Test
    void everyFigureOfTheYearIsCountedFromTheRequestsReceivedThatYear() {
        InformationStatistics.Statistics s = statistics.year(c.id(), YEAR);
        assertThat(s.received()).isEqualTo(11);
        assertThat(s.responded()).isEqualTo(7);
        assertThat(s.respondedInTime()).isEqualTo(6);
        assertThat(s.inTimePercent()).as("7 responses are too few for a percentage").isNull();
        assertThat(s.medianWorkingDays()).isEqualTo(10.0); // 3, 5, 8, 10, 12, 14, 30
        assertThat(s.extensions()).isEqualTo(2);
        assertThat(s.refusals()).containsEntry(RefusalGround.NOT_HELD, 1L).containsEntry(RefusalGround.EXCEPTION_ART7, 1L).hasSize(2);
        assertThat(s.refused()).isEqualTo(2);
        assertThat(s.transfers()).isEqualTo(1);
        assertThat(s.withdrawals()).isEqualTo(1);
        assertThat(s.open()).isEqualTo(2);
        assertThat(s.overdue()).isEqualTo(1);
        assertThat(s.complaints().get(ComplaintLevel.HEAD).filed()).isEqualTo(2);
        assertThat(s.complaints().get(ComplaintLevel.HEAD).byOutcome()).containsEntry(ComplaintOutcome.REJECTED, 1L).containsEntry(ComplaintOutcome.UPHELD, 1L);
        assertThat(s.complaints().get(ComplaintLevel.CDAI).filed()).isEqualTo(1);
        assertThat(s.complaints().get(ComplaintLevel.CDAI).pending()).isEqualTo(1);
        assertThat(statistics.year(c.id(), 2017).received()).isZero();
        assertThat(statistics.year(c.id(), 2017).medianWorkingDays()).isNull();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(InformationStatistics.median(List.of(new long[] {4, 1}, new long[] {7, 1}))).isEqualTo(5.5);
        assertThat(InformationStatistics.median(List.of(new long[] {2, 3}, new long[] {9, 1}))).isEqualTo(2.0);
        assertThat(InformationStatistics.median(List.of())).isNull();
    }

    @Test
    void aSmallCountIsShownWithItsCountAndNoPercentage() throws Exception {
        mvc.perform(get("/fr/c/taroudant/information/statistics").param("year", "2019"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("6 sur 7")))
                .andExpect(content().string(containsString("demandes reçues en 2019<")))
                .andExpect(content().string(containsString("Pas de pourcentage sous 10 réponses")))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("10.0")));
        mvc.perform(get("/ar/c/taroudant/information/statistics").param("year", "2019")).andExpect(status().isOk())
                .andExpect(content().string(containsString("6 من أصل 7")));
        // A hand-typed year outside the offered ones, or not a year, shows the latest year without an error.
        mvc.perform(get("/fr/c/taroudant/information/statistics").param("year", "1900")).andExpect(status().isOk());
        mvc.perform(get("/fr/c/taroudant/information/statistics").param("year", "<script>")).andExpect(status().isOk());
        mvc.perform(get("/fr/c/nowhere/information/statistics")).andExpect(status().isNotFound());
    }

    @Test
    void theCsvStreamsTheFiguresWithABomAndAHeaderInThePageLanguage() throws Exception {
        byte[] body = mvc.perform(get("/fr/c/taroudant/information/statistics.csv").param("year", "2019"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/csv;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFAnnée,Indicateur,Valeur\r\n");
        assertThat(csv).contains("2019,Demandes reçues,11\r\n", "2019,Réponses dans le délai légal,6\r\n", "2019,Transmises à un autre organisme,1\r\n");
        String ar = mvc.perform(get("/ar/c/taroudant/information/statistics.csv").param("year", "2019"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ar).startsWith("\uFEFFالسنة,المؤشر,القيمة\r\n");
    }

    @Test
    void theStatisticsAreAConstantNumberOfQueriesWhateverTheVolume() throws Exception {
        long before = statements("/fr/c/taroudant/information/statistics?year=2019");
        long csv = statements("/fr/c/taroudant/information/statistics.csv?year=2019");
        LocalDate d = LocalDate.of(YEAR, 6, 3);
        for (int i = 0; i < 5; i++) {
            InformationFixtures.row(jdbc, c.id(), d, RequestStatus.EXTENDED, d.plusDays(40), null, null, true, null);
        }
        assertThat(statements("/fr/c/taroudant/information/statistics?year=2019")).isEqualTo(before).isLessThanOrEqualTo(8);
        assertThat(statements("/fr/c/taroudant/information/statistics.csv?year=2019")).isEqualTo(csv).isLessThanOrEqualTo(8);
        jdbc.sql("delete from info_request where collectivity_id = ? and received_on = ?").params(c.id(), d).update();
    }

    long statements(String url) throws Exception {
        mvc.perform(get(url)).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(get(url)).andExpect(status().isOk());
        return QueryCounting.statements();
    }

    @Test
    void theIndexFacadeGivesThePeriodsFigures() {
        InformationFigures f = statistics.figures(c.id(), LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 12, 31));
        assertThat(f.received()).isEqualTo(11);
        assertThat(f.responded()).isEqualTo(7);
        assertThat(f.respondedInTime()).isEqualTo(6);
        assertThat(f.medianWorkingDays()).isEqualTo(10.0);
        assertThat(f.publishedAnswers()).isZero();
        assertThat(f.registerItems()).isGreaterThanOrEqualTo(f.registerItemsOverdue());
        InformationFigures q1 = statistics.figures(c.id(), LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 3, 31));
        assertThat(q1.received()).isEqualTo(10);
        InformationFigures day = statistics.figures(c.id(), LocalDate.of(YEAR, 12, 31), LocalDate.of(YEAR, 12, 31));
        assertThat(day.received()).isEqualTo(1);
        assertThat(day.responded()).isZero();
        assertThat(day.medianWorkingDays()).isNull();
    }
}
