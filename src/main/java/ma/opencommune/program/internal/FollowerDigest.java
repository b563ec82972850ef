package ma.opencommune.program.internal;

import ma.opencommune.platform.PublicAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.mail.Mailer;
import ma.opencommune.program.MonitoringEvents;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue scope 9: people who follow a commitment get one mail per run listing the progress reported on the
 * commitments they follow since their last digest — never one mail per change. Hourly, on one node (ShedLock).
 * Each person is handled in its own transaction: the mail is sent, then the person's follows move to the run's
 * cut-off instant; a refused mail rolls the move back so the next run tries again. A second run finds nothing.
 * Emails are asked from the identity module at sending time and never stored in program tables (PDP-2).
 */
@Component
class FollowerDigest {

    private static final Logger log = LoggerFactory.getLogger(FollowerDigest.class);

    /** One progress report a follower has not been told about yet. */
    record Pending(long accountId, long collectivityId, long processId, long commitmentId, int number, String title,
            String milestone, LocalDate reportedOn, String text) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Territory territory;
    private final Mailer mailer;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;

    FollowerDigest(JdbcClient jdbc, Accounts accounts, Territory territory, Mailer mailer, MessageSource messages,
            TransactionTemplate tx, ApplicationEventPublisher events, Clock clock, PublicAddress publicAddress) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.territory = territory;
        this.mailer = mailer;
        this.messages = messages;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.baseUrl = publicAddress.base();
    }

    @Scheduled(cron = "0 5 * * * *", zone = "Africa/Casablanca")
    @SchedulerLock(name = "program.follower-digest", lockAtMostFor = "PT30M")
    public void hourly() {
        run();
    }

    /** Sends the digests due now; returns the number of mails sent. */
    int run() {
        // A progress report stamped just before now may not be committed yet; the next run picks up what is younger.
        OffsetDateTime cutoff = Sql.at(java.time.Instant.now(clock).minusSeconds(10));
        Map<Long, List<Pending>> byAccount = new LinkedHashMap<>();
        jdbc.sql("""
                select f.account_id, c.collectivity_id, c.process_id, c.id, c.number, c.title, m.output, p.reported_on, p.text
                from program_follow f join program_commitment c on c.id = f.commitment_id
                join program_progress p on p.commitment_id = f.commitment_id join program_milestone m on m.id = p.milestone_id
                where p.created_at > f.last_digest_at and p.created_at <= ?
                order by f.account_id, c.collectivity_id, c.process_id, c.number, p.reported_on, p.id""").param(cutoff)
                .query((java.sql.ResultSet rs) -> {
                    byAccount.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Pending(rs.getLong(1), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, LocalDate.class), rs.getString(9)));
                });
        if (byAccount.isEmpty()) {
            return 0;
        }
        Map<Long, Collectivity> collectivities = territory.byIds(byAccount.values().stream().flatMap(List::stream)
                .map(Pending::collectivityId).distinct().toList());
        int sent = 0;
        for (Map.Entry<Long, List<Pending>> e : byAccount.entrySet()) {
            try {
                Boolean mailed = tx.execute(s -> send(e.getKey(), e.getValue(), collectivities, cutoff));
                sent += Boolean.TRUE.equals(mailed) ? 1 : 0;
            } catch (RuntimeException failure) {
                // Log the kind only: the message may name the address (PDP-2). The next run retries this person.
                log.warn("A progress digest could not be sent ({}); it will be retried", failure.getClass().getSimpleName());
            }
        }
        if (sent > 0) {
            events.publishEvent(new MonitoringEvents.DigestSent(UUID.randomUUID(), Instant.now(clock), null, null, sent,
                    sent + " progress digests mailed to followers"));
        }
        return sent;
    }

    private boolean send(long accountId, List<Pending> pending, Map<Long, Collectivity> collectivities, OffsetDateTime cutoff) {
        List<Long> commitments = pending.stream().map(Pending::commitmentId).distinct().toList();
        // Moving the marks first makes a concurrent or repeated run find nothing; a failed mail rolls them back.
        int moved = jdbc.sql("update program_follow set last_digest_at = :cutoff where account_id = :account and commitment_id in (:ids) and last_digest_at < :cutoff")
                .param("cutoff", cutoff).param("account", accountId).param("ids", commitments).update();
        var account = accounts.find(accountId).orElse(null);
        if (moved == 0 || account == null || account.emailConfirmedAt() == null) {
            return false;
        }
        Lang lang = Lang.of(account.preferredLang()).orElse(Lang.AR);
        Locale locale = lang.locale();
        StringBuilder body = new StringBuilder(messages.getMessage("program.monitor.digest.intro", new Object[] {account.displayName()}, locale))
                .append("\n");
        long current = -1;
        for (Pending p : pending) {
            if (p.commitmentId() != current) {
                current = p.commitmentId();
                Collectivity c = collectivities.get(p.collectivityId());
                body.append("\n").append(messages.getMessage("program.monitor.digest.commitment",
                        new Object[] {p.number(), p.title(), c == null ? "" : c.name(lang.code())}, locale)).append("\n")
                        .append(baseUrl).append("/").append(lang.code()).append("/c/").append(c == null ? "" : c.slug())
                        .append("/program/").append(p.processId()).append("/commitments/").append(p.commitmentId()).append("\n");
            }
            body.append("- ").append(p.reportedOn()).append(" · ").append(p.milestone()).append(": ").append(p.text()).append("\n");
        }
        body.append("\n").append(messages.getMessage("program.monitor.digest.outro", null, locale)).append("\n");
        mailer.sendNow(account.email(), messages.getMessage("program.monitor.digest.subject", new Object[] {pending.size()}, locale),
                body.toString());
        return true;
    }
}
