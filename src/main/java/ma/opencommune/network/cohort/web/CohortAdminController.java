package ma.opencommune.network.cohort.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.network.Pillar;
import ma.opencommune.network.cohort.Cohort;
import ma.opencommune.network.cohort.CohortApplications;
import ma.opencommune.network.cohort.CohortCalls;
import ma.opencommune.network.cohort.CohortResults;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.CollectivityType;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's pages of cohort calls: the list and a new call, then one call's page with its criteria, questions,
 * publication, reviewers, closing, results, ties and appeals. Every action is checked in the services (coordinator or
 * platform admin only); an invalid form comes back with its errors and what was typed, nothing saved.
 */
@Controller
@RequestMapping(Lang.PATH + "/network/admin/calls")
class CohortAdminController {

    private final CohortCalls calls;
    private final CohortResults results;
    private final CohortApplications applications;
    private final Territory territory;

    CohortAdminController(CohortCalls calls, CohortResults results, CohortApplications applications, Territory territory) {
        this.calls = calls;
        this.results = results;
        this.applications = applications;
        this.territory = territory;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("calls", calls.allCalls(user));
        model.addAttribute("types", CollectivityType.values());
        formOf(model, null);
        return "network/cohort/admin-calls";
    }

    @PostMapping
    String create(Lang lang, @AuthenticationPrincipal AccountUser user, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        try {
            long id = calls.create(user, input(form));
            redirect.addFlashAttribute("notice", "network.cohort.notice.created");
            return "redirect:/" + lang.code() + "/network/admin/calls/" + id;
        } catch (InvalidInput e) {
            return back(redirect, e, form, "/" + lang.code() + "/network/admin/calls#new-call");
        }
    }

    static CohortCalls.CallInput input(MultiValueMap<String, String> f) {
        Set<String> types = new LinkedHashSet<>(f.getOrDefault("eligibleTypes", List.of()));
        return new CohortCalls.CallInput(f.getFirst("titleAr"), f.getFirst("titleFr"), f.getFirst("descriptionAr"), f.getFirst("descriptionFr"), types,
                f.getFirst("places"), f.getFirst("opensOn"), f.getFirst("closesOn"), f.getFirst("resultsDue"), f.getFirst("appealDays"));
    }

    /** Back to the page with the errors and what was typed (flash: never in the address), ticked boxes included. */
    static String back(RedirectAttributes redirect, InvalidInput e, MultiValueMap<String, String> form, String to) {
        redirect.addFlashAttribute("errors", e.errors());
        redirect.addFlashAttribute("typed", form.toSingleValueMap());
        redirect.addFlashAttribute("typedTypes", List.copyOf(form.getOrDefault("eligibleTypes", List.of())));
        return "redirect:" + to;
    }

    /** The call form's values: what was typed when it came back with errors, else the draft's (a new call: communes ticked). */
    @SuppressWarnings("unchecked")
    private static void formOf(Model model, Cohort.Call call) {
        Map<String, String> typed = (Map<String, String>) model.getAttribute("typed");
        Map<String, String> form = new HashMap<>();
        Set<String> eligible = new LinkedHashSet<>();
        if (typed != null) {
            form.putAll(typed);
            eligible.addAll((List<String>) model.getAttribute("typedTypes"));
        } else if (call != null) {
            form.put("titleAr", call.titleAr());
            form.put("titleFr", call.titleFr());
            form.put("descriptionAr", call.descriptionAr());
            form.put("descriptionFr", call.descriptionFr());
            form.put("opensOn", String.valueOf(call.opensOn()));
            form.put("closesOn", String.valueOf(call.closesOn()));
            form.put("resultsDue", String.valueOf(call.resultsDue()));
            form.put("places", String.valueOf(call.places()));
            form.put("appealDays", String.valueOf(call.appealDays()));
            eligible.addAll(call.eligibleTypes());
        } else {
            eligible.add(CollectivityType.COMMUNE.name());
        }
        model.addAttribute("form", form);
        model.addAttribute("eligible", eligible);
    }

    /** Form rows: those saved, two blank ones to add, at least the usual number and at most what the service takes. */
    static int rows(int saved, int usual, Map<String, String> typed, String prefix, int max) {
        int typedRows = 0;
        if (typed != null) {
            for (int i = 1; i <= max; i++) {
                String row = prefix + i + "-";
                if (typed.keySet().stream().anyMatch(k -> k.startsWith(row) && !typed.get(k).isBlank())) {
                    typedRows = i;
                }
            }
        }
        return Math.min(max, Math.max(Math.max(usual, saved + 2), typedRows));
    }

    @GetMapping("/{callId}")
    String call(@AuthenticationPrincipal AccountUser user, @PathVariable long callId, Model model) {
        Cohort.Call call = calls.call(user, callId);
        model.addAttribute("call", call);
        model.addAttribute("criteria", calls.criteria(callId));
        model.addAttribute("questions", calls.questions(callId));
        model.addAttribute("reviewers", calls.reviewers(user, callId));
        model.addAttribute("kinds", Cohort.Kind.values());
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("types", CollectivityType.values());
        model.addAttribute("today", calls.today());
        formOf(model, call);
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getAttribute("typed");
        model.addAttribute("criterionRows", rows(calls.criteria(callId).size(), 6, typed, "c", CohortCalls.MAX_CRITERIA));
        model.addAttribute("questionRows", rows(calls.questions(callId).size(), 5, typed, "q", CohortCalls.MAX_QUESTIONS));
        if (call.status() == Cohort.Status.CLOSED || call.hasResults()) {
            Cohort.Page page = calls.page(callId);
            model.addAttribute("page", page);
            model.addAttribute("names", territory.byIds(page.applications().stream().map(Cohort.Application::collectivityId).toList()));
            model.addAttribute("missing", results.missingReviews(callId));
        }
        return "network/cohort/admin-call";
    }

