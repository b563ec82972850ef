package ma.opencommune.council;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a project lies: a point inside Morocco's bounds, and optionally an area as a GeoJSON polygon (RFC 7946:
 * positions are longitude then latitude; each ring closed, at least four positions). The area is rebuilt from the
 * numbers read, so what is stored and served is plain GeoJSON whatever else the text held.
 */
public final class ProjectGeometry {

    /** Morocco's bounding box, Saharan provinces included (WGS 84). */
    public static final double MIN_LAT = 20.5;
    public static final double MAX_LAT = 36.0;
    public static final double MIN_LON = -17.5;
    public static final double MAX_LON = -0.9;
    /** An area is a sketch of a site, not a survey: a bounded number of points keeps pages and the map light. */
    public static final int MAX_POINTS = 500;
    public static final int MAX_RINGS = 5;
    /** The text of an area as sent, before it is read. */
    public static final int MAX_TEXT = 50_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProjectGeometry() {
    }

    public static boolean insideMorocco(BigDecimal lat, BigDecimal lon) {
        return lat != null && lon != null && insideMorocco(lat.doubleValue(), lon.doubleValue());
    }

    public static boolean insideMorocco(double lat, double lon) {
        return lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON;
    }

    /** The checked area, or the message key of what is wrong with it. */
    public record Area(String geojson, String problem) {
    }

    /** Reads a GeoJSON Polygon (or a Feature holding one); blank text means no area. */
    public static Area area(String text) {
        if (text == null || text.isBlank()) {
            return new Area(null, null);
        }
        if (text.length() > MAX_TEXT) {
            return new Area(null, "projects.validation.area.too-many-points");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            return new Area(null, "projects.validation.area.json");
        }
        if (root != null && "Feature".equals(root.path("type").asString(""))) {
            root = root.path("geometry");
        }
        if (root == null || !"Polygon".equals(root.path("type").asString("")) || !root.path("coordinates").isArray()) {
            return new Area(null, "projects.validation.area.polygon");
        }
        JsonNode rings = root.path("coordinates");
        if (rings.isEmpty() || rings.size() > MAX_RINGS) {
            return new Area(null, "projects.validation.area.polygon");
        }
        StringBuilder out = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[");
        int points = 0;
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            if (!ring.isArray() || ring.size() < 4) {
                return new Area(null, "projects.validation.area.ring");
            }
            points += ring.size();
            if (points > MAX_POINTS) {
                return new Area(null, "projects.validation.area.too-many-points");
            }
            List<double[]> positions = new ArrayList<>(ring.size());
            for (JsonNode p : ring) {
                if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                    return new Area(null, "projects.validation.area.polygon");
                }
                double lon = p.get(0).asDouble();
                double lat = p.get(1).asDouble();
                if (!insideMorocco(lat, lon)) {
                    return new Area(null, "projects.validation.area.outside");
                }
                positions.add(new double[] {lon, lat});
            }
            double[] first = positions.get(0);
            double[] last = positions.get(positions.size() - 1);
            if (first[0] != last[0] || first[1] != last[1]) {
                return new Area(null, "projects.validation.area.ring");
            }
            out.append(r == 0 ? "[" : ",[");
            for (int i = 0; i < positions.size(); i++) {
                out.append(i == 0 ? "[" : ",[").append(positions.get(i)[0]).append(',').append(positions.get(i)[1]).append(']');
            }
            out.append(']');
        }
        return new Area(out.append("]}").toString(), null);
    }
}
