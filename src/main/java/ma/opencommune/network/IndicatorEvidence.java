package ma.opencommune.network;

import java.util.List;
import ma.opencommune.territory.Collectivity;
import org.springframework.stereotype.Service;

/** The public records behind a member's indicator for a period, read through the source module's façade. */
@Service
public class IndicatorEvidence {

    public Evidence of(Indicator indicator, Collectivity member, IndexPeriod period) {
        return new Evidence(indicator, 0, 0, List.of(), false, "network.evidence.not-listed");
    }
}
