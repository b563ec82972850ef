package ma.opencommune.information;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Requests for the publication, register and statistics tests: filed and closed through the façade, or set up in SQL. */
final class InformationFixtures {

    private InformationFixtures() {
    }

    static AccountUser user(UserDetailsService users, String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A request filed by the demo citizen as "Fatima Ezzahra Benali" and answered by Taroudant's officer. */
    static String answered(InformationRequests requests, UserDetailsService users, Collectivity c, String subject, String description,
            String answer) {
        AccountUser citizen = user(users, "citizen@opencommune.demo");
        AccountUser officer = user(users, "staff@taroudant.demo");
        String tn = requests.file(c, citizen, new InformationRequests.Filing("Fatima Ezzahra", "Benali", "12 rue des Orangers, Taroudant",
                "JB123456", "fatima@example.ma", subject, description, Delivery.PICKUP, false, null), Lang.FR).trackingNumber();
        requests.answer(c, tn, officer, AnswerKind.FULL, answer);
        return tn;
    }

    /** An open request filed by the demo citizen. */
    static String open(InformationRequests requests, UserDetailsService users, Collectivity c, String subject) {
        AccountUser citizen = user(users, "citizen@opencommune.demo");
        return requests.file(c, citizen, new InformationRequests.Filing("Fatima", "Benali", "12 rue des Orangers, Taroudant",
                "JB123456", null, subject, "Une description " + subject, Delivery.PICKUP, false, null), Lang.FR).trackingNumber();
    }

    /**
     * A request row as statistics read it, received on {@code received} (noon, Morocco), closed on {@code closed} (or
     * open) with {@code status}, a due date, the working days it took, extended or not.
     */
    static long row(JdbcClient jdbc, long collectivityId, LocalDate received, RequestStatus status, LocalDate due, LocalDate closed,
            Integer workingDays, boolean extended, RefusalGround ground) {
        String tn = "TST-" + received.getYear() + "-" + unique();
        OffsetDateTime at = received.atTime(11, 0).atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into info_request (collectivity_id, tracking_number, first_name, last_name, postal_address, cin_cipher, cin_hash,
                    cin_hint, subject, description, delivery, urgent, lang, status, received_at, received_on, due_on, extended_on,
                    extension_reason, closed_at, closed_on, working_days_taken, refusal_ground, refusal_reasoning)
                values (?,?,'Test','Statistique','Adresse','x','h','…56',?,?,'PICKUP',false,'fr',?,?,?,?,?,?,?,?,?,?,?)""")
                .params(collectivityId, tn, "Sujet " + tn, "Description", status.name(), at, received, due,
                        extended ? received.plusDays(3) : null, extended ? "LARGE_VOLUME" : null,
                        closed == null ? null : closed.atTime(11, 0).atOffset(ZoneOffset.UTC), closed, workingDays,
                        ground == null ? null : ground.name(), ground == null ? null : "Motif")
                .update();
        return jdbc.sql("select id from info_request where tracking_number = ?").param(tn).query(Long.class).single();
    }

    static void complaint(JdbcClient jdbc, long requestId, long collectivityId, ComplaintLevel level, ComplaintOutcome outcome, LocalDate on) {
        jdbc.sql("""
                insert into info_complaint (request_id, collectivity_id, level, filed_at, filed_on, window_closed_on, due_on, body, outcome, outcome_on)
                values (?,?,?,?,?,?,?,'Plainte',?,?)""")
                .params(requestId, collectivityId, level.name(), on.atTime(10, 0).atOffset(ZoneOffset.UTC), on, on.plusDays(20), on.plusDays(15),
                        outcome == null ? null : outcome.name(), outcome == null ? null : on.plusDays(10))
                .update();
    }
}
