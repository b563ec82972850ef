package ma.opencommune.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.ServletException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.ApiTokens;
import ma.opencommune.identity.FieldProblem;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own account: see and correct their data, export it, delete it (PDP-3), API tokens, residence. */
@Controller
class AccountController {

    /** Name and language. */
    static class ProfileForm {
        @NotBlank(message = "{validation.required}")
        @Size(min = 2, max = 100, message = "{validation.name.length}")
        @Pattern(regexp = Forms.NAME_CHARACTERS, message = "{validation.name.characters}")
        private String displayName;
        private String preferredLang;

        public String getDisplayName() { return displayName; }
        public void setDisplayName(String v) { displayName = v; }
        public String getPreferredLang() { return preferredLang; }
        public void setPreferredLang(String v) { preferredLang = v; }
    }

    /** A new API token's name. */
    static class TokenForm {
        private String name;

        public String getName() { return name; }
        public void setName(String v) { name = v; }
    }

    /** A declaration of residence or economic activity. */
    static class ResidenceForm {
        private String collectivity;
        private String basis;
        private String cin;
        private boolean consent;

        public String getCollectivity() { return collectivity; }
        public void setCollectivity(String v) { collectivity = v; }
        public String getBasis() { return basis; }
        public void setBasis(String v) { basis = v; }
        public String getCin() { return cin; }
        public void setCin(String v) { cin = v; }
        public boolean isConsent() { return consent; }
        public void setConsent(boolean v) { consent = v; }
    }

    /** Everything the platform holds about a person, as a download (PDP-3). */
    record Export(String format, Instant exportedAt, Accounts.Account account, List<Map<String, Object>> roles,
            List<ResidentVerifications.Declaration> residenceDeclarations, List<ApiTokens.TokenInfo> apiTokens) {
    }

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final ResidentVerifications residents;
    private final RoleGrants grants;
    private final Territory territory;

