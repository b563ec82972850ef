package ma.opencommune.petitions.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.opencommune.identity.Accounts;
import ma.opencommune.petitions.PetitionEvents;
import ma.opencommune.petitions.PetitionKind;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.mail.Mailer;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the mails {@link PetitionMails} recorded, on one node at a time (ShedLock). Each batch is its own short
 * transaction: it locks the step's row, mails the agent if not yet done and then the next {@code batchSize} opted-in
 * signatories after the last one mailed (a keyset read of {@code ix_signature_notify}, never the whole list), over one
 * SMTP connection, and moves the marker. A mail server that cannot be reached rolls the batch back and ends the run:
 * the next run resends that batch only, so a stop costs at most one batch sent twice, never the 100,000. A recipient
 * the server refuses is skipped (retrying would fail again). Rows take turns, a batch each, so a petition with many
 * signatories does not hold back another's agent. Addresses come from the identity module at sending time and are
 * never logged (PDP-2).
 */
@Component
class PetitionMailBatches {

    private static final Logger log = LoggerFactory.getLogger(PetitionMailBatches.class);

    /** A step waiting to be mailed. */
    record Pending(long petitionId, String step) {
    }

    private record Progress(boolean agentMailed, long lastSignatureId) {
    }

    private record Signer(long signatureId, long accountId) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Territory territory;
    private final Mailer mailer;
    private final PetitionMailTexts texts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;
    private final int batchesPerRun;

