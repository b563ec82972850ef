package ma.opencommune.council;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.TextFold;

/**
 * The filters of the public list, its CSV, the API and the map: a sector, a status and words to find in titles,
 * descriptions and contractor (matched after {@link TextFold}, so hamza, diacritics and accents do not matter). An
 * unknown sector or status filters nothing; the text is cut to a few words.
 */
public record ProjectFilter(ProjectSector sector, ProjectStatus status, String text) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_WORDS = 6;

    public static final ProjectFilter NONE = new ProjectFilter(null, null, null);

    public static ProjectFilter of(String sector, String status, String text) {
        String t = Check.clean(text);
        if (t != null && t.length() > MAX_TEXT) {
            t = t.substring(0, MAX_TEXT);
        }
        return new ProjectFilter(ProjectSector.parse(sector).orElse(null), ProjectStatus.parse(status).orElse(null), t);
    }

    /** The folded words to look for (each must appear). */
    public List<String> words() {
        String folded = TextFold.fold(text);
        return folded.isBlank() ? List.of() : Arrays.stream(folded.split(" ")).filter(w -> !w.isBlank()).limit(MAX_WORDS).toList();
    }

    public boolean any() {
        return sector != null || status != null || text != null;
    }

    /** The query string of these filters (without the question mark), for links that keep them. */
    public String query() {
        StringBuilder q = new StringBuilder();
        if (sector != null) {
            q.append("sector=").append(sector.name());
        }
        if (status != null) {
            q.append(q.isEmpty() ? "" : "&").append("status=").append(status.name());
        }
        if (text != null) {
            q.append(q.isEmpty() ? "" : "&").append("q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
        return q.toString();
    }
}
