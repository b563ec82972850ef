package ma.opencommune.network.web;

import ma.opencommune.network.Indicator;
import ma.opencommune.network.Methodologies;
import ma.opencommune.network.Methodology;
import ma.opencommune.network.Pillar;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The published methodology: the current version's pillars and weights, each indicator's definition, formula with its
 * parameters, minimum count and what counts as no data, and every past version with its note.
 */
@Controller
@RequestMapping(Lang.PATH + "/network/methodology")
class MethodologyPagesController {

    private final Methodologies methodologies;

    MethodologyPagesController(Methodologies methodologies) {
        this.methodologies = methodologies;
    }

    @GetMapping
    String current(Lang lang, Model model) {
        java.util.List<Methodology> versions = methodologies.versions();
        model.addAttribute("methodology", versions.get(0));
        model.addAttribute("versions", versions);
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("indicatorsByPillar", MethodologyAdminController.indicatorsByPillar());
        model.addAttribute("current", true);
        return "network/methodology/version";
    }

    @GetMapping("/v/{version:\\d{1,6}}")
    String version(Lang lang, @PathVariable int version, Model model) {
        Methodology m = methodologies.version(version).orElseThrow(() -> new NotFoundException("methodology " + version));
        java.util.List<Methodology> versions = methodologies.versions();
        model.addAttribute("methodology", m);
        model.addAttribute("versions", versions);
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("indicatorsByPillar", MethodologyAdminController.indicatorsByPillar());
        model.addAttribute("current", versions.get(0).version() == m.version());
        return "network/methodology/version";
    }

    @GetMapping("/{code:[a-z0-9-]{1,60}}")
    String indicator(Lang lang, @PathVariable String code, Model model) {
        Indicator indicator = Indicator.ofCode(code).orElseThrow(() -> new NotFoundException("indicator " + code));
        Methodology m = methodologies.current();
        model.addAttribute("indicator", indicator);
        model.addAttribute("methodology", m);
        return "network/methodology/indicator";
    }
}
