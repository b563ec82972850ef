package ma.opencommune.petitions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityFilter;
import ma.opencommune.territory.CollectivityType;
import ma.opencommune.territory.Territory;
import org.springframework.stereotype.Component;

/**
 * Where a petition's signatories come from: the commune itself (PET-1), or the communes of a province or prefecture,
 * or of a region (PET-7), residents and economic actors of which may sign.
 */
@Component
class Constituency {

    private final Territory territory;

    Constituency(Territory territory) {
        this.territory = territory;
    }

    /** The communes whose verified residents and economic actors may sign a petition to {@code c}. */
    List<Long> communes(Collectivity c) {
        return switch (c.type()) {
            case COMMUNE -> List.of(c.id());
            case REGION -> territory.list(new CollectivityFilter(CollectivityType.COMMUNE, c.slug(), null)).stream()
                    .map(Collectivity::id).toList();
            case PROVINCE, PREFECTURE -> territory.communes().stream().filter(x -> Objects.equals(x.parentId(), c.id()))
                    .map(Collectivity::id).toList();
        };
    }

    /** PET-7: the provinces and prefectures of a region, each with the ids of its communes. */
    Map<Collectivity, List<Long>> provinces(Collectivity region) {
        List<Collectivity> communes = territory.list(new CollectivityFilter(CollectivityType.COMMUNE, region.slug(), null));
        Map<Collectivity, List<Long>> provinces = new LinkedHashMap<>();
        for (CollectivityType type : List.of(CollectivityType.PROVINCE, CollectivityType.PREFECTURE)) {
            for (Collectivity p : territory.list(new CollectivityFilter(type, region.slug(), null))) {
                provinces.put(p, communes.stream().filter(x -> Objects.equals(x.parentId(), p.id())).map(Collectivity::id).toList());
            }
        }
        return provinces;
    }
}
