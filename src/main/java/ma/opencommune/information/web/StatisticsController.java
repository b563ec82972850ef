package ma.opencommune.information.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import ma.opencommune.information.ComplaintLevel;
import ma.opencommune.information.ComplaintOutcome;
import ma.opencommune.information.InformationStatistics;
import ma.opencommune.information.RefusalGround;
import ma.opencommune.platform.BarChart;
import ma.opencommune.platform.CsvWriter;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.web.SameForEveryAnonymousVisitor;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Public statistics of a collectivity's requests by year of receipt: charts, the same numbers as tables, and a CSV. */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/information")
class StatisticsController {

    /** One line of the figures, as the table and the CSV give it. */
    record Line(String label, long value, String detail) {
    }

    private final Territory territory;
    private final InformationStatistics statistics;
    private final MessageSource messages;

    StatisticsController(Territory territory, InformationStatistics statistics, MessageSource messages) {
        this.territory = territory;
        this.statistics = statistics;
        this.messages = messages;
    }

    @GetMapping("/statistics")
    @SameForEveryAnonymousVisitor
    String page(Lang lang, @PathVariable String slug, @RequestParam(required = false) String year, Model model) {
        Collectivity c = territory.require(slug);
        List<Integer> years = statistics.years(c.id());
        int y = year(year, years);
        InformationStatistics.Statistics s = statistics.year(c.id(), y);
        model.addAttribute("collectivity", c);
        model.addAttribute("years", years);
        model.addAttribute("year", y);
        model.addAttribute("stats", s);
        model.addAttribute("lines", lines(s, lang));
        model.addAttribute("grounds", RefusalGround.values());
        model.addAttribute("levels", ComplaintLevel.values());
        model.addAttribute("outcomes", ComplaintOutcome.values());
        model.addAttribute("shareMin", InformationStatistics.SHARE_MIN);
        model.addAttribute("outcomeChart", outcomeChart(s, lang));
        model.addAttribute("groundChart", s.refused() == 0 ? null : groundChart(s, lang));
        return "information/statistics";
    }

    /** A year outside the offered ones (or not a number) shows the latest: the page never errs on a hand-typed year. */
    static int year(String year, List<Integer> years) {
        try {
            int y = Integer.parseInt(year == null ? "" : year.strip());
            return years.contains(y) ? y : years.get(0);
        } catch (NumberFormatException e) {
            return years.get(0);
        }
    }

    @GetMapping("/statistics.csv")
    void csv(Lang lang, @PathVariable String slug, @RequestParam(required = false) String year, HttpServletResponse response)
            throws IOException {
        Collectivity c = territory.require(slug);
        int y = year(year, statistics.years(c.id()));
        InformationStatistics.Statistics s = statistics.year(c.id(), y);
        response.setContentType("text/csv; charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"information-statistics-" + c.slug() + "-" + y + ".csv\"");
        CsvWriter csv = CsvWriter.withBom(response.getOutputStream());
        csv.row(text("information.stats.csv.year", lang), text("information.stats.csv.indicator", lang), text("information.stats.csv.value", lang));
        for (Line line : lines(s, lang)) {
            csv.row(Integer.toString(y), line.label(), String.valueOf(line.value()));
        }
        csv.flush();
    }

    /** Every figure as a labelled line, in the order of the page's table. */
    List<Line> lines(InformationStatistics.Statistics s, Lang lang) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(text("information.stats.received", lang), s.received(), null));
        lines.add(new Line(text("information.stats.responded", lang), s.responded(), null));
        lines.add(new Line(text("information.stats.in-time", lang), s.respondedInTime(), null));
        lines.add(new Line(text("information.stats.extensions", lang), s.extensions(), null));
        lines.add(new Line(text("information.stats.refused", lang), s.refused(), null));
        for (RefusalGround g : RefusalGround.values()) {
            lines.add(new Line(text("information.stats.refused", lang) + " — " + text("information.ground." + g.name(), lang),
                    s.refusals().getOrDefault(g, 0L), null));
        }
        lines.add(new Line(text("information.stats.transfers", lang), s.transfers(), null));
        lines.add(new Line(text("information.stats.withdrawals", lang), s.withdrawals(), null));
        for (ComplaintLevel level : ComplaintLevel.values()) {
            InformationStatistics.Complaints k = s.complaints().get(level);
            String name = text("information.complaint-level." + level.name(), lang);
            lines.add(new Line(name, k.filed(), null));
            for (ComplaintOutcome o : ComplaintOutcome.values()) {
                lines.add(new Line(name + " — " + text("information.complaint-outcome." + o.name(), lang), k.byOutcome().getOrDefault(o, 0L), null));
            }
            lines.add(new Line(name + " — " + text("information.stats.complaint-pending", lang), k.pending(), null));
        }
        lines.add(new Line(text("information.stats.open", lang), s.open(), null));
        lines.add(new Line(text("information.stats.overdue", lang), s.overdue(), null));
        return lines;
    }

    private BarChart outcomeChart(InformationStatistics.Statistics s, Lang lang) {
        List<BarChart.Group> groups = List.of(
                group(text("information.stats.received", lang), s.received()),
                group(text("information.stats.responded", lang), s.responded()),
                group(text("information.stats.in-time", lang), s.respondedInTime()),
                group(text("information.stats.extensions", lang), s.extensions()),
                group(text("information.stats.transfers", lang), s.transfers()),
                group(text("information.stats.withdrawals", lang), s.withdrawals()),
                group(text("information.stats.open", lang), s.open()));
        return BarChart.of("chart-requests", text("information.stats.chart.requests", lang), text("information.stats.chart.requests.desc", lang),
                lang.rtl(), List.of(text("information.stats.chart.count", lang)), groups, Math.max(1, s.received()),
                v -> String.valueOf((long) v), "");
    }

    private BarChart groundChart(InformationStatistics.Statistics s, Lang lang) {
        List<BarChart.Group> groups = new ArrayList<>();
        long max = 1;
        for (RefusalGround g : RefusalGround.values()) {
            long n = s.refusals().getOrDefault(g, 0L);
            groups.add(group(text("information.ground." + g.name(), lang), n));
            max = Math.max(max, n);
        }
        return BarChart.of("chart-grounds", text("information.stats.chart.grounds", lang), text("information.stats.chart.grounds.desc", lang),
                lang.rtl(), List.of(text("information.stats.chart.count", lang)), groups, max, v -> String.valueOf((long) v), "");
    }

    private static BarChart.Group group(String label, long value) {
        return new BarChart.Group(label, List.of((double) value));
    }

    private String text(String key, Lang lang) {
        return messages.getMessage(key, null, lang.locale());
    }
}
