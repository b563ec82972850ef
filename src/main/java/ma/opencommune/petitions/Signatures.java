package ma.opencommune.petitions;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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

    /** Markup has no place in a person's name. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[<>]");

    private final JdbcClient jdbc;
    private final PetitionStore store;
    private final ResidentVerifications residents;
    private final PersonalNumbers numbers;
    private final Access access;
    private final Clock clock;
    private final Constituency constituency;

    Signatures(JdbcClient jdbc, PetitionStore store, ResidentVerifications residents, PersonalNumbers numbers, Access access, Clock clock,
            Constituency constituency) {
        this.constituency = constituency;
        this.jdbc = jdbc;
        this.store = store;
        this.residents = residents;
        this.numbers = numbers;
        this.access = access;
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
        // The name staff approved with the CIN and the number are copied, encrypted, into the signature: the bureau's
        // legal file is what was signed, whatever the account's display name becomes.
        ResidentVerifications.Verified verified = residents.verifiedIn(person.id(), constituency.communes(c)).orElse(null);
        if (verified == null) {
            collectingOr409(c, petitionId, false);
            throw new NotEligibleException("petitions.not-eligible.not-verified");
        }
        SignatureBasis basis = verified.basis() == ResidentVerifications.Basis.RESIDENCE ? SignatureBasis.RESIDENT : SignatureBasis.ECONOMIC;
        // One statement reads the petition's status and inserts: nothing is inserted unless it collects signatures,
        // or when this person's CIN already signed it.
        int inserted = jdbc.sql("""
                insert into petition_signature (petition_id, collectivity_id, cin_hash, account_id, source, basis, full_name_cipher,
                    cin_cipher, signed_at, notify, commune_id)
                select id, collectivity_id, ?, ?, 'ONLINE', ?, ?, ?, ?, ?, ? from petition
                where id = ? and collectivity_id = ? and status in ('OPEN', 'THRESHOLD_REACHED')
                on conflict do nothing""")
                .params(verified.cinHash(), person.id(), basis.name(),
                        numbers.encrypt(verified.name() != null ? verified.name() : person.displayName()), verified.cinCipher(),
                        Sql.at(Instant.now(clock)), notify, verified.communeId(), petitionId, c.id())
                .update();
        if (inserted == 0) {
            collectingOr409(c, petitionId, false);
            throw new ConflictException("petitions.conflict.already-signed-by-you");
        }
        stillCollecting(c, petitionId);
    }

    /** Withdraws this person's signature, until the petition is filed. */
    public void withdraw(Collectivity c, long petitionId, AccountUser person) {
        Petition p = collectingOr409(c, petitionId, true);
        String cinHash = person == null ? null : residents.cinHash(person.id()).orElse(null);
        int deleted = cinHash == null ? 0 : jdbc.sql("delete from petition_signature where petition_id = ? and cin_hash = ? and source = 'ONLINE'")
                .params(p.id(), cinHash).update();
        if (deleted == 0) {
            throw new ConflictException("petitions.conflict.not-signed");
        }
    }

    /**
     * Staff enter a signature collected on paper (PET-1): the name and number read on the sheet and the ground of
     * attachment. A number that already signed, online or on paper, is refused: one signature per person.
     */
    public long addPaper(Collectivity c, long petitionId, AccountUser staff, String fullName, String cinInput, SignatureBasis basis) {
        return addPaper(c, petitionId, staff, fullName, cinInput, basis, null);
    }

    /**
     * The same, with the commune where the signer lives or works, read on the sheet: required for a province's,
     * prefecture's or region's petition (PET-7), one of its communes; a commune's petition takes the commune itself.
     */
    public long addPaper(Collectivity c, long petitionId, AccountUser staff, String fullName, String cinInput, SignatureBasis basis,
            Long communeId) {
        access.requireStaff(staff, c, Petitions.BUREAU_STAFF);
        boolean commune = c.type() == ma.opencommune.territory.CollectivityType.COMMUNE;
        Long signerCommune = commune ? Long.valueOf(c.id()) : communeId;
        Petition p = store.find(c.id(), c.type(), petitionId, false).filter(f -> f.status() != PetitionStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("petition " + petitionId));
        java.util.Optional<PersonalNumbers.Sealed> sealed = numbers.seal(cinInput);
        Check check = new Check().text("fullName", fullName, true, 200)
                .when(!Check.blank(fullName) && NAME.matcher(fullName.strip()).find(), "fullName", "validation.characters")
                .when(sealed.isEmpty(), "cin", "validation.cin.format")
                .required("basis", basis)
                .required("communeId", signerCommune)
                .when(signerCommune != null && !constituency.communes(c).contains(signerCommune), "communeId",
                        "petitions.validation.commune-outside");
        check.orThrow();
        if (!p.status().collecting()) {
            throw new ConflictException("petitions.conflict.not-collecting");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                insert into petition_signature (petition_id, collectivity_id, cin_hash, source, basis, full_name_cipher, cin_cipher,
                    entered_by, signed_at, commune_id)
                values (?, ?, ?, 'PAPER', ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(p.id(), c.id(), sealed.get().hash(), basis.name(), numbers.encrypt(fullName.strip()), sealed.get().cipher(),
                        staff.id(), Sql.at(Instant.now(clock)), signerCommune)
                .update(key, "id");
        if (inserted == 0) {
            throw new ConflictException("petitions.conflict.paper-duplicate");
        }
        stillCollecting(c, petitionId);
        return key.getKey().longValue();
    }

    /** Staff remove a paper entry typed in error, until filing. */
    public void removePaper(Collectivity c, long petitionId, AccountUser staff, long signatureId) {
        access.requireStaff(staff, c, Petitions.BUREAU_STAFF);
        Petition p = collectingOr409(c, petitionId, true);
        int deleted = jdbc.sql("delete from petition_signature where id = ? and petition_id = ? and collectivity_id = ? and source = 'PAPER'")
                .params(signatureId, p.id(), c.id()).update();
        if (deleted == 0) {
            throw new NotFoundException("paper signature " + signatureId);
        }
    }

    /**
     * The petition, if it collects signatures. A draft is not public: 404 as if it did not exist. A withdrawal locks
     * the petition's row (withdrawals are rare) so that it cannot slip between the count of a filing and its commit.
     */
    private Petition collectingOr409(Collectivity c, long petitionId, boolean lock) {
        Petition p = store.find(c.id(), c.type(), petitionId, lock).filter(f -> f.status() != PetitionStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("petition " + petitionId));
        if (!p.status().collecting()) {
            throw new ConflictException("petitions.conflict.not-collecting");
        }
        return p;
    }

    /**
     * Read again after inserting a signature: an insert that waited for a filing (or an inadmissibility) holding the
     * petition's row sees its new status here and is undone, so nothing is added after the count that closed it. (The
     * insert waits because its foreign key locks the petition's key, which the filing's {@code for update} holds; a
     * filing that comes second waits for the insert instead and counts it.)
     */
    private void stillCollecting(Collectivity c, long petitionId) {
        if (!store.collecting(c.id(), petitionId)) {
            throw new ConflictException("petitions.conflict.not-collecting");
        }
    }

    /** Whether this person may sign petitions to {@code c}: verified in it, or in one of its communes (PET-1, PET-7). */
    @Transactional(readOnly = true)
    public boolean eligible(Collectivity c, AccountUser person) {
        return person != null && residents.verifiedIn(person.id(), constituency.communes(c)).isPresent();
    }

    /** Whether this person (whatever their account) has signed. */
    @Transactional(readOnly = true)
    public boolean hasSigned(long petitionId, AccountUser person) {
        String cinHash = person == null ? null : residents.cinHash(person.id()).orElse(null);
        return cinHash != null && jdbc.sql("select count(*) from petition_signature where petition_id = ? and cin_hash = ?")
                .params(petitionId, cinHash).query(Integer.class).single() > 0;
    }
}
