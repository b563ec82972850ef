package ma.opencommune.council;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published budget as everyone reads it: the years, the current budget of a year (its last published amending
 * budget, beside the initial one) with the execution of its published periods, a line with its ancestors and children,
 * totals per section and direction over the years, and the figures the network's index asks for. Every page costs the
 * same few statements whatever the size of the tree.
 */
@Service
@Transactional(readOnly = true)
public class BudgetExplorer {

    /** A year with a published budget: its current budget, the initial one ({@code initialId}), and when it was published. */
    public record Year(int year, long budgetId, int number, LocalDate publishedOn, long initialId, LocalDate initialPublishedOn) {

        public boolean amended() {
            return number > 0;
        }
    }

    /** A line with its execution summed over the published periods; {@code initialAmount} null when not amended or new. */
    public record Line(String code, String parentCode, int depth, boolean leaf, String labelAr, String labelFr, BudgetSection section,
            BudgetDirection direction, BigDecimal amount, BigDecimal initialAmount, BigDecimal committed, BigDecimal paid,
            BigDecimal collected) {

        /** The label in the page's language, the other one when it has only one. */
        public String label(String lang) {
            return "ar".equals(lang) ? (labelAr != null ? labelAr : labelFr) : (labelFr != null ? labelFr : labelAr);
        }

        /** What was realised: paid for an expense, collected for a revenue. */
        public BigDecimal realised() {
            return direction == BudgetDirection.EXPENSE ? paid : collected;
        }

        /** Realised as a share of the amount, in percent with one decimal; null for a zero amount. */
        public BigDecimal rate() {
            return BudgetExplorer.rate(realised(), amount);
        }
    }

    /** The totals of one section and direction. */
    public record Total(BudgetSection section, BudgetDirection direction, BigDecimal amount, BigDecimal committed, BigDecimal paid,
            BigDecimal collected) {

        public BigDecimal realised() {
            return direction == BudgetDirection.EXPENSE ? paid : collected;
        }

        public BigDecimal rate() {
            return BudgetExplorer.rate(realised(), amount);
        }
    }

    /** A line seen on its own page: the line, the way down to it from the root, and its children. */
    public record Drill(Line line, List<Line> ancestors, List<Line> children) {
    }

    /** A published period of execution. */
    public record Period(String kind, int number, LocalDate endsOn, LocalDate publishedOn) {
    }

    /**
     * One execution figure of line {@code l} summed over the year's published periods. Correlated so that PostgreSQL
     * looks each line up by the primary key (period, code) instead of reading every line of every period: a page shows
     * a handful of lines of a tree that may have thousands.
     */
    private static final String EXECUTED = """
            (select coalesce(sum(x.%1$s), 0) from budget_execution e join budget_execution_line x on x.execution_id = e.id and x.code = l.code
             where e.collectivity_id = :c and e.fiscal_year = :y and e.status = 'PUBLISHED')""";

    private static final String PAGE_SELECT = "select l.code, l.parent_code, l.depth, l.leaf, l.label_ar, l.label_fr, l.section, l.direction, l.amount,"
            + " i.amount, " + String.format(EXECUTED, "committed") + ", " + String.format(EXECUTED, "paid") + ", " + String.format(EXECUTED, "collected")
            + " from budget_line l left join budget_line i on i.budget_id = :initial and i.code = l.code"
            + " where l.budget_id = :b and l.collectivity_id = :c and %s order by l.position";

    /** The whole tree at once (exports): here one pass over every period's lines, grouped, is the cheaper plan. */
    private static final String TREE_SELECT = """
            select l.code, l.parent_code, l.depth, l.leaf, l.label_ar, l.label_fr, l.section, l.direction, l.amount, i.amount,
                coalesce(sum(x.committed), 0), coalesce(sum(x.paid), 0), coalesce(sum(x.collected), 0)
            from budget_line l
            left join budget_line i on i.budget_id = :initial and i.code = l.code
            left join budget_execution_line x on x.code = l.code and x.collectivity_id = :c and x.execution_id in (
                select e.id from budget_execution e where e.collectivity_id = :c and e.fiscal_year = :y and e.status = 'PUBLISHED')
            where l.budget_id = :b and l.collectivity_id = :c
            group by l.id, l.code, l.parent_code, l.depth, l.leaf, l.label_ar, l.label_fr, l.section, l.direction, l.amount, l.position, i.amount
            order by l.position""";

