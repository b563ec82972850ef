package ma.opencommune.network;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A published methodology version: the weight of each pillar (summing to 100) and of each indicator within its pillar
 * (summing to 100 per pillar; an indicator absent from the map or weighing 0 is not used), and what changed.
 */
public record Methodology(int version, Instant publishedAt, Map<Pillar, Integer> pillarWeights, Map<Indicator, Integer> indicatorWeights,
        String noteAr, String noteFr) {

    public int weight(Pillar pillar) {
        return pillarWeights.getOrDefault(pillar, 0);
    }

    public int weight(Indicator indicator) {
        return indicatorWeights.getOrDefault(indicator, 0);
    }

    /** The indicators this version uses (weight above 0), in the catalogue's order. */
    public List<Indicator> indicators() {
        return java.util.Arrays.stream(Indicator.values()).filter(i -> weight(i) > 0).toList();
    }

    public String note(String lang) {
        return "ar".equals(lang) && noteAr != null ? noteAr : noteFr;
    }
}
