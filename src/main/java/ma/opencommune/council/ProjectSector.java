package ma.opencommune.council;

import java.util.Arrays;
import java.util.Optional;

/** The fixed list of sectors a project belongs to (one each), as the public list filters them. */
public enum ProjectSector {
    ROADS, WATER, LIGHTING, EDUCATION, HEALTH, CULTURE_SPORT, ENVIRONMENT, ECONOMY, ADMINISTRATION, OTHER;

    /** The sector a form or query names, or empty for anything else (an unknown value filters nothing). */
    public static Optional<ProjectSector> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value == null ? "" : value.strip())).findFirst();
    }
}
