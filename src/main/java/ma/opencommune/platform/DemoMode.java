package ma.opencommune.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Whether the demo data set (and the developer mailbox) is on. */
@Component
public class DemoMode {

    private final boolean enabled;

    public DemoMode(@Value("${opencommune.demo.enabled:false}") boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }
}
