package ma.opencommune.program.internal;

import ma.opencommune.platform.PublicAddress;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.mail.Mailer;
import ma.opencommune.program.Workshop;
import ma.opencommune.program.WorkshopEvents;
import ma.opencommune.program.Workshops;
import ma.opencommune.territory.Territory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the registrants of a cancelled workshop by email, each in their own language. Runs after the
 * cancellation commits, through the event registry, so a mail server outage neither undoes the cancellation
 * nor loses the mails (the event stays incomplete and is delivered again).
 */
@Component
class WorkshopMails {

    private static final ZoneId ZONE = Morocco.ZONE;

    private final JdbcClient jdbc;
    private final Workshops workshops;
    private final Accounts accounts;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Territory territory;
    private final String baseUrl;

    WorkshopMails(JdbcClient jdbc, Workshops workshops, Accounts accounts, Mailer mailer, MessageSource messages, Territory territory,
            PublicAddress publicAddress) {
        this.jdbc = jdbc;
        this.workshops = workshops;
        this.accounts = accounts;
        this.mailer = mailer;
        this.messages = messages;
        this.territory = territory;
        this.baseUrl = publicAddress.base();
    }

    @ApplicationModuleListener
    void on(WorkshopEvents.WorkshopCancelled event) {
        Workshop w = workshops.find(event.collectivityId(), event.processId(), event.workshopId()).orElse(null);
        String slug = territory.find(event.collectivityId()).map(c -> c.slug()).orElse(null);
        if (w == null || slug == null) {
            return;
        }
        List<Long> registrants = jdbc.sql("select account_id from program_registration where workshop_id = ? order by account_id")
                .param(w.id()).query(Long.class).list();
        for (long id : registrants) {
            accounts.find(id).filter(a -> a.emailConfirmedAt() != null).ifPresent(a -> {
                Lang lang = Lang.of(a.preferredLang()).orElse(Lang.AR);
                Locale locale = lang.locale();
                String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(w.startsAt().atZone(ZONE));
                String link = baseUrl + "/" + lang.code() + "/c/" + slug + "/program/" + w.processId() + "/workshops/" + w.id();
                mailer.sendNow(a.email(), messages.getMessage("program.workshop.mail.cancelled.subject", new Object[] {w.title().in(lang.code())}, locale),
                        messages.getMessage("program.workshop.mail.cancelled.body", new Object[] {w.title().in(lang.code()), when, link}, locale));
            });
        }
    }
}
