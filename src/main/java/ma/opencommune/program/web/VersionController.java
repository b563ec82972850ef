package ma.opencommune.program.web;

import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.Versions;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Public versions of an adopted program and what changed between any two of them (OGP-1 traceability). */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/program/{processId}/versions")
class VersionController {

    private final Territory territory;
    private final Processes processes;
    private final Versions versions;

    VersionController(Territory territory, Processes processes, Versions versions) {
        this.territory = territory;
        this.processes = processes;
        this.versions = versions;
    }

    @GetMapping
    String list(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("versions", versions.list(c, processId));
        return "program/versions";
    }

    @GetMapping("/compare")
    String compare(@PathVariable String slug, @PathVariable long processId, @RequestParam(defaultValue = "1") String from,
            @RequestParam(required = false) String to, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        var all = versions.list(c, processId);
        if (all.isEmpty()) {
            throw new NotFoundException("no version of process " + processId);
        }
        int a = number(from);
        int b = to == null ? all.get(0).number() : number(to);
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("versions", all);
        model.addAttribute("from", versions.find(c, processId, a).orElseThrow(() -> new NotFoundException("version " + a)));
        model.addAttribute("to", versions.find(c, processId, b).orElseThrow(() -> new NotFoundException("version " + b)));
        model.addAttribute("diff", versions.compare(c, processId, a, b));
        return "program/compare";
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException("version " + value);
        }
    }
}
