package ma.opencommune.platform.mail;

import ma.opencommune.platform.Sql;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ma.opencommune.platform.DemoMode;

/**
 * Sends plain-text mail over SMTP once the surrounding transaction commits (a rolled-back registration sends
 * nothing). With demo data on, every mail is also kept in the developer mailbox so the platform can be tried
 * without a mail server.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    /** One plain-text mail. */
    public record Mail(String to, String subject, String body) {
    }

    private final ObjectProvider<JavaMailSender> sender;
    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final Clock clock;
    private final String from;

    public Mailer(ObjectProvider<JavaMailSender> sender, JdbcClient jdbc, DemoMode demo, Clock clock,
            @Value("${opencommune.mail.from}") String from) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.demo = demo;
        this.clock = clock;
        this.from = from;
    }

    /**
     * Sends now and fails loudly: for event listeners, whose event stays incomplete in the publication registry
     * (and is delivered again) when the mail server refuses.
     */
    public void sendNow(String to, String subject, String body) {
        keepForDemo(to, subject, body);
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp != null) {
            smtp.send(message(to, subject, body));
        }
    }

    /**
     * Sends a batch now over one SMTP connection (a few hundred mails cost one connection, not one each). Returns the
     * mails the server refused one by one (a rejected recipient): retrying them would fail again. Any other trouble
     * (no server, a dropped connection, refused credentials) throws, and the caller sends the batch again later.
     */
    public java.util.List<Mail> sendAllNow(java.util.List<Mail> mails) {
        mails.forEach(m -> keepForDemo(m.to(), m.subject(), m.body()));
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null || mails.isEmpty()) {
            return java.util.List.of();
        }
        SimpleMailMessage[] messages = mails.stream().map(m -> message(m.to(), m.subject(), m.body())).toArray(SimpleMailMessage[]::new);
        try {
            smtp.send(messages);
            return java.util.List.of();
        } catch (org.springframework.mail.MailSendException e) {
            java.util.Map<Object, Exception> failed = e.getFailedMessages();
            // Only a recipient the server refused for good (5xx) is dropped; a temporary refusal (4xx: greylisting, a
            // full mailbox) or a whole batch refused (relay denied, a server in trouble) is tried again later.
            if (failed.isEmpty() || failed.size() == messages.length || !failed.values().stream().allMatch(Mailer::refusedForGood)) {
                throw e;
            }
            java.util.List<Mail> refused = new java.util.ArrayList<>();
            for (int i = 0; i < messages.length; i++) {
                if (failed.containsKey(messages[i])) {
                    refused.add(mails.get(i));
                }
            }
            return refused;
        }
    }

    /** A recipient the SMTP server refused with a permanent (5xx) answer. */
    static boolean refusedForGood(Exception e) {
        Exception next = e;
        while (next != null) {
            if (next instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException refused) {
                return refused.getReturnCode() >= 500;
            }
            next = next instanceof jakarta.mail.MessagingException m ? m.getNextException() : null;
        }
        return false;
    }

    private void keepForDemo(String to, String subject, String body) {
        if (demo.enabled()) {
            jdbc.sql("insert into dev_mailbox (recipient, subject, body, created_at) values (?, ?, ?, ?)")
                    .params(to, subject, body, Sql.now(clock)).update();
        }
    }

    private SimpleMailMessage message(String to, String subject, String body) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        return message;
    }

    /** Sends once the surrounding transaction commits; a failure is logged (links can be asked for again). */
    public void send(String to, String subject, String body) {
        keepForDemo(to, subject, body);
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            return;
        }
        SimpleMailMessage message = message(to, subject, body);
        Runnable deliver = () -> {
            try {
                smtp.send(message);
            } catch (MailException e) {
                // The exception text usually names the recipient: log its kind only (PDP-2).
                log.warn("A mail could not be delivered ({}); the person can ask for it again", e.getClass().getSimpleName());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver.run();
                }
            });
        } else {
            deliver.run();
        }
    }
}
