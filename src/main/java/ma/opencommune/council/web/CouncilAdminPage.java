package ma.opencommune.council.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import ma.opencommune.council.CouncilCodes;
import ma.opencommune.council.CouncilDecisionReads;
import ma.opencommune.council.CouncilDecisions;
import ma.opencommune.council.CouncilMembers;
import ma.opencommune.council.CouncilSessions;
import ma.opencommune.council.web.CouncilAdminForms.AttendanceForm;
import ma.opencommune.council.web.CouncilAdminForms.CommitteeForm;
import ma.opencommune.council.web.CouncilAdminForms.EmptyForm;
import ma.opencommune.council.web.CouncilAdminForms.ItemForm;
import ma.opencommune.council.web.CouncilAdminForms.MemberForm;
import ma.opencommune.council.web.CouncilAdminForms.MinutesForm;
import ma.opencommune.council.web.CouncilAdminForms.SessionForm;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.territory.Collectivity;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The council staff's pages, shared by the admin controllers: what each shows, with a fresh form for each action, and how
 * an action's refusal comes back (the page again with the error in the action's own form, nothing saved: the façade's
 * transaction rolled back).
 */
@Component
class CouncilAdminPage {

    private final CouncilMembers members;
    private final CouncilSessions sessions;
    private final CouncilDecisions decisions;
    private final CouncilDecisionReads reads;

    CouncilAdminPage(CouncilMembers members, CouncilSessions sessions, CouncilDecisions decisions, CouncilDecisionReads reads) {
        this.members = members;
        this.sessions = sessions;
        this.decisions = decisions;
        this.reads = reads;
    }

    /** The administration home: sessions, accepted petitions waiting, and the form to plan a session. */
    String home(Collectivity c, AccountUser user, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("sessions", sessions.staffSessions(c, user));
        model.addAttribute("pending", sessions.pending(c, user));
        model.addAttribute("kinds", CouncilCodes.SessionKind.values());
        fresh(model, Map.of("sessionForm", SessionForm::new));
        return "council/council-admin";
    }

    /** A session's page: its status and steps, agenda, attendance, minutes and decisions. */
    String session(Collectivity c, AccountUser user, long id, Model model) {
        CouncilSessions.SessionView v = sessions.staffSession(c, user, id);
        model.addAttribute("collectivity", c);
        model.addAttribute("v", v);
        model.addAttribute("s", v.session());
        model.addAttribute("people", members.members(c, false));
        model.addAttribute("decisions", decisions.ofSession(c, id, false));
        model.addAttribute("presences", CouncilCodes.Presence.values());
        fresh(model, Map.of("itemForm", ItemForm::new, "attendanceForm", AttendanceForm::new, "minutesForm", MinutesForm::new,
                "stepForm", EmptyForm::new));
        return "council/council-admin-session";
    }

    /** The members' page: the council, and forms to add a member or a committee. */
    String memberList(Collectivity c, AccountUser user, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("members", members.staffMembers(c, user));
        model.addAttribute("committees", members.committees(c));
        model.addAttribute("roles", CouncilCodes.MemberRole.values());
        fresh(model, Map.of("memberForm", MemberForm::new, "committeeForm", CommitteeForm::new));
        if (!model.containsAttribute("editing")) {
            model.addAttribute("editing", null);
        }
        return "council/council-admin-members";
    }

    /** A decision's form: a new one on a session, a draft to edit and publish, or a published one to correct with a reason. */
    String decision(Collectivity c, AccountUser user, long sessionId, CouncilDecisionReads.Decision d, Model model) {
        CouncilSessions.SessionView v = sessions.staffSession(c, user, sessionId);
        model.addAttribute("collectivity", c);
        model.addAttribute("v", v);
        model.addAttribute("d", d);
        model.addAttribute("present", members.members(c, false).stream().filter(m -> v.attendance().get(m.id()) == CouncilCodes.Presence.PRESENT)
                .toList());
        model.addAttribute("topics", CouncilCodes.Topic.values());
        model.addAttribute("outcomes", CouncilCodes.Outcome.values());
        model.addAttribute("choices", CouncilCodes.Choice.values());
        model.addAttribute("history", d == null ? List.of() : reads.history(c.id(), d.id()));
        fresh(model, Map.of("stepForm", EmptyForm::new));
        return "council/council-admin-decision";
    }

    private static void fresh(Model model, Map<String, Supplier<Object>> forms) {
        forms.forEach((name, form) -> {
            if (!model.containsAttribute(name)) {
                model.addAttribute(name, form.get());
            }
        });
    }

    /**
     * Runs an action: field errors (parsed by the controller or found by the service) and a refusal of the aggregate come
     * back into the form; returns whether it succeeded. An error on a field the form does not have is shown at its top.
     */
    static boolean run(Model model, String formName, BindingResult result, Check parsed, Runnable action) {
        try {
            parsed.orThrow();
            action.run();
            return true;
        } catch (InvalidInput invalid) {
            Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
            invalid.errors().forEach(errors::putIfAbsent);
            BeanWrapperImpl form = new BeanWrapperImpl(result.getTarget());
            errors.forEach((field, key) -> {
                if (form.isReadableProperty(field)) {
                    result.rejectValue(field, key);
                } else {
                    result.reject(key);
                }
            });
        } catch (ConflictException refused) {
            result.reject(refused.messageKey());
        }
        FormErrors.tidy(model, formName, result);
        model.addAttribute("errorForm", formName);
        return false;
    }
}