    PetitionMailBatches(JdbcClient jdbc, Accounts accounts, Territory territory, Mailer mailer, PetitionMailTexts texts,
            TransactionTemplate tx, Clock clock, @Value("${opencommune.petitions.mail-batch:200}") int batchSize,
            @Value("${opencommune.petitions.mail-batches-per-run:50}") int batchesPerRun) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.territory = territory;
        this.mailer = mailer;
        this.texts = texts;
        this.tx = tx;
        this.clock = clock;
        this.batchSize = batchSize;
        this.batchesPerRun = batchesPerRun;
    }

    @Scheduled(fixedDelayString = "${opencommune.petitions.mail-delay:PT30S}", initialDelayString = "${opencommune.petitions.mail-delay:PT30S}")
    @SchedulerLock(name = "petitions.mails", lockAtMostFor = "PT15M")
    public void scheduled() {
        run(batchSize, batchesPerRun);
    }

    /** Sends at most {@code maxBatches} batches of {@code size} signatories; returns the number of mails sent. */
    int run(int size, int maxBatches) {
        int sent = 0;
        int batches = 0;
        while (batches < maxBatches) {
            List<Pending> pending = jdbc.sql("select petition_id, step from petition_mail where done_at is null"
                    + " order by created_at, petition_id, step limit ?")
                    .param(maxBatches - batches)
                    .query((rs, i) -> new Pending(rs.getLong(1), rs.getString(2))).list();
            if (pending.isEmpty()) {
                break;
            }
            for (Pending p : pending) {
                try {
                    Integer mailed = tx.execute(s -> batch(p, size));
                    sent += mailed == null ? 0 : mailed;
                } catch (RuntimeException failure) {
                    // The server is down or refused us: every other batch would fail the same way. The kind only: the
                    // message may name an address (PDP-2).
                    log.warn("Petition mails paused until the next run ({})", failure.getClass().getSimpleName());
                    return sent;
                }
                batches++;
            }
        }
        return sent;
    }

    /** One batch of one step, under the lock of its row; returns the number of mails sent. */
    private int batch(Pending p, int size) {
        Optional<Progress> progress = jdbc.sql("select agent_mailed_at, last_signature_id from petition_mail"
                + " where petition_id = ? and step = ? and done_at is null for update")
                .params(p.petitionId(), p.step())
                .query((rs, i) -> new Progress(rs.getObject(1) != null, rs.getLong(2))).optional();
        if (progress.isEmpty()) {
            return 0; // finished meanwhile by another run
        }
        PetitionMailTexts.Facts facts = facts(p.petitionId()).orElse(null);
        Collectivity c = facts == null ? null : territory.find(facts.collectivityId()).orElse(null);
        if (c == null) {
            jdbc.sql("update petition_mail set done_at = ? where petition_id = ? and step = ?").params(Sql.now(clock), p.petitionId(), p.step()).update();
            return 0;
        }
        PetitionEvents.Step step = PetitionEvents.Step.valueOf(p.step());
        List<Mailer.Mail> mails = new ArrayList<>();
        if (!progress.get().agentMailed()) {
            PetitionMailTexts.Role role = facts.kind() == PetitionKind.ASSOCIATION ? PetitionMailTexts.Role.REPRESENTATIVE : PetitionMailTexts.Role.AGENT;
            accounts.confirmed(List.of(facts.agentId())).values().forEach(agent -> mails.add(mail(agent, texts.text(facts, c, step, lang(agent), role))));
        }
        List<Signer> signers = jdbc.sql("select id, account_id from petition_signature where petition_id = ? and notify = true and id > ?"
                + " and account_id is not null order by id limit ?")
                .params(p.petitionId(), progress.get().lastSignatureId(), size)
                .query((rs, i) -> new Signer(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, Accounts.Account> recipients = accounts.confirmed(signers.stream().map(Signer::accountId)
                .filter(id -> id != facts.agentId()).distinct().toList());
        Map<Lang, PetitionMailTexts.Text> byLang = new EnumMap<>(Lang.class);
        for (Signer s : signers) {
            Accounts.Account a = recipients.get(s.accountId());
            if (a != null) {
                mails.add(mail(a, byLang.computeIfAbsent(lang(a), l -> texts.text(facts, c, step, l, PetitionMailTexts.Role.SIGNATORY))));
            }
        }
        List<Mailer.Mail> refused = mailer.sendAllNow(mails);
        if (!refused.isEmpty()) {
            log.warn("{} of {} mails about petition {} were refused by the mail server and skipped", refused.size(), mails.size(), p.petitionId());
        }
        long last = signers.isEmpty() ? progress.get().lastSignatureId() : signers.get(signers.size() - 1).signatureId();
        boolean done = signers.size() < size;
        jdbc.sql("""
                update petition_mail set agent_mailed_at = coalesce(agent_mailed_at, ?), last_signature_id = ?,
                    signatories_mailed = signatories_mailed + ?, done_at = ?
                where petition_id = ? and step = ?""")
                .params(Sql.now(clock), last, signers.size(), done ? Sql.now(clock) : null, p.petitionId(), p.step())
                .update();
        return mails.size() - refused.size();
    }

    private Optional<PetitionMailTexts.Facts> facts(long petitionId) {
        return jdbc.sql("""
                select id, collectivity_id, agent_id, kind, title, threshold, filed_on, decision_due, rejection_ground, rejection_reasoning,
                    session_on, committee, council_decision_reference, outcome_summary
                from petition where id = ?""")
                .param(petitionId)
                .query((rs, i) -> new PetitionMailTexts.Facts(rs.getLong(1), rs.getLong(2), rs.getLong(3), PetitionKind.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getInt(6), rs.getObject(7, java.time.LocalDate.class), rs.getObject(8, java.time.LocalDate.class),
                        rs.getString(9), rs.getString(10), rs.getObject(11, java.time.LocalDate.class), rs.getString(12), rs.getString(13),
                        rs.getString(14)))
                .optional();
    }

    private static Lang lang(Accounts.Account a) {
        return Lang.of(a.preferredLang()).orElse(Lang.AR);
    }

    private static Mailer.Mail mail(Accounts.Account to, PetitionMailTexts.Text text) {
        return new Mailer.Mail(to.email(), text.subject(), text.body());
    }
}
