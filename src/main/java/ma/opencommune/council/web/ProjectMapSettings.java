package ma.opencommune.council.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The map's tile server and its attribution (opencommune.map.tile-url, opencommune.map.attribution). Tiles are only a
 * background: the map's points come from this site, and the page stays usable when no tile loads.
 */
@Component
class ProjectMapSettings {

    private final String tileUrl;
    private final String attribution;

    ProjectMapSettings(@Value("${opencommune.map.tile-url:https://tile.openstreetmap.org/{z}/{x}/{y}.png}") String tileUrl,
            @Value("${opencommune.map.attribution:© OpenStreetMap contributors}") String attribution) {
        this.tileUrl = tileUrl;
        this.attribution = attribution;
    }

    public String tileUrl() {
        return tileUrl;
    }

    public String attribution() {
        return attribution;
    }
}
