package ma.opencommune.territory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityFilter;
import ma.opencommune.territory.CollectivityType;
import ma.opencommune.territory.Names;
import ma.opencommune.territory.Territory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/** Public read API of collectivities. */
@RestController
@RequestMapping("/api/v1/collectivities")
@Tag(name = "Collectivities", description = "Territorial collectivities and the network's members")
class CollectivityApiController {

    /** A collectivity as the API shows it. */
    record CollectivityRepresentation(String slug, String type, Map<String, String> names, Integer population,
            Integer censusYear, boolean hasArrondissements, String parent, String region, boolean networkMember,
            String cohort) {
    }

    private final Territory territory;

    CollectivityApiController(Territory territory) {
        this.territory = territory;
    }

    @GetMapping
    @Operation(summary = "List collectivities", description = "Filter by type (REGION, PROVINCE, PREFECTURE, COMMUNE) and region slug.")
    List<CollectivityRepresentation> list(
            @Parameter(description = "REGION, PROVINCE, PREFECTURE or COMMUNE") @RequestParam(required = false) String type,
            @Parameter(description = "slug of a region, e.g. souss-massa") @RequestParam(required = false) String region) {
        CollectivityType typeFilter = null;
        if (type != null && !type.isBlank()) {
            typeFilter = NetworkController.parseType(type);
            if (typeFilter == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "type");
            }
        }
        if (region != null && !region.isBlank() && territory.regions().stream().noneMatch(r -> r.slug().equals(region))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "region");
        }
        List<Collectivity> list = territory.list(new CollectivityFilter(typeFilter, region, null));
        Map<Long, Collectivity> related = territory.byIds(list.stream()
                .flatMap(c -> java.util.stream.Stream.of(c.parentId(), c.regionId()))
                .filter(java.util.Objects::nonNull).distinct().toList());
        return list.stream().map(c -> represent(c, related)).toList();
    }

    @GetMapping("/{slug}")
    @Operation(summary = "One collectivity by slug")
    CollectivityRepresentation one(@PathVariable String slug) {
        Collectivity c = territory.require(slug);
        Map<Long, Collectivity> related = territory.byIds(java.util.stream.Stream.of(c.parentId(), c.regionId())
                .filter(java.util.Objects::nonNull).toList());
        return represent(c, related);
    }

    /** Names in a stable order: ar, fr, zgh. */
    private static Map<String, String> names(Names names) {
        Map<String, String> ordered = new java.util.LinkedHashMap<>();
        ordered.put("ar", names.ar());
        ordered.put("fr", names.fr());
        ordered.put("zgh", names.zgh());
        return ordered;
    }

    private static CollectivityRepresentation represent(Collectivity c, Map<Long, Collectivity> related) {
        Collectivity parent = c.parentId() == null ? null : related.get(c.parentId());
        Collectivity region = c.regionId() == null ? null : related.get(c.regionId());
        return new CollectivityRepresentation(c.slug(), c.type().name(),
                names(c.names()),
                c.population(), c.censusYear(), c.hasArrondissements(),
                parent == null ? null : parent.slug(), region == null ? null : region.slug(),
                c.isMember(), c.isMember() ? c.membership().cohort() : null);
    }
}
