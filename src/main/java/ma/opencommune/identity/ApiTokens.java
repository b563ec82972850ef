package ma.opencommune.identity;

import ma.opencommune.platform.Sql;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import ma.opencommune.identity.internal.SecretTokens;
import ma.opencommune.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal access tokens for the API: shown once at creation, stored as a SHA-256 hash, revocable. */
@Service
@Transactional
public class ApiTokens {

    /** A token as its owner sees it afterwards: name, first characters, dates. */
    public record TokenInfo(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    static final String PREFIX = "oc_";
    static final int MAX_ACTIVE = 10;

    /** Tokens used since the last write, with the time of their last use; bounded, at worst a use goes unrecorded. */
    private static final int MAX_PENDING_USES = 200_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentHashMap<String, Instant> lastUses = new java.util.concurrent.ConcurrentHashMap<>();

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a token and returns its secret, the only time it is ever visible. */
    public String create(long accountId, String name) {
        String trimmed = name == null ? "" : Accounts.normalizeName(name);
        if (trimmed.isEmpty()) {
            throw new FieldProblem("name", "validation.required");
        }
        if (trimmed.length() > 100) {
            throw new FieldProblem("name", "validation.text.too-long");
        }
        int active = jdbc.sql("select count(*) from api_token where account_id = ? and revoked_at is null").param(accountId)
                .query(Integer.class).single();
        if (active >= MAX_ACTIVE) {
            throw new FieldProblem("name", "validation.token.too-many");
        }
        String secret = SecretTokens.newToken(PREFIX);
        jdbc.sql("insert into api_token (account_id, name, token_hash, prefix, created_at) values (?, ?, ?, ?, ?)")
                .params(accountId, trimmed, SecretTokens.hash(secret), secret.substring(0, 10), Sql.now(clock)).update();
        return secret;
    }

    public void revoke(long accountId, long tokenId) {
        int changed = jdbc.sql("update api_token set revoked_at = ? where id = ? and account_id = ? and revoked_at is null")
                .params(Sql.now(clock), tokenId, accountId).update();
        if (changed == 0) {
            throw new NotFoundException("token " + tokenId);
        }
    }

    /** The account's tokens; a use noted on this node and not yet written shows as the last one. */
    @Transactional(readOnly = true)
    public List<TokenInfo> of(long accountId) {
        return jdbc.sql("select id, name, prefix, created_at, last_used_at, revoked_at, token_hash from api_token where account_id = ?"
                + " order by id desc")
                .param(accountId).query((rs, n) -> {
                    Instant written = instant(rs.getObject(5, OffsetDateTime.class));
                    Instant noted = lastUses.get(rs.getString(7));
                    return new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getObject(4, OffsetDateTime.class)),
                            noted != null && (written == null || noted.isAfter(written)) ? noted : written,
                            instant(rs.getObject(6, OffsetDateTime.class)));
                })
                .list();
    }

    /**
     * The account a bearer secret belongs to, if the token is active. Its use is noted in memory and written at most
     * once a minute per token by {@link #recordLastUses()}: an API call costs one read, not a write (a burst of
     * signatures would otherwise write a token row each). Uses noted in the last seconds before a crash are lost; the
     * date is informational.
     */
    public Optional<Long> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(secret);
        Optional<Long> account = jdbc.sql("select account_id from api_token where token_hash = ? and revoked_at is null")
                .param(hash).query(Long.class).optional();
        if (account.isPresent() && (lastUses.size() < MAX_PENDING_USES || lastUses.containsKey(hash))) {
            lastUses.put(hash, Instant.now(clock));
        }
        return account;
    }

    /**
     * Writes the uses noted since the last run, keeping "at most once a minute" per token: short statements outside any
     * long transaction, so a large backlog never holds locks or a connection for long.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public void recordLastUses() {
        for (String hash : List.copyOf(lastUses.keySet())) {
            Instant at = lastUses.remove(hash);
            if (at != null) {
                jdbc.sql("update api_token set last_used_at = ? where token_hash = ? and (last_used_at is null or last_used_at < ?)")
                        .params(Sql.at(at), hash, Sql.at(at.minusSeconds(60))).update();
            }
        }
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
