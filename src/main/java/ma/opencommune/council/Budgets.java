package ma.opencommune.council;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Role;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of the budget for the staff who publish it: a year's initial budget and its numbered amending budgets, each
 * drafted (imported from CSV or edited online, checked by {@link BudgetTree}) and then published, after which it never
 * changes — a change is the next amending budget, which starts as a copy of the last published one. Council secretaries
 * and staff administrators of the collectivity in the URL only; another collectivity's budget is not found.
 */
@Service
@Transactional
public class Budgets {

    /** Who may draft, import, edit and publish the budget. */
    public static final Role[] BUDGET_STAFF = {Role.COUNCIL_SECRETARY, Role.STAFF_ADMIN};
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** A budget as the staff list shows it; {@code number} 0 is the initial budget. */
    public record BudgetRef(long id, int year, int number, String status, LocalDate publishedOn, int lines) {

        public boolean draft() {
            return "DRAFT".equals(status);
        }
    }

    /** A line as the staff editor shows it. */
    public record StaffLine(String code, String parentCode, int depth, boolean leaf, String labelAr, String labelFr,
            BudgetSection section, BudgetDirection direction, BigDecimal amount) {
    }

    private final JdbcClient jdbc;
    private final BudgetLines lines;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Budgets(JdbcClient jdbc, BudgetLines lines, Access access, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Morocco.ZONE));
    }

    @Transactional(readOnly = true)
    public List<BudgetRef> list(Collectivity c, AccountUser user) {
        access.requireStaff(user, c, BUDGET_STAFF);
        return jdbc.sql("""
                select b.id, b.fiscal_year, b.number, b.status, b.published_on, (select count(*) from budget_line l where l.budget_id = b.id) n
                from budget b where b.collectivity_id = ? order by b.fiscal_year desc, b.number desc""")
                .param(c.id()).query((rs, i) -> new BudgetRef(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6))).list();
    }

    @Transactional(readOnly = true)
    public BudgetRef find(Collectivity c, AccountUser user, long id) {
        access.requireStaff(user, c, BUDGET_STAFF);
        return ref(c, id, false);
    }

    private BudgetRef ref(Collectivity c, long id, boolean lock) {
        return jdbc.sql("select b.id, b.fiscal_year, b.number, b.status, b.published_on, 0 from budget b where b.id = ? and b.collectivity_id = ?"
                + (lock ? " for update" : ""))
                .params(id, c.id()).query((rs, i) -> new BudgetRef(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), 0)).optional().orElseThrow(() -> new NotFoundException("budget " + id));
    }

    /** The budget under a row lock, refused when already published: a published budget is never edited silently. */
    private BudgetRef draftForUpdate(Collectivity c, AccountUser user, long id) {
        access.requireStaff(user, c, BUDGET_STAFF);
        BudgetRef b = ref(c, id, true);
        if (!b.draft()) {
            throw new ConflictException("budget.conflict.published");
        }
        return b;
    }

    /**
     * The year's next budget as a draft: the initial budget (empty) when none is published, else the next amending
     * budget starting from the last published one. When the year already has a draft, that draft is returned: a
     * second click creates nothing.
     */
    public long draft(Collectivity c, AccountUser user, int year) {
        access.requireStaff(user, c, BUDGET_STAFF);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new ma.opencommune.platform.InvalidInput(java.util.Map.of("year", "budget.validation.year"));
        }
        java.util.Optional<Long> open = jdbc.sql("select id from budget where collectivity_id = ? and fiscal_year = ? and status = 'DRAFT'")
                .params(c.id(), year).query(Long.class).optional();
        if (open.isPresent()) {
            return open.get();
        }
        java.util.Optional<Long> last = jdbc.sql("""
                select id from budget where collectivity_id = ? and fiscal_year = ? and status = 'PUBLISHED' order by number desc fetch first 1 rows only""")
                .params(c.id(), year).query(Long.class).optional();
        int number = jdbc.sql("select coalesce(max(number) + 1, 0) from budget where collectivity_id = ? and fiscal_year = ?")
                .params(c.id(), year).query(Integer.class).single();
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        int inserted = jdbc.sql("insert into budget (collectivity_id, fiscal_year, number, status, created_at) values (?, ?, ?, 'DRAFT', ?)"
                + " on conflict do nothing").params(c.id(), year, number, Sql.now(clock)).update(key, "id");
        if (inserted == 0) {
            // The same form sent twice at once: the other request made the draft.
            return jdbc.sql("select id from budget where collectivity_id = ? and fiscal_year = ? and number = ?").params(c.id(), year, number)
                    .query(Long.class).single();
        }
        long id = key.getKey().longValue();
        last.ifPresent(from -> lines.copy(from, id));
        events.publishEvent(BudgetEvents.BudgetChanged.now(c.id(), user.id(), year, BudgetEvents.Change.DRAFTED,
                number == 0 ? "initial budget" : "amending budget " + number));
        return id;
    }

    /**
     * Replaces the draft's lines with a CSV file, checked whole: every problem is listed and nothing is saved when there
     * is one (the tree's sums included). Returns the number of lines imported.
     */
    public int importLines(Collectivity c, AccountUser user, long id, InputStream csv) throws IOException {
        BudgetRef b = draftForUpdate(c, user, id);
        BudgetCsv.Table table = BudgetCsv.read(csv, BudgetTree.COLUMNS, BudgetTree.OPTIONAL);
        refuse(table.problems());
        List<BudgetProblem> problems = new ArrayList<>();
        List<BudgetTree.Input> inputs = BudgetTree.inputs(table.rows(), problems);
        List<BudgetTree.Node> nodes = BudgetTree.build(inputs, problems);
        if (problems.isEmpty()) {
            problems.addAll(BudgetTree.sums(nodes));
        }
        problems.sort(java.util.Comparator.comparingInt(BudgetProblem::line));
        refuse(problems);
        lines.replace(c.id(), id, nodes);
        events.publishEvent(BudgetEvents.BudgetChanged.now(c.id(), user.id(), b.year(), BudgetEvents.Change.IMPORTED,
                "budget " + b.number() + ", " + nodes.size() + " lines"));
        return nodes.size();
    }

    static void refuse(List<BudgetProblem> problems) {
        if (!problems.isEmpty()) {
            int listed = Math.min(problems.size(), BudgetCsv.MAX_LISTED);
            throw new BudgetRejected(problems.subList(0, listed), problems.size() - listed);
        }
    }

    /**
     * Adds a line ({@code replacing} null), or changes the line {@code replacing} into {@code line}, or removes it
     * ({@code line} null), with the rules of an import except the sums, which staff fix line by line and
     * {@link #publish} checks.
     */
    public void edit(Collectivity c, AccountUser user, long id, String replacing, BudgetTree.Input line) {
        BudgetRef b = draftForUpdate(c, user, id);
        List<BudgetTree.Input> inputs = new ArrayList<>(lines.inputs(id));
        List<BudgetProblem> problems = new ArrayList<>();
        if (line != null) {
            BudgetTree.checkCode(0, "code", line.code(), true, problems);
            BudgetTree.checkCode(0, "parent_code", line.parentCode(), false, problems);
            BudgetTree.checkLabels(0, line.labelAr(), line.labelFr(), problems);
            refuse(problems);
        }
        if (replacing != null) {
            boolean found = inputs.removeIf(in -> in.code().equals(replacing));
            if (!found) {
                throw new NotFoundException("line " + replacing);
            }
        }
        if (line != null) {
            inputs.add(line);
        }
        List<BudgetTree.Node> nodes = BudgetTree.build(inputs, problems);
        refuse(problems);
        lines.replace(c.id(), id, nodes);
        BudgetEvents.Change change = line == null ? BudgetEvents.Change.LINE_REMOVED
                : replacing == null ? BudgetEvents.Change.LINE_ADDED : BudgetEvents.Change.LINE_CHANGED;
        events.publishEvent(BudgetEvents.BudgetChanged.now(c.id(), user.id(), b.year(), change,
                "budget " + b.number() + ", line " + (line == null ? replacing : line.code())));
    }

    /** The parents whose children do not add up, as publication would refuse them. */
    @Transactional(readOnly = true)
    public List<BudgetProblem> sumProblems(Collectivity c, AccountUser user, long id) {
        access.requireStaff(user, c, BUDGET_STAFF);
        ref(c, id, false);
        List<BudgetProblem> problems = new ArrayList<>();
        List<BudgetTree.Node> nodes = BudgetTree.build(lines.inputs(id), problems);
        problems.addAll(BudgetTree.sums(nodes));
        return problems;
    }

    /** Publishes the draft today: refused while it is empty or a parent is not the sum of its children. */
    public void publish(Collectivity c, AccountUser user, long id) {
        BudgetRef b = draftForUpdate(c, user, id);
        List<BudgetProblem> problems = new ArrayList<>();
        List<BudgetTree.Node> nodes = BudgetTree.build(lines.inputs(id), problems);
        if (nodes.isEmpty()) {
            problems.add(BudgetProblem.of(0, "", "budget.import.error.no-lines"));
        }
        problems.addAll(BudgetTree.sums(nodes));
        refuse(problems);
        jdbc.sql("update budget set status = 'PUBLISHED', published_on = ? where id = ? and collectivity_id = ?")
                .params(today(), id, c.id()).update();
        events.publishEvent(BudgetEvents.BudgetChanged.now(c.id(), user.id(), b.year(), BudgetEvents.Change.PUBLISHED,
                "budget " + b.number() + ", " + nodes.size() + " lines"));
    }

    /** A page of the budget's lines in reading order, after the line at {@code afterPosition} (-1 for the first page). */
    @Transactional(readOnly = true)
    public List<StaffLine> lines(Collectivity c, AccountUser user, long id, int afterPosition, int limit) {
        access.requireStaff(user, c, BUDGET_STAFF);
        return lines.page(c.id(), id, afterPosition, limit);
    }

    /** One line of the budget, for its edit form. */
    @Transactional(readOnly = true)
    public StaffLine line(Collectivity c, AccountUser user, long id, String code) {
        access.requireStaff(user, c, BUDGET_STAFF);
        ref(c, id, false);
        return lines.one(c.id(), id, code).orElseThrow(() -> new NotFoundException("line " + code));
    }

    /** The position of a line in reading order, so the editor can page on from it. */
    @Transactional(readOnly = true)
    public int position(long id, String code) {
        return lines.position(id, code);
    }

    /** Writes the year's "citizen budget" summary; shown on the year's public page once its budget is published. */
    public void writeSummary(Collectivity c, AccountUser user, int year, String ar, String fr) {
        access.requireStaff(user, c, BUDGET_STAFF);
        new ma.opencommune.platform.Check().when(year < FIRST_YEAR || year > LAST_YEAR, "year", "budget.validation.year")
                .text("summaryAr", ar, false, 20_000).text("summaryFr", fr, false, 20_000)
                .when(ma.opencommune.platform.Check.blank(ar) && ma.opencommune.platform.Check.blank(fr), "summaryAr", "budget.validation.summary-missing")
                .orThrow();
        int changed = jdbc.sql("update budget_summary set text_ar = ?, text_fr = ?, updated_at = ? where collectivity_id = ? and fiscal_year = ?")
                .params(ma.opencommune.platform.Check.clean(ar), ma.opencommune.platform.Check.clean(fr), Sql.now(clock), c.id(), year).update();
        if (changed == 0) {
            jdbc.sql("insert into budget_summary (collectivity_id, fiscal_year, text_ar, text_fr, updated_at) values (?, ?, ?, ?, ?)"
                    + " on conflict do nothing")
                    .params(c.id(), year, ma.opencommune.platform.Check.clean(ar), ma.opencommune.platform.Check.clean(fr), Sql.now(clock)).update();
        }
        events.publishEvent(BudgetEvents.BudgetChanged.now(c.id(), user.id(), year, BudgetEvents.Change.SUMMARY_WRITTEN, "citizen budget"));
    }
}
