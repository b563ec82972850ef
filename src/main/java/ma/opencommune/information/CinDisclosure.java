package ma.opencommune.information;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Auditable;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PDP-2: an officer sees the requester's full identity number only by asking for it, once per request, and the
 * action log records who asked (never the number itself).
 */
@Service
@Transactional
public class CinDisclosure {

    /** An officer was shown a requester's full identity number. The summary names the request only. */
    public record CinRevealed(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, String trackingNumber)
            implements Auditable {

        public String action() {
            return "information.cin-revealed";
        }

        public String summary() {
            return "request " + trackingNumber + ": identity number shown to an officer";
        }
    }

    private final InformationRequests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CinDisclosure(InformationRequests requests, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    /** The clear number for an officer of this collectivity; logged. */
    public String reveal(Collectivity c, String trackingNumber, AccountUser officer) {
        String cin = requests.cinForOfficer(c, trackingNumber, officer);
        events.publishEvent(new CinRevealed(UUID.randomUUID(), Instant.now(clock), c.id(), officer.id(), trackingNumber));
        return cin;
    }
}
