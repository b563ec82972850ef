package ma.opencommune.council.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.opencommune.council.BudgetExplorer;
import ma.opencommune.platform.BarChart;
import ma.opencommune.platform.Lang;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The budget pages' server-rendered charts; the same figures are always in a table beside them. */
@Component
class BudgetCharts {

    private final MessageSource messages;
    private final BudgetFormat format;

    BudgetCharts(MessageSource messages, BudgetFormat format) {
        this.messages = messages;
        this.format = format;
    }

    /** Planned and realised per section and direction, in millions of dirhams so that the bars' texts stay short. */
    BarChart execution(List<BudgetExplorer.Total> totals, Lang lang) {
        List<BarChart.Group> groups = new ArrayList<>();
        double max = 1;
        for (BudgetExplorer.Total t : totals) {
            double planned = millions(t.amount());
            double realised = millions(t.realised());
            max = Math.max(max, Math.max(planned, realised));
            groups.add(new BarChart.Group(kind(t, lang), List.of(planned, realised)));
        }
        return BarChart.of("budget-chart-execution", text("budget.chart.execution", lang), text("budget.chart.execution.desc", lang), lang.rtl(),
                List.of(text("budget.col.amount", lang), text("budget.col.realised", lang)), groups, max, v -> millionsText(v, lang), "—");
    }

    /** The amount of each section and direction over the years, latest first. */
    BarChart history(Map<Integer, List<BudgetExplorer.Total>> history, Lang lang) {
        List<BarChart.Group> groups = new ArrayList<>();
        double max = 1;
        for (Map.Entry<Integer, List<BudgetExplorer.Total>> year : history.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (BudgetExplorer.Total t : year.getValue()) {
                if (t.direction() == ma.opencommune.council.BudgetDirection.EXPENSE) {
                    values.add(millions(t.amount()));
                    max = Math.max(max, millions(t.amount()));
                }
            }
            groups.add(new BarChart.Group(String.valueOf(year.getKey()), values));
        }
        return BarChart.of("budget-chart-history", text("budget.chart.history", lang), text("budget.chart.history.desc", lang), lang.rtl(),
                List.of(text("budget.section.OPERATING", lang), text("budget.section.INVESTMENT", lang)), groups, max,
                v -> millionsText(v, lang), "—");
    }

    String kind(BudgetExplorer.Total t, Lang lang) {
        return text("budget.kind." + t.section() + "." + t.direction(), lang);
    }

    private static double millions(BigDecimal v) {
        return v == null ? 0 : v.doubleValue() / 1_000_000d;
    }

    /** A bar's value in millions with one decimal; the unit is in the chart's title (the bars leave room for a short number). */
    private String millionsText(double v, Lang lang) {
        return format.rate(BigDecimal.valueOf(v), lang).replace("\u00A0%", "");
    }

    private String text(String key, Lang lang) {
        return messages.getMessage(key, null, lang.locale());
    }
}
