package ma.opencommune.council;

import java.util.List;

/**
 * One thing wrong in a budget file or an online change, told the way staff can fix it: the file's line number (0 for the
 * file as a whole), the column, and a message key with its arguments, rendered in the reader's language.
 */
public record BudgetProblem(int line, String column, String key, List<Object> args) {

    public static BudgetProblem of(int line, String column, String key, Object... args) {
        return new BudgetProblem(line, column, key, List.of(args));
    }

    public Object[] arguments() {
        return args.toArray();
    }
}
