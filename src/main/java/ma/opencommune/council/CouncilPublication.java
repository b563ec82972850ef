package ma.opencommune.council;

/**
 * Figures for the network's openness index about sessions held in a period: how many were held, how many decisions were
 * published, the median and longest days from a session to the publication of its decisions (the day its last published
 * decision came out), and how many held sessions have no published decision yet. Medians and maxima are null without data.
 */
public record CouncilPublication(int sessionsHeld, int decisionsPublished, Double medianDaysToPublication, Integer maxDaysToPublication,
        int sessionsWithoutPublishedDecisions) {
}
