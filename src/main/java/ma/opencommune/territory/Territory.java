package ma.opencommune.territory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.territory.internal.CollectivityRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Façade of the territory module: what other modules and pages may ask about collectivities. */
@Service
@Transactional(readOnly = true)
public class Territory {

    private final CollectivityRows rows;

    Territory(CollectivityRows rows) {
        this.rows = rows;
    }

    public Optional<Collectivity> find(String slug) {
        return slug == null ? Optional.empty() : rows.bySlug(slug);
    }

    /** The collectivity of a URL, or a 404 page. */
    public Collectivity require(String slug) {
        return find(slug).orElseThrow(() -> new NotFoundException("collectivity " + slug));
    }

    public Optional<Collectivity> find(long id) {
        return rows.byId(id);
    }

    public Map<Long, Collectivity> byIds(Collection<Long> ids) {
        return rows.byIds(ids).stream().collect(Collectors.toMap(Collectivity::id, Function.identity()));
    }

    public List<Collectivity> list(CollectivityFilter filter) {
        return rows.list(filter);
    }

    public List<Collectivity> regions() {
        return rows.list(new CollectivityFilter(CollectivityType.REGION, null, null));
    }

    public List<Collectivity> communes() {
        return rows.list(new CollectivityFilter(CollectivityType.COMMUNE, null, null));
    }

    public List<ConsultativeBody> bodies(long collectivityId) {
        return rows.bodies(collectivityId);
    }

    public Optional<ConsultativeBody> body(long collectivityId, long bodyId) {
        return rows.body(collectivityId, bodyId);
    }
}