    @PostMapping("/{callId}")
    String update(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long callId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        return submit(lang, callId, form, redirect, "#call-form", "network.cohort.notice.saved", () -> calls.update(user, callId, input(form)));
    }

    @PostMapping("/{callId}/criteria")
    String criteria(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long callId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        List<Cohort.CriterionInput> rows = new ArrayList<>();
        for (int i = 1; i <= CohortCalls.MAX_CRITERIA; i++) {
            String p = "c" + i + "-";
            rows.add(new Cohort.CriterionInput(form.getFirst(p + "nameAr"), form.getFirst(p + "nameFr"), form.getFirst(p + "description"),
                    form.getFirst(p + "kind"), form.getFirst(p + "pillar"), form.getFirst(p + "weight")));
        }
        return submit(lang, callId, form, redirect, "#criteria-form", "network.cohort.notice.saved",
                () -> calls.setCriteria(user, callId, rows, form.getFirst("reason")));
    }

    @PostMapping("/{callId}/questions")
    String questions(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long callId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= CohortCalls.MAX_QUESTIONS; i++) {
            rows.add(new String[] {form.getFirst("q" + i + "-textAr"), form.getFirst("q" + i + "-textFr")});
        }
        return submit(lang, callId, form, redirect, "#questions-form", "network.cohort.notice.saved", () -> calls.setQuestions(user, callId, rows));
    }

    @PostMapping("/{callId}/publication")
    String publish(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long callId, RedirectAttributes redirect) {
        calls.publish(user, callId);
        return done(lang, callId, redirect, "network.cohort.notice.published");
    }

    @PostMapping("/{callId}/reviewers")
    String reviewer(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long callId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        return submit(lang, callId, form, redirect, "#reviewers", "network.cohort.notice.saved",
                () -> calls.assignReviewer(user, callId, form.getFirst("email")));
    }

    @PostMapping("/{callId}/reviewers/{accountId}/removal")
    String removeReviewer(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long callId, @PathVariable long accountId,
            RedirectAttributes redirect) {
        calls.removeReviewer(user, callId, accountId);
        return done(lang, callId, redirect, "network.cohort.notice.saved");
    }

    @PostMapping("/{callId}/closing")
    String close(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long callId, RedirectAttributes redirect) {
        calls.close(user, callId);
        return done(lang, callId, redirect, "network.cohort.notice.closed");
    }

    @PostMapping("/{callId}/results")
    String results(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long callId, RedirectAttributes redirect) {
        results.publish(user, callId);
        return done(lang, callId, redirect, "network.cohort.notice.results");
    }

    /** Confirms the cohort: the selected applicants join the network. A refusal is shown on the form, like a wrong name. */
    @PostMapping("/{callId}/confirmation")
    String confirm(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long callId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        return submit(lang, callId, form, redirect, "#confirm", "network.cohort.notice.confirmed", () -> {
            try {
                results.confirm(user, callId, form.getFirst("cohort"));
            } catch (ma.opencommune.platform.ConflictException e) {
                throw new InvalidInput(Map.of("confirm", e.messageKey()));
            }
        });
    }

    @PostMapping("/{callId}/ties/{applicationId}")
    String tie(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long callId, @PathVariable long applicationId,
            @RequestParam(defaultValue = "false") boolean selected, RedirectAttributes redirect) {
        results.decideTie(user, callId, applicationId, selected);
        return done(lang, callId, redirect, "network.cohort.notice.saved");
    }

    @PostMapping("/{callId}/appeals/{appealId}")
    String decide(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long callId, @PathVariable long appealId,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return submit(lang, callId, form, redirect, "#appeal-" + appealId, "network.cohort.notice.saved",
                () -> results.decideAppeal(user, callId, appealId, form.getFirst("outcome"), form.getFirst("decision")));
    }

    @PostMapping("/{callId}/appeals/{appealId}/amendment")
    String amend(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long callId, @PathVariable long appealId,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return submit(lang, callId, form, redirect, "#appeal-" + appealId, "network.cohort.notice.saved", () -> {
            Long criterion = ma.opencommune.platform.Check.number(form.getFirst("criterion"));
            results.amend(user, callId, appealId, criterion == null ? -1 : criterion, form.getFirst("score"), form.getFirst("reason"));
        });
    }

    @GetMapping("/{callId}/documents/{documentId}")
    void document(@AuthenticationPrincipal AccountUser user, @PathVariable long callId, @PathVariable long documentId, HttpServletResponse response)
            throws IOException {
        calls.call(user, callId);
        CohortApplicationController.send(applications.submittedDocument(callId, documentId, java.util.Set.of()), response);
    }

    /** Runs a form's action: back to the form (its anchor) with the errors and what was typed, else back with the notice. */
    private static String submit(Lang lang, long callId, MultiValueMap<String, String> form, RedirectAttributes redirect, String anchor, String notice,
            Runnable action) {
        try {
            action.run();
        } catch (InvalidInput e) {
            return back(redirect, e, form, here(lang, callId) + anchor);
        }
        return done(lang, callId, redirect, notice);
    }

    private static String here(Lang lang, long callId) {
        return "/" + lang.code() + "/network/admin/calls/" + callId;
    }

    private static String done(Lang lang, long callId, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + here(lang, callId);
    }
}
