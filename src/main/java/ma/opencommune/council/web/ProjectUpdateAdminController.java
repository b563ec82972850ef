package ma.opencommune.council.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import ma.opencommune.council.ProjectDetail;
import ma.opencommune.council.ProjectReads;
import ma.opencommune.council.ProjectRules;
import ma.opencommune.council.Projects;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.storage.Upload;
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
 * Staff page of a project's dated progress updates with photos, and the photos of projects not yet published. A file
 * above the servlet's limit never reaches here: UploadLimit sends the person back with {@code ?upload=too-large},
 * which this form shows as the photo field's error.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/projects/{projectId}")
class ProjectUpdateAdminController {

    private final Territory territory;
    private final Projects projects;
    private final ProjectReads reads;
    private final ProjectPhotos photos;

    ProjectUpdateAdminController(Territory territory, Projects projects, ProjectReads reads, ProjectPhotos photos) {
        this.territory = territory;
        this.projects = projects;
        this.reads = reads;
        this.photos = photos;
    }

    @GetMapping("/updates")
    String form(@PathVariable String slug, @PathVariable long projectId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String upload, Model model) {
        Collectivity c = territory.require(slug);
        projects.requireStaff(c, user);
        ProjectDetail d = reads.detail(c, projectId, false);
        ProjectUpdateForm form = new ProjectUpdateForm();
        form.setReportedOn(projects.today().toString());
        form.setProgress(String.valueOf(d.line().progress()));
        form.setSubmissionKey(java.util.UUID.randomUUID().toString());
        model.addAttribute("form", form);
        if ("too-large".equals(upload)) {
            BindingResult result = new BeanPropertyBindingResult(form, "form");
            result.rejectValue("photos", "validation.file.too-large");
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        }
        return fill(c, d, model);
    }

    @PostMapping("/updates")
    String report(Lang lang, @PathVariable String slug, @PathVariable long projectId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") ProjectUpdateForm form, BindingResult result, Model model, RedirectAttributes redirect) throws IOException {
        Collectivity c = territory.require(slug);
        projects.requireStaff(c, user);
        ProjectDetail d = reads.detail(c, projectId, false);
        Check typed = new Check();
        ProjectPhotos.Checked checked = ProjectPhotos.check(form.getPhotos());
        java.time.LocalDate on = ProjectRules.date(typed, "reportedOn", form.getReportedOn());
        Integer percent = ProjectRules.percent(typed, "progress", form.getProgress());
        try {
            projects.report(c, user, projectId, new Projects.ProgressReport(on, percent, form.getText(), checked.photos(), checked.problem(),
                    form.getSubmissionKey()), typed);
        } catch (InvalidInput invalid) {
            invalid.rejectInto(result);
            FormErrors.tidy(model, "form", result);
            return fill(c, d, model);
        }
        redirect.addFlashAttribute("notice", "projects.admin.update-saved");
        return "redirect:/" + lang.code() + "/c/" + slug + "/admin/projects/" + projectId;
    }

    @GetMapping("/photos/{photoId}")
    void photo(@PathVariable String slug, @PathVariable long projectId, @PathVariable long photoId, @AuthenticationPrincipal AccountUser user,
            HttpServletResponse response) throws IOException {
        Collectivity c = territory.require(slug);
        projects.requireStaff(c, user);
        photos.send(reads.photo(c, projectId, photoId, false).orElseThrow(() -> new NotFoundException("photo")), false, response);
    }

    private String fill(Collectivity c, ProjectDetail d, Model model) {
        model.addAttribute("collectivity", c);
        model.addAttribute("project", d);
        model.addAttribute("maxMegabytes", Upload.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxPhotos", ProjectRules.MAX_PHOTOS);
        return "council/project-admin-update";
    }
}
