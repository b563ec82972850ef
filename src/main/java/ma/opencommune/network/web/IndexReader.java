package ma.opencommune.network.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ma.opencommune.network.IndexPeriod;
import ma.opencommune.network.MemberScore;
import ma.opencommune.network.OpennessIndex;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.ShortLivedCache;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityFilter;
import ma.opencommune.territory.CollectivityType;
import ma.opencommune.territory.Territory;
import org.springframework.beans.factory.annotation.Value;
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
    /**
     * The whole ranking of a period joined with the members, by period, generation and language: the members' names
     * and cohorts may lag a few seconds, the results never (a new computation is a new generation, hence a new key).
     */
    private final ShortLivedCache<String, List<Ranked>> rankings;
    private final ShortLivedCache<Boolean, Set<String>> cohorts;

    IndexReader(OpennessIndex index, Territory territory, @Value("${opencommune.public-cache.max-age:10s}") Duration maxAge) {
        this.index = index;
        this.territory = territory;
        this.rankings = new ShortLivedCache<>(maxAge, 64);
        this.cohorts = new ShortLivedCache<>(maxAge, 1);
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
     * without a score (or without any result) by name. At most two statements whatever the number of members, none
     * while the period's ranking is kept.
     */
    List<Ranked> ranking(IndexPeriod period, CollectivityType type, Long regionId, String cohort, String lang) {
        List<Ranked> all = ranking(index.snapshot(period), lang);
        if (type == null && regionId == null && cohort == null) {
            return all;
        }
        return all.stream().filter(r -> (type == null || r.member().type() == type) && (regionId == null || regionId.equals(r.member().regionId()))
                && (cohort == null || cohort.equals(r.member().membership().cohort()))).toList();
    }

    private List<Ranked> ranking(OpennessIndex.Snapshot snapshot, String lang) {
        return rankings.get(snapshot.periodKey() + '/' + snapshot.generation() + '/' + lang, () -> {
            Map<Long, Collectivity> byId = new LinkedHashMap<>();
            territory.list(new CollectivityFilter(null, null, true)).forEach(c -> byId.put(c.id(), c));
            List<Ranked> ranked = new ArrayList<>();
            List<Ranked> unscored = new ArrayList<>();
            for (MemberScore s : snapshot.ranking()) {
                Collectivity c = byId.remove(s.collectivityId());
                if (c != null) {
                    (s.score() == null ? unscored : ranked).add(new Ranked(c, s));
                }
            }
            byId.values().forEach(c -> unscored.add(new Ranked(c, null)));
            unscored.sort(Comparator.comparing(r -> r.member().name(lang), Comparator.nullsLast(Comparator.naturalOrder())));
            ranked.addAll(unscored);
            return List.copyOf(ranked);
        });
    }

    /** The cohorts of the network's members, the latest first. */
    Set<String> cohorts() {
        return cohorts.get(Boolean.TRUE, () -> {
            Set<String> all = new TreeSet<>(Comparator.reverseOrder());
            territory.list(new CollectivityFilter(null, null, true)).forEach(c -> {
                if (c.membership().cohort() != null) {
                    all.add(c.membership().cohort());
                }
            });
            return Collections.unmodifiableSet(all);
        });
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
