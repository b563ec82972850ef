package ma.opencommune.network.exchange.web;

import ma.opencommune.identity.AccountUser;
import ma.opencommune.network.exchange.NetworkEvent;
import ma.opencommune.network.exchange.NetworkEvents;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The network's events, public side: upcoming and past, an event's page with the places left (never who registered),
 * and registration for logged-in accounts (one per account; cancellable before the event starts).
 */
@Controller
@RequestMapping(Lang.PATH + "/network/events")
class EventPagesController {

    private final NetworkEvents events;
    private final Territory territory;

    EventPagesController(NetworkEvents events, Territory territory) {
        this.events = events;
        this.territory = territory;
    }

    @GetMapping
    String list(Model model) {
        NetworkEvents.Calendar calendar = events.calendar();
        model.addAttribute("calendar", calendar);
        return "network/exchange/event-list";
    }

    @GetMapping("/{eventId}")
    String event(@PathVariable long eventId, @AuthenticationPrincipal AccountUser user, Model model) {
        return fill(events.event(eventId), user, null, null, model);
    }

    private String fill(NetworkEvent e, AccountUser user, String organisation, String error, Model model) {
        model.addAttribute("event", e);
        model.addAttribute("host", e.hostCollectivityId() == null ? null : territory.find(e.hostCollectivityId()).orElse(null));
        model.addAttribute("signedIn", user != null);
        model.addAttribute("registered", events.registered(user, e.id()));
        model.addAttribute("open", e.open(events.today()));
        model.addAttribute("closed", events.today().isAfter(e.registrationClosesOn()));
        model.addAttribute("organisation", organisation);
        model.addAttribute("organisationError", error);
        return "network/exchange/event-page";
    }

    @PostMapping("/{eventId}/registration")
    String register(Lang lang, @PathVariable long eventId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String organisation, Model model, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/" + lang.code() + "/login";
        }
        String notice;
        try {
            notice = events.register(user, eventId, organisation) ? "network.exchange.event.notice.registered"
                    : "network.exchange.event.notice.already";
        } catch (InvalidInput invalid) {
            return fill(events.event(eventId), user, organisation, invalid.errors().get("organisation"), model);
        } catch (ConflictException c) {
            notice = c.messageKey();
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/" + lang.code() + "/network/events/" + eventId;
    }

    @PostMapping("/{eventId}/registration/cancellation")
    String unregister(Lang lang, @PathVariable long eventId, @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/" + lang.code() + "/login";
        }
        String notice;
        try {
            notice = events.unregister(user, eventId) ? "network.exchange.event.notice.unregistered" : "network.exchange.event.notice.none";
        } catch (ConflictException c) {
            notice = c.messageKey();
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/" + lang.code() + "/network/events/" + eventId;
    }
}
