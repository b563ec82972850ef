package ma.opencommune.network.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.network.MemberScore;
import ma.opencommune.network.Pillar;

/**
 * How much the ranking depends on the pillar weights: each pillar's weight moved up and down by {@value #STEP} points,
 * the difference shared equally by the other three (a weight never goes below 0), and every member's overall score
 * recomputed from its stored pillar scores with the core's rule (weighted mean of the pillars with a score, weights
 * renormalised). A member without an overall score stays without one and is not ranked.
 */
public final class Sensitivity {

    static final int STEP = 10;

    /** One member: its current rank and its best and worst rank over the variants. */
    public record Row(long collectivityId, BigDecimal score, Integer rank, Integer best, Integer worst) {
        /** The most ranks the member moves from its current rank in any variant. */
        public int moves() {
            return rank == null || best == null ? 0 : Math.max(rank - best, worst - rank);
        }
    }

    /** A set of pillar weights tried. */
    record Variant(Pillar pillar, int delta, Map<Pillar, Double> weights) {
    }

    private Sensitivity() {
    }

    /** The eight variants around the given weights: each pillar +STEP then −STEP. */
    static List<Variant> variants(Map<Pillar, Integer> weights) {
        List<Variant> variants = new ArrayList<>();
        for (Pillar p : Pillar.values()) {
            for (int delta : new int[] {STEP, -STEP}) {
                Map<Pillar, Double> w = new EnumMap<>(Pillar.class);
                double own = Math.max(0, weights.getOrDefault(p, 0) + delta);
                double moved = own - weights.getOrDefault(p, 0);
                for (Pillar o : Pillar.values()) {
                    w.put(o, o == p ? own : Math.max(0, weights.getOrDefault(o, 0) - moved / (Pillar.values().length - 1)));
                }
                variants.add(new Variant(p, delta, w));
            }
        }
        return variants;
    }

    /** Each member's rank now and its best and worst rank across the variants, in the ranking's order. */
    static List<Row> of(List<MemberScore> ranking, Map<Pillar, Integer> weights) {
        Map<Long, int[]> range = new LinkedHashMap<>();
        for (Variant v : variants(weights)) {
            Map<Long, Integer> ranks = rank(ranking, v.weights());
            ranks.forEach((id, r) -> {
                int[] br = range.computeIfAbsent(id, k -> new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE});
                br[0] = Math.min(br[0], r);
                br[1] = Math.max(br[1], r);
            });
        }
        List<Row> rows = new ArrayList<>();
        for (MemberScore m : ranking) {
            int[] br = range.get(m.collectivityId());
            rows.add(new Row(m.collectivityId(), m.score(), m.rank(), br == null ? null : br[0], br == null ? null : br[1]));
        }
        return rows;
    }

    /** The overall score from pillar scores: the weighted mean of the pillars with a score, to one decimal; null if none. */
    static BigDecimal score(Map<Pillar, BigDecimal> pillars, Map<Pillar, Double> weights) {
        double sum = 0;
        double weight = 0;
        for (Map.Entry<Pillar, BigDecimal> e : pillars.entrySet()) {
            double w = weights.getOrDefault(e.getKey(), 0d);
            if (e.getValue() != null && w > 0) {
                sum += w * e.getValue().doubleValue();
                weight += w;
            }
        }
        return weight == 0 ? null : BigDecimal.valueOf(sum / weight).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    /** Standard competition ranking (ties share a rank) of the members that have an overall score now. */
    static Map<Long, Integer> rank(List<MemberScore> ranking, Map<Pillar, Double> weights) {
        record Scored(long id, BigDecimal score) {
        }
        List<Scored> scored = ranking.stream().filter(m -> m.score() != null)
                .map(m -> new Scored(m.collectivityId(), score(m.pillars(), weights)))
                .filter(s -> s.score() != null)
                .sorted(Comparator.comparing(Scored::score).reversed()).toList();
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < scored.size(); i++) {
            if (previous == null || scored.get(i).score().compareTo(previous) != 0) {
                rank = i + 1;
                previous = scored.get(i).score();
            }
            ranks.put(scored.get(i).id(), rank);
        }
        return ranks;
    }
}
