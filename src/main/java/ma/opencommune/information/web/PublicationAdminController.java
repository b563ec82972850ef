package ma.opencommune.information.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.information.Publication;
import ma.opencommune.information.Redaction;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * PDP-2 redaction view: officers see the texts with what looks like personal data marked, edit the redacted copies,
 * choose the attachments to publish, then publish (or withdraw the publication).
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/information/requests/{trackingNumber}/publication")
class PublicationAdminController {

    /** The publication form. */
    public static class PublicationForm {
        private String subject;
        private String description;
        private String answer;
        private List<Long> attachments = new ArrayList<>();
        private boolean confirmed;

        public String getSubject() { return subject; }
        public void setSubject(String subject) { this.subject = subject; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getAnswer() { return answer; }
        public void setAnswer(String answer) { this.answer = answer; }
        public List<Long> getAttachments() { return attachments; }
        public void setAttachments(List<Long> attachments) { this.attachments = attachments; }
        public boolean isConfirmed() { return confirmed; }
        public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
    }

    private final Territory territory;
    private final Publication publication;
    private final MessageSource messages;

    PublicationAdminController(Territory territory, Publication publication, MessageSource messages) {
        this.territory = territory;
        this.publication = publication;
        this.messages = messages;
    }

    @GetMapping
    String review(Lang lang, @PathVariable String slug, @PathVariable String trackingNumber, @AuthenticationPrincipal AccountUser user,
            Model model) {
        Collectivity c = territory.require(slug);
        Publication.Review review = publication.review(c, trackingNumber, user);
        PublicationForm form = new PublicationForm();
        Map<Redaction.Kind, String> placeholders = placeholders(lang);
        form.setSubject(review.publishedSubject() != null ? review.publishedSubject() : review.redacted(review.request().subject(), placeholders));
        form.setDescription(review.publishedDescription() != null ? review.publishedDescription()
                : review.redacted(review.request().description(), placeholders));
        form.setAnswer(review.publishedAnswer() != null ? review.publishedAnswer() : review.redacted(review.answerSource(), placeholders));
        form.setAttachments(review.attachments().stream().filter(Publication.Attachment::publishable).map(Publication.Attachment::id).toList());
        model.addAttribute("form", form);
        return fill(c, review, model);
    }

    private String fill(Collectivity c, Publication.Review review, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("review", review);
        model.addAttribute("request", review.request());
        return "information/admin-publication";
    }

    @PostMapping
    String publish(Lang lang, @PathVariable String slug, @PathVariable String trackingNumber, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") PublicationForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Publication.Review review = publication.review(c, trackingNumber, user);
        if (result.hasErrors()) {
            // Only the attachment ids can fail to bind (tampered form): they are not this request's.
            result = new org.springframework.validation.BeanPropertyBindingResult(form, "form");
            form.setAttachments(List.of());
            result.rejectValue("attachments", "validation.choose");
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
            return fill(c, review, model);
        }
        try {
            publication.publish(c, trackingNumber, user, new Publication.Draft(form.getSubject(), form.getDescription(), form.getAnswer(),
                    form.getAttachments(), form.isConfirmed()));
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fill(c, review, model);
        }
        redirect.addFlashAttribute("notice", "information.published.notice.published");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/information/requests/" + trackingNumber + "/publication";
    }

    @PostMapping("/withdraw")
    String unpublish(Lang lang, @PathVariable String slug, @PathVariable String trackingNumber, @AuthenticationPrincipal AccountUser user,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        publication.unpublish(c, trackingNumber, user);
        redirect.addFlashAttribute("notice", "information.published.notice.withdrawn");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/information/requests/" + trackingNumber + "/publication";
    }

    private Map<Redaction.Kind, String> placeholders(Lang lang) {
        Map<Redaction.Kind, String> out = new EnumMap<>(Redaction.Kind.class);
        for (Redaction.Kind k : Redaction.Kind.values()) {
            out.put(k, messages.getMessage("information.redaction.placeholder." + k.name(), null, lang.locale()));
        }
        return out;
    }
}
