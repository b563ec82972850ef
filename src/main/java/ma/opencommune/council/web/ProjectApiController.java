package ma.opencommune.council.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ma.opencommune.council.ProjectDetail;
import ma.opencommune.council.ProjectFilter;
import ma.opencommune.council.ProjectLine;
import ma.opencommune.council.ProjectReads;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ShortLivedCache;
import org.springframework.beans.factory.annotation.Value;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Projects API of a collectivity (issue point 7): the published projects with the list's filters, keyset-paginated,
 * one project with its funding and timeline, and the GeoJSON the map reads (RFC 7946: positions are longitude, then
 * latitude). Errors are RFC 9457 problem details (ApiErrors); another collectivity's project is a 404.
 */
@RestController
@RequestMapping("/api/v1/collectivities/{slug}")
@Tag(name = "Projects", description = "The collectivity's development projects, their funding, progress and place on the map")
class ProjectApiController {

    static final int PAGE = 50;
    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    /** A project as lists show it. */
    record ProjectSummary(long id, String titleAr, String titleFr, String sector, String status, int progress, BigDecimal costMad,
            BigDecimal latitude, BigDecimal longitude, LocalDate startsOn, LocalDate endsOn, LocalDate lastUpdateOn) {

        static ProjectSummary of(ProjectLine l) {
            return new ProjectSummary(l.id(), l.titleAr(), l.titleFr(), l.sector().name(), l.status().name(), l.progress(), l.costMad(),
                    l.latitude(), l.longitude(), l.startsOn(), l.endsOn(), l.lastUpdateOn());
        }
    }

    /** A page of projects; {@code next} is the query of the next page, null on the last. */
    record ProjectPage(List<ProjectSummary> items, String next) {
    }

    /** A timeline entry: a progress update or a status change, with the addresses of its photos. */
    record Update(String kind, LocalDate reportedOn, Integer progress, String status, String text, List<String> photos) {
    }

    /** A published council decision the project carries out; {@code sessionOn} is the day of the session that took it. */
    record DecisionLink(long id, String number, String titleAr, String titleFr, LocalDate sessionOn) {
    }

    /**
     * One project: its fields, funding (and their sum), linked program commitments, the council decisions it carries out
     * and its timeline, newest first.
     */
    record ProjectRepresentation(ProjectSummary project, String descriptionAr, String descriptionFr, String contractor, RawValue area,
            List<ProjectDetail.Funding> funding, BigDecimal fundingTotal, List<ProjectDetail.Commitment> commitments, List<DecisionLink> decisions,
            List<Update> timeline) {
    }

    record Point(String type, double[] coordinates) {
    }

    record Collection(String type, List<Object> geometries) {
    }

    /** The feature's properties: what a marker's popup shows and links to. */
    record Properties(long id, String titleAr, String titleFr, String sector, String status, int progress, String url) {
    }

    record Feature(String type, long id, Object geometry, Properties properties) {
    }

    record FeatureCollection(String type, List<Feature> features) {
    }

    private final Territory territory;
    private final ProjectReads reads;
    private final JsonMapper json;
    /**
     * The map's GeoJSON, written once per few seconds per collectivity, filters and language (DESIGN.md: public data may
     * lag a few seconds): every visitor of the map asks for every project, which is the heaviest answer of the module.
     */
    private final ShortLivedCache<String, byte[]> geojson;

    ProjectApiController(Territory territory, ProjectReads reads, JsonMapper json,
            @Value("${opencommune.public-cache.max-age:10s}") Duration maxAge) {
        this.territory = territory;
        this.reads = reads;
        this.json = json;
        this.geojson = new ShortLivedCache<>(maxAge, 64);
    }

    @GetMapping("/projects")
    @Operation(summary = "Published projects of the collectivity, newest first, with optional filters")
    ProjectPage list(@PathVariable String slug, @RequestParam(required = false) String sector, @RequestParam(required = false) String status,
            @Parameter(description = "words to find in titles, descriptions and contractor") @RequestParam(required = false) String q,
            @Parameter(description = "the id of the last item of the previous page") @RequestParam(required = false) String before) {
        Collectivity c = territory.require(slug);
        ProjectFilter filter = ProjectFilter.of(sector, status, q);
        List<ProjectLine> lines = reads.list(c, filter, Check.number(before), PAGE + 1, true);
        boolean more = lines.size() > PAGE;
        List<ProjectLine> shown = more ? lines.subList(0, PAGE) : lines;
        String query = filter.query();
        return new ProjectPage(shown.stream().map(ProjectSummary::of).toList(),
                more ? "?" + (query.isEmpty() ? "" : query + "&") + "before=" + shown.get(shown.size() - 1).id() : null);
    }

    @GetMapping("/projects/{id:[0-9]+}")
    @Operation(summary = "One published project, its funding, linked commitments, council decisions and timeline")
    ProjectRepresentation one(@PathVariable String slug, @PathVariable long id) {
        Collectivity c = territory.require(slug);
        ProjectDetail d = reads.detail(c, id, true);
        String photoBase = "/fr/c/" + c.slug() + "/projects/" + id + "/photos/";
        List<Update> timeline = d.timeline().stream().map(e -> new Update(e.kind(), e.reportedOn(), e.progress(),
                e.statusTo() == null ? null : e.statusTo().name(), e.text(), e.photos().stream().map(p -> photoBase + p.id()).toList())).toList();
        return new ProjectRepresentation(ProjectSummary.of(d.line()), d.descriptionAr(), d.descriptionFr(), d.contractor(),
                d.area() == null ? null : new RawValue(d.area()), d.funding(), d.fundingTotal(), d.commitments(),
                d.decisions().stream().map(k -> new DecisionLink(k.id(), k.number(), k.titleAr(), k.titleFr(), k.sessionOn())).toList(), timeline);
    }

    @GetMapping("/projects.geojson")
    @Operation(summary = "Published projects as a GeoJSON FeatureCollection (points, and areas where drawn), for the map")
    ResponseEntity<byte[]> geojson(@PathVariable String slug, @RequestParam(required = false) String sector,
            @RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @Parameter(description = "language of the project pages linked from the features") @RequestParam(required = false) String lang) {
        Collectivity c = territory.require(slug);
        String pageLang = ma.opencommune.platform.Lang.of(lang).orElse(ma.opencommune.platform.Lang.AR).code();
        ProjectFilter filter = ProjectFilter.of(sector, status, q);
        byte[] body = geojson.get(c.id() + "|" + pageLang + "|" + filter.query(), () -> json.writeValueAsBytes(features(c, filter, pageLang)));
        return ResponseEntity.ok().contentType(GEO_JSON).body(body);
    }

    private FeatureCollection features(Collectivity c, ProjectFilter filter, String pageLang) {
        List<Feature> features = new ArrayList<>();
        for (ProjectReads.MapItem item : reads.map(c, filter)) {
            ProjectLine l = item.line();
            Point point = new Point("Point", new double[] {l.longitude().doubleValue(), l.latitude().doubleValue()});
            Object geometry = item.area() == null ? point : new Collection("GeometryCollection", List.of(point, new RawValue(item.area())));
            features.add(new Feature("Feature", l.id(), geometry, new Properties(l.id(), l.titleAr(), l.titleFr(), l.sector().name(),
                    l.status().name(), l.progress(), "/" + pageLang + "/c/" + c.slug() + "/projects/" + l.id())));
        }
        return new FeatureCollection("FeatureCollection", features);
    }
}
