package ma.opencommune.network.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.network.IndexPeriod;
import ma.opencommune.network.Indicator;
import ma.opencommune.network.IndicatorValue;
import ma.opencommune.network.MemberScore;
import ma.opencommune.network.Methodologies;
import ma.opencommune.network.Methodology;
import ma.opencommune.network.OpennessIndex;
import ma.opencommune.network.Pillar;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityFilter;
import ma.opencommune.territory.Territory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Two members side by side, and how far the ranking depends on the pillar weights. */
@Controller
class IndexCompareController {

    /** One side of a comparison. */
    public record Side(Collectivity member, MemberScore score, Map<Indicator, IndicatorValue> values) {
    }

    private final IndexReader reader;
    private final OpennessIndex index;
    private final Methodologies methodologies;
    private final Territory territory;

    IndexCompareController(IndexReader reader, OpennessIndex index, Methodologies methodologies, Territory territory) {
        this.reader = reader;
        this.index = index;
        this.methodologies = methodologies;
        this.territory = territory;
    }

    @GetMapping(Lang.PATH + "/network/compare")
    String compare(Lang lang, @RequestParam(required = false) String a, @RequestParam(required = false) String b,
            @RequestParam(required = false) String period, jakarta.servlet.http.HttpServletResponse response, Model model) {
        IndexPeriod p = reader.find(period).orElse(null);
        if (p == null) {
            return reader.badPeriod(response, model);
        }
        List<Collectivity> members = territory.list(new CollectivityFilter(null, null, true)).stream()
                .sorted(java.util.Comparator.comparing(c -> c.name(lang.code()), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
        model.addAttribute("period", p);
        model.addAttribute("periods", reader.periods());
        model.addAttribute("members", members);
        model.addAttribute("a", a == null ? "" : a);
        model.addAttribute("b", b == null ? "" : b);
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("indicators", Indicator.values());
        boolean asked = a != null && !a.isBlank() && b != null && !b.isBlank();
        if (!asked) {
            return "network/index/compare";
        }
        Map<String, Collectivity> bySlug = new LinkedHashMap<>();
        members.forEach(m -> bySlug.put(m.slug(), m));
        Collectivity ca = bySlug.get(a);
        Collectivity cb = bySlug.get(b);
        if (ca == null || cb == null) {
            model.addAttribute("error", "network.index.compare.unknown");
            return "network/index/compare";
        }
        if (ca.id() == cb.id()) {
            model.addAttribute("error", "network.index.compare.same");
            return "network/index/compare";
        }
        model.addAttribute("left", side(ca, index.score(ca.id(), p).orElse(null), p));
        model.addAttribute("right", side(cb, index.score(cb.id(), p).orElse(null), p));
        return "network/index/compare";
    }

    private Side side(Collectivity c, MemberScore score, IndexPeriod p) {
        Map<Indicator, IndicatorValue> values = new EnumMap<>(Indicator.class);
        if (score != null) {
            index.indicators(c.id(), p).forEach(v -> values.put(v.indicator(), v));
        }
        return new Side(c, score, values);
    }

    @GetMapping(Lang.PATH + "/network/index/sensitivity")
    String sensitivity(Lang lang, @RequestParam(required = false) String period, jakarta.servlet.http.HttpServletResponse response,
            Model model) {
        IndexPeriod p = reader.find(period).orElse(null);
        if (p == null) {
            return reader.badPeriod(response, model);
        }
        List<MemberScore> ranking = index.ranking(p);
        Methodology methodology = ranking.isEmpty() ? methodologies.current()
                : methodologies.version(ranking.get(0).methodologyVersion()).orElseGet(methodologies::current);
        Map<Long, Collectivity> members = new LinkedHashMap<>();
        territory.list(new CollectivityFilter(null, null, true)).forEach(c -> members.put(c.id(), c));
        List<Sensitivity.Row> rows = Sensitivity.of(ranking.stream().filter(s -> members.containsKey(s.collectivityId())).toList(),
                methodology.pillarWeights());
        Map<Pillar, Integer> weights = new EnumMap<>(Pillar.class);
        for (Pillar pillar : Pillar.values()) {
            weights.put(pillar, methodology.weight(pillar));
        }
        model.addAttribute("period", p);
        model.addAttribute("periods", reader.periods());
        model.addAttribute("rows", rows);
        model.addAttribute("members", members);
        model.addAttribute("methodology", methodology);
        model.addAttribute("weights", weights);
        model.addAttribute("step", Sensitivity.STEP);
        return "network/index/sensitivity";
    }
}
