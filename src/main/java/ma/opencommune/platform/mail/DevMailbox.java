package ma.opencommune.platform.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the mails kept while demo data is on. */
@Service
public class DevMailbox {

    /** One mail as the developer mailbox shows it. */
    public record Mail(long id, String recipient, String subject, String body, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    public DevMailbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Mail> latest(String recipientFilter, int limit) {
        String filter = recipientFilter == null ? "" : recipientFilter.trim().toLowerCase();
        return jdbc.sql("""
                select id, recipient, subject, body, created_at from dev_mailbox
                where (:f = '' or lower(recipient) = :f) order by id desc limit :limit""")
                .param("f", filter).param("limit", limit).query(Mail.class).list();
    }
}