    private final JdbcClient jdbc;

    BudgetExplorer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

    /** The years with a published budget, latest first, in one statement. */
    public List<Year> years(long collectivityId) {
        Map<Integer, Year> years = new LinkedHashMap<>();
        jdbc.sql("select id, fiscal_year, number, published_on from budget where collectivity_id = ? and status = 'PUBLISHED'"
                + " order by fiscal_year desc, number asc").param(collectivityId).query(rs -> {
                    int y = rs.getInt(2);
                    Year first = years.get(y);
                    long id = rs.getLong(1);
                    LocalDate on = rs.getObject(4, LocalDate.class);
                    years.put(y, first == null ? new Year(y, id, rs.getInt(3), on, id, on)
                            : new Year(y, id, rs.getInt(3), on, first.initialId(), first.initialPublishedOn()));
                });
        return List.copyOf(years.values());
    }

    public Optional<Year> year(List<Year> years, int year) {
        return years.stream().filter(y -> y.year() == year).findFirst();
    }

    /** The top lines of the year's current budget. */
    public List<Line> roots(long collectivityId, Year y) {
        return lines(collectivityId, y, "l.depth = 0", Map.of());
    }

    /** A line of the year's current budget with its ancestors and children (two statements), or empty when it has none such. */
    public Optional<Drill> drill(long collectivityId, Year y, String code) {
        String path = jdbc.sql("select path from budget_line where budget_id = ? and collectivity_id = ? and code = ?")
                .params(y.budgetId(), collectivityId, code).query(String.class).optional().orElse(null);
        if (path == null) {
            return Optional.empty();
        }
        List<String> chain = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        List<Line> found = lines(collectivityId, y, "(l.code in (:chain) or l.parent_code = :code)", Map.of("chain", chain, "code", code));
        Line line = found.stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
        List<Line> ancestors = new ArrayList<>();
        for (String a : chain.subList(0, chain.size() - 1)) {
            found.stream().filter(l -> l.code().equals(a)).findFirst().ifPresent(ancestors::add);
        }
        List<Line> children = found.stream().filter(l -> code.equals(l.parentCode()) && !chain.contains(l.code())).toList();
        return Optional.of(new Drill(line, ancestors, children));
    }

    /** Every line of the year's current budget in reading order, handed over one by one (for exports). */
    public void each(long collectivityId, Year y, Consumer<Line> out) {
        // Fetched in slices so that a long budget streams on PostgreSQL instead of being read whole first.
        jdbc.sql(TREE_SELECT).withFetchSize(500).params(params(collectivityId, y, Map.of()))
                .query(rs -> {
                    out.accept(line(rs));
                });
    }

    private List<Line> lines(long collectivityId, Year y, String where, Map<String, Object> extra) {
        return jdbc.sql(PAGE_SELECT.replace("%s", where)).params(params(collectivityId, y, extra)).query((rs, i) -> line(rs)).list();
    }

    private static Map<String, Object> params(long collectivityId, Year y, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>(extra);
        p.put("initial", y.amended() ? y.initialId() : -1L);
        p.put("c", collectivityId);
        p.put("y", y.year());
        p.put("b", y.budgetId());
        return p;
    }

