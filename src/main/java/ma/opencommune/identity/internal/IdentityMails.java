package ma.opencommune.identity.internal;

import ma.opencommune.platform.PublicAddress;
import java.util.Locale;
import ma.opencommune.identity.IdentityEvents;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.mail.Mailer;
import ma.opencommune.territory.Territory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people by email, in their own language, when they receive a role and when the commune decides on their
 * residence declaration. Runs after the decision commits, through the event registry, so a mail server outage
 * does not undo the decision; a refused mail leaves the event incomplete in the registry, to be delivered again.
 */
@Component
class IdentityMails {

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Territory territory;
    private final String baseUrl;

    IdentityMails(JdbcClient jdbc, Mailer mailer, MessageSource messages, Territory territory,
            PublicAddress publicAddress) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.messages = messages;
        this.territory = territory;
        this.baseUrl = publicAddress.base();
    }

    private record Recipient(String email, Lang lang) {
    }

    private Recipient recipient(long accountId) {
        return jdbc.sql("select email, preferred_lang from account where id = ?").param(accountId)
                .query((rs, n) -> new Recipient(rs.getString(1), Lang.of(rs.getString(2)).orElse(Lang.AR)))
                .optional().orElse(null);
    }

    @ApplicationModuleListener
    void on(IdentityEvents.RoleGranted event) {
        Recipient to = recipient(event.accountId());
        if (to == null || event.collectivityId() == null) {
            return;
        }
        Locale locale = to.lang().locale();
        String place = territory.find(event.collectivityId()).map(c -> c.name(to.lang().code())).orElse("");
        String role = messages.getMessage("role." + event.role().name(), null, locale);
        mailer.sendNow(to.email(), messages.getMessage("mail.role.subject", null, locale),
                messages.getMessage("mail.role.body", new Object[] {role, place, baseUrl + "/" + to.lang().code() + "/account"}, locale));
    }

    @ApplicationModuleListener
    void on(IdentityEvents.ResidencyDecided event) {
        Recipient to = recipient(event.accountId());
        if (to == null) {
            return;
        }
        Locale locale = to.lang().locale();
        String place = territory.find(event.collectivityId()).map(c -> c.name(to.lang().code())).orElse("");
        String key = event.approved() ? "mail.residence.approved" : "mail.residence.rejected";
        mailer.sendNow(to.email(), messages.getMessage(key + ".subject", null, locale),
                messages.getMessage(key + ".body", new Object[] {place, event.reason(), baseUrl + "/" + to.lang().code() + "/account"}, locale));
    }
}
