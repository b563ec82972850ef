package ma.opencommune.network.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.opencommune.network.IndexPeriod;
import ma.opencommune.network.MemberScore;
import ma.opencommune.network.OpennessIndex;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityFilter;
import ma.opencommune.territory.CollectivityType;
import ma.opencommune.territory.Territory;
import org.springframework.stereotype.Component;

/** What the index's pages and API share: the period of an address, a member of a slug, the ranking joined with the members. */
@Component
class IndexReader {

    /** A member and its stored result (null when it has none for the period). */
    public record Ranked(Collectivity member, MemberScore score) {
        public boolean scored() {
            return score != null && score.score() != null;
        }
    }

    private final OpennessIndex index;
    private final Territory territory;

    IndexReader(OpennessIndex index, Territory territory) {
        this.index = index;
        this.territory = territory;
    }

    /** The period of an address; a 400 when it is malformed or in the future. */
    IndexPeriod period(String param) {
        if (param != null && param.length() > 20) {
            throw new BadPeriod();
        }
        return index.period(param).orElseThrow(BadPeriod::new);
    }

    /** The period of an address, or empty when it is malformed or in the future (pages then answer {@link #BAD_PERIOD}). */
    java.util.Optional<IndexPeriod> find(String param) {
        return param != null && param.length() > 20 ? java.util.Optional.empty() : index.period(param);
    }

    /** The view of a 400 page for a bad period, with the periods to choose from. */
    String badPeriod(jakarta.servlet.http.HttpServletResponse response, org.springframework.ui.Model model) {
        response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("periods", periods());
        return "network/index/bad-period";
    }

    /** A network member by its slug; 404 for an unknown slug or a collectivity outside the network. */
    Collectivity member(String slug) {
        return territory.find(slug).filter(Collectivity::isMember).orElseThrow(() -> new NotFoundException("member " + slug));
    }

    /**
     * The ranking of the period among the members matching the filters: ranked members by rank, then the members
     * without a score (or without any result) by name. Two statements whatever the number of members.
     */
    List<Ranked> ranking(IndexPeriod period, CollectivityType type, String region, String cohort, String lang) {
        List<Collectivity> members = territory.list(new CollectivityFilter(type, region, true)).stream()
                .filter(c -> cohort == null || cohort.equals(c.membership().cohort())).toList();
        Map<Long, Collectivity> byId = members.stream().collect(Collectors.toMap(Collectivity::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Ranked> ranked = new ArrayList<>();
        List<Ranked> unscored = new ArrayList<>();
        for (MemberScore s : index.ranking(period)) {
            Collectivity c = byId.remove(s.collectivityId());
            if (c != null) {
                (s.score() == null ? unscored : ranked).add(new Ranked(c, s));
            }
        }
        byId.values().forEach(c -> unscored.add(new Ranked(c, null)));
        unscored.sort(Comparator.comparing(r -> r.member().name(lang), Comparator.nullsLast(Comparator.naturalOrder())));
        ranked.addAll(unscored);
        return ranked;
    }

    /** The cohorts of the network's members, the latest first. */
    Set<String> cohorts() {
        Set<String> cohorts = new TreeSet<>(Comparator.reverseOrder());
        territory.list(new CollectivityFilter(null, null, true)).forEach(c -> {
            if (c.membership().cohort() != null) {
                cohorts.add(c.membership().cohort());
            }
        });
        return cohorts;
    }

    List<Collectivity> regions() {
        return territory.regions();
    }

    /** The periods to choose from: the current one first, then those with stored results. */
    List<IndexPeriod> periods() {
        List<IndexPeriod> periods = new ArrayList<>();
        periods.add(index.currentPeriod());
        index.periods().stream().filter(p -> !p.key().equals(periods.get(0).key())).forEach(periods::add);
        return periods;
    }

    /** A period parameter that is malformed or in the future. */
    static final class BadPeriod extends RuntimeException {
        BadPeriod() {
            super("bad period", null, false, false);
        }
    }

    static CollectivityType type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return CollectivityType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
