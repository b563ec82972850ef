package ma.opencommune.territory.web;

import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A collectivity's public home: identity, contacts, information officer, consultative bodies. */
@Controller
class CollectivityController {

    private final Territory territory;

    CollectivityController(Territory territory) {
        this.territory = territory;
    }

    @GetMapping({Lang.PATH + "/c/{slug}", Lang.PATH + "/c/{slug}/"})
    String home(@PathVariable String slug, Model model) {
        Collectivity collectivity = territory.require(slug);
        model.addAttribute("collectivity", collectivity);
        model.addAttribute("parent", collectivity.parentId() == null ? null : territory.find(collectivity.parentId()).orElse(null));
        model.addAttribute("region", collectivity.regionId() == null || collectivity.regionId() == collectivity.id()
                ? null : territory.find(collectivity.regionId()).orElse(null));
        model.addAttribute("bodies", territory.bodies(collectivity.id()));
        return "territory/collectivity";
    }
}
