package ma.opencommune.program.internal;

import ma.opencommune.platform.PublicAddress;
import java.util.Locale;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.mail.Mailer;
import ma.opencommune.program.ProposalEvents;
import ma.opencommune.territory.Territory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the author of a proposal, in their own language, when staff answer it (OGP-1). Runs after the answer
 * commits, through the event registry: a refused mail leaves the event incomplete, to be delivered again. The
 * address comes from the identity module each time; program tables never hold it (PDP-1).
 */
@Component
class ProposalMails {

    private final Accounts accounts;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Territory territory;
    private final JdbcClient jdbc;
    private final String baseUrl;

    ProposalMails(Accounts accounts, Mailer mailer, MessageSource messages, Territory territory, JdbcClient jdbc,
            PublicAddress publicAddress) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.messages = messages;
        this.territory = territory;
        this.jdbc = jdbc;
        this.baseUrl = publicAddress.base();
    }

    @ApplicationModuleListener
    void on(ProposalEvents.ProposalAnswered event) {
        if (event.authorId() == null || event.collectivityId() == null) {
            return;
        }
        accounts.find(event.authorId()).filter(a -> a.emailConfirmedAt() != null).ifPresent(author -> {
            Lang lang = Lang.of(author.preferredLang()).orElse(Lang.AR);
            Locale locale = lang.locale();
            String title = jdbc.sql("select title from program_proposal where id = ?").param(event.proposalId())
                    .query(String.class).optional().orElse("");
            territory.find(event.collectivityId()).ifPresent(c -> {
                String link = baseUrl + "/" + lang.code() + "/c/" + c.slug() + "/program/" + event.processId() + "/proposals/"
                        + event.proposalId();
                String status = messages.getMessage("program.proposal.status." + event.status().name(), null, locale);
                mailer.sendNow(author.email(), messages.getMessage("program.proposal.mail.subject", null, locale),
                        messages.getMessage("program.proposal.mail.body", new Object[] {title, c.name(lang.code()), status, link}, locale));
            });
        });
    }
}
