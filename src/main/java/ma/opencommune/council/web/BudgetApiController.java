package ma.opencommune.council.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ma.opencommune.council.BudgetExplorer;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published budget of a year as data: the current budget's lines as a FLAT list in reading order, each with its
 * parent's code (null for a top line), amounts in dirhams and the execution of the published periods summed. A year
 * without a published budget is a 404 problem detail.
 */
@RestController
@RequestMapping("/api/v1/collectivities/{slug}/budgets")
@Tag(name = "Budget", description = "Budgets and their execution (published only)")
class BudgetApiController {

    @Schema(description = "A budget line. The tree is flat: rebuild it with parentCode (null for a top line); depth 0 is a top line.")
    record BudgetLine(String code, String parentCode, int depth, String labelAr, String labelFr,
            @Schema(allowableValues = {"OPERATING", "INVESTMENT"}) String section,
            @Schema(allowableValues = {"REVENUE", "EXPENSE"}) String direction,
            @Schema(description = "amount of the current (last published) budget, dirhams") BigDecimal amount,
            @Schema(description = "amount of the initial budget when the year was amended, null otherwise or for a new line") BigDecimal initialAmount,
            @Schema(description = "committed over the published periods (expenses)") BigDecimal committed,
            @Schema(description = "paid over the published periods (expenses)") BigDecimal paid,
            @Schema(description = "collected over the published periods (revenues)") BigDecimal collected) {
    }

    /** The totals of one section and direction. */
    record Total(String section, String direction, BigDecimal amount, BigDecimal committed, BigDecimal paid, BigDecimal collected) {
    }

    /** A published period of execution: kind M (month) or Q (quarter) and its number. */
    record Period(String kind, int number, LocalDate endsOn, LocalDate publishedOn) {
    }

    @Schema(description = "A year's budget: amendingNumber 0 is the initial budget; lines are flat with parent codes.")
    record Budget(int year, int amendingNumber, LocalDate initialPublishedOn, LocalDate publishedOn, List<Period> executionPeriods,
            List<Total> totals, List<BudgetLine> lines) {
    }

    private final Territory territory;
    private final BudgetExplorer explorer;

    BudgetApiController(Territory territory, BudgetExplorer explorer) {
        this.territory = territory;
        this.explorer = explorer;
    }

    @GetMapping("/{year}")
    @Operation(summary = "The year's published budget: a flat list of lines with parent codes, amounts and execution to date")
    Budget year(@PathVariable String slug, @PathVariable int year) {
        Collectivity c = territory.require(slug);
        BudgetExplorer.Year y = explorer.year(explorer.years(c.id()), year).orElseThrow(() -> new NotFoundException("budget " + year));
        List<BudgetLine> lines = new ArrayList<>();
        List<BudgetExplorer.Line> roots = new ArrayList<>();
        explorer.each(c.id(), y, l -> {
            lines.add(new BudgetLine(l.code(), l.parentCode(), l.depth(), l.labelAr(), l.labelFr(), l.section().name(), l.direction().name(),
                    l.amount(), l.initialAmount(), l.committed(), l.paid(), l.collected()));
            if (l.depth() == 0) {
                roots.add(l);
            }
        });
        List<Total> totals = BudgetExplorer.totals(roots).stream().map(t -> new Total(t.section().name(), t.direction().name(), t.amount(),
                t.committed(), t.paid(), t.collected())).toList();
        List<Period> periods = explorer.periods(c.id(), year).stream().map(p -> new Period(p.kind(), p.number(), p.endsOn(), p.publishedOn()))
                .toList();
        return new Budget(y.year(), y.number(), y.initialPublishedOn(), y.publishedOn(), periods, totals, lines);
    }
}
