package ma.opencommune.council;

import java.util.List;

/**
 * A budget or execution file (or an online change) refused whole: every problem found, in file order. Nothing was saved.
 * {@code more} counts the problems found beyond the ones listed, so a file wrong on every line does not make a page of
 * a hundred thousand items.
 */
public class BudgetRejected extends RuntimeException {

    private final List<BudgetProblem> problems;
    private final int more;

    public BudgetRejected(List<BudgetProblem> problems, int more) {
        super("budget refused: " + problems.size() + " problems");
        this.problems = List.copyOf(problems);
        this.more = more;
    }

    public BudgetRejected(BudgetProblem problem) {
        this(List.of(problem), 0);
    }

    public List<BudgetProblem> problems() {
        return problems;
    }

    public int more() {
        return more;
    }
}