    AccountController(Accounts accounts, ApiTokens tokens, ResidentVerifications residents, RoleGrants grants, Territory territory) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.residents = residents;
        this.grants = grants;
        this.territory = territory;
    }

    @GetMapping(Lang.PATH + "/account")
    String account(@AuthenticationPrincipal AccountUser user, Model model) {
        Accounts.Account account = accounts.find(user.id()).orElseThrow(() -> new NotFoundException("account"));
        if (!model.containsAttribute("profile")) {
            ProfileForm form = new ProfileForm();
            form.setDisplayName(account.displayName());
            form.setPreferredLang(account.preferredLang());
            model.addAttribute("profile", form);
        }
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm());
        }
        fill(user, account, model);
        return "identity/account";
    }

    private void fill(AccountUser user, Accounts.Account account, Model model) {
        List<RoleGrants.Grant> roles = grants.grantsOf(user.id());
        List<ResidentVerifications.Declaration> declarations = residents.ofAccount(user.id());
        model.addAttribute("account", account);
        model.addAttribute("roles", roles);
        model.addAttribute("declarations", declarations);
        model.addAttribute("tokens", tokens.of(user.id()));
        model.addAttribute("places", territory.byIds(java.util.stream.Stream.concat(
                roles.stream().map(RoleGrants.Grant::collectivityId).filter(java.util.Objects::nonNull),
                declarations.stream().map(ResidentVerifications.Declaration::collectivityId)).distinct().toList()));
        model.addAttribute("langs", Lang.values());
    }

    @PostMapping(Lang.PATH + "/account/profile")
    String profile(Lang lang, @AuthenticationPrincipal AccountUser user, @Valid @ModelAttribute("profile") ProfileForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Lang preferred = Lang.of(String.valueOf(form.getPreferredLang())).orElse(null);
        if (preferred == null) {
            result.rejectValue("preferredLang", "validation.lang");
        }
        if (result.hasErrors()) {
            FormErrors.tidy(model, "profile", result);
            model.addAttribute("tokenForm", new TokenForm());
            fill(user, accounts.find(user.id()).orElseThrow(), model);
            return "identity/account";
        }
        accounts.updateProfile(user.id(), form.getDisplayName(), preferred);
        redirect.addFlashAttribute("notice", "account.saved");
        return "redirect:/" + lang.code() + "/account";
    }

    @GetMapping(Lang.PATH + "/account/export")
    ResponseEntity<Export> export(@AuthenticationPrincipal AccountUser user) {
        Accounts.Account account = accounts.find(user.id()).orElseThrow(() -> new NotFoundException("account"));
        List<RoleGrants.Grant> held = grants.grantsOf(user.id());
        Map<Long, Collectivity> places = territory.byIds(held.stream()
                .map(RoleGrants.Grant::collectivityId).filter(java.util.Objects::nonNull).toList());
        List<Map<String, Object>> roles = held.stream().map(g -> {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("role", g.role().name());
            row.put("collectivity", g.collectivityId() == null ? null : places.get(g.collectivityId()).slug());
            row.put("bodyId", g.bodyId());
            row.put("grantedAt", g.grantedAt());
            return row;
        }).toList();
        Export export = new Export("open-commune-personal-data/1", Instant.now(), account, roles,
                residents.ofAccount(user.id()), tokens.of(user.id()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"open-commune-my-data.json\"")
                .contentType(MediaType.APPLICATION_JSON).body(export);
    }

    @GetMapping(Lang.PATH + "/account/delete")
    String deleteForm() {
        return "identity/delete";
    }

    @PostMapping(Lang.PATH + "/account/delete")
    String delete(Lang lang, @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String password,
            HttpServletRequest request, Model model) throws ServletException {
        if (!accounts.checkPassword(user.id(), password)) {
            model.addAttribute("passwordError", true);
            return "identity/delete";
        }
        accounts.delete(user.id());
        request.logout();
        return "redirect:/" + lang.code() + "/account-deleted";
    }

    @GetMapping(Lang.PATH + "/account-deleted")
    String deleted() {
        return "identity/deleted";
    }

    @PostMapping(Lang.PATH + "/account/tokens")
    String createToken(Lang lang, @AuthenticationPrincipal AccountUser user, @ModelAttribute("tokenForm") TokenForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", tokens.create(user.id(), form.getName()));
            return "redirect:/" + lang.code() + "/account#tokens";
        } catch (FieldProblem problem) {
            Forms.reject(result, problem);
            return account(user, model);
        }
    }

    @PostMapping(Lang.PATH + "/account/tokens/{id}/revoke")
    String revokeToken(Lang lang, @AuthenticationPrincipal AccountUser user, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(user.id(), id);
        redirect.addFlashAttribute("notice", "tokens.revoked");
        return "redirect:/" + lang.code() + "/account#tokens";
    }

    @GetMapping(Lang.PATH + "/account/residence")
    String residenceForm(@ModelAttribute("form") ResidenceForm form, Model model) {
        model.addAttribute("communes", territory.communes());
        return "identity/residence";
    }

    @PostMapping(Lang.PATH + "/account/residence")
    String declare(Lang lang, @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") ResidenceForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity commune = territory.find(form.getCollectivity()).orElse(null);
        if (commune == null) {
            result.rejectValue("collectivity", "validation.residence.commune-only");
        }
        ResidentVerifications.Basis basis = null;
        try {
            basis = ResidentVerifications.Basis.valueOf(String.valueOf(form.getBasis()));
        } catch (IllegalArgumentException e) {
            result.rejectValue("basis", "validation.residence.basis");
        }
        if (form.getCin() == null || form.getCin().isBlank()) {
            result.rejectValue("cin", "validation.required");
        } else if (ma.opencommune.identity.Cin.normalize(form.getCin()).isEmpty()) {
            // Said at once, with the other mistakes, rather than after they are corrected.
            result.rejectValue("cin", "validation.cin.format");
        }
        if (!form.isConsent()) {
            result.rejectValue("consent", "validation.consent");
        }
        if (!result.hasErrors()) {
            try {
                residents.declare(user.id(), commune, basis, form.getCin());
                redirect.addFlashAttribute("notice", "residence.submitted");
                return "redirect:/" + lang.code() + "/account#residence";
            } catch (FieldProblem problem) {
                Forms.reject(result, problem);
            }
        }
        form.setCin(null);
        FormErrors.tidy(model, "form", result);
        model.addAttribute("communes", territory.communes());
        return "identity/residence";
    }
}
