package ma.opencommune.territory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityFilter;
import ma.opencommune.territory.CollectivityType;
import ma.opencommune.territory.Territory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The network home: member collectivities grouped by region, filterable by type and region. */
@Controller
class NetworkController {

    private final Territory territory;

    NetworkController(Territory territory) {
        this.territory = territory;
    }

    @GetMapping({Lang.PATH, Lang.PATH + "/", Lang.PATH + "/network"})
    String home(@RequestParam(required = false) String type, @RequestParam(required = false) String region, Model model) {
        CollectivityType typeFilter = parseType(type);
        List<Collectivity> regions = territory.regions();
        boolean knownRegion = region != null && regions.stream().anyMatch(r -> r.slug().equals(region));
        String regionFilter = knownRegion ? region : null;
        List<Collectivity> members = territory.list(new CollectivityFilter(typeFilter, regionFilter, true));
        Map<Collectivity, List<Collectivity>> byRegion = new LinkedHashMap<>();
        for (Collectivity r : regions) {
            List<Collectivity> inRegion = members.stream().filter(m -> r.id() == (m.regionId() == null ? -1 : m.regionId())).toList();
            if (!inRegion.isEmpty()) {
                byRegion.put(r, inRegion);
            }
        }
        model.addAttribute("byRegion", byRegion);
        model.addAttribute("regions", regions);
        model.addAttribute("types", CollectivityType.values());
        model.addAttribute("selectedType", typeFilter == null ? "" : typeFilter.name());
        model.addAttribute("selectedRegion", regionFilter == null ? "" : regionFilter);
        model.addAttribute("memberCount", members.size());
        model.addAttribute("countsByType", members.stream().collect(Collectors.groupingBy(c -> c.type().name(), Collectors.counting())));
        return "territory/network";
    }

    static CollectivityType parseType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return CollectivityType.valueOf(type.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
