package ma.opencommune.identity;

import ma.opencommune.platform.Sql;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ma.opencommune.identity.internal.PersonalDataCipher;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person declares that they live, or carry on an economic activity, in a commune (PET-1), giving their CIN.
 * The CIN is stored encrypted with a keyed hash; one CIN belongs to one account. Staff of that commune approve
 * or reject with a reason.
 */
@Service
@Transactional
public class ResidentVerifications {

    /** Grounds of attachment to a commune (PET-1). */
    public enum Basis { RESIDENCE, ECONOMIC_ACTIVITY }

    /** States of a declaration. */
    public enum Status { PENDING, APPROVED, REJECTED, WITHDRAWN }

    /** A declaration as its owner and the commune's staff see it: the CIN only as a hint. */
    public record Declaration(long id, long accountId, String displayName, long collectivityId, Basis basis,
            String cinHint, Status status, String reason, Instant submittedAt, Instant decidedAt) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResidentVerifications(JdbcClient jdbc, PersonalDataCipher cipher, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    public long declare(long accountId, Collectivity commune, Basis basis, String cinInput) {
        if (commune.type() != CollectivityType.COMMUNE) {
            throw new FieldProblem("collectivity", "validation.residence.commune-only");
        }
        String cin = Cin.normalize(cinInput).orElseThrow(() -> new FieldProblem("cin", "validation.cin.format"));
        String hash = cipher.keyedHash(cin);
        // One person, one number: once a number is verified for this account, it cannot declare another.
        String verified = jdbc.sql("select cin_hash from cin_owner where account_id = ?").param(accountId).query(String.class).optional().orElse(null);
        if (verified != null && !verified.equals(hash)) {
            throw new FieldProblem("cin", "validation.cin.changed");
        }
        boolean open = jdbc.sql("""
                select count(*) from resident_declaration where account_id = ? and collectivity_id = ? and basis = ?
                and status in ('PENDING', 'APPROVED')""").params(accountId, commune.id(), basis.name()).query(Integer.class).single() > 0;
        if (open) {
            throw new FieldProblem("collectivity", "validation.residence.duplicate");
        }
        Instant now = Instant.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into resident_declaration (account_id, collectivity_id, basis, cin_cipher, cin_hash, cin_hint, status, submitted_at)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(accountId, commune.id(), basis.name(), cipher.encrypt(cin), hash, Cin.hint(cin), Sql.at(now)).update(key, "id");
        long id = key.getKey().longValue();
        events.publishEvent(new IdentityEvents.ResidencyDeclared(UUID.randomUUID(), now, commune.id(), accountId, id, basis.name()));
        return id;
    }

    /** Approves or rejects a pending declaration of this commune; deciding twice is refused (guarded transition). */
    public void decide(long actorId, Collectivity commune, long declarationId, boolean approve, String reason) {
        Declaration d = ofCollectivity(commune.id(), declarationId);
        if (d.status() != Status.PENDING) {
            throw new ConflictException("verifications.error.decided");
        }
        String trimmed = reason == null ? "" : reason.strip();
        if (!approve && trimmed.isEmpty()) {
            throw new FieldProblem("reason", "validation.reason.required");
        }
        if (trimmed.length() > 1000) {
            throw new FieldProblem("reason", "validation.text.too-long");
        }
        if (approve) {
            claimCin(declarationId, d.accountId());
        }
        Instant now = Instant.now(clock);
        int changed = jdbc.sql("""
                update resident_declaration set status = ?, reason = ?, decided_at = ?, decided_by = ?, verified_name = ?
                where id = ? and collectivity_id = ? and status = 'PENDING'""")
                .params(approve ? "APPROVED" : "REJECTED", trimmed.isEmpty() ? null : trimmed, Sql.at(now), actorId,
                        approve ? d.displayName() : null, declarationId, commune.id()).update();
        if (changed != 1) {
            throw new ConflictException("verifications.error.decided");
        }
        events.publishEvent(new IdentityEvents.ResidencyDecided(UUID.randomUUID(), now, commune.id(), actorId,
                declarationId, d.accountId(), approve, trimmed));
    }

    /**
     * A number becomes an account's only on approval (PDP-2: declaring someone else's number neither blocks its
     * owner nor tells the declarer whether it is known). Approval is refused when the number is already
     * verified for another account.
     */
    private void claimCin(long declarationId, long accountId) {
        String hash = jdbc.sql("select cin_hash from resident_declaration where id = ?").param(declarationId).query(String.class).single();
        Optional<Long> owner = jdbc.sql("select account_id from cin_owner where cin_hash = ?").param(hash).query(Long.class).optional();
        if (owner.isPresent() && owner.get() != accountId) {
            throw new ConflictException("verifications.error.cin-taken");
        }
        if (owner.isEmpty()) {
            try {
                jdbc.sql("insert into cin_owner (cin_hash, account_id) values (?, ?)").params(hash, accountId).update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                throw new ConflictException("verifications.error.cin-taken");
            }
        }
    }

    @Transactional(readOnly = true)
    public List<Declaration> ofCollectivity(long collectivityId, Status status) {
        return jdbc.sql(SELECT + " where d.collectivity_id = ? and d.status = ? order by d.submitted_at")
                .params(collectivityId, status.name()).query(ResidentVerifications::map).list();
    }

    @Transactional(readOnly = true)
    public Declaration ofCollectivity(long collectivityId, long declarationId) {
        return jdbc.sql(SELECT + " where d.collectivity_id = ? and d.id = ?").params(collectivityId, declarationId)
                .query(ResidentVerifications::map).optional().orElseThrow(() -> new NotFoundException("declaration " + declarationId));
    }

    @Transactional(readOnly = true)
    public List<Declaration> ofAccount(long accountId) {
        return jdbc.sql(SELECT + " where d.account_id = ? order by d.submitted_at desc").param(accountId)
                .query(ResidentVerifications::map).list();
    }

    /** Whether the account is an approved resident (or economic actor) of the commune: PET-1 eligibility. */
    @Transactional(readOnly = true)
    public boolean isVerified(long accountId, long collectivityId) {
        return jdbc.sql("select count(*) from resident_declaration where account_id = ? and collectivity_id = ? and status = 'APPROVED'")
                .params(accountId, collectivityId).query(Integer.class).single() > 0;
    }

    /** The approved ground of the account's attachment to the commune (PET-1), if any; residence first. */
    @Transactional(readOnly = true)
    public Optional<Basis> verifiedBasis(long accountId, long collectivityId) {
        return jdbc.sql("select basis from resident_declaration where account_id = ? and collectivity_id = ? and status = 'APPROVED'"
                + " order by case when basis = 'RESIDENCE' then 0 else 1 end, id limit 1")
                .params(accountId, collectivityId).query((rs, i) -> Basis.valueOf(rs.getString(1))).optional();
    }

    /**
     * What a petition's signature keeps of a verified person (PET-1): the approved ground (residence first), the keyed
     * hash of the verified CIN (one signature per person), its cipher and the name staff approved with it (the
     * bureau's legal file), in one query.
     */
    public record Verified(Basis basis, String cinHash, String cinCipher, String name, long communeId) {
    }

    @Transactional(readOnly = true)
    public Optional<Verified> verified(long accountId, long collectivityId) {
        return verifiedIn(accountId, List.of(collectivityId));
    }

    /** The same, in any of these communes (a region's or a province's petition, PET-7); residence first. */
    @Transactional(readOnly = true)
    public Optional<Verified> verifiedIn(long accountId, java.util.Collection<Long> communeIds) {
        if (communeIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select basis, cin_hash, cin_cipher, verified_name, collectivity_id from resident_declaration"
                + " where account_id = :account and collectivity_id in (:communes) and status = 'APPROVED'"
                + " order by case when basis = 'RESIDENCE' then 0 else 1 end, id limit 1")
                .param("account", accountId).param("communes", communeIds)
                .query((rs, i) -> new Verified(Basis.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)))
                .optional();
    }

    /** The keyed hash of an account's CIN, for one-signature-per-person rules in other modules. */
    @Transactional(readOnly = true)
    public Optional<String> cinHash(long accountId) {
        return jdbc.sql("select cin_hash from cin_owner where account_id = ?").param(accountId).query(String.class).optional();
    }

    private static final String SELECT = """
            select d.id, d.account_id, a.display_name, d.collectivity_id, d.basis, d.cin_hint, d.status, d.reason,
                   d.submitted_at, d.decided_at
            from resident_declaration d join account a on a.id = d.account_id""";

    private static Declaration map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime decided = rs.getObject(10, OffsetDateTime.class);
        return new Declaration(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), Basis.valueOf(rs.getString(5)),
                rs.getString(6), Status.valueOf(rs.getString(7)), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant(), decided == null ? null : decided.toInstant());
    }
}
