package ma.opencommune.network.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.network.MemberScore;
import ma.opencommune.network.Pillar;
import org.junit.jupiter.api.Test;

/** The weights' sensitivity: eight variants, scores recomputed from pillar scores, ranks that swap, unscored members left out. */
class SensitivityTests {

    static final Map<Pillar, Integer> WEIGHTS = Map.of(Pillar.TRANSPARENCY, 30, Pillar.ACCESS, 30, Pillar.PARTICIPATION, 25, Pillar.DIGITAL, 15);

    static MemberScore member(long id, Integer rank, String score, Integer t, Integer a, Integer p, Integer d) {
        Map<Pillar, BigDecimal> pillars = new EnumMap<>(Pillar.class);
        if (t != null) {
            pillars.put(Pillar.TRANSPARENCY, BigDecimal.valueOf(t));
        }
        if (a != null) {
            pillars.put(Pillar.ACCESS, BigDecimal.valueOf(a));
        }
        if (p != null) {
            pillars.put(Pillar.PARTICIPATION, BigDecimal.valueOf(p));
        }
        if (d != null) {
            pillars.put(Pillar.DIGITAL, BigDecimal.valueOf(d));
        }
        return new MemberScore(id, "R2026-11", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 11, 30), 1, score == null ? null : new BigDecimal(score),
                80, rank, pillars, Instant.EPOCH);
    }

    @Test
    void eightVariantsEachMovingOnePillarTenPointsSharedByTheOthers() {
        List<Sensitivity.Variant> variants = Sensitivity.variants(WEIGHTS);
        assertThat(variants).hasSize(8);
        Sensitivity.Variant up = variants.get(0);
        assertThat(up.pillar()).isEqualTo(Pillar.TRANSPARENCY);
        assertThat(up.weights().get(Pillar.TRANSPARENCY)).isEqualTo(40.0);
        assertThat(up.weights().get(Pillar.ACCESS)).isCloseTo(30 - 10 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        for (Sensitivity.Variant v : variants) {
            assertThat(v.weights().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aWeightNeverGoesBelowZero() {
        Map<Pillar, Integer> w = Map.of(Pillar.TRANSPARENCY, 5, Pillar.ACCESS, 45, Pillar.PARTICIPATION, 45, Pillar.DIGITAL, 5);
        Sensitivity.Variant down = Sensitivity.variants(w).get(1);
        assertThat(down.weights().get(Pillar.TRANSPARENCY)).isEqualTo(0.0);
        assertThat(down.weights().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theScoreIsTheWeightedMeanOfThePillarsWithAScoreRenormalised() {
        Map<Pillar, Double> w = Map.of(Pillar.TRANSPARENCY, 30.0, Pillar.ACCESS, 30.0, Pillar.PARTICIPATION, 25.0, Pillar.DIGITAL, 15.0);
        // Only transparency (80) and digital (40): (30*80 + 15*40) / 45 = 66.7
        assertThat(Sensitivity.score(member(1, 1, "66.7", 80, null, null, 40).pillars(), w)).isEqualByComparingTo("66.7");
        assertThat(Sensitivity.score(Map.of(), w)).isNull();
    }

    @Test
    void ranksSwapWhenTheWeightsMoveAndUnscoredMembersStayUnranked() {
        // A is strong in transparency, B in digital: with the published weights A leads by little.
        MemberScore a = member(1, 1, "62.5", 90, 60, 50, 40);
        MemberScore b = member(2, 2, "61.5", 40, 60, 60, 100);
        MemberScore c = member(3, 3, "20.0", 20, 20, 20, 20);
        MemberScore none = member(4, null, null, 90, null, null, null);
        List<Sensitivity.Row> rows = Sensitivity.of(List.of(a, b, c, none), WEIGHTS);
        Sensitivity.Row ra = rows.get(0);
        Sensitivity.Row rb = rows.get(1);
        assertThat(ra.rank()).isEqualTo(1);
        assertThat(ra.best()).isEqualTo(1);
        assertThat(ra.worst()).isEqualTo(2);
        assertThat(ra.moves()).isEqualTo(1);
        assertThat(rb.best()).isEqualTo(1);
        assertThat(rb.worst()).isEqualTo(2);
        Sensitivity.Row rc = rows.get(2);
        assertThat(rc.best()).isEqualTo(3);
        assertThat(rc.worst()).isEqualTo(3);
        assertThat(rc.moves()).isZero();
        Sensitivity.Row rn = rows.get(3);
        assertThat(rn.rank()).isNull();
        assertThat(rn.best()).isNull();
        assertThat(rn.moves()).isZero();
    }
}
