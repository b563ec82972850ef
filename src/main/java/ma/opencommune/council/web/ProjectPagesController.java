package ma.opencommune.council.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import ma.opencommune.council.ProjectFilter;
import ma.opencommune.council.ProjectLine;
import ma.opencommune.council.ProjectReads;
import ma.opencommune.council.ProjectSector;
import ma.opencommune.council.ProjectStatus;
import ma.opencommune.council.internal.ProjectCsv;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.web.SameForEveryAnonymousVisitor;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public side of the projects (issue point 3): the list with its filters (the map's fallback without JavaScript),
 * the map, a project's page with its funding and timeline, its photos, and the CSV of the list. Published projects
 * only; each page in a fixed number of statements.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}")
class ProjectPagesController {

    static final int PAGE = 20;

    private final Territory territory;
    private final ProjectReads reads;
    private final ProjectCsv csv;
    private final ProjectPhotos photos;
    private final ProjectMapSettings map;

    ProjectPagesController(Territory territory, ProjectReads reads, ProjectCsv csv, ProjectPhotos photos, ProjectMapSettings map) {
        this.territory = territory;
        this.reads = reads;
        this.csv = csv;
        this.photos = photos;
        this.map = map;
    }

    @GetMapping("/projects")
    @SameForEveryAnonymousVisitor
    String list(Lang lang, @PathVariable String slug, @RequestParam(required = false) String sector,
            @RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) String before, Model model) {
        return fillList(lang, territory.require(slug), ProjectFilter.of(sector, status, q), Check.number(before), model, "projects");
    }

    @GetMapping("/projects/map")
    @SameForEveryAnonymousVisitor
    String map(Lang lang, @PathVariable String slug, @RequestParam(required = false) String sector,
            @RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) String before, Model model) {
        Collectivity c = territory.require(slug);
        ProjectFilter filter = ProjectFilter.of(sector, status, q);
        model.addAttribute("tileUrl", map.tileUrl());
        model.addAttribute("attribution", map.attribution());
        model.addAttribute("geojsonUrl", "/api/v1/collectivities/" + c.slug() + "/projects.geojson"
                + (filter.query().isEmpty() ? "" : "?" + filter.query()));
        return fillList(lang, c, filter, Check.number(before), model, "projects/map");
    }

    private String fillList(Lang lang, Collectivity c, ProjectFilter filter, Long beforeId, Model model, String path) {
        List<ProjectLine> lines = reads.list(c, filter, beforeId, PAGE + 1, true);
        boolean more = lines.size() > PAGE;
        List<ProjectLine> shown = more ? lines.subList(0, PAGE) : lines;
        model.addAttribute("collectivity", c);
        model.addAttribute("projects", shown);
        model.addAttribute("filter", filter);
        model.addAttribute("sectors", ProjectSector.values());
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("paged", beforeId != null);
        String query = filter.query();
        String base = "/" + lang.code() + "/c/" + c.slug() + "/" + path + (query.isEmpty() ? "" : "?" + query);
        model.addAttribute("firstUrl", base);
        model.addAttribute("nextUrl", more ? base + (query.isEmpty() ? "?" : "&") + "before=" + shown.get(shown.size() - 1).id() : null);
        model.addAttribute("csvUrl", "/" + lang.code() + "/c/" + c.slug() + "/projects.csv" + (query.isEmpty() ? "" : "?" + query));
        model.addAttribute("query", query);
        return "projects".equals(path) ? "council/project-list" : "council/project-map";
    }

    @GetMapping("/projects/{id:[0-9]+}")
    @SameForEveryAnonymousVisitor
    String project(@PathVariable String slug, @PathVariable long id, Model model) {
        Collectivity c = territory.require(slug);
        model.addAttribute("collectivity", c);
        model.addAttribute("project", reads.detail(c, id, true));
        model.addAttribute("tileUrl", map.tileUrl());
        model.addAttribute("attribution", map.attribution());
        return "council/project-page";
    }

    @GetMapping("/projects/{id:[0-9]+}/photos/{photoId:[0-9]+}")
    void photo(@PathVariable String slug, @PathVariable long id, @PathVariable long photoId, HttpServletResponse response) throws IOException {
        Collectivity c = territory.require(slug);
        photos.send(reads.photo(c, id, photoId, true).orElseThrow(() -> new NotFoundException("photo")), true, response);
    }

    @GetMapping("/projects.csv")
    void csv(@PathVariable String slug, @RequestParam(required = false) String sector, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        Collectivity c = territory.require(slug);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"projects-" + c.slug() + ".csv\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (OutputStream out = response.getOutputStream()) {
            csv.write(c, ProjectFilter.of(sector, status, q), out);
        }
    }
}
