package ma.opencommune.petitions.internal;

import ma.opencommune.petitions.Petitions;
import ma.opencommune.territory.Territory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Follows the threshold of every petition collecting signatures from its counted signatures, every few seconds and on
 * one node at a time: signing never updates the petition's row, so thousands of signatures a minute share no lock.
 * The status may lag the count by that delay; the count itself never drifts (it is counted, not kept).
 */
@Component
class ThresholdFollower {

    private static final Logger log = LoggerFactory.getLogger(ThresholdFollower.class);

    private final Petitions petitions;
    private final Territory territory;

    ThresholdFollower(Petitions petitions, Territory territory) {
        this.petitions = petitions;
        this.territory = territory;
    }

    @Scheduled(fixedDelayString = "${opencommune.petitions.follow-delay:PT5S}", initialDelayString = "${opencommune.petitions.follow-delay:PT10S}")
    @SchedulerLock(name = "petitions.thresholds", lockAtMostFor = "PT1M")
    public void followAll() {
        for (Petitions.Collecting p : petitions.crossingTheirThreshold()) {
            try {
                territory.find(p.collectivityId()).ifPresent(c -> petitions.follow(c, p.id()));
            } catch (RuntimeException e) {
                // One petition's trouble (a concurrent staff step) must not hold the others back; it is retried next round.
                log.warn("Could not follow the threshold of petition {}: {}", p.id(), e.toString());
            }
        }
    }
}
