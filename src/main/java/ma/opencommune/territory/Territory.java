package ma.opencommune.territory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.time.Duration;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.ShortLivedCache;
import ma.opencommune.territory.internal.CollectivityRows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Façade of the territory module: what other modules and pages may ask about collectivities. Every method is one
 * statement, so none opens a transaction of its own. A collectivity found by its slug (every page of it asks) is kept
 * for {@code opencommune.public-cache.max-age} on each node, and forgotten on this node when its profile changes.
 */
@Service
public class Territory {

    private final CollectivityRows rows;
    private final ShortLivedCache<String, Optional<Collectivity>> bySlug;

    Territory(CollectivityRows rows, @Value("${opencommune.public-cache.max-age:10s}") Duration maxAge) {
        this.rows = rows;
        this.bySlug = new ShortLivedCache<>(maxAge, 4_000);
    }

    public Optional<Collectivity> find(String slug) {
        return slug == null || slug.length() > 100 ? Optional.empty() : bySlug.get(slug, () -> rows.bySlug(slug));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TerritoryEvents.ProfileUpdated event) {
        bySlug.clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TerritoryEvents.JoinedNetwork event) {
        bySlug.clear();
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
