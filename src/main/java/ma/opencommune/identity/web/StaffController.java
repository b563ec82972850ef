package ma.opencommune.identity.web;

import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.FieldProblem;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.ConsultativeBody;
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
 * A collectivity's administration: home, roles (granted and revoked by the staff admin) and resident
 * verifications. The collectivity comes from the URL; every handler checks the viewer is its staff.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin")
class StaffController {

    /** Grant a role to an account by email. */
    static class GrantForm {
        private String email;
        private String role;
        private Long bodyId;

        public String getEmail() { return email; }
        public void setEmail(String v) { email = v == null ? null : v.trim(); }
        public String getRole() { return role; }
        public void setRole(String v) { role = v; }
        public Long getBodyId() { return bodyId; }
        public void setBodyId(Long v) { bodyId = v; }
    }

    private final Territory territory;
    private final Access access;
    private final RoleGrants grants;
    private final ResidentVerifications residents;

    StaffController(Territory territory, Access access, RoleGrants grants, ResidentVerifications residents) {
        this.territory = territory;
        this.access = access;
        this.grants = grants;
        this.residents = residents;
    }

    private Collectivity staffOnly(String slug, AccountUser user, Model model, Role... roles) {
        Collectivity collectivity = territory.require(slug);
        access.requireStaff(user, collectivity, roles);
        model.addAttribute("collectivity", collectivity);
        return collectivity;
    }

    @GetMapping({"", "/"})
    String home(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity collectivity = staffOnly(slug, user, model);
        model.addAttribute("myRoles", grants.roles(user.id(), collectivity.id()));
        model.addAttribute("pendingVerifications", residents.ofCollectivity(collectivity.id(), ResidentVerifications.Status.PENDING).size());
        model.addAttribute("isStaffAdmin", access.isStaff(user, collectivity, Role.STAFF_ADMIN));
        return "identity/admin-home";
    }

    @GetMapping("/roles")
    String roles(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity collectivity = staffOnly(slug, user, model, Role.STAFF_ADMIN);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new GrantForm());
        }
        fillRoles(collectivity, model);
        return "identity/admin-roles";
    }

    private void fillRoles(Collectivity collectivity, Model model) {
        model.addAttribute("grants", grants.grants(collectivity.id()));
        Map<Long, ConsultativeBody> bodies = new java.util.LinkedHashMap<>();
        territory.bodies(collectivity.id()).forEach(b -> bodies.put(b.id(), b));
        model.addAttribute("bodies", bodies);
        model.addAttribute("grantable", Role.grantableByStaffAdmin());
    }

    @PostMapping("/roles")
    String grant(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") GrantForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity collectivity = staffOnly(slug, user, model, Role.STAFF_ADMIN);
        Role role = null;
        try {
            role = Role.valueOf(String.valueOf(form.getRole()));
        } catch (IllegalArgumentException e) {
            result.rejectValue("role", "validation.role.invalid");
        }
        if (form.getEmail() == null || !form.getEmail().matches(Forms.EMAIL) || form.getEmail().length() > 254) {
            result.rejectValue("email", "validation.email.format");
        }
        if (!result.hasErrors()) {
            try {
                grants.grant(user.id(), collectivity, form.getEmail(), role, form.getBodyId());
                redirect.addFlashAttribute("notice", "roles.granted");
                return "redirect:/" + lang.code() + "/c/" + slug + "/admin/roles";
            } catch (FieldProblem problem) {
                Forms.reject(result, problem);
            }
        }
        fillRoles(collectivity, model);
        return "identity/admin-roles";
    }

    @PostMapping("/roles/{grantId}/revoke")
    String revoke(Lang lang, @PathVariable String slug, @PathVariable long grantId, @AuthenticationPrincipal AccountUser user,
            Model model, RedirectAttributes redirect) {
        Collectivity collectivity = staffOnly(slug, user, model, Role.STAFF_ADMIN);
        try {
            grants.revoke(user.id(), collectivity, grantId);
            redirect.addFlashAttribute("notice", "roles.revoked");
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/roles";
    }

    @GetMapping("/verifications")
    String verifications(@PathVariable String slug, @AuthenticationPrincipal AccountUser user,
            @RequestParam(defaultValue = "PENDING") String status, Model model) {
        Collectivity collectivity = staffOnly(slug, user, model, Role.STAFF_ADMIN);
        ResidentVerifications.Status shown;
        try {
            shown = ResidentVerifications.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            shown = ResidentVerifications.Status.PENDING;
        }
        model.addAttribute("status", shown);
        model.addAttribute("statuses", ResidentVerifications.Status.values());
        model.addAttribute("declarations", residents.ofCollectivity(collectivity.id(), shown));
        return "identity/admin-verifications";
    }

    @PostMapping("/verifications/{id}")
    String decide(Lang lang, @PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect) {
        Collectivity collectivity = staffOnly(slug, user, model, Role.STAFF_ADMIN);
        try {
            residents.decide(user.id(), collectivity, id, "approve".equals(decision), reason);
            redirect.addFlashAttribute("notice", "approve".equals(decision) ? "verifications.approved" : "verifications.rejected");
        } catch (FieldProblem problem) {
            redirect.addFlashAttribute("problem", problem.messageKey());
            redirect.addFlashAttribute("problemId", id);
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/verifications";
    }
}
