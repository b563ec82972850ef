package ma.opencommune.council.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import ma.opencommune.council.BudgetExplorer;
import ma.opencommune.platform.CsvWriter;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.web.SameForEveryAnonymousVisitor;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public budget: the years with a published budget, a year's explorer (top lines, totals and execution rate per
 * section, comparison with previous years, charts with their tables, the citizen summary), a line's page to drill down
 * by following links (no JavaScript), and the year's lines with execution as a streamed CSV.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/budget")
class BudgetPagesController {

    /** Years compared on a year's page. */
    static final int HISTORY = 5;

    private final Territory territory;
    private final BudgetExplorer explorer;
    private final BudgetCharts charts;

    BudgetPagesController(Territory territory, BudgetExplorer explorer, BudgetCharts charts) {
        this.territory = territory;
        this.explorer = explorer;
        this.charts = charts;
    }

    @GetMapping
    @SameForEveryAnonymousVisitor
    String years(Lang lang, @PathVariable String slug, Model model) {
        Collectivity c = territory.require(slug);
        List<BudgetExplorer.Year> years = explorer.years(c.id());
        model.addAttribute("collectivity", c);
        model.addAttribute("years", years);
        return "council/budget-years";
    }

    @GetMapping("/{year:\\d+}")
    @SameForEveryAnonymousVisitor
    String year(Lang lang, @PathVariable String slug, @PathVariable int year, Model model) {
        Collectivity c = territory.require(slug);
        List<BudgetExplorer.Year> years = explorer.years(c.id());
        BudgetExplorer.Year y = explorer.year(years, year).orElseThrow(() -> new NotFoundException("budget " + year));
        List<BudgetExplorer.Line> roots = explorer.roots(c.id(), y);
        List<BudgetExplorer.Total> totals = BudgetExplorer.totals(roots);
        Map<Integer, List<BudgetExplorer.Total>> history = explorer.history(c.id(), years, HISTORY);
        model.addAttribute("collectivity", c);
        model.addAttribute("years", years);
        model.addAttribute("y", y);
        model.addAttribute("roots", roots);
        model.addAttribute("totals", totals);
        model.addAttribute("history", history);
        model.addAttribute("periods", explorer.periods(c.id(), year));
        model.addAttribute("summary", explorer.summary(c.id(), year));
        model.addAttribute("executionChart", charts.execution(totals, lang));
        model.addAttribute("historyChart", history.size() > 1 ? charts.history(history, lang) : null);
        return "council/budget-year";
    }

    @GetMapping("/{year:\\d+}/lines/{code}")
    @SameForEveryAnonymousVisitor
    String line(Lang lang, @PathVariable String slug, @PathVariable int year, @PathVariable String code, Model model) {
        Collectivity c = territory.require(slug);
        List<BudgetExplorer.Year> years = explorer.years(c.id());
        BudgetExplorer.Year y = explorer.year(years, year).orElseThrow(() -> new NotFoundException("budget " + year));
        BudgetExplorer.Drill drill = explorer.drill(c.id(), y, code).orElseThrow(() -> new NotFoundException("line " + code));
        model.addAttribute("collectivity", c);
        model.addAttribute("y", y);
        model.addAttribute("drill", drill);
        model.addAttribute("periods", explorer.periods(c.id(), year));
        return "council/budget-line";
    }

    /** Every line of the year's current budget with its execution, written as it is read. */
    @GetMapping("/{year:\\d+}.csv")
    void csv(Lang lang, @PathVariable String slug, @PathVariable int year, HttpServletResponse response) throws IOException {
        Collectivity c = territory.require(slug);
        BudgetExplorer.Year y = explorer.year(explorer.years(c.id()), year).orElseThrow(() -> new NotFoundException("budget " + year));
        response.setContentType(CsvWriter.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"budget-" + c.slug() + "-" + year + ".csv\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        CsvWriter csv = CsvWriter.withBom(response.getOutputStream());
        String[] head = {"code", "parent_code", "depth", "label_ar", "label_fr", "section", "direction", "amount", "initial_amount", "committed",
            "paid", "collected"};
        csv.row(head);
        try {
            explorer.each(c.id(), y, l -> csv.rowUnchecked(l.code(), l.parentCode(), String.valueOf(l.depth()), l.labelAr(), l.labelFr(),
                    l.section().name(), l.direction().name(), l.amount().toPlainString(),
                    l.initialAmount() == null ? "" : l.initialAmount().toPlainString(), l.committed().toPlainString(), l.paid().toPlainString(),
                    l.collected().toPlainString()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }
}
