package ma.opencommune.information.internal;

import ma.opencommune.platform.PublicAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.identity.Accounts;
import ma.opencommune.information.InformationGuard;
import ma.opencommune.information.InformationRules;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.mail.Mailer;
import ma.opencommune.platform.web.Dates;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Issue scope 8: every working morning, each collectivity's information officers (ATI-10) get one mail listing
 * their open requests that are overdue or due within {@code dueSoonWorkingDays} working days, most urgent first.
 * Nothing due, no mail. Requests waiting for a clarification are left out: their clock is stopped. One node runs
 * it (ShedLock). The mail names tracking numbers and subjects only, never the requester (PDP-2).
 */
@Component
class OfficerDigest {

    private static final Logger log = LoggerFactory.getLogger(OfficerDigest.class);

    /** One open request to mention. */
    record Due(long collectivityId, String trackingNumber, String subject, LocalDate dueOn) {
    }

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final InformationRules rules;
    private final InformationGuard guard;
    private final Accounts accounts;
    private final Territory territory;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Dates dates;
    private final Clock clock;
    private final String baseUrl;

    OfficerDigest(JdbcClient jdbc, WorkingDays workingDays, InformationRules rules, InformationGuard guard, Accounts accounts,
            Territory territory, Mailer mailer, MessageSource messages, Dates dates, Clock clock,
            PublicAddress publicAddress) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.rules = rules;
        this.guard = guard;
        this.accounts = accounts;
        this.territory = territory;
        this.mailer = mailer;
        this.messages = messages;
        this.dates = dates;
        this.clock = clock;
        this.baseUrl = publicAddress.base();
    }

    @Scheduled(cron = "0 30 7 * * MON-FRI", zone = "Africa/Casablanca")
    @SchedulerLock(name = "information.officer-digest", lockAtMostFor = "PT30M")
    public void daily() {
        run();
    }

    /** Sends today's digests; returns the number of mails sent. */
    int run() {
        LocalDate today = WorkingDays.dayOf(Instant.now(clock));
        LocalDate horizon = workingDays.addWorkingDays(today, rules.dueSoonWorkingDays());
        Map<Long, List<Due>> byCollectivity = new LinkedHashMap<>();
        jdbc.sql("select collectivity_id, tracking_number, subject, due_on from info_request where closed_at is null and status <> 'CLARIFICATION'"
                + " and due_on <= ? order by collectivity_id, due_on, id")
                .param(horizon)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
                .list().forEach(d -> byCollectivity.computeIfAbsent(d.collectivityId(), k -> new ArrayList<>()).add(d));
        if (byCollectivity.isEmpty()) {
            return 0;
        }
        Map<Long, Collectivity> collectivities = territory.byIds(byCollectivity.keySet());
        int sent = 0;
        for (Map.Entry<Long, List<Due>> e : byCollectivity.entrySet()) {
            Collectivity c = collectivities.get(e.getKey());
            if (c == null) {
                continue;
            }
            for (var officer : guard.officers(c)) {
                try {
                    if (send(c, officer.accountId(), e.getValue(), today)) {
                        sent++;
                    }
                } catch (RuntimeException failure) {
                    // The kind only: the message may name the address (PDP-2).
                    log.warn("An officer digest could not be sent ({})", failure.getClass().getSimpleName());
                }
            }
        }
        return sent;
    }

    private boolean send(Collectivity c, long accountId, List<Due> due, LocalDate today) {
        var account = accounts.find(accountId).orElse(null);
        if (account == null || account.emailConfirmedAt() == null) {
            return false;
        }
        Lang lang = Lang.of(account.preferredLang()).orElse(Lang.AR);
        Locale locale = lang.locale();
        long overdue = due.stream().filter(d -> today.isAfter(d.dueOn())).count();
        StringBuilder body = new StringBuilder(messages.getMessage("information.digest.intro",
                new Object[] {c.name(lang.code()), due.size(), overdue}, locale)).append("\n\n");
        for (Due d : due) {
            String state = today.isAfter(d.dueOn()) ? messages.getMessage("information.digest.overdue", null, locale)
                    : messages.getMessage("information.digest.due", null, locale);
            body.append("- ").append(d.trackingNumber()).append(" · ").append(state).append(" ").append(dates.date(d.dueOn(), lang))
                    .append(" · ").append(d.subject()).append("\n  ").append(baseUrl).append("/").append(lang.code()).append("/c/")
                    .append(c.slug()).append("/admin/information/requests/").append(d.trackingNumber()).append("\n");
        }
        body.append("\n").append(messages.getMessage("information.digest.outro", null, locale)).append("\n");
        mailer.sendNow(account.email(), messages.getMessage("information.digest.subject", new Object[] {due.size(), c.name(lang.code())}, locale),
                body.toString());
        return true;
    }
}
