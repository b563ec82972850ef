package ma.opencommune.information.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.information.InformationGuard;
import ma.opencommune.information.ProactiveRegister;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.territory.Collectivity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ATI-11, staff side: the collectivity's officers add, change and remove items of the proactive register. */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/information/register")
class RegisterAdminController {

    /** The item form; dates and codes arrive as text and are checked here, not by the binder. */
    public static class ItemForm {
        private String category;
        private String titleAr;
        private String titleFr;
        private String titleZgh;
        private String url;
        private MultipartFile document;
        private String lastUpdatedOn;
        private String frequency;

        public String getCategory() { return category; }
        public void setCategory(String category) { this.category = category; }
        public String getTitleAr() { return titleAr; }
        public void setTitleAr(String titleAr) { this.titleAr = titleAr; }
        public String getTitleFr() { return titleFr; }
        public void setTitleFr(String titleFr) { this.titleFr = titleFr; }
        public String getTitleZgh() { return titleZgh; }
        public void setTitleZgh(String titleZgh) { this.titleZgh = titleZgh; }
        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public MultipartFile getDocument() { return document; }
        public void setDocument(MultipartFile document) { this.document = document; }
        public String getLastUpdatedOn() { return lastUpdatedOn; }
        public void setLastUpdatedOn(String lastUpdatedOn) { this.lastUpdatedOn = lastUpdatedOn; }
        public String getFrequency() { return frequency; }
        public void setFrequency(String frequency) { this.frequency = frequency; }
    }

    private final Territory territory;
    private final ProactiveRegister register;
    private final InformationGuard guard;

    RegisterAdminController(Territory territory, ProactiveRegister register, InformationGuard guard) {
        this.territory = territory;
        this.register = register;
        this.guard = guard;
    }

    @GetMapping
    String list(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        guard.requireOfficer(user, c);
        ItemForm form = new ItemForm();
        form.setLastUpdatedOn(register.today().toString());
        model.addAttribute("form", form);
        return fillList(c, model);
    }

    private String fillList(Collectivity c, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("items", register.items(c.id()));
        model.addAttribute("today", register.today());
        model.addAttribute("categories", ProactiveRegister.Category.values());
        model.addAttribute("frequencies", ProactiveRegister.Frequency.values());
        model.addAttribute("maxMegabytes", Upload.MAX_BYTES / (1024 * 1024));
        return "information/admin-register";
    }

    @PostMapping
    String add(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") ItemForm form,
            BindingResult result, Model model, RedirectAttributes redirect) throws IOException {
        Collectivity c = territory.require(slug);
        guard.requireOfficer(user, c);
        try {
            register.add(c, user, draft(form));
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillList(c, model);
        }
        redirect.addFlashAttribute("notice", "information.register.notice.added");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/information/register";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        guard.requireOfficer(user, c);
        ProactiveRegister.Item item = register.item(c.id(), id);
        ItemForm form = new ItemForm();
        form.setCategory(item.category().name());
        form.setTitleAr(item.title().ar());
        form.setTitleFr(item.title().fr());
        form.setTitleZgh(item.title().zgh());
        form.setUrl(item.url());
        form.setLastUpdatedOn(item.lastUpdatedOn().toString());
        form.setFrequency(item.frequency().name());
        model.addAttribute("form", form);
        return fillItem(c, item, model);
    }

    private String fillItem(Collectivity c, ProactiveRegister.Item item, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("item", item);
        model.addAttribute("categories", ProactiveRegister.Category.values());
        model.addAttribute("frequencies", ProactiveRegister.Frequency.values());
        model.addAttribute("maxMegabytes", Upload.MAX_BYTES / (1024 * 1024));
        return "information/admin-register-item";
    }

    @PostMapping("/{id}")
    String update(Lang lang, @PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") ItemForm form, BindingResult result, Model model, RedirectAttributes redirect) throws IOException {
        Collectivity c = territory.require(slug);
        guard.requireOfficer(user, c);
        ProactiveRegister.Item item = register.item(c.id(), id);
        try {
            register.update(c, user, id, draft(form));
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillItem(c, item, model);
        }
        redirect.addFlashAttribute("notice", "information.register.notice.changed");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/information/register";
    }

    @PostMapping("/{id}/delete")
    String delete(Lang lang, @PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        register.delete(c, user, id);
        redirect.addFlashAttribute("notice", "information.register.notice.removed");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/information/register";
    }

    /** Turns the typed form into a draft; a malformed code or date is a field error beside the service's own. */
    private static ProactiveRegister.Draft draft(ItemForm form) throws IOException {
        Check typed = new Check();
        ProactiveRegister.Category category = code(ProactiveRegister.Category.class, form.getCategory(), "category", typed);
        ProactiveRegister.Frequency frequency = code(ProactiveRegister.Frequency.class, form.getFrequency(), "frequency", typed);
        LocalDate last = null;
        if (!Check.blank(form.getLastUpdatedOn())) {
            try {
                last = LocalDate.parse(form.getLastUpdatedOn().strip());
            } catch (DateTimeParseException e) {
                typed.reject("lastUpdatedOn", "validation.date");
            }
        }
        String problem = Upload.check(form.getDocument()).orElse(null);
        Upload document = problem == null ? Upload.of(form.getDocument()) : null;
        if (!typed.ok()) {
            // Report the typing errors together with the rest of the form's.
            java.util.Map<String, String> errors = new java.util.LinkedHashMap<>(typed.errors());
            if (Check.blank(form.getTitleFr())) {
                errors.putIfAbsent("titleFr", "validation.required");
            }
            if (Check.blank(form.getTitleAr())) {
                errors.putIfAbsent("titleAr", "validation.required");
            }
            throw new InvalidInput(errors);
        }
        return new ProactiveRegister.Draft(category, form.getTitleAr(), form.getTitleFr(), form.getTitleZgh(), form.getUrl(), last, frequency,
                document, problem);
    }

    private static <E extends Enum<E>> E code(Class<E> type, String value, String field, Check typed) {
        if (Check.blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            typed.reject(field, "validation.choose");
            return null;
        }
    }
}
