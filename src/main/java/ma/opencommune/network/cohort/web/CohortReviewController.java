package ma.opencommune.network.cohort.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.network.cohort.Cohort;
import ma.opencommune.network.cohort.CohortApplications;
import ma.opencommune.network.cohort.CohortCalls;
import ma.opencommune.network.cohort.CohortResults;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
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
 * A reviewer's page of a call: the submitted applications (answers and documents) and a score with a comment per review
 * criterion. Applications of a collectivity where the reviewer is staff are not offered (and refused if sent).
 */
@Controller
@RequestMapping(Lang.PATH + "/network/review/calls/{callId}")
class CohortReviewController {

    private final CohortResults results;
    private final CohortCalls calls;
    private final CohortApplications applications;
    private final Territory territory;

    CohortReviewController(CohortResults results, CohortCalls calls, CohortApplications applications, Territory territory) {
        this.results = results;
        this.calls = calls;
        this.applications = applications;
        this.territory = territory;
    }

    @GetMapping
    String page(@PathVariable long callId, @AuthenticationPrincipal AccountUser user, Model model) {
        Cohort.Call call = results.reviewerCall(user, callId);
        var submitted = applications.submitted(callId);
        Set<Long> conflicts = results.conflicts(user);
        model.addAttribute("call", call);
        model.addAttribute("criteria", calls.criteria(callId).stream().filter(c -> c.kind() == Cohort.Kind.REVIEW).toList());
        model.addAttribute("questions", calls.questions(callId));
        model.addAttribute("applications", submitted.values().stream().filter(d -> !conflicts.contains(d.application().collectivityId())).toList());
        model.addAttribute("conflicted", submitted.values().stream().filter(d -> conflicts.contains(d.application().collectivityId())).count());
        model.addAttribute("names", territory.byIds(submitted.values().stream().map(d -> d.application().collectivityId()).toList()));
        model.addAttribute("own", results.ownReviews(user, callId));
        return "network/cohort/review";
    }

    @PostMapping("/scores")
    String score(Lang lang, @PathVariable long callId, @AuthenticationPrincipal AccountUser user, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        Long application = Check.number(form.getFirst("application"));
        Long criterion = Check.number(form.getFirst("criterion"));
        String anchor = "#a" + application + "-c" + criterion;
        try {
            results.review(user, callId, application == null ? -1 : application, criterion == null ? -1 : criterion, form.getFirst("score"),
                    form.getFirst("comment"));
        } catch (InvalidInput e) {
            return CohortAdminController.back(redirect, e, form, "/" + lang.code() + "/network/review/calls/" + callId + anchor);
        }
        redirect.addFlashAttribute("notice", "network.cohort.notice.saved");
        return "redirect:/" + lang.code() + "/network/review/calls/" + callId + anchor;
    }

    @GetMapping("/documents/{documentId}")
    void document(@PathVariable long callId, @PathVariable long documentId, @AuthenticationPrincipal AccountUser user, HttpServletResponse response)
            throws IOException {
        results.reviewerCall(user, callId);
        CohortApplicationController.send(applications.submittedDocument(callId, documentId, results.conflicts(user)), response);
    }
}
