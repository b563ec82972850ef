package ma.opencommune.council.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import ma.opencommune.council.DocumentCatalog;
import ma.opencommune.council.DocumentFile;
import ma.opencommune.council.DocumentKind;
import ma.opencommune.council.DocumentLibrary;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
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
 * The library's staff pages: every document with its status, the upload form (the size limit said beside the field; a
 * file above the servlet's limit comes back here through platform UploadLimit with {@code ?upload=too-large}), and a
 * document's page to change its description, publish it or withdraw it with a reason. Council secretaries and staff
 * administrators of the collectivity in the URL only (checked in the façade).
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/documents")
class DocumentAdminController {

    static final int PAGE = 50;
    /** The form's labels, so the error summary names each field. */
    static final Map<String, String> LABELS = Map.of("kind", "documents.field.kind", "titleAr", "documents.field.title-ar",
            "titleFr", "documents.field.title-fr", "descriptionAr", "documents.field.description-ar", "descriptionFr",
            "documents.field.description-fr", "date", "documents.field.date", "year", "documents.field.year", "reference",
            "documents.field.reference", "file", "documents.field.file", "reason", "documents.withdraw.reason");

    private final Territory territory;
    private final DocumentLibrary library;

    DocumentAdminController(Territory territory, DocumentLibrary library) {
        this.territory = territory;
        this.library = library;
    }

    @GetMapping
    String list(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String after,
            Model model) {
        Collectivity c = territory.require(slug);
        DocumentCatalog.Cursor from = DocumentCatalog.Cursor.parse(after);
        DocumentCatalog.Page page = library.list(c, user, new DocumentCatalog.Query(null, null, null, from), PAGE);
        model.addAttribute("collectivity", c);
        model.addAttribute("page", page);
        model.addAttribute("paged", from != null);
        return "council/document-admin-list";
    }

    @GetMapping("/new")
    String form(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String upload,
            Model model) {
        Collectivity c = territory.require(slug);
        library.requireStaff(c, user);
        DocumentForm form = new DocumentForm();
        form.setSubmissionKey(UUID.randomUUID().toString());
        model.addAttribute("form", form);
        if ("too-large".equals(upload)) {
            // The request was above the servlet's limit and never reached us: nothing was stored, say why.
            BindingResult result = new BeanPropertyBindingResult(form, "form");
            result.rejectValue("file", "documents.validation.file.too-large");
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        }
        return fillNew(c, model);
    }

    private String fillNew(Collectivity c, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("labels", LABELS);
        model.addAttribute("maxMegabytes", DocumentFile.MAX_BYTES / (1024 * 1024));
        return "council/document-admin-new";
    }

    @PostMapping("/new")
    String upload(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user, @ModelAttribute("form") DocumentForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check typed = new Check();
        DocumentLibrary.Metadata m = form.metadata(typed);
        try {
            if (!typed.ok()) {
                library.requireStaff(c, user);
                throw merged(typed, library.problems(m, form.getFile()));
            }
            DocumentLibrary.Uploaded done = library.upload(c, user, m, form.getFile(), form.getSubmissionKey());
            redirect.addFlashAttribute("notice", done.created() ? "documents.notice.uploaded" : "documents.notice.already");
            return "redirect:/" + lang.code() + "/c/" + slug + "/admin/documents/" + done.id();
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillNew(c, model);
        }
    }

    /** The typing errors first (a bad date is not reported as missing), then the façade's. */
    private static InvalidInput merged(Check typed, Map<String, String> rest) {
        Map<String, String> all = new LinkedHashMap<>(typed.errors());
        rest.forEach(all::putIfAbsent);
        return new InvalidInput(all);
    }

    @GetMapping("/{libraryDocumentId}")
    String document(@PathVariable String slug, @PathVariable long libraryDocumentId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        DocumentCatalog.Document d = library.document(c, user, libraryDocumentId);
        model.addAttribute("form", DocumentForm.of(d));
        return fillDocument(c, d, model);
    }

    private String fillDocument(Collectivity c, DocumentCatalog.Document d, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("document", d);
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("labels", LABELS);
        return "council/document-admin-page";
    }

    @PostMapping("/{libraryDocumentId}")
    String edit(Lang lang, @PathVariable String slug, @PathVariable long libraryDocumentId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") DocumentForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        DocumentCatalog.Document d = library.document(c, user, libraryDocumentId);
        Check typed = new Check();
        DocumentLibrary.Metadata m = form.metadata(typed);
        try {
            if (!typed.ok()) {
                throw merged(typed, library.problems(m, null));
            }
            library.edit(c, user, libraryDocumentId, m);
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fillDocument(c, d, model);
        }
        return back(lang, slug, libraryDocumentId, redirect, "documents.notice.saved");
    }

    @PostMapping("/{libraryDocumentId}/publication")
    String publish(Lang lang, @PathVariable String slug, @PathVariable long libraryDocumentId, @AuthenticationPrincipal AccountUser user,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        try {
            library.publish(c, user, libraryDocumentId);
        } catch (ConflictException e) {
            return back(lang, slug, libraryDocumentId, redirect, e.messageKey());
        }
        return back(lang, slug, libraryDocumentId, redirect, "documents.notice.published");
    }

    @PostMapping("/{libraryDocumentId}/withdrawal")
    String withdraw(Lang lang, @PathVariable String slug, @PathVariable long libraryDocumentId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        DocumentCatalog.Document d = library.document(c, user, libraryDocumentId);
        try {
            library.withdraw(c, user, libraryDocumentId, reason);
        } catch (InvalidInput invalid) {
            model.addAttribute("form", DocumentForm.of(d));
            model.addAttribute("reason", reason);
            model.addAttribute("reasonError", invalid.errors().get("reason"));
            return fillDocument(c, d, model);
        } catch (ConflictException e) {
            return back(lang, slug, libraryDocumentId, redirect, e.messageKey());
        }
        return back(lang, slug, libraryDocumentId, redirect, "documents.notice.withdrawn");
    }

    @GetMapping("/{libraryDocumentId}/file")
    void file(@PathVariable String slug, @PathVariable long libraryDocumentId, @AuthenticationPrincipal AccountUser user,
            HttpServletResponse response) throws IOException {
        DocumentPagesController.send(library.file(territory.require(slug), user, libraryDocumentId), "private, no-store", response);
    }

    private static String back(Lang lang, String slug, long id, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/documents/" + id;
    }
}
