package ma.opencommune.program.web;

import java.util.function.Function;
import java.util.stream.Collectors;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Lang;
import ma.opencommune.program.Opinion;
import ma.opencommune.program.Opinions;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.ConsultativeBody;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** Public pages of the bodies' opinions: each recommendation with the reasoned answer it got (OGP-1), or how long it waits. */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/program/{processId}/opinions")
class OpinionController {

    private final Territory territory;
    private final Processes processes;
    private final Opinions opinions;

    OpinionController(Territory territory, Processes processes, Opinions opinions) {
        this.territory = territory;
        this.processes = processes;
        this.opinions = opinions;
    }

    @GetMapping
    String list(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        var all = opinions.list(c, processId);
        int total = all.stream().mapToInt(o -> o.recommendations().size()).sum();
        int answered = all.stream().mapToInt(Opinion::answered).sum();
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("opinions", all);
        model.addAttribute("total", total);
        model.addAttribute("answered", answered);
        model.addAttribute("percent", total == 0 ? 0 : answered * 100 / total);
        model.addAttribute("bodies", territory.bodies(c.id()).stream().collect(Collectors.toMap(ConsultativeBody::id, Function.identity())));
        model.addAttribute("today", processes.today());
        return "program/opinions";
    }

    @GetMapping("/{opinionId}")
    String opinion(@PathVariable String slug, @PathVariable long processId, @PathVariable long opinionId,
            @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        Opinion o = opinions.require(c, processId, opinionId);
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("opinion", o);
        model.addAttribute("body", territory.body(c.id(), o.bodyId()).orElse(null));
        model.addAttribute("today", processes.today());
        return "program/opinion";
    }
}
