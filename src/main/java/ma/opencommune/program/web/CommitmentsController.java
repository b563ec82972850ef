package ma.opencommune.program.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.program.CommitmentBoard;
import ma.opencommune.program.Monitoring;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.ProgramFigures;
import ma.opencommune.program.ProgramGuard;
import ma.opencommune.program.Tracking;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Public monitoring of a program (OGP-3): the dashboard of its commitments with figures, each commitment with its
 * OGP-2 fields, milestones, progress, evidence and assessments, and following a commitment.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/program/{processId}")
class CommitmentsController {

    private final Territory territory;
    private final Processes processes;
    private final ProgramGuard guard;
    private final CommitmentBoard board;
    private final Monitoring monitoring;
    private final ProgramFigures figures;
    private final FileStore files;

    CommitmentsController(Territory territory, Processes processes, ProgramGuard guard, CommitmentBoard board,
            Monitoring monitoring, ProgramFigures figures, FileStore files) {
        this.territory = territory;
        this.processes = processes;
        this.guard = guard;
        this.board = board;
        this.monitoring = monitoring;
        this.figures = figures;
        this.files = files;
    }

    @GetMapping("/commitments")
    String dashboard(@PathVariable String slug, @PathVariable long processId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        LocalDate today = processes.today();
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("today", today);
        model.addAttribute("board", board.board(c.id(), processId, today));
        model.addAttribute("levels", ma.opencommune.program.Completion.values());
        // The figures of the process's own period, up to today.
        model.addAttribute("figures", figures.of(c.id(), p.startsOn(), p.endsOn().isBefore(today) ? p.endsOn() : today));
        return "program/commitments";
    }

    @GetMapping("/commitments/{commitmentId}")
    String commitment(@PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        Process p = processes.requireVisible(c, processId, user);
        Tracking.Detail detail = board.detail(c.id(), processId, commitmentId, processes.today());
        model.addAttribute("collectivity", c);
        model.addAttribute("process", p);
        model.addAttribute("commitment", detail);
        model.addAttribute("following", monitoring.follows(user, commitmentId));
        model.addAttribute("signedIn", user != null);
        model.addAttribute("isManager", guard.isManager(user, c));
        model.addAttribute("canAssess", user != null && !monitoring.committeesOf(user, c).isEmpty());
        return "program/commitment";
    }

    @PostMapping("/commitments/{commitmentId}/follow")
    String follow(Lang lang, @PathVariable String slug, @PathVariable long processId, @PathVariable long commitmentId,
            @RequestParam(defaultValue = "true") boolean follow, @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        monitoring.follow(c, user, processId, commitmentId, follow);
        redirect.addFlashAttribute("notice", follow ? "program.monitor.followed" : "program.monitor.unfollowed");
        return "redirect:/" + lang.code() + "/c/" + slug + "/program/" + processId + "/commitments/" + commitmentId;
    }

    /** Evidence documents download as attachments, typed from the extension fixed at upload, never sniffed by browsers. */
    @GetMapping("/evidence/{progressId}")
    ResponseEntity<InputStreamResource> evidence(@PathVariable String slug, @PathVariable long processId, @PathVariable long progressId,
            @AuthenticationPrincipal AccountUser user) throws IOException {
        Collectivity c = territory.require(slug);
        processes.requireVisible(c, processId, user);
        CommitmentBoard.Document document = board.document(c.id(), processId, progressId)
                .orElseThrow(() -> new NotFoundException("evidence " + progressId));
        InputStream content = files.open(document.key()).orElseThrow(() -> new NotFoundException("evidence file " + progressId));
        String extension = document.name().substring(document.name().lastIndexOf('.') + 1);
        MediaType type = java.util.Arrays.stream(Upload.FileType.values()).filter(t -> t.extension.equals(extension))
                .map(t -> MediaType.parseMediaType(t.contentType)).findFirst().orElse(MediaType.APPLICATION_OCTET_STREAM);
        String ascii = document.name().replaceAll("[^A-Za-z0-9._-]", "_");
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(document.name(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content));
    }
}
