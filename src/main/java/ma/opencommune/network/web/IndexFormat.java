package ma.opencommune.network.web;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import ma.opencommune.network.Indicator;
import ma.opencommune.network.IndicatorStatus;
import ma.opencommune.network.IndicatorValue;
import ma.opencommune.network.Scale;
import ma.opencommune.platform.Lang;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the index's figures for people: scores to one decimal, a measured value in its indicator's unit (a share as
 * a percentage with its "k of n", days, per 1,000 inhabitants...), a share's 95% interval, and a status in words, never a
 * zero for what was not measured. Western digits in every language.
 */
@Component("indexFormat")
public class IndexFormat {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final MessageSource messages;
    /** Immutable and thread-safe: formatting does not copy or rebuild anything (a legacy NumberFormat had to be cloned). */
    private final Map<Lang, LocalizedNumberFormatter> decimals = new EnumMap<>(Lang.class);

    IndexFormat(MessageSource messages) {
        this.messages = messages;
        for (Lang lang : Lang.values()) {
            ULocale locale = switch (lang) {
                case AR -> new ULocale("ar_MA@numbers=latn");
                case FR -> new ULocale("fr_MA");
                case ZGH -> new ULocale("zgh_MA@numbers=latn");
                case EN -> new ULocale("en_GB");
            };
            decimals.put(lang, NumberFormatter.withLocale(locale).precision(Precision.maxFraction(1)).roundingMode(RoundingMode.HALF_UP));
        }
    }

    /** A score or any figure to at most one decimal; a dash for nothing. */
    public String decimal(BigDecimal value, Lang lang) {
        return value == null ? "—" : decimals.get(lang).format(value.setScale(1, RoundingMode.HALF_UP)).toString();
    }

    public String count(Long value, Lang lang) {
        return value == null ? "—" : decimals.get(lang).format(value).toString();
    }

    /** A share 0..1 as a percentage. */
    public String percent(BigDecimal share, Lang lang) {
        return share == null ? "—" : text("network.indicator.unit.percent", lang, decimal(share.multiply(HUNDRED), lang));
    }

    /** The measured value in its unit, or a dash when nothing was measured. */
    public String value(IndicatorValue v, Lang lang) {
        if (v == null || v.measured() == null) {
            return "—";
        }
        return switch (v.indicator().unit()) {
            case SHARE -> v.numerator() != null && v.denominator() != null
                    ? text("network.indicator.unit.share", lang, percent(v.measured(), lang), count(v.numerator(), lang), count(v.denominator(), lang))
                    : percent(v.measured(), lang);
            case DAYS -> text("network.indicator.unit.days", lang, decimal(v.measured(), lang));
            case WORKING_DAYS -> text("network.indicator.unit.working-days", lang, decimal(v.measured(), lang));
            case YES_NO -> text(v.measured().signum() > 0 ? "network.indicator.unit.yes" : "network.indicator.unit.no", lang);
            case PER_1000 -> text("network.indicator.unit.per-1000", lang, decimal(v.measured(), lang));
            case COUNT -> text("network.indicator.unit.per-year", lang, decimal(v.measured(), lang));
        };
    }

    /** The 95% Wilson interval of a share, or empty. */
    public String interval(IndicatorValue v, Lang lang) {
        if (v == null || v.lowerBound() == null || v.upperBound() == null) {
            return "";
        }
        return text("network.indicator.interval", lang, decimal(v.lowerBound().multiply(HUNDRED), lang), decimal(v.upperBound().multiply(HUNDRED), lang));
    }

    /** What the status means for this value, in words. */
    public String status(IndicatorValue v, Lang lang) {
        if (v == null) {
            return text("network.status.missing", lang);
        }
        Indicator i = v.indicator();
        return switch (v.status()) {
            case OK -> text("network.status.ok", lang);
            case LOW_COUNT -> v.numerator() != null && v.denominator() != null
                    ? text("network.status.low-count", lang, count(v.numerator(), lang), count(v.denominator(), lang), count((long) i.minimumCount(), lang))
                    : text("network.status.low-count-cases", lang, count((long) i.minimumCount(), lang));
            case NO_DATA -> text("network.status.no-data", lang) + " " + text("network.indicator." + i.code() + ".no-data", lang);
            case NOT_APPLICABLE -> text("network.status.not-applicable", lang) + " " + notApplicable(i, lang);
        };
    }

    /** Why the indicator can be not applicable. */
    public String notApplicable(Indicator i, Lang lang) {
        return messages.getMessage("network.indicator." + i.code() + ".not-applicable", null, text("network.indicator.not-applicable", lang),
                lang.locale());
    }

    public String statusName(IndicatorStatus status, Lang lang) {
        return text("network.status.name." + status.name(), lang);
    }

    /** The scoring formula with the indicator's published parameters. */
    public String formula(Indicator i, Lang lang) {
        Scale s = i.scale();
        String best = s.best() == null ? "" : s.kind() == Scale.Kind.PARITY ? decimal(s.best().multiply(HUNDRED), lang) : decimal(s.best(), lang);
        String worst = s.worst() == null ? "" : decimal(s.worst(), lang);
        return text("network.indicator.scale." + s.kind().name(), lang, best, worst);
    }

    /** Each pillar's name, in the pillars' order. */
    public Map<ma.opencommune.network.Pillar, String> pillarNames(Lang lang) {
        Map<ma.opencommune.network.Pillar, String> names = new EnumMap<>(ma.opencommune.network.Pillar.class);
        for (ma.opencommune.network.Pillar p : ma.opencommune.network.Pillar.values()) {
            names.put(p, text("network.pillar." + p.key(), lang));
        }
        return names;
    }

    public String name(Indicator i, Lang lang) {
        return text("network.indicator." + i.code() + ".name", lang);
    }

    private String text(String key, Lang lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }
}
