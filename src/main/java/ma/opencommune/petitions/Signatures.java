package ma.opencommune.petitions;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online signatures (PET-1): a signed-in person whose residence or economic activity in the commune staff verified,
 * who declares meeting the electoral-registration condition, signs an open petition once. "Once" is per person, not
 * per account: the row is keyed on the keyed hash of the person's verified CIN, unique per petition, so a second
 * account of the same person, or two requests at the same instant, insert nothing. A signature never touches the
 * petition's row (no hot row): the count is computed from the signatures and the threshold followed by a job.
 * Signatures are withdrawn (deleted) until filing. Names and numbers are never public (PDP-2).
 */
@Service
@Transactional
public class Signatures {

    private final JdbcClient jdbc;
    private final PetitionStore store;
    private final ResidentVerifications residents;
    private final Clock clock;

    Signatures(JdbcClient jdbc, PetitionStore store, ResidentVerifications residents, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.residents = residents;
        this.clock = clock;
    }

    /**
     * Signs for {@code person}. Refused with {@link InvalidInput} without the PET-1 declaration, with
     * {@link NotEligibleException} for someone not verified in this commune, and with {@link ConflictException} when
     * the petition does not collect signatures or this person already signed it.
     */
    public void sign(Collectivity c, long petitionId, AccountUser person, boolean confirmsEligibility, boolean notify) {
        if (person == null || !person.isEnabled()) {
            throw new NotEligibleException("petitions.not-eligible.sign-in");
        }
        if (!confirmsEligibility) {
            throw new InvalidInput(Map.of("confirmEligibility", "petitions.validation.confirm-eligibility"));
        }
        Petition p = store.find(c.id(), c.type(), petitionId, false).orElseThrow(() -> new NotFoundException("petition " + petitionId));
        if (!p.status().collecting()) {
            throw new ConflictException("petitions.conflict.not-collecting");
        }
        ResidentVerifications.Basis basis = residents.verifiedBasis(person.id(), c.id())
                .orElseThrow(() -> new NotEligibleException("petitions.not-eligible.not-verified"));
        String cinHash = residents.cinHash(person.id()).orElseThrow(() -> new NotEligibleException("petitions.not-eligible.not-verified"));
        int inserted = jdbc.sql("""
                insert into petition_signature (petition_id, collectivity_id, cin_hash, account_id, source, basis, signed_at, notify)
                values (?, ?, ?, ?, 'ONLINE', ?, ?, ?) on conflict do nothing""")
                .params(p.id(), c.id(), cinHash, person.id(), basis == ResidentVerifications.Basis.RESIDENCE ? "RESIDENT" : "ECONOMIC",
                        Sql.at(Instant.now(clock)), notify)
                .update();
        if (inserted == 0) {
            throw new ConflictException("petitions.conflict.already-signed-by-you");
        }
    }

    /** Withdraws this person's signature, until the petition is filed. */
    public void withdraw(Collectivity c, long petitionId, AccountUser person) {
        Petition p = store.find(c.id(), c.type(), petitionId, false).orElseThrow(() -> new NotFoundException("petition " + petitionId));
        if (!p.status().collecting()) {
            throw new ConflictException("petitions.conflict.not-collecting");
        }
        String cinHash = person == null ? null : residents.cinHash(person.id()).orElse(null);
        int deleted = cinHash == null ? 0 : jdbc.sql("delete from petition_signature where petition_id = ? and cin_hash = ? and source = 'ONLINE'")
                .params(p.id(), cinHash).update();
        if (deleted == 0) {
            throw new ConflictException("petitions.conflict.not-signed");
        }
    }

    /** Whether this person (whatever their account) has signed. */
    @Transactional(readOnly = true)
    public boolean hasSigned(long petitionId, AccountUser person) {
        String cinHash = person == null ? null : residents.cinHash(person.id()).orElse(null);
        return cinHash != null && jdbc.sql("select count(*) from petition_signature where petition_id = ? and cin_hash = ?")
                .params(petitionId, cinHash).query(Integer.class).single() > 0;
    }
}
