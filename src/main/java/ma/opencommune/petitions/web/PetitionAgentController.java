package ma.opencommune.petitions.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.petitions.AgentPetitions;
import ma.opencommune.petitions.PetitionKind;
import ma.opencommune.petitions.PetitionStatus;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's pages (PET-3) and an association's legal representative's (PET-4): writing and editing the draft with
 * the association's documents, opening a citizens' petition for signatures, filing with the council, downloading
 * one's documents, and the list of one's petitions. Everyone else gets a 404 for a petition that is not theirs.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/petitions")
class PetitionAgentController {

    private final Territory territory;
    private final AgentPetitions agents;
    private final PetitionPage page;

    PetitionAgentController(Territory territory, AgentPetitions agents, PetitionPage page) {
        this.territory = territory;
        this.agents = agents;
        this.page = page;
    }

    @GetMapping("/new")
    String form(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String upload, Model model) {
        Collectivity c = territory.require(slug);
        PetitionPagesController.requireSignedIn(user);
        PetitionForm form = new PetitionForm();
        form.setLang(lang.code());
        form.setSubmission(java.util.UUID.randomUUID().toString());
        return fillForm(c, null, user, form, upload, model);
    }

    @PostMapping("/new")
    String draft(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") PetitionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        PetitionPagesController.requireSignedIn(user);
        try {
            long id = agents.draft(c, user, form.toDraft(), form.getDocuments(), form.getSubmission());
            redirect.addFlashAttribute("notice", "petitions.form.saved");
            return PetitionPagesController.back(lang, c, id);
        } catch (InvalidInput invalid) {
            return again(c, null, user, form, invalid, result, model);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String upload, Model model) {
        Collectivity c = territory.require(slug);
        PetitionPagesController.requireSignedIn(user);
        requireDraft(c, id, user);
        return fillForm(c, id, user, PetitionForm.of(agents.written(c, id, user)), upload, model);
    }

    @PostMapping("/{id}/edit")
    String edit(Lang lang, @PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") PetitionForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        PetitionPagesController.requireSignedIn(user);
        requireDraft(c, id, user);
        try {
            agents.edit(c, id, user, form.toDraft(), form.getDocuments());
            redirect.addFlashAttribute("notice", "petitions.form.saved");
            return PetitionPagesController.back(lang, c, id);
        } catch (InvalidInput invalid) {
            return again(c, id, user, form, invalid, result, model);
        }
    }

    /** Once opened, the text is fixed: editing it is refused with the reason (409), not shown as a blank form. */
    private void requireDraft(Collectivity c, long id, AccountUser user) {
        if (agents.requireAgent(c, id, user).status() != PetitionStatus.DRAFT) {
            throw new ConflictException("petitions.conflict.not-draft");
        }
    }

    private String again(Collectivity c, Long id, AccountUser user, PetitionForm form, InvalidInput invalid, BindingResult result, Model model) {
        form.adjusted(invalid.errors()).forEach(result::rejectValue);
        FormErrors.tidy(model, "form", result);
        return fillForm(c, id, user, form, null, model);
    }

    private String fillForm(Collectivity c, Long id, AccountUser user, PetitionForm form, String upload, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("form", form);
        model.addAttribute("petitionId", id);
        model.addAttribute("kinds", PetitionKind.values());
        model.addAttribute("langs", Lang.values());
        model.addAttribute("maxMegabytes", Upload.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxDocuments", AgentPetitions.MAX_DOCUMENTS);
        model.addAttribute("documents", id == null ? java.util.List.of() : agents.documents(c, id, user));
        if ("too-large".equals(upload)) {
            // The file was above the servlet's limit: the request never reached us, say so on the form (UploadLimit).
            BindingResult result = new BeanPropertyBindingResult(form, "form");
            result.rejectValue("documents", "validation.file.too-large");
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        }
        return "petitions/form";
    }

    /** A citizens' petition opens for signatures: its text is then fixed and public. */
    @PostMapping("/{id}/open")
    String open(Lang lang, @PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return step(lang, slug, id, user, model, redirect, response, "petitions.page.opened", c -> agents.open(c, id, user));
    }

    /** The agent files the petition with the council (PET-3, PET-4): the bureau's clock starts (PET-6). */
    @PostMapping("/{id}/file")
    String file(Lang lang, @PathVariable String slug, @PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return step(lang, slug, id, user, model, redirect, response, "petitions.page.filed", c -> agents.file(c, id, user));
    }

    /** One of the agent's steps: back to the petition with {@code notice}, or the page with the refusal (409). */
    private String step(Lang lang, String slug, long id, AccountUser user, Model model, RedirectAttributes redirect,
            HttpServletResponse response, String notice, java.util.function.Consumer<Collectivity> action) {
        Collectivity c = territory.require(slug);
        PetitionPagesController.requireSignedIn(user);
        try {
            action.accept(c);
            redirect.addFlashAttribute("notice", notice);
            return PetitionPagesController.back(lang, c, id);
        } catch (ConflictException e) {
            return page.refused(c, id, user, model, response, HttpStatus.CONFLICT.value(), "agent", e.messageKey());
        }
    }

    /** The agent's own document of an association's petition, always as an attachment of the type fixed at upload. */
    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<InputStreamResource> document(@PathVariable String slug, @PathVariable long id, @PathVariable long documentId,
            @AuthenticationPrincipal AccountUser user) {
        Collectivity c = territory.require(slug);
        AgentPetitions.Download d = agents.download(c, id, documentId, user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(d.content()));
    }

    /** The signed-in person's petitions in this collectivity, as agent, drafts included. */
    @GetMapping("/mine")
    String mine(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        PetitionPagesController.requireSignedIn(user);
        model.addAttribute("collectivity", c);
        model.addAttribute("petitions", agents.mine(c, user));
        return "petitions/mine";
    }
}
