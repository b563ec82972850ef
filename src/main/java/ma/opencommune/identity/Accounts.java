package ma.opencommune.identity;

import ma.opencommune.platform.PublicAddress;
import ma.opencommune.platform.Sql;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import ma.opencommune.identity.internal.LoginThrottle;
import ma.opencommune.identity.internal.PasswordPolicy;
import ma.opencommune.identity.internal.SessionTerminator;
import ma.opencommune.identity.internal.SecretTokens;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.mail.Mailer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: registration, email confirmation, password reset, profile, export and deletion (PDP-3). */
@Service
@Transactional
public class Accounts {

    /** A person's own account, as the account page shows it. */
    public record Account(long id, String email, String displayName, String preferredLang, Instant emailConfirmedAt,
            Instant createdAt) {
    }

    static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final SessionTerminator sessions;
    private final Mailer mailer;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy, LoginThrottle throttle, SessionTerminator sessions, Mailer mailer, MessageSource messages,
            ApplicationEventPublisher events, Clock clock, PublicAddress publicAddress) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.policy = policy;
        this.throttle = throttle;
        this.sessions = sessions;
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.baseUrl = publicAddress.base();
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public static String normalizeName(String name) {
        return name == null ? "" : Normalizer.normalize(name.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
    }

    /** The message key of the first password rule this password breaks, if any. */
    public Optional<String> passwordProblem(String password, String email) {
        return policy.problem(password, normalizeEmail(email));
    }

    /**
     * Creates an unconfirmed account and mails the confirmation link. Submitting the same registration twice
     * (same email, same password, still unconfirmed) is treated as one: the link is sent again.
     */
    public long register(String email, String displayName, String password, Lang lang) {
        String normalized = normalizeEmail(email);
        policy.problem(password, normalized).ifPresent(key -> {
            throw new FieldProblem("password", key);
        });
        Optional<Existing> existing = existing(normalized);
        if (existing.isPresent()) {
            Existing e = existing.get();
            // Comparing the password is a login attempt in disguise: it goes through the same throttle.
            if (e.confirmedAt == null && throttle.attemptAllowed(normalized, "registration")
                    && passwords.matches(password, e.passwordHash)) {
                throttle.succeeded(normalized);
                sendConfirmation(e.id, normalized, Lang.of(e.lang).orElse(lang));
                return e.id;
            }
            throw new FieldProblem("email", "validation.email.taken");
        }
        Instant now = Instant.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into account (email, email_normalized, password_hash, display_name, preferred_lang, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(email.trim(), normalized, passwords.encode(password), normalizeName(displayName), lang.code(), Sql.at(now), Sql.at(now))
                    .update(key, "id");
        } catch (DuplicateKeyException raced) {
            throw new FieldProblem("email", "validation.email.taken");
        }
        long id = key.getKey().longValue();
        sendConfirmation(id, normalized, lang);
        events.publishEvent(new IdentityEvents.AccountRegistered(UUID.randomUUID(), now, id));
        return id;
    }

    /** Sends a new confirmation link if the account exists and is unconfirmed; silent otherwise (no account probing). */
    public void resendConfirmation(String email, Lang lang) {
        existing(normalizeEmail(email)).filter(e -> e.confirmedAt == null)
                .ifPresent(e -> sendConfirmation(e.id, normalizeEmail(email), Lang.of(e.lang).orElse(lang)));
    }

    /** Follows a confirmation link; false when the link is unknown, used or expired. */
    public boolean confirm(String token) {
        Optional<Long> account = consume(token, "CONFIRM");
        account.ifPresent(id -> jdbc.sql("update account set email_confirmed_at = ?, updated_at = ? where id = ? and email_confirmed_at is null")
                .params(Sql.now(clock), Sql.now(clock), id).update());
        return account.isPresent();
    }

    /** Mails a reset link when the account exists; says nothing either way, so nobody learns who has an account. */
    public void requestPasswordReset(String email, Lang lang) {
        String normalized = normalizeEmail(email);
        existing(normalized).filter(e -> mayMail(e.id, "RESET")).ifPresent(e -> {
            String token = issueToken(e.id, "RESET", RESET_VALIDITY);
            Lang mailLang = Lang.of(e.lang).orElse(lang);
            String link = baseUrl + "/" + mailLang.code() + "/password/reset?token=" + token;
            mail(normalized, mailLang, "mail.reset.subject", "mail.reset.body", link);
        });
    }

    public boolean resetTokenValid(String token) {
        return token != null && jdbc.sql("select count(*) from email_token where token_hash = ? and purpose = 'RESET' and used_at is null and expires_at > ?")
                .params(SecretTokens.hash(token), Sql.now(clock)).query(Integer.class).single() > 0;
    }

    /** Sets a new password from a reset link. Following the link also proves the email address. */
    public boolean resetPassword(String token, String newPassword) {
        Optional<Long> owner = peek(token, "RESET");
        if (owner.isEmpty()) {
            return false;
        }
        String email = jdbc.sql("select email_normalized from account where id = ?").param(owner.get()).query(String.class).single();
        policy.problem(newPassword, email).ifPresent(key -> {
            throw new FieldProblem("password", key);
        });
        consume(token, "RESET");
        Instant now = Instant.now(clock);
        jdbc.sql("update account set password_hash = ?, email_confirmed_at = coalesce(email_confirmed_at, ?), updated_at = ? where id = ?")
                .params(passwords.encode(newPassword), Sql.at(now), Sql.at(now), owner.get()).update();
        jdbc.sql("delete from login_failure where email_normalized = ?").param(email).update();
        // Whoever knew the old password is logged out everywhere.
        sessions.endAllSessionsOf(jdbc.sql("select email from account where id = ?").param(owner.get()).query(String.class).single());
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(long id) {
        return jdbc.sql("select id, email, display_name, preferred_lang, email_confirmed_at, created_at from account where id = ?")
                .param(id).query(Account.class).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("select id, email, display_name, preferred_lang, email_confirmed_at, created_at from account where email_normalized = ?")
                .param(normalizeEmail(email)).query(Account.class).optional();
    }

    /** Display names of accounts, for lists that show who acted; missing ids are deleted accounts. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> displayNames(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("select id, display_name from account where id in (:ids)").param("ids", ids)
                .query(rs -> { names.put(rs.getLong(1), rs.getString(2)); });
        return names;
    }

    /**
     * The accounts among {@code ids} whose address is confirmed, in one statement: for modules that mail many people
     * at once (a petition's signatories) and must not look them up one by one. Missing ids are deleted or unconfirmed.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Account> confirmed(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, Account> found = new java.util.HashMap<>();
        jdbc.sql("select id, email, display_name, preferred_lang, email_confirmed_at, created_at from account where id in (:ids)"
                + " and email_confirmed_at is not null").param("ids", ids)
                .query(Account.class).list().forEach(a -> found.put(a.id(), a));
        return found;
    }

    public void updateProfile(long id, String displayName, Lang lang) {
        jdbc.sql("update account set display_name = ?, preferred_lang = ?, updated_at = ? where id = ?")
                .params(normalizeName(displayName), lang.code(), Sql.now(clock), id).update();
    }

    public boolean checkPassword(long id, String password) {
        return password != null && jdbc.sql("select password_hash from account where id = ?").param(id).query(String.class)
                .optional().map(hash -> passwords.matches(password, hash)).orElse(false);
    }

    /** Deletes the account and everything that hangs on it (grants, declarations, tokens); PDP-3. */
    public void delete(long id) {
        jdbc.sql("select email from account where id = ?").param(id).query(String.class).optional()
                .ifPresent(sessions::endAllSessionsOf);
        jdbc.sql("delete from account where id = ?").param(id).update();
        events.publishEvent(new IdentityEvents.AccountDeleted(UUID.randomUUID(), Instant.now(clock), id));
    }

    public List<String> pendingEmails() {
        return jdbc.sql("select email from account where email_confirmed_at is null").query(String.class).list();
    }

    private void sendConfirmation(long id, String email, Lang lang) {
        if (!mayMail(id, "CONFIRM")) {
            return;
        }
        String token = issueToken(id, "CONFIRM", CONFIRMATION_VALIDITY);
        String link = baseUrl + "/" + lang.code() + "/confirm?token=" + token;
        mail(email, lang, "mail.confirm.subject", "mail.confirm.body", link);
    }

    private void mail(String to, Lang lang, String subjectKey, String bodyKey, String link) {
        Locale locale = lang.locale();
        mailer.send(to, messages.getMessage(subjectKey, null, locale), messages.getMessage(bodyKey, new Object[] {link}, locale));
    }

    static final int MAX_LINKS_PER_HOUR = 3;

    /** At most a few links of one kind an hour, so nobody can flood a mailbox through the platform. */
    private boolean mayMail(long accountId, String purpose) {
        return jdbc.sql("select count(*) from email_token where account_id = ? and purpose = ? and created_at > ?")
                .params(accountId, purpose, Sql.at(Instant.now(clock).minus(Duration.ofHours(1))))
                .query(Integer.class).single() < MAX_LINKS_PER_HOUR;
    }

    private String issueToken(long accountId, String purpose, Duration validity) {
        String token = SecretTokens.newToken("");
        Instant now = Instant.now(clock);
        jdbc.sql("insert into email_token (account_id, purpose, token_hash, expires_at, created_at) values (?, ?, ?, ?, ?)")
                .params(accountId, purpose, SecretTokens.hash(token), Sql.at(now.plus(validity)), Sql.at(now)).update();
        return token;
    }

    private Optional<Long> peek(String token, String purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select account_id from email_token where token_hash = ? and purpose = ? and used_at is null and expires_at > ?")
                .params(SecretTokens.hash(token), purpose, Sql.now(clock)).query(Long.class).optional();
    }

    private Optional<Long> consume(String token, String purpose) {
        Optional<Long> owner = peek(token, purpose);
        owner.ifPresent(id -> jdbc.sql("update email_token set used_at = ? where token_hash = ?")
                .params(Sql.now(clock), SecretTokens.hash(token)).update());
        return owner;
    }

    private record Existing(long id, String passwordHash, Instant confirmedAt, String lang) {
    }

    private Optional<Existing> existing(String normalized) {
        return jdbc.sql("select id, password_hash, email_confirmed_at, preferred_lang from account where email_normalized = ?")
                .param(normalized).query((rs, n) -> new Existing(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class) == null ? null : rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(4)))
                .optional();
    }
}
