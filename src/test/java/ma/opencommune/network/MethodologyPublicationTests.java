package ma.opencommune.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishing a methodology: every invalid input refused with its field and nothing saved; a valid one takes the next
 * number, concurrent ones distinct numbers; a closed snapshot keeps the version it was computed with while the running
 * period takes the new one once the listener has run. Each publication repeats the current weights, so the scores of
 * the other tests do not move.
 */
@IntegrationTest
class MethodologyPublicationTests {

    @Autowired Methodologies methodologies;
    @Autowired IndexComputation computation;
    @Autowired OpennessIndex index;
    @Autowired JdbcClient jdbc;

    Map<Pillar, Integer> pillars() {
        return new EnumMap<>(methodologies.current().pillarWeights());
    }

    Map<Indicator, Integer> indicators() {
        Map<Indicator, Integer> m = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            m.put(i, methodologies.current().weight(i));
        }
        return m;
    }

    int versions() {
        return jdbc.sql("select count(*) from network_methodology").query(Integer.class).single();
    }

    Map<String, String> refused(Map<Pillar, Integer> pillars, Map<Indicator, Integer> indicators, String noteAr, String noteFr) {
        int before = versions();
        InvalidInput e = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(
                () -> methodologies.publish(null, pillars, indicators, noteAr, noteFr));
        assertThat(e).isNotNull();
        assertThat(versions()).as("nothing saved").isEqualTo(before);
        return e.errors();
    }

    /** Moves one point of weight from a pillar to the next, keeping the sum. */
    Map<Pillar, Integer> shifted(int delta) {
        Map<Pillar, Integer> p = pillars();
        p.merge(Pillar.TRANSPARENCY, delta, Integer::sum);
        return p;
    }

    @Test
    void pillarWeightsMustSumToExactlyAHundred() {
        assertThat(refused(shifted(-1), indicators(), "ملاحظة", "Note")).containsEntry("pillars", "network.methodology.error.pillars-sum");
        assertThat(refused(shifted(1), indicators(), "ملاحظة", "Note")).containsEntry("pillars", "network.methodology.error.pillars-sum");
    }

    @Test
    void weightsOutsideZeroToAHundredAreRefused() {
        Map<Pillar, Integer> negative = pillars();
        negative.put(Pillar.DIGITAL, -1);
        assertThat(refused(negative, indicators(), null, "Note")).containsEntry("pillar-digital", "network.methodology.error.weight-range");
        Map<Indicator, Integer> tooMuch = indicators();
        tooMuch.put(Indicator.REQUESTS_IN_TIME, 101);
        assertThat(refused(pillars(), tooMuch, null, "Note")).containsEntry("indicator-requests-in-time", "network.methodology.error.weight-range");
        Map<Indicator, Integer> missing = indicators();
        missing.remove(Indicator.WOMEN_SHARE);
        assertThat(refused(pillars(), missing, null, "Note")).containsKey("indicator-women-share");
    }

    @Test
    void indicatorWeightsOfAWeightedPillarMustSumToAHundred() {
        Map<Indicator, Integer> off = indicators();
        off.merge(Indicator.DOCUMENTS_PUBLISHED, 1, Integer::sum);
        assertThat(refused(pillars(), off, null, "Note")).containsEntry("pillar-digital-indicators", "network.methodology.error.indicators-sum");
    }

    @Test
    void theNoteIsRequiredAndBounded() {
        assertThat(refused(pillars(), indicators(), " ", null)).containsEntry("note", "network.methodology.error.note-required");
        assertThat(refused(pillars(), indicators(), null, "x".repeat(Methodologies.NOTE_MAX + 1)))
                .containsEntry("note", "network.methodology.error.note-too-long");
    }

    @Test
    void aValidPublicationTakesTheNextNumberAndConcurrentOnesDistinctNumbers() throws Exception {
        int current = methodologies.current().version();
        Methodology next = methodologies.publish(null, pillars(), indicators(), "<b>ملاحظة</b>", "x".repeat(Methodologies.NOTE_MAX));
        assertThat(next.version()).isGreaterThan(current);
        assertThat(next.noteAr()).isEqualTo("<b>ملاحظة</b>");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> two = List.of(() -> methodologies.publish(null, pillars(), indicators(), null, "A").version(),
                    () -> methodologies.publish(null, pillars(), indicators(), null, "B").version());
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(two)) {
                numbers.add(f.get());
            }
            assertThat(numbers).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isGreaterThan(next.version()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedSnapshotKeepsItsVersionAndTheRunningPeriodTakesTheNewOne() {
        var today = index.today();
        IndexPeriod closed = IndexPeriod.rolling(YearMonth.from(today).minusMonths(3), today);
        computation.recompute(closed);
        int before = index.score(territory(), closed).orElseThrow().methodologyVersion();
        Methodology published = methodologies.publish(null, pillars(), indicators(), null, "Same weights, new version");
        IndexPeriod running = index.currentPeriod();
        await().atMost(Duration.ofSeconds(60)).until(() -> index.score(territory(), running).orElseThrow().methodologyVersion() == published.version());
        assertThat(index.score(territory(), closed).orElseThrow().methodologyVersion()).isEqualTo(before).isLessThan(published.version());
    }

    long territory() {
        return jdbc.sql("select id from collectivity where slug = 'taroudant'").query(Long.class).single();
    }
}
