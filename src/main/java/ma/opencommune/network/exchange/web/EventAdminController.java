package ma.opencommune.network.exchange.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.network.exchange.NetworkEvent;
import ma.opencommune.network.exchange.NetworkEvents;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's pages of the network's events: list, new event, an event's page (edit, cancel with a reason, and
 * the registrants, which no one else sees). Network coordinators and platform administrators only; anyone else is
 * refused (an anonymous visitor is sent to log in).
 */
@Controller
@RequestMapping(Lang.PATH + "/network/admin/events")
class EventAdminController {

    static final Map<String, String> LABELS = labels();

    private final NetworkEvents events;
    private final Access access;
    private final Territory territory;

    EventAdminController(NetworkEvents events, Access access, Territory territory) {
        this.events = events;
        this.access = access;
        this.territory = territory;
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : new String[] {"kind", "titleAr", "titleFr", "descriptionAr", "descriptionFr", "startsAt", "endsAt", "place",
            "onlineUrl", "host", "capacity", "registrationClosesOn", "reason"}) {
            m.put(f, "network.exchange.event.field." + f);
        }
        return Map.copyOf(m);
    }

    @GetMapping
    String list(@AuthenticationPrincipal AccountUser user, Model model) {
        access.requireCoordinator(user);
        model.addAttribute("events", events.all());
        return "network/exchange/event-admin-list";
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal AccountUser user, Model model) {
        access.requireCoordinator(user);
        EventForm form = new EventForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        model.addAttribute("form", form);
        return fillNew(model);
    }

    private String fillNew(Model model) {
        model.addAttribute("kinds", NetworkEvent.Kind.values());
        model.addAttribute("labels", LABELS);
        return "network/exchange/event-admin-new";
    }

    @PostMapping("/new")
    String create(Lang lang, @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") EventForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        access.requireCoordinator(user);
        Check typed = new Check();
        NetworkEvents.Details d = form.details(typed, territory);
        try {
            if (!typed.ok()) {
                throw PracticeAdminController.merged(typed, events.problems(d));
            }
            long id = events.create(user, d, form.getSubmissionKey());
            return back(lang, id, redirect, "network.exchange.event.notice.created");
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillNew(model);
        }
    }

    @GetMapping("/{eventId}")
    String page(@PathVariable long eventId, @AuthenticationPrincipal AccountUser user, Model model) {
        access.requireCoordinator(user);
        NetworkEvent e = events.event(eventId);
        model.addAttribute("form", EventForm.of(e, territory));
        return fillPage(e, user, model);
    }

    private String fillPage(NetworkEvent e, AccountUser user, Model model) {
        model.addAttribute("event", e);
        model.addAttribute("registrants", events.registrants(user, e.id()));
        model.addAttribute("kinds", NetworkEvent.Kind.values());
        model.addAttribute("labels", LABELS);
        return "network/exchange/event-admin-page";
    }

    @PostMapping("/{eventId}")
    String edit(Lang lang, @PathVariable long eventId, @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") EventForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        access.requireCoordinator(user);
        NetworkEvent e = events.event(eventId);
        Check typed = new Check();
        NetworkEvents.Details d = form.details(typed, territory);
        try {
            if (!typed.ok()) {
                throw PracticeAdminController.merged(typed, events.problems(d));
            }
            events.edit(user, eventId, d);
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillPage(e, user, model);
        } catch (ConflictException c) {
            return back(lang, eventId, redirect, c.messageKey());
        }
        return back(lang, eventId, redirect, "network.exchange.notice.saved");
    }

    @PostMapping("/{eventId}/cancellation")
    String cancel(Lang lang, @PathVariable long eventId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        access.requireCoordinator(user);
        NetworkEvent e = events.event(eventId);
        try {
            events.cancel(user, eventId, reason);
        } catch (InvalidInput invalid) {
            model.addAttribute("form", EventForm.of(e, territory));
            model.addAttribute("reason", reason);
            model.addAttribute("reasonError", invalid.errors().get("reason"));
            return fillPage(e, user, model);
        } catch (ConflictException c) {
            return back(lang, eventId, redirect, c.messageKey());
        }
        return back(lang, eventId, redirect, "network.exchange.event.notice.cancelled");
    }

    private static String back(Lang lang, long id, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/" + lang.code() + "/network/admin/events/" + id;
    }
}
