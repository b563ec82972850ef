package ma.opencommune.network.web;

import java.util.regex.Pattern;
import ma.opencommune.network.OpennessIndex;
import ma.opencommune.platform.web.PageVersion;
import org.springframework.stereotype.Component;

/**
 * A member's page of the index ({@code /{lang}/network/index/{slug}}) shows the member's names, which the platform
 * never changes once a collectivity exists, and the index's stored results (its score, indicators, trend and the
 * periods to choose from), which change only when a period is computed: the page is the same for every anonymous
 * visitor until the index's generation moves on, and is kept that long. The drill-down pages, which list live records
 * of other modules, are not covered.
 */
@Component
class IndexPageVersion implements PageVersion {

    private static final Pattern MEMBER_PAGE = Pattern.compile("/(ar|fr|zgh|en)/network/index/[a-z0-9-]+");

    private final OpennessIndex index;

    IndexPageVersion(OpennessIndex index) {
        this.index = index;
    }

    @Override
    public boolean covers(String path) {
        return MEMBER_PAGE.matcher(path).matches() && !path.endsWith("/sensitivity");
    }

    @Override
    public String current() {
        return "index-" + index.generation();
    }
}
