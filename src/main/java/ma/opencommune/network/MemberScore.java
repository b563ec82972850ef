package ma.opencommune.network;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A member's stored result for one period: the overall score (null when the indicators with data weigh less than
 * half of the methodology, {@link OpennessIndex#MINIMUM_COVERAGE}), the coverage (percent of the weight that had
 * data), the rank among the scored members (ties share a rank), the pillar scores (null when none of a pillar's
 * indicators had data) and the methodology version it was computed with.
 */
public record MemberScore(long collectivityId, String periodKey, LocalDate from, LocalDate to, int methodologyVersion,
        BigDecimal score, int coverage, Integer rank, Map<Pillar, BigDecimal> pillars, Instant computedAt) {

    public BigDecimal pillar(Pillar pillar) {
        return pillars.get(pillar);
    }
}
