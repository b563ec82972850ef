package ma.opencommune.council;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of a budget's lines. A draft's lines are written whole (deleted, then inserted in batches of a thousand) so
 * that a 5,000-line import is a handful of round trips and a change never leaves the tree half rewritten.
 */
@Component
class BudgetLines {

    private static final int BATCH = 1_000;
    private static final String COLUMNS = "code, parent_code, depth, leaf, label_ar, label_fr, section, direction, amount";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    BudgetLines(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void replace(long collectivityId, long budgetId, List<BudgetTree.Node> nodes) {
        jdbc.sql("delete from budget_line where budget_id = ?").param(budgetId).update();
        List<Object[]> rows = new ArrayList<>(Math.min(nodes.size(), BATCH));
        for (BudgetTree.Node n : nodes) {
            BudgetTree.Input in = n.input();
            rows.add(new Object[] {budgetId, collectivityId, in.code(), n.parent(), n.path(), n.depth(), n.leaf(), n.position(), in.labelAr(),
                in.labelFr(), in.section().name(), in.direction().name(), in.amount()});
            if (rows.size() == BATCH) {
                insert(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            insert(rows);
        }
    }

    private void insert(List<Object[]> rows) {
        batch.batchUpdate("""
                insert into budget_line (budget_id, collectivity_id, code, parent_code, path, depth, leaf, position, label_ar, label_fr,
                    section, direction, amount)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** An amending budget starts as the lines of the last published one, copied in one statement. */
    void copy(long fromBudgetId, long toBudgetId) {
        jdbc.sql("""
                insert into budget_line (budget_id, collectivity_id, code, parent_code, path, depth, leaf, position, label_ar, label_fr,
                    section, direction, amount)
                select ?, collectivity_id, code, parent_code, path, depth, leaf, position, label_ar, label_fr, section, direction, amount
                from budget_line where budget_id = ?""").params(toBudgetId, fromBudgetId).update();
    }

    /** The draft's lines as inputs again (explicit parents kept), in reading order, for an online change. */
    List<BudgetTree.Input> inputs(long budgetId) {
        return jdbc.sql("select " + COLUMNS + " from budget_line where budget_id = ? order by position").param(budgetId)
                .query((rs, i) -> {
                    Budgets.StaffLine l = line(rs);
                    return new BudgetTree.Input(0, l.code(), l.parentCode(), l.labelAr(), l.labelFr(), l.section(), l.direction(), l.amount());
                }).list();
    }

    List<Budgets.StaffLine> page(long collectivityId, long budgetId, int afterPosition, int limit) {
        return jdbc.sql("select " + COLUMNS + " from budget_line where budget_id = ? and collectivity_id = ? and position > ?"
                + " order by position fetch first " + limit + " rows only").params(budgetId, collectivityId, afterPosition)
                .query((rs, i) -> line(rs)).list();
    }

    Optional<Budgets.StaffLine> one(long collectivityId, long budgetId, String code) {
        return jdbc.sql("select " + COLUMNS + " from budget_line where budget_id = ? and collectivity_id = ? and code = ?")
                .params(budgetId, collectivityId, code).query((rs, i) -> line(rs)).optional();
    }

    int position(long budgetId, String code) {
        return jdbc.sql("select position from budget_line where budget_id = ? and code = ?").params(budgetId, code).query(Integer.class)
                .optional().orElse(-1);
    }

    private static Budgets.StaffLine line(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Budgets.StaffLine(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4), rs.getString(5), rs.getString(6),
                BudgetSection.valueOf(rs.getString(7)), BudgetDirection.valueOf(rs.getString(8)), rs.getBigDecimal(9));
    }
}