    private static Line line(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Line(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4), rs.getString(5), rs.getString(6),
                BudgetSection.valueOf(rs.getString(7)), BudgetDirection.valueOf(rs.getString(8)), rs.getBigDecimal(9), rs.getBigDecimal(10),
                rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13));
    }

    /** Totals per section and direction of some top lines, in a fixed order (operating revenue first). */
    public static List<Total> totals(List<Line> roots) {
        List<Total> totals = new ArrayList<>();
        for (BudgetSection s : BudgetSection.values()) {
            for (BudgetDirection d : BudgetDirection.values()) {
                BigDecimal[] sum = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
                roots.stream().filter(l -> l.section() == s && l.direction() == d).forEach(l -> {
                    sum[0] = sum[0].add(l.amount());
                    sum[1] = sum[1].add(l.committed());
                    sum[2] = sum[2].add(l.paid());
                    sum[3] = sum[3].add(l.collected());
                });
                totals.add(new Total(s, d, sum[0], sum[1], sum[2], sum[3]));
            }
        }
        return totals;
    }

    /**
     * The totals of every year with a published budget (current budgets, top lines, execution of published periods),
     * latest year first, at most {@code max} years: one statement whatever the number of years.
     */
    public Map<Integer, List<Total>> history(long collectivityId, List<Year> years, int max) {
        List<Year> shown = years.subList(0, Math.min(max, years.size()));
        Map<Integer, Map<String, BigDecimal[]>> sums = new LinkedHashMap<>();
        shown.forEach(y -> sums.put(y.year(), new LinkedHashMap<>()));
        if (shown.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = shown.stream().map(Year::budgetId).toList();
        String executed = EXECUTED.replace(":c", "b.collectivity_id").replace(":y", "b.fiscal_year");
        jdbc.sql("select t.fiscal_year, t.section, t.direction, sum(t.amount), sum(t.committed), sum(t.paid), sum(t.collected) from ("
                + " select b.fiscal_year, l.section, l.direction, l.amount, " + String.format(executed, "committed") + " committed, "
                + String.format(executed, "paid") + " paid, " + String.format(executed, "collected") + " collected"
                + " from budget b join budget_line l on l.budget_id = b.id and l.depth = 0 where b.id in (:ids) and b.collectivity_id = :c) t"
                + " group by t.fiscal_year, t.section, t.direction")
                .param("ids", ids).param("c", collectivityId).query(rs -> {
                    BigDecimal[] s = slot(sums, rs.getInt(1), rs.getString(2), rs.getString(3));
                    for (int i = 0; i < 4; i++) {
                        s[i] = rs.getBigDecimal(4 + i);
                    }
                });
        Map<Integer, List<Total>> history = new LinkedHashMap<>();
        sums.forEach((year, bySlot) -> {
            List<Total> totals = new ArrayList<>();
            for (BudgetSection s : BudgetSection.values()) {
                for (BudgetDirection d : BudgetDirection.values()) {
                    BigDecimal[] v = bySlot.getOrDefault(s.name() + d.name(), new BigDecimal[4]);
                    totals.add(new Total(s, d, zero(v[0]), zero(v[1]), zero(v[2]), zero(v[3])));
                }
            }
            history.put(year, totals);
        });
        return history;
    }

    private static BigDecimal[] slot(Map<Integer, Map<String, BigDecimal[]>> sums, int year, String section, String direction) {
        return sums.computeIfAbsent(year, k -> new LinkedHashMap<>()).computeIfAbsent(section + direction, k -> new BigDecimal[4]);
    }

    private static BigDecimal zero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** The published periods of a year, latest first. */
    public List<Period> periods(long collectivityId, int year) {
        return jdbc.sql("select period_kind, period_number, ends_on, published_on from budget_execution where collectivity_id = ?"
                + " and fiscal_year = ? and status = 'PUBLISHED' order by ends_on desc").params(collectivityId, year)
                .query((rs, i) -> new Period(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .list();
    }

    /** The year's plain-language summary in Arabic and French (either may be null). */
    public String[] summary(long collectivityId, int year) {
        return jdbc.sql("select text_ar, text_fr from budget_summary where collectivity_id = ? and fiscal_year = ?").params(collectivityId, year)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional().orElse(new String[] {null, null});
    }

    /** For the network's openness index: is the year's budget published, and its execution (latest period, and when). */
    public BudgetPublication publication(long collectivityId, int year) {
        LocalDate budgetOn = jdbc.sql("select min(published_on) from budget where collectivity_id = ? and fiscal_year = ? and status = 'PUBLISHED'")
                .params(collectivityId, year).query(LocalDate.class).optional().orElse(null);
        List<Period> periods = periods(collectivityId, year);
        Period latest = periods.isEmpty() ? null : periods.get(0);
        return new BudgetPublication(year, budgetOn != null, budgetOn, latest != null, latest == null ? null : latest.endsOn(),
                latest == null ? null : latest.publishedOn());
    }

    /** Section and direction in a stable order, for tables that group by them. */
    public static Map<BudgetSection, List<BudgetDirection>> kinds() {
        Map<BudgetSection, List<BudgetDirection>> kinds = new EnumMap<>(BudgetSection.class);
        for (BudgetSection s : BudgetSection.values()) {
            kinds.put(s, List.of(BudgetDirection.values()));
        }
        return kinds;
    }
}
