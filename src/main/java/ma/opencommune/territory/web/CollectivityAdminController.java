package ma.opencommune.territory.web;

import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.ConsultativeBody;
import ma.opencommune.territory.Territory;
import ma.opencommune.territory.TerritoryAdmin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff administration of the collectivity's public profile and consultative bodies. */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin")
class CollectivityAdminController {

    /** Public contacts and information officer. */
    static class ProfileForm {
        private String contactEmail, contactPhone, addressAr, addressFr, website, officerName, officerEmail, officerPhone, accent;

        static ProfileForm of(Collectivity c) {
            ProfileForm f = new ProfileForm();
            f.contactEmail = c.contact().email();
            f.contactPhone = c.contact().phone();
            f.addressAr = c.contact().addressAr();
            f.addressFr = c.contact().addressFr();
            f.website = c.contact().website();
            f.officerName = c.informationOfficer().name();
            f.officerEmail = c.informationOfficer().email();
            f.officerPhone = c.informationOfficer().phone();
            f.accent = c.accent();
            return f;
        }

        TerritoryAdmin.Profile toProfile() {
            return new TerritoryAdmin.Profile(contactEmail, contactPhone, addressAr, addressFr, website, officerName,
                    officerEmail, officerPhone, accent);
        }

        public String getContactEmail() { return contactEmail; }
        public void setContactEmail(String v) { contactEmail = v; }
        public String getContactPhone() { return contactPhone; }
        public void setContactPhone(String v) { contactPhone = v; }
        public String getAddressAr() { return addressAr; }
        public void setAddressAr(String v) { addressAr = v; }
        public String getAddressFr() { return addressFr; }
        public void setAddressFr(String v) { addressFr = v; }
        public String getWebsite() { return website; }
        public void setWebsite(String v) { website = v; }
        public String getOfficerName() { return officerName; }
        public void setOfficerName(String v) { officerName = v; }
        public String getOfficerEmail() { return officerEmail; }
        public void setOfficerEmail(String v) { officerEmail = v; }
        public String getOfficerPhone() { return officerPhone; }
        public void setOfficerPhone(String v) { officerPhone = v; }
        public String getAccent() { return accent; }
        public void setAccent(String v) { accent = v; }
    }

    /** A new body. */
    static class BodyForm {
        private String type, nameAr, nameFr, nameZgh;

        public String getType() { return type; }
        public void setType(String v) { type = v; }
        public String getNameAr() { return nameAr; }
        public void setNameAr(String v) { nameAr = v; }
        public String getNameFr() { return nameFr; }
        public void setNameFr(String v) { nameFr = v; }
        public String getNameZgh() { return nameZgh; }
        public void setNameZgh(String v) { nameZgh = v; }
    }

    /** A new member of a body. */
    static class MemberForm {
        private String fullName, organisation, role = "MEMBER";

        public String getFullName() { return fullName; }
        public void setFullName(String v) { fullName = v; }
        public String getOrganisation() { return organisation; }
        public void setOrganisation(String v) { organisation = v; }
        public String getRole() { return role; }
        public void setRole(String v) { role = v; }
    }

    private final Territory territory;
    private final TerritoryAdmin admin;

    CollectivityAdminController(Territory territory, TerritoryAdmin admin) {
        this.territory = territory;
        this.admin = admin;
    }

    private static void reject(BindingResult result, TerritoryAdmin.Invalid invalid) {
        invalid.errors().forEach(result::rejectValue);
    }

    @GetMapping("/profile")
    String profile(@PathVariable String slug, Model model) {
        Collectivity c = territory.require(slug);
        admin.requireAdmin(c);
        model.addAttribute("collectivity", c);
        model.addAttribute("form", ProfileForm.of(c));
        model.addAttribute("accents", TerritoryAdmin.ACCENTS);
        return "territory/admin-profile";
    }

    @PostMapping("/profile")
    String saveProfile(Lang lang, @PathVariable String slug, @ModelAttribute("form") ProfileForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        try {
            admin.updateProfile(c, form.toProfile());
        } catch (TerritoryAdmin.Invalid invalid) {
            reject(result, invalid);
            model.addAttribute("collectivity", c);
            model.addAttribute("accents", TerritoryAdmin.ACCENTS);
            return "territory/admin-profile";
        }
        redirect.addFlashAttribute("notice", "profile.saved");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/profile";
    }

    @GetMapping("/bodies")
    String bodies(@PathVariable String slug, Model model) {
        Collectivity c = territory.require(slug);
        admin.requireAdmin(c);
        fillBodies(c, model, new BodyForm(), new MemberForm());
        return "territory/admin-bodies";
    }

    private void fillBodies(Collectivity c, Model model, BodyForm bodyForm, MemberForm memberForm) {
        model.addAttribute("collectivity", c);
        model.addAttribute("bodies", territory.bodies(c.id()));
        model.addAttribute("types", ConsultativeBody.Type.values());
        if (!model.containsAttribute("bodyForm")) {
            model.addAttribute("bodyForm", bodyForm);
        }
        if (!model.containsAttribute("memberForm")) {
            model.addAttribute("memberForm", memberForm);
        }
    }

    @PostMapping("/bodies")
    String createBody(Lang lang, @PathVariable String slug, @ModelAttribute("bodyForm") BodyForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        ConsultativeBody.Type type = null;
        try {
            type = ConsultativeBody.Type.valueOf(String.valueOf(form.getType()));
        } catch (IllegalArgumentException unknown) {
            // reported below as a field error
        }
        try {
            admin.createBody(c, new TerritoryAdmin.NewBody(type, form.getNameAr(), form.getNameFr(), form.getNameZgh()));
        } catch (TerritoryAdmin.Invalid invalid) {
            reject(result, invalid);
            fillBodies(c, model, form, new MemberForm());
            return "territory/admin-bodies";
        }
        redirect.addFlashAttribute("notice", "bodies.created");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/bodies";
    }

    @PostMapping("/bodies/{bodyId}/members")
    String addMember(Lang lang, @PathVariable String slug, @PathVariable long bodyId, @ModelAttribute("memberForm") MemberForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        try {
            admin.addMember(c, bodyId, new TerritoryAdmin.NewMember(form.getFullName(), form.getOrganisation(), form.getRole()));
        } catch (TerritoryAdmin.Invalid invalid) {
            model.addAttribute("memberErrors", invalid.errors());
            model.addAttribute("memberBodyId", bodyId);
            fillBodies(c, model, new BodyForm(), form);
            return "territory/admin-bodies";
        }
        redirect.addFlashAttribute("notice", "bodies.member-added");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/bodies#body-" + bodyId;
    }

    @PostMapping("/bodies/{bodyId}/members/{memberId}/remove")
    String removeMember(Lang lang, @PathVariable String slug, @PathVariable long bodyId, @PathVariable long memberId,
            RedirectAttributes redirect) {
        admin.removeMember(territory.require(slug), bodyId, memberId);
        redirect.addFlashAttribute("notice", "bodies.member-removed");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/bodies#body-" + bodyId;
    }
}
