package ma.opencommune.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.YearMonth;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A period's ranking kept in memory: read once, served from memory while its generation in {@code network_index_period}
 * stays the same, read again when a computation (on this node or another) gives the period a new generation. Tests run
 * with {@code opencommune.public-cache.max-age=0}, so the generation is read at every call.
 */
@IntegrationTest
class IndexSnapshotTests {

    @Autowired IndexComputation computation;
    @Autowired OpennessIndex index;
    @Autowired Territory territory;
    @Autowired JdbcClient jdbc;

    IndexPeriod period() {
        return IndexPeriod.rolling(YearMonth.from(index.today()).minusMonths(3), index.today());
    }

    @Test
    void aRankingIsReadOnceThenServedFromMemoryUntilThePeriodIsComputedAgain() {
        IndexPeriod period = period();
        computation.recompute(period);
        OpennessIndex.Snapshot first = index.snapshot(period);
        assertThat(first.ranking()).isNotEmpty();
        long taroudant = territory.require("taroudant").id();
        QueryCounting.reset();
        assertThat(index.snapshot(period)).isSameAs(first);
        assertThat(index.score(taroudant, period)).isPresent();
        assertThat(QueryCounting.statements()).as("only the periods' generations are read").isEqualTo(2);

        computation.recompute(period);
        OpennessIndex.Snapshot second = index.snapshot(period);
        assertThat(second.generation()).isGreaterThan(first.generation());
        assertThat(second).isNotSameAs(first);
        assertThat(second.ranking()).hasSameSizeAs(first.ranking());
    }

    @Test
    void aComputationStoredByAnotherNodeShowsOnceItsGenerationMovesOn() {
        IndexPeriod period = period();
        computation.recompute(period);
        long taroudant = territory.require("taroudant").id();
        BigDecimal stored = index.score(taroudant, period).orElseThrow().score();
        BigDecimal other = stored == null || stored.compareTo(new BigDecimal("12.3")) != 0 ? new BigDecimal("12.3") : new BigDecimal("45.6");
        try {
            // Another node's computation, written as IndexComputation.store writes it.
            jdbc.sql("update network_index_score set score = ? where period_key = ? and collectivity_id = ?").params(other, period.key(), taroudant)
                    .update();
            assertThat(index.score(taroudant, period).orElseThrow().score()).as("same generation: the kept ranking").isEqualTo(stored);
            jdbc.sql("update network_index_period set generation = (select max(generation) + 1 from network_index_period) where period_key = ?")
                    .param(period.key()).update();
            assertThat(index.score(taroudant, period).orElseThrow().score()).as("new generation: read again").isEqualByComparingTo(other);
        } finally {
            computation.recompute(period);
        }
        assertThat(index.score(taroudant, period).orElseThrow().score()).isEqualTo(stored);
    }

    @Test
    void aPeriodNeverComputedHasAnEmptyRankingAndIsNotListed() {
        IndexPeriod never = IndexPeriod.year(2001, index.today());
        assertThat(index.snapshot(never).ranking()).isEmpty();
        assertThat(index.snapshot(never).generation()).isZero();
        assertThat(index.score(territory.require("taroudant").id(), never)).isEmpty();
        assertThat(index.periods()).extracting(IndexPeriod::key).doesNotContain(never.key()).contains(period().key());
    }

    @Test
    void eachComputationRecordsItsPeriodWithTheMembersAndTheTime() {
        IndexPeriod period = period();
        int members = computation.recompute(period);
        assertThat(jdbc.sql("select members from network_index_period where period_key = ?").param(period.key()).query(Integer.class).single())
                .isEqualTo(members);
        Timestamp at = jdbc.sql("select computed_at from network_index_period where period_key = ?").param(period.key()).query(Timestamp.class)
                .single();
        assertThat(jdbc.sql("select count(*) from network_index_score where period_key = ? and computed_at <> ?").params(period.key(), at)
                .query(Integer.class).single()).isZero();
        assertThat(index.lastComputed()).contains(jdbc.sql("select max(computed_at) from network_index_score").query(Timestamp.class).single()
                .toInstant());
    }
}
