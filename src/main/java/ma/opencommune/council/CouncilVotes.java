package ma.opencommune.council;

import java.util.Map;
import java.util.Set;
import ma.opencommune.council.CouncilCodes.Choice;
import ma.opencommune.platform.InvalidInput;

/**
 * The vote on a decision: counts for, against and abstaining. Checked against the members present at the session (the
 * counts cannot exceed attendance); when the secretary records each member's vote, the counts are derived from them,
 * and counts typed as well must agree.
 */
public record CouncilVotes(int votesFor, int against, int abstain) {

    public int total() {
        return votesFor + against + abstain;
    }

    /**
     * The counts of a vote, checked. {@code perMember} is empty when only counts were recorded; its members must be among
     * {@code present}. Typed counts may be null when per-member votes give them.
     */
    public static CouncilVotes checked(Integer votesFor, Integer against, Integer abstain, Map<Long, Choice> perMember, Set<Long> present) {
        if (!perMember.isEmpty()) {
            if (!present.containsAll(perMember.keySet())) {
                throw new InvalidInput(Map.of("votes", "council.validation.voter-absent"));
            }
            CouncilVotes derived = new CouncilVotes(count(perMember, Choice.FOR), count(perMember, Choice.AGAINST), count(perMember, Choice.ABSTAIN));
            boolean typed = votesFor != null || against != null || abstain != null;
            if (typed && !derived.equals(new CouncilVotes(n(votesFor), n(against), n(abstain)))) {
                throw new InvalidInput(Map.of("votesFor", "council.validation.votes-disagree"));
            }
            return derived;
        }
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        for (var e : Map.of("votesFor", n(votesFor), "votesAgainst", n(against), "votesAbstain", n(abstain)).entrySet()) {
            if (e.getValue() < 0) {
                errors.put(e.getKey(), "council.validation.votes-negative");
            }
        }
        if (votesFor == null && against == null && abstain == null) {
            errors.put("votesFor", "validation.required");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(new java.util.TreeMap<>(errors));
        }
        CouncilVotes votes = new CouncilVotes(n(votesFor), n(against), n(abstain));
        if (votes.total() > present.size()) {
            throw new InvalidInput(Map.of("votesFor", "council.validation.votes-exceed-attendance"));
        }
        return votes;
    }

    private static int n(Integer value) {
        return value == null ? 0 : value;
    }

    private static int count(Map<Long, Choice> votes, Choice choice) {
        return (int) votes.values().stream().filter(choice::equals).count();
    }
}
