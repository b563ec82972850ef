package ma.opencommune.program.web;

import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Lang;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.ProgramGuard;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** Public pages of a collectivity's co-creation processes: the list, and each process with its timeline. */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/program")
class ProcessController {

    private final Territory territory;
    private final Processes processes;
    private final ProgramGuard guard;

    ProcessController(Territory territory, Processes processes, ProgramGuard guard) {
        this.territory = territory;
        this.processes = processes;
        this.guard = guard;
    }

    @GetMapping
    String list(@PathVariable String slug, Model model) {
        Collectivity c = territory.require(slug);
        model.addAttribute("collectivity", c);
        model.addAttribute("processes", processes.list(c.id(), false));
        model.addAttribute("today", processes.today());
        return "program/processes";
    }

    @GetMapping("/{processId}")
    String process(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("today", processes.today());
        model.addAttribute("isManager", guard.isManager(user, c));
        return "program/process";
    }
}
