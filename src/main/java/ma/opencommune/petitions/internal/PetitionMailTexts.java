package ma.opencommune.petitions.internal;

import ma.opencommune.platform.PublicAddress;
import java.time.LocalDate;
import java.util.Locale;
import ma.opencommune.petitions.PetitionEvents;
import ma.opencommune.petitions.PetitionKind;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.web.Dates;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The subject and plain-text body of a petition's step, in one language, from the message bundles
 * ({@code petitions.mail.*}): the petition's title, what the step brings (the bureau's delay, the session and
 * committee, the ground and reasoning, the council's decision) and the link to its public page. The same text goes to
 * every recipient of a language, so it names nobody (PDP-2).
 */
@Component
class PetitionMailTexts {

    /** Who receives it: the agent or association's representative (PET-3, PET-4), or a signatory who opted in. */
    enum Role { AGENT, REPRESENTATIVE, SIGNATORY }

    /** What a mail says of the petition, read when it is sent. */
    record Facts(long id, long collectivityId, long agentId, PetitionKind kind, String title, int threshold, LocalDate filedOn,
            LocalDate decisionDue, String rejectionGround, String rejectionReasoning, LocalDate sessionOn, String committee,
            String councilDecisionReference, String outcomeSummary) {
    }

    /** A subject and body, without the recipient. */
    record Text(String subject, String body) {
    }

    private final MessageSource messages;
    private final Dates dates;
    private final String baseUrl;

    PetitionMailTexts(MessageSource messages, Dates dates, PublicAddress publicAddress) {
        this.messages = messages;
        this.dates = dates;
        this.baseUrl = publicAddress.base();
    }

    Text text(Facts p, Collectivity c, PetitionEvents.Step step, Lang lang, Role role) {
        String kind = step.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String link = baseUrl + "/" + lang.code() + "/c/" + c.slug() + "/petitions/" + p.id();
        String[] details = details(p, step, lang);
        Object[] args = {p.title(), c.name(lang.code()), link, message("petitions.mail.why." + role.name().toLowerCase(Locale.ROOT), lang),
                details[0], details[1]};
        return new Text(message("petitions.mail." + kind + ".subject", lang, args), message("petitions.mail." + kind + ".body", lang, args));
    }

    /** The two values a step adds to the common part. */
    private String[] details(Facts p, PetitionEvents.Step step, Lang lang) {
        return switch (step) {
            case THRESHOLD_REACHED -> new String[] {String.valueOf(p.threshold()), ""};
            // PET-6: the last day of the bureau's delay.
            case FILED -> new String[] {date(p.filedOn(), lang), date(p.decisionDue(), lang)};
            // PET-6, PET-8: the ordinary session and the committee it was referred to.
            case ACCEPTED -> new String[] {date(p.sessionOn(), lang), nonNull(p.committee())};
            case REJECTED, DECLARED_INADMISSIBLE -> new String[] {
                    p.rejectionGround() == null ? "" : message("petitions.mail.ground." + p.rejectionGround(), lang),
                    nonNull(p.rejectionReasoning())};
            case CONCLUDED -> new String[] {nonNull(p.councilDecisionReference()), nonNull(p.outcomeSummary())};
            default -> new String[] {"", ""};
        };
    }

    private String date(LocalDate d, Lang lang) {
        return d == null ? "" : dates.date(d, lang) + " (" + dates.hijri(d, lang) + ")";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private String message(String key, Lang lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }
}
