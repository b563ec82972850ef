package ma.opencommune.program.web;

import ma.opencommune.platform.PublicAddress;
import java.time.Instant;
import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.web.ICalendar;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.ProgramGuard;
import ma.opencommune.program.Workshop;
import ma.opencommune.program.Workshops;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Public workshops of a process (OGP-1): upcoming and past ones with seats left and participation by gender,
 * each workshop's page with registration, its minutes once published, and iCalendar files (one workshop, and a
 * feed of all the collectivity's workshops).
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/program")
class WorkshopController {


    private final Territory territory;
    private final Processes processes;
    private final Workshops workshops;
    private final ProgramGuard guard;
    private final String baseUrl;

    WorkshopController(Territory territory, Processes processes, Workshops workshops, ProgramGuard guard,
            PublicAddress publicAddress) {
        this.territory = territory;
        this.processes = processes;
        this.workshops = workshops;
        this.guard = guard;
        this.baseUrl = publicAddress.base();
    }

    @GetMapping("/{processId}/workshops")
    String list(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        List<Workshop> all = workshops.list(c.id(), processId);
        Instant now = workshops.now();
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("upcoming", all.stream().filter(w -> !w.ended(now)).toList());
        // Most recent first: the past grows, the latest matters most.
        model.addAttribute("past", all.stream().filter(w -> w.ended(now)).sorted((a, b) -> b.startsAt().compareTo(a.startsAt())).toList());
        model.addAttribute("total", Workshops.total(all));
        model.addAttribute("now", now);
        model.addAttribute("ageBands", ma.opencommune.program.DiagnosisResults.AGE_BANDS);
        return "program/workshops";
    }

    @GetMapping("/{processId}/workshops/{workshopId}")
    String workshop(@PathVariable String slug, @PathVariable long processId, @PathVariable long workshopId,
            @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        Workshop w = workshops.require(c.id(), processId, workshopId);
        boolean registered = workshops.isRegistered(workshopId, user);
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("workshop", w);
        model.addAttribute("now", workshops.now());
        model.addAttribute("registered", registered);
        model.addAttribute("signedIn", user != null);
        // The online link goes to registered people and staff only: it keeps the seat count meaningful and spares
        // the meeting uninvited disruption; everyone can register until the start.
        model.addAttribute("showLink", registered || guard.isManager(user, c));
        model.addAttribute("ageBands", ma.opencommune.program.DiagnosisResults.AGE_BANDS);
        return "program/workshop";
    }

    @PostMapping("/{processId}/workshops/{workshopId}/register")
    String register(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long workshopId,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        workshops.register(territory.require(slug), user, processId, workshopId);
        redirect.addFlashAttribute("notice", "program.workshop.registered-notice");
        return "redirect:/" + lang.code() + "/c/" + slug + "/program/" + processId + "/workshops/" + workshopId;
    }

    @PostMapping("/{processId}/workshops/{workshopId}/unregister")
    String unregister(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long workshopId,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        workshops.unregister(territory.require(slug), user, processId, workshopId);
        redirect.addFlashAttribute("notice", "program.workshop.unregistered-notice");
        return "redirect:/" + lang.code() + "/c/" + slug + "/program/" + processId + "/workshops/" + workshopId;
    }

    @GetMapping("/{processId}/workshops/{workshopId}.ics")
    ResponseEntity<String> ics(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long workshopId,
            @AuthenticationPrincipal AccountUser user) {
        Collectivity c = territory.require(slug);
        processes.requireVisible(c, processId, user);
        Workshop w = workshops.require(c.id(), processId, workshopId);
        return calendar(c.name(lang.code()), List.of(event(lang, c, w)));
    }

    @GetMapping("/workshops.ics")
    ResponseEntity<String> feed(Lang lang, @PathVariable String slug) {
        Collectivity c = territory.require(slug);
        return calendar(c.name(lang.code()), workshops.feed(c.id()).stream().map(w -> event(lang, c, w)).toList());
    }

    private ResponseEntity<String> calendar(String name, List<ICalendar.Event> events) {
        return ResponseEntity.ok().contentType(ICalendar.MEDIA_TYPE).body(ICalendar.calendar("Program workshops", name, workshops.now(), events));
    }

    /** The public event: the page's link rather than the online meeting link (which registered people get). */
    private ICalendar.Event event(Lang lang, Collectivity c, Workshop w) {
        String url = baseUrl + "/" + lang.code() + "/c/" + c.slug() + "/program/" + w.processId() + "/workshops/" + w.id();
        String location = w.mode() == Workshop.Mode.IN_PERSON ? w.place() : url;
        return new ICalendar.Event("workshop-" + w.id() + "@opencommune", w.startsAt(), w.endsAt(), w.createdAt(),
                w.title().in(lang.code()), w.agenda(), location, url, w.cancelled());
    }
}
