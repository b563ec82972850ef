package ma.opencommune.network.internal;

import ma.opencommune.network.IndexComputation;
import ma.opencommune.platform.DemoMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the demo on, computes the index once the other modules' demo data is in: the running periods, the last twelve
 * monthly snapshots and last year, so that the ranking and every member's trend have something to show at once.
 */
@Component
@Order(95)
class DemoNetworkIndex implements ApplicationRunner {

    private final DemoMode demo;
    private final IndexComputation computation;

    DemoNetworkIndex(DemoMode demo, IndexComputation computation) {
        this.demo = demo;
        this.computation = computation;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.enabled()) {
            computation.recomputeDue();
        }
    }
}
