package ma.opencommune.platform;

import java.time.ZoneId;

/** Constants of the Moroccan administrative context. */
public final class Morocco {

    /** Every legal clock runs in this zone, including its Ramadan clock change (RULES.md). */
    public static final ZoneId ZONE = ZoneId.of("Africa/Casablanca");

    private Morocco() {
    }
}
