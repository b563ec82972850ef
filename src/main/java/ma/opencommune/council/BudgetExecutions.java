package ma.opencommune.council;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Execution of the year's budget by period (a month or a quarter): what was committed and paid on each expense line and
 * collected on each revenue line during the period. Staff give the detailed lines (imported from CSV or typed online);
 * the figures of every parent are summed from its children when saved, so pages read them without adding up. A period
 * is drafted, then published with its date, after which it is fixed.
 */
@Service
@Transactional
public class BudgetExecutions {

    static final List<String> COLUMNS = List.of("code");
    static final List<String> OPTIONAL = List.of("committed", "paid", "collected");

    /** A period as the staff list shows it: kind 'M' (month) or 'Q' (quarter) and its number in the year. */
    public record ExecutionRef(long id, int year, String kind, int number, LocalDate endsOn, String status, LocalDate publishedOn) {

        public boolean draft() {
            return "DRAFT".equals(status);
        }

        /** The period as staff type it and the page writes it: "M3", "Q1". */
        public String period() {
            return kind + number;
        }
    }

    /** The figures of one line in a period. */
    public record Figures(String code, BigDecimal committed, BigDecimal paid, BigDecimal collected) {
    }

    /** The shape of the year's current tree that a period's figures hang on. */
    private record Shape(String code, String parent, boolean leaf, BudgetDirection direction) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BudgetExecutions(JdbcClient jdbc, JdbcTemplate batch, Access access, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** "M1".."M12" or "Q1".."Q4", or null when it is neither. */
    public static String[] parsePeriod(String period) {
        if (period == null || !period.strip().matches("[MQmq]\\d{1,2}")) {
            return null;
        }
        String kind = period.strip().substring(0, 1).toUpperCase(java.util.Locale.ROOT);
        int n = Integer.parseInt(period.strip().substring(1));
        return n >= 1 && n <= ("M".equals(kind) ? 12 : 4) ? new String[] {kind, String.valueOf(n)} : null;
    }

    @Transactional(readOnly = true)
    public List<ExecutionRef> list(Collectivity c, AccountUser user) {
        access.requireStaff(user, c, Budgets.BUDGET_STAFF);
        return jdbc.sql("select id, fiscal_year, period_kind, period_number, ends_on, status, published_on from budget_execution"
                + " where collectivity_id = ? order by fiscal_year desc, ends_on desc").param(c.id()).query((rs, i) -> ref(rs)).list();
    }

    @Transactional(readOnly = true)
    public ExecutionRef find(Collectivity c, AccountUser user, long id) {
        access.requireStaff(user, c, Budgets.BUDGET_STAFF);
        return ref(c, id, false);
    }

    private ExecutionRef ref(Collectivity c, long id, boolean lock) {
        return jdbc.sql("select id, fiscal_year, period_kind, period_number, ends_on, status, published_on from budget_execution"
                + " where id = ? and collectivity_id = ?" + (lock ? " for update" : "")).params(id, c.id()).query((rs, i) -> ref(rs))
                .optional().orElseThrow(() -> new NotFoundException("execution " + id));
    }

    private static ExecutionRef ref(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ExecutionRef(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getObject(5, LocalDate.class), rs.getString(6),
                rs.getObject(7, LocalDate.class));
    }

    /**
     * Replaces the figures of a period of {@code year} (drafting the period if new) with a CSV file of detailed lines,
     * checked whole against the year's published budget: nothing is saved when a line is wrong. Returns the period's id.
     */
    public long importFigures(Collectivity c, AccountUser user, int year, String period, InputStream csv) throws IOException {
        access.requireStaff(user, c, Budgets.BUDGET_STAFF);
        String[] p = parsePeriod(period);
        if (p == null) {
            throw new BudgetRejected(BudgetProblem.of(0, "period", "budget.execution.error.period"));
        }
        Map<String, Shape> shape = shape(c.id(), year);
        if (shape.isEmpty()) {
            throw new BudgetRejected(BudgetProblem.of(0, "year", "budget.execution.error.no-budget", String.valueOf(year)));
        }
        BudgetCsv.Table table = BudgetCsv.read(csv, COLUMNS, OPTIONAL);
        Budgets.refuse(table.problems());
        List<BudgetProblem> problems = new ArrayList<>();
        Map<String, Figures> given = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (BudgetCsv.Row row : table.rows()) {
            int before = problems.size();
            String code = row.get("code");
            BigDecimal committed = BudgetCsv.amount(row, "committed", false, problems);
            BigDecimal paid = BudgetCsv.amount(row, "paid", false, problems);
            BigDecimal collected = BudgetCsv.amount(row, "collected", false, problems);
            Integer first = seen.putIfAbsent(code, row.line());
            if (code.isEmpty()) {
                problems.add(BudgetProblem.of(row.line(), "code", "budget.import.error.code-missing"));
            } else if (first != null) {
                problems.add(BudgetProblem.of(row.line(), "code", "budget.import.error.code-twice", BudgetCsv.shown(code), String.valueOf(first)));
            } else if (problems.size() == before) {
                check(shape, new Figures(code, committed, paid, collected), row.line(), problems);
            }
            if (problems.size() == before) {
                given.put(code, new Figures(code, committed, paid, collected));
            }
        }
        Budgets.refuse(problems);
        long id = draftPeriod(c, year, p[0], Integer.parseInt(p[1]));
        write(c.id(), id, shape, given.values());
        events.publishEvent(BudgetEvents.BudgetChanged.now(c.id(), user.id(), year, BudgetEvents.Change.EXECUTION_IMPORTED,
                "period " + p[0] + p[1] + ", " + given.size() + " lines"));
        return id;
    }

    /** A detailed line of the year's budget, with figures of its kind: no collection on an expense, no payment on a revenue. */
    private static void check(Map<String, Shape> shape, Figures f, int line, List<BudgetProblem> problems) {
        Shape s = shape.get(f.code());
        if (s == null) {
            problems.add(BudgetProblem.of(line, "code", "budget.execution.error.code-unknown", BudgetCsv.shown(f.code())));
        } else if (!s.leaf()) {
            problems.add(BudgetProblem.of(line, "code", "budget.execution.error.code-parent", f.code()));
        } else if (s.direction() == BudgetDirection.EXPENSE && f.collected().signum() != 0) {
            problems.add(BudgetProblem.of(line, "collected", "budget.execution.error.collected-on-expense", f.code()));
        } else if (s.direction() == BudgetDirection.REVENUE && (f.committed().signum() != 0 || f.paid().signum() != 0)) {
            problems.add(BudgetProblem.of(line, "paid", "budget.execution.error.paid-on-revenue", f.code()));
        }
    }

    /** Changes the figures of one detailed line of a draft period, with the rules of an import. */
    public void change(Collectivity c, AccountUser user, long id, Figures figures) {
        access.requireStaff(user, c, Budgets.BUDGET_STAFF);
        ExecutionRef e = ref(c, id, true);
        if (!e.draft()) {
            throw new ConflictException("budget.conflict.execution-published");
        }
        Map<String, Shape> shape = shape(c.id(), e.year());
        List<BudgetProblem> problems = new ArrayList<>();
        check(shape, figures, 0, problems);
        Budgets.refuse(problems);
        Map<String, Figures> leaves = new HashMap<>();
        for (Figures f : figures(c, id)) {
            Shape s = shape.get(f.code());
            if (s != null && s.leaf()) {
                leaves.put(f.code(), f);
            }
        }
        leaves.put(figures.code(), figures);
        write(c.id(), id, shape, leaves.values());
        events.publishEvent(BudgetEvents.BudgetChanged.now(c.id(), user.id(), e.year(), BudgetEvents.Change.EXECUTION_CHANGED,
                "period " + e.period() + ", line " + figures.code()));
    }

    public void publish(Collectivity c, AccountUser user, long id) {
        access.requireStaff(user, c, Budgets.BUDGET_STAFF);
        ExecutionRef e = ref(c, id, true);
        if (!e.draft()) {
            throw new ConflictException("budget.conflict.execution-published");
        }
        jdbc.sql("update budget_execution set status = 'PUBLISHED', published_on = ? where id = ? and collectivity_id = ?")
                .params(LocalDate.now(clock.withZone(Morocco.ZONE)), id, c.id()).update();
        events.publishEvent(BudgetEvents.BudgetChanged.now(c.id(), user.id(), e.year(), BudgetEvents.Change.EXECUTION_PUBLISHED,
                "period " + e.period()));
    }

    /** Every line's figures in a period (parents included), in code order. */
    @Transactional(readOnly = true)
    public List<Figures> figures(Collectivity c, long id) {
        return jdbc.sql("select code, committed, paid, collected from budget_execution_line where execution_id = ? and collectivity_id = ? order by code")
                .params(id, c.id()).query((rs, i) -> new Figures(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
    }

    /** The draft of a period, made when new; a published period is not replaced. */
    private long draftPeriod(Collectivity c, int year, String kind, int number) {
        LocalDate ends = "M".equals(kind) ? YearMonth.of(year, number).atEndOfMonth() : YearMonth.of(year, number * 3).atEndOfMonth();
        jdbc.sql("""
                insert into budget_execution (collectivity_id, fiscal_year, period_kind, period_number, ends_on, status, created_at)
                values (?, ?, ?, ?, ?, 'DRAFT', ?) on conflict do nothing""").params(c.id(), year, kind, number, ends, Sql.now(clock)).update();
        ExecutionRef e = jdbc.sql("select id, fiscal_year, period_kind, period_number, ends_on, status, published_on from budget_execution"
                + " where collectivity_id = ? and fiscal_year = ? and period_kind = ? and period_number = ? for update")
                .params(c.id(), year, kind, number).query((rs, i) -> ref(rs)).single();
        if (!e.draft()) {
            throw new ConflictException("budget.conflict.execution-published");
        }
        return e.id();
    }

    /** Writes the detailed figures and every ancestor's sums, replacing what the period held. */
    private void write(long collectivityId, long id, Map<String, Shape> shape, java.util.Collection<Figures> leaves) {
        Map<String, BigDecimal[]> sums = new HashMap<>();
        for (Figures f : leaves) {
            for (String code = f.code(); code != null; code = shape.get(code).parent()) {
                BigDecimal[] s = sums.computeIfAbsent(code, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(f.committed());
                s[1] = s[1].add(f.paid());
                s[2] = s[2].add(f.collected());
            }
        }
        jdbc.sql("delete from budget_execution_line where execution_id = ?").param(id).update();
        List<Object[]> rows = new ArrayList<>(sums.size());
        sums.forEach((code, s) -> rows.add(new Object[] {id, collectivityId, code, s[0], s[1], s[2]}));
        batch.batchUpdate("insert into budget_execution_line (execution_id, collectivity_id, code, committed, paid, collected) values (?, ?, ?, ?, ?, ?)",
                rows);
    }

    /** The tree of the year's current (last published) budget. */
    private Map<String, Shape> shape(long collectivityId, int year) {
        Map<String, Shape> shape = new HashMap<>();
        jdbc.sql("""
                select l.code, l.parent_code, l.leaf, l.direction from budget_line l where l.budget_id = (
                    select id from budget where collectivity_id = ? and fiscal_year = ? and status = 'PUBLISHED' order by number desc fetch first 1 rows only)""")
                .params(collectivityId, year).query(rs -> {
                    String code = rs.getString(1);
                    shape.put(code, new Shape(code, rs.getString(2), rs.getBoolean(3), BudgetDirection.valueOf(rs.getString(4))));
                });
        return shape;
    }
}
