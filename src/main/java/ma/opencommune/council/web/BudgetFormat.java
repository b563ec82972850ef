package ma.opencommune.council.web;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import ma.opencommune.platform.Lang;
import org.springframework.stereotype.Component;

/**
 * Amounts in dirhams for budget pages ({@code ${@budgetFormat.amount(a, lang)}}): always two decimals, grouped as the
 * page's language groups them, with Western digits as Moroccan administration writes them; and rates in percent.
 */
@Component("budgetFormat")
public class BudgetFormat {

    private final Map<Lang, NumberFormat> amounts = new EnumMap<>(Lang.class);
    private final Map<Lang, NumberFormat> rates = new EnumMap<>(Lang.class);

    public BudgetFormat() {
        for (Lang lang : Lang.values()) {
            ULocale locale = switch (lang) {
                case AR -> new ULocale("ar_MA@numbers=latn");
                case FR -> new ULocale("fr_MA");
                case ZGH -> new ULocale("zgh_MA@numbers=latn");
                case EN -> new ULocale("en_GB");
            };
            NumberFormat amount = NumberFormat.getInstance(locale);
            amount.setMinimumFractionDigits(2);
            amount.setMaximumFractionDigits(2);
            amounts.put(lang, amount);
            NumberFormat rate = NumberFormat.getInstance(locale);
            rate.setMinimumFractionDigits(1);
            rate.setMaximumFractionDigits(1);
            rates.put(lang, rate);
        }
    }

    public String amount(BigDecimal value, Lang lang) {
        return value == null ? "" : ((NumberFormat) amounts.get(lang).clone()).format(value);
    }

    /** A rate in percent ("72.4 %"), or a dash when there is nothing to divide by. */
    public String rate(BigDecimal value, Lang lang) {
        return value == null ? "—" : ((NumberFormat) rates.get(lang).clone()).format(value) + "\u00A0%";
    }
}
