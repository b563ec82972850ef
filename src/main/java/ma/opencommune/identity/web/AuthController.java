package ma.opencommune.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.FieldProblem;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.Lang;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Log in, register, confirm the email, reset a forgotten password. */
@Controller
class AuthController {

    /** The registration form. */
    static class RegistrationForm {
        @NotBlank(message = "{validation.required}")
        @Size(min = 2, max = 100, message = "{validation.name.length}")
        @Pattern(regexp = Forms.NAME_CHARACTERS, message = "{validation.name.characters}")
        private String displayName;
        @NotBlank(message = "{validation.required}")
        @Size(max = 254, message = "{validation.email.format}")
        @Pattern(regexp = Forms.EMAIL, message = "{validation.email.format}")
        private String email;
        private String password;
        private String passwordConfirm;
        @AssertTrue(message = "{validation.consent}")
        private boolean consent;

        public String getDisplayName() { return displayName; }
        public void setDisplayName(String v) { displayName = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v == null ? null : v.trim(); }
        public String getPassword() { return password; }
        public void setPassword(String v) { password = v; }
        public String getPasswordConfirm() { return passwordConfirm; }
        public void setPasswordConfirm(String v) { passwordConfirm = v; }
        public boolean isConsent() { return consent; }
        public void setConsent(boolean v) { consent = v; }
    }

    /** The "forgot password" and "resend confirmation" forms: an email only. */
    static class EmailForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 254, message = "{validation.email.format}")
        @Pattern(regexp = Forms.EMAIL, message = "{validation.email.format}")
        private String email;

        public String getEmail() { return email; }
        public void setEmail(String v) { email = v == null ? null : v.trim(); }
    }

    /** The new-password form of a reset link. */
    static class ResetForm {
        private String token;
        private String password;
        private String passwordConfirm;

        public String getToken() { return token; }
        public void setToken(String v) { token = v; }
        public String getPassword() { return password; }
        public void setPassword(String v) { password = v; }
        public String getPasswordConfirm() { return passwordConfirm; }
        public void setPasswordConfirm(String v) { passwordConfirm = v; }
    }

    private final Accounts accounts;

    AuthController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(Lang.PATH + "/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("error", error == null ? null : switch (error) {
            case "throttled" -> "login.error.throttled";
            case "unconfirmed" -> "login.error.unconfirmed";
            default -> "login.error.credentials";
        });
        return "identity/login";
    }

    @GetMapping(Lang.PATH + "/register")
    String registerForm(@ModelAttribute("form") RegistrationForm form) {
        return "identity/register";
    }

    @PostMapping(Lang.PATH + "/register")
    String register(Lang lang, @Valid @ModelAttribute("form") RegistrationForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        accounts.passwordProblem(form.getPassword(), form.getEmail()).ifPresentOrElse(
                key -> result.rejectValue("password", key),
                () -> {
                    if (!form.getPassword().equals(form.getPasswordConfirm())) {
                        result.rejectValue("passwordConfirm", "validation.password.mismatch");
                    }
                });
        if (!result.hasErrors()) {
            try {
                accounts.register(form.getEmail(), form.getDisplayName(), form.getPassword(), lang);
                redirect.addFlashAttribute("email", form.getEmail());
                return "redirect:/" + lang.code() + "/register/check-email";
            } catch (FieldProblem problem) {
                Forms.reject(result, problem);
            }
        }
        form.setPassword(null);
        form.setPasswordConfirm(null);
        FormErrors.tidy(model, "form", result);
        return "identity/register";
    }

    @GetMapping(Lang.PATH + "/register/check-email")
    String checkEmail(@ModelAttribute("form") EmailForm form) {
        return "identity/check-email";
    }

    @PostMapping(Lang.PATH + "/register/resend")
    String resend(Lang lang, @Valid @ModelAttribute("form") EmailForm form, BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "identity/check-email";
        }
        accounts.resendConfirmation(form.getEmail(), lang);
        redirect.addFlashAttribute("email", form.getEmail());
        redirect.addFlashAttribute("resent", true);
        return "redirect:/" + lang.code() + "/register/check-email";
    }

    @GetMapping(Lang.PATH + "/confirm")
    String confirm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("confirmed", accounts.confirm(token));
        model.addAttribute("form", new EmailForm());
        return "identity/confirmed";
    }

    @GetMapping(Lang.PATH + "/password/forgot")
    String forgotForm(@ModelAttribute("form") EmailForm form) {
        return "identity/forgot";
    }

    @PostMapping(Lang.PATH + "/password/forgot")
    String forgot(Lang lang, @Valid @ModelAttribute("form") EmailForm form, BindingResult result, Model model) {
        if (result.hasErrors()) {
            return "identity/forgot";
        }
        accounts.requestPasswordReset(form.getEmail(), lang);
        model.addAttribute("sent", true);
        return "identity/forgot";
    }

    @GetMapping(Lang.PATH + "/password/reset")
    String resetForm(@RequestParam(required = false) String token, Model model) {
        ResetForm form = new ResetForm();
        form.setToken(token);
        model.addAttribute("form", form);
        model.addAttribute("valid", accounts.resetTokenValid(token));
        return "identity/reset";
    }

    @PostMapping(Lang.PATH + "/password/reset")
    String reset(Lang lang, @ModelAttribute("form") ResetForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("valid", true);
        if (form.getPassword() == null || !form.getPassword().equals(form.getPasswordConfirm())) {
            result.rejectValue("passwordConfirm", "validation.password.mismatch");
            return "identity/reset";
        }
        try {
            if (!accounts.resetPassword(form.getToken(), form.getPassword())) {
                model.addAttribute("valid", false);
                return "identity/reset";
            }
        } catch (FieldProblem problem) {
            Forms.reject(result, problem);
            return "identity/reset";
        }
        redirect.addFlashAttribute("notice", "reset.done");
        return "redirect:/" + lang.code() + "/login";
    }
}
