package ma.opencommune.petitions;

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
 * Staff enter and remove the signatures collected on paper (PET-1, issue point 5) through {@link Signatures}, and each
 * change leaves a line in the action log in the same transaction: a removed row is deleted, so the log is its only
 * trace. The log names the entry by its number, never the signatory (PDP-2).
 */
@Service
@Transactional
public class PaperSignatures {

    /** A paper entry was added or removed by staff. */
    public record PaperSignatureChanged(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long petitionId,
            long signatureId, boolean added) implements Auditable {

        public String action() {
            return added ? "petitions.paper-signature-added" : "petitions.paper-signature-removed";
        }

        public String summary() {
            return "petition " + petitionId + ": paper signature " + signatureId + (added ? " entered" : " removed");
        }
    }

    private final Signatures signatures;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Constituency constituency;
    private final ma.opencommune.territory.Territory territory;

    PaperSignatures(Signatures signatures, ApplicationEventPublisher events, Clock clock, Constituency constituency,
            ma.opencommune.territory.Territory territory) {
        this.constituency = constituency;
        this.territory = territory;
        this.signatures = signatures;
        this.events = events;
        this.clock = clock;
    }

    /** See {@link Signatures#addPaper}: the same checks, refusals and duplicate rule. */
    public long add(Collectivity c, long petitionId, AccountUser staff, String fullName, String cin, SignatureBasis basis) {
        return add(c, petitionId, staff, fullName, cin, basis, null);
    }

    /** The same with the signer's commune, which a province's, prefecture's or region's petition needs (PET-7). */
    public long add(Collectivity c, long petitionId, AccountUser staff, String fullName, String cin, SignatureBasis basis, Long communeId) {
        long id = signatures.addPaper(c, petitionId, staff, fullName, cin, basis, communeId);
        publish(c, staff, petitionId, id, true);
        return id;
    }

    /** The communes a paper signatory of a petition to {@code c} may come from; none to choose for a commune's own. */
    @Transactional(readOnly = true)
    public java.util.List<Collectivity> communes(Collectivity c) {
        if (c.type() == ma.opencommune.territory.CollectivityType.COMMUNE) {
            return java.util.List.of();
        }
        return java.util.List.copyOf(territory.byIds(constituency.communes(c)).values());
    }

    /** See {@link Signatures#removePaper}: until filing only. */
    public void remove(Collectivity c, long petitionId, AccountUser staff, long signatureId) {
        signatures.removePaper(c, petitionId, staff, signatureId);
        publish(c, staff, petitionId, signatureId, false);
    }

    private void publish(Collectivity c, AccountUser staff, long petitionId, long signatureId, boolean added) {
        events.publishEvent(new PaperSignatureChanged(UUID.randomUUID(), Instant.now(clock), c.id(), staff.id(), petitionId, signatureId,
                added));
    }
}
