package ma.opencommune.network;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The index of one collectivity computed on demand (for instance an applicant to a cohort that is not yet a member),
 * with the methodology version and period it was computed for; nothing is stored.
 */
public record Evaluation(long collectivityId, IndexPeriod period, int methodologyVersion, BigDecimal score, int coverage,
        Map<Pillar, BigDecimal> pillars, List<IndicatorValue> indicators) {
}
