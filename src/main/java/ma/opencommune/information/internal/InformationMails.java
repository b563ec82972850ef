package ma.opencommune.information.internal;

import ma.opencommune.platform.PublicAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import ma.opencommune.identity.Accounts;
import ma.opencommune.information.InformationEvents;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.mail.Mailer;
import ma.opencommune.platform.web.Dates;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the requester, in the language of the request, at each step they must hear about: the receipt, the ATI-5
 * extension notice (the law requires the requester be told, with the reason and the new date), a clarification
 * question, the answer, a refusal (ATI-7 ground and reasoning), a transfer, and the complaints (ATI-8, ATI-9). Sent
 * to the request's email, else the account's. Runs after the step commits, through the event registry; the step's
 * event id is recorded with the mail in the same transaction, so a replayed event sends nothing twice and a refused
 * mail leaves the event to be delivered again.
 */
@Component
class InformationMails {

    private record Request(long id, long collectivityId, Long requesterId, String email, String lang, String trackingNumber, String subject,
            LocalDate dueOn, String extensionReason, String refusalGround, String refusalReasoning, String transferTo) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Territory territory;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Dates dates;
    private final Clock clock;
    private final String baseUrl;

    InformationMails(JdbcClient jdbc, Accounts accounts, Territory territory, Mailer mailer, MessageSource messages, Dates dates, Clock clock,
            PublicAddress publicAddress) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.territory = territory;
        this.mailer = mailer;
        this.messages = messages;
        this.dates = dates;
        this.clock = clock;
        this.baseUrl = publicAddress.base();
    }

    static boolean mailed(InformationEvents.Step step) {
        return switch (step) {
            case FILED, EXTENDED, CLARIFICATION_ASKED, ANSWERED, REFUSED, CLOSED_UNCLEAR, TRANSFERRED, COMPLAINT_FILED, COMPLAINT_DECIDED -> true;
            default -> false;
        };
    }

    @ApplicationModuleListener
    void on(InformationEvents.RequestStepped event) {
        if (!mailed(event.step())) {
            return;
        }
        Optional<Request> found = jdbc.sql("select id, collectivity_id, requester_id, email, lang, tracking_number, subject, due_on,"
                + " extension_reason, refusal_ground, refusal_reasoning, transfer_to from info_request where id = ?")
                .param(event.requestId())
                .query((rs, i) -> new Request(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12)))
                .optional();
        if (found.isEmpty()) {
            return;
        }
        Request r = found.get();
        String to = r.email() != null ? r.email()
                : r.requesterId() == null ? null : accounts.find(r.requesterId()).map(Accounts.Account::email).orElse(null);
        Optional<Collectivity> collectivity = territory.find(r.collectivityId());
        if (to == null || collectivity.isEmpty()) {
            return;
        }
        // A replayed event finds its row: nothing is sent twice. "On conflict do nothing" rather than catching the
        // duplicate key, which would leave a PostgreSQL transaction aborted.
        int first = jdbc.sql("insert into info_mail_sent (event_id, request_id, kind, sent_at) values (?,?,?,?) on conflict do nothing")
                .params(event.eventId().toString(), r.id(), event.step().name(), Sql.now(clock)).update();
        if (first == 0) {
            return;
        }
        Lang lang = Lang.of(r.lang()).orElse(Lang.AR);
        Collectivity c = collectivity.get();
        String link = baseUrl + "/" + lang.code() + "/c/" + c.slug() + "/information/requests/" + r.trackingNumber();
        String kind = event.step().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Object[] args = {r.trackingNumber(), c.name(lang.code()), r.subject(), link, details(event, r, lang)};
        mailer.sendNow(to, text("information.mail." + kind + ".subject", args, lang), text("information.mail." + kind + ".body", args, lang));
    }

    /** What the step adds to the common part (due date, reason, ground, question, complaint dates). */
    private String details(InformationEvents.RequestStepped event, Request r, Lang lang) {
        return switch (event.step()) {
            case FILED -> text("information.mail.due", new Object[] {date(r.dueOn(), lang)}, lang);
            case EXTENDED -> text("information.mail.extended.details", new Object[] {
                    r.extensionReason() == null ? "" : text("information.extension." + r.extensionReason(), null, lang), date(event.due(), lang)}, lang);
            case CLARIFICATION_ASKED -> jdbc.sql("select question from info_clarification where request_id = ? order by asked_at desc, id desc")
                    .param(r.id()).query(String.class).optional().orElse("");
            case REFUSED, CLOSED_UNCLEAR -> text("information.mail.refused.details", new Object[] {
                    r.refusalGround() == null ? "" : text("information.ground." + r.refusalGround(), null, lang),
                    r.refusalReasoning() == null ? "" : r.refusalReasoning()}, lang);
            case TRANSFERRED -> r.transferTo() == null ? "" : r.transferTo();
            case COMPLAINT_FILED, COMPLAINT_DECIDED -> complaint(event, r, lang);
            default -> "";
        };
    }

    /** The complaint the step is about: the newest one filed (or decided) up to the step's instant. */
    private String complaint(InformationEvents.RequestStepped event, Request r, Lang lang) {
        boolean decided = event.step() == InformationEvents.Step.COMPLAINT_DECIDED;
        return jdbc.sql("select level, due_on, outcome from info_complaint where request_id = ?"
                + (decided ? " and outcome is not null order by outcome_on desc, id desc" : " order by filed_at desc, id desc"))
                .param(r.id())
                .query((rs, i) -> {
                    String level = text("information.complaint-level." + rs.getString(1), null, lang);
                    return decided
                            ? text("information.mail.complaint-decided.details", new Object[] {level,
                                    text("information.complaint-outcome." + rs.getString(3), null, lang)}, lang)
                            : text("information.mail.complaint-filed.details", new Object[] {level,
                                    date(rs.getObject(2, LocalDate.class), lang)}, lang);
                })
                .list().stream().findFirst().orElse("");
    }

    private String date(LocalDate d, Lang lang) {
        return d == null ? "" : dates.date(d, lang) + " (" + dates.hijri(d, lang) + ")";
    }

    private String text(String key, Object[] args, Lang lang) {
        return messages.getMessage(key, args, lang.locale());
    }
}
