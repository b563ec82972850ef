package ma.opencommune.council;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of a budget's tree, shared by the CSV import and the online editor so both refuse the same things: a code of
 * letters, digits, dots and dashes; each code once; a parent that exists (given, or the longest other code that begins
 * the code — at a dot for dotted codes); no loop; a label in at least one language; a child in its parent's section and
 * direction; and, before publication, children that sum to their parent.
 */
public final class BudgetTree {

    static final List<String> COLUMNS = List.of("code", "label_ar", "label_fr", "section", "direction", "amount");
    static final List<String> OPTIONAL = List.of("parent_code");
    static final int LABEL_MAX = 300;
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{0,39}");

    /** A line as typed: {@code line} is its number in the file (0 for a line typed online). */
    public record Input(int line, String code, String parentCode, String labelAr, String labelFr, BudgetSection section,
            BudgetDirection direction, BigDecimal amount) {
    }

    /** A line placed in the tree: its parent, the codes from the root, its depth and its rank in reading order. */
    public record Node(Input input, String parent, String path, int depth, boolean leaf, int position) {

        public String code() {
            return input.code();
        }
    }

    private BudgetTree() {
    }

    /** The lines of a budget file, each cell checked; a line with a problem is left out (the problems say why). */
    static List<Input> inputs(List<BudgetCsv.Row> rows, List<BudgetProblem> problems) {
        List<Input> inputs = new ArrayList<>(rows.size());
        // A line left out for a bad cell is still checked for a repeated code, so that one upload lists every problem.
        Map<String, Integer> firstLine = new HashMap<>();
        java.util.Set<String> firstLeftOut = new java.util.HashSet<>();
        for (BudgetCsv.Row row : rows) {
            int before = problems.size();
            String code = row.get("code");
            String parent = row.get("parent_code");
            checkCode(row.line(), "code", code, true, problems);
            checkCode(row.line(), "parent_code", parent, false, problems);
            String ar = row.get("label_ar");
            String fr = row.get("label_fr");
            checkLabels(row.line(), ar, fr, problems);
            BudgetSection section = section(row.get("section"));
            if (section == null) {
                problems.add(BudgetProblem.of(row.line(), "section", "budget.import.error.section", BudgetCsv.shown(row.get("section"))));
            }
            BudgetDirection direction = direction(row.get("direction"));
            if (direction == null) {
                problems.add(BudgetProblem.of(row.line(), "direction", "budget.import.error.direction", BudgetCsv.shown(row.get("direction"))));
            }
            BigDecimal amount = BudgetCsv.amount(row, "amount", true, problems);
            boolean leftOut = problems.size() != before;
            if (!leftOut) {
                inputs.add(new Input(row.line(), code, parent.isEmpty() ? null : parent, ar.isEmpty() ? null : ar, fr.isEmpty() ? null : fr,
                        section, direction, amount));
            }
            if (code != null && CODE.matcher(code).matches()) {
                Integer first = firstLine.putIfAbsent(code, row.line());
                if (first == null && leftOut) {
                    firstLeftOut.add(code);
                } else if (first != null && (leftOut || firstLeftOut.contains(code))) {
                    // When both lines are kept, build() reports the repetition.
                    problems.add(BudgetProblem.of(row.line(), "code", "budget.import.error.code-twice", code, String.valueOf(first)));
                }
            }
        }
        return inputs;
    }

    static void checkCode(int line, String column, String code, boolean required, List<BudgetProblem> problems) {
        if (code == null || code.isEmpty()) {
            if (required) {
                problems.add(BudgetProblem.of(line, column, "budget.import.error.code-missing"));
            }
        } else if (!CODE.matcher(code).matches()) {
            problems.add(BudgetProblem.of(line, column, "budget.import.error.code-format", BudgetCsv.shown(code)));
        }
    }

    static void checkLabels(int line, String ar, String fr, List<BudgetProblem> problems) {
        if ((ar == null || ar.isBlank()) && (fr == null || fr.isBlank())) {
            problems.add(BudgetProblem.of(line, "label_ar", "budget.import.error.label-missing"));
        }
        if (ar != null && ar.strip().length() > LABEL_MAX) {
            problems.add(BudgetProblem.of(line, "label_ar", "budget.import.error.label-long", String.valueOf(LABEL_MAX)));
        }
        if (fr != null && fr.strip().length() > LABEL_MAX) {
            problems.add(BudgetProblem.of(line, "label_fr", "budget.import.error.label-long", String.valueOf(LABEL_MAX)));
        }
    }

    /** The section as a file may write it: the code, or its French or Arabic name. */
    public static BudgetSection section(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
            case "operating", "fonctionnement", "التسيير" -> BudgetSection.OPERATING;
            case "investment", "investissement", "التجهيز" -> BudgetSection.INVESTMENT;
            default -> null;
        };
    }

    /** The direction as a file may write it: the code, or its French or Arabic name. */
    public static BudgetDirection direction(String s) {
        return switch (s == null ? "" : s.strip().toLowerCase(Locale.ROOT)) {
            case "revenue", "recette", "recettes", "المداخيل" -> BudgetDirection.REVENUE;
            case "expense", "dépense", "dépenses", "depense", "depenses", "النفقات" -> BudgetDirection.EXPENSE;
            default -> null;
        };
    }

    /**
     * Places every line in the tree, in reading order (each parent followed by its children in the order given).
     * Problems are added for duplicates, unknown parents, loops and children outside their parent's section or
     * direction; the sums are checked by {@link #sums}.
     */
    static List<Node> build(List<Input> inputs, List<BudgetProblem> problems) {
        Map<String, Input> byCode = new LinkedHashMap<>();
        for (Input in : inputs) {
            Input first = byCode.putIfAbsent(in.code(), in);
            if (first != null) {
                problems.add(BudgetProblem.of(in.line(), "code", "budget.import.error.code-twice", in.code(), String.valueOf(first.line())));
            }
        }
        Map<String, String> parentOf = new HashMap<>();
        Map<String, List<Input>> children = new LinkedHashMap<>();
        List<Input> roots = new ArrayList<>();
        for (Input in : byCode.values()) {
            String parent = in.parentCode() != null ? in.parentCode() : prefixParent(in.code(), byCode);
            if (parent != null && !byCode.containsKey(parent)) {
                problems.add(BudgetProblem.of(in.line(), "parent_code", "budget.import.error.parent-unknown", parent));
                continue;
            }
            if (parent == null) {
                roots.add(in);
                continue;
            }
            Input p = byCode.get(parent);
            if (p.section() != in.section() || p.direction() != in.direction()) {
                problems.add(BudgetProblem.of(in.line(), "section", "budget.import.error.parent-kind", in.code(), parent));
            }
            parentOf.put(in.code(), parent);
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(in);
        }
        List<Node> nodes = new ArrayList<>(byCode.size());
        for (Input root : roots) {
            place(root, null, "", 0, children, nodes);
        }
        if (nodes.size() < parentOf.size() + roots.size()) {
            // Lines never reached from a root are on a loop of explicit parents.
            java.util.Set<String> placed = new java.util.HashSet<>();
            nodes.forEach(n -> placed.add(n.code()));
            for (Input in : byCode.values()) {
                if (!placed.contains(in.code()) && onLoop(in.code(), parentOf)) {
                    problems.add(BudgetProblem.of(in.line(), "parent_code", "budget.import.error.parent-loop", in.code()));
                }
            }
        }
        return nodes;
    }

    private static boolean onLoop(String code, Map<String, String> parentOf) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String c = code; c != null; c = parentOf.get(c)) {
            if (!seen.add(c)) {
                return true;
            }
        }
        return false;
    }

    private static void place(Input in, String parent, String parentPath, int depth, Map<String, List<Input>> children, List<Node> out) {
        List<Input> kids = children.getOrDefault(in.code(), List.of());
        String path = parentPath + "/" + in.code();
        out.add(new Node(in, parent, path, depth, kids.isEmpty(), out.size()));
        for (Input kid : kids) {
            place(kid, in.code(), path, depth + 1, children, out);
        }
    }

    /** The longest other code that begins this one: "6011" under "601", "10.2.3" under "10.2" (never "10.2.3" under "10.2.") */
    static String prefixParent(String code, Map<String, ?> codes) {
        boolean dotted = code.indexOf('.') >= 0;
        for (int i = code.length() - 1; i >= 1; i--) {
            if (dotted && code.charAt(i) != '.') {
                continue;
            }
            String prefix = code.substring(0, i);
            if (codes.containsKey(prefix)) {
                return prefix;
            }
        }
        return null;
    }

    /** Every parent whose children do not add up to it, with both figures. */
    static List<BudgetProblem> sums(List<Node> nodes) {
        Map<String, BigDecimal> childSums = new HashMap<>();
        for (Node n : nodes) {
            if (n.parent() != null) {
                childSums.merge(n.parent(), n.input().amount(), BigDecimal::add);
            }
        }
        List<BudgetProblem> problems = new ArrayList<>();
        for (Node n : nodes) {
            BigDecimal sum = childSums.get(n.code());
            if (sum != null && sum.compareTo(n.input().amount()) != 0) {
                problems.add(BudgetProblem.of(n.input().line(), "amount", "budget.import.error.sum", n.code(),
                        n.input().amount().toPlainString(), sum.toPlainString()));
            }
        }
        return problems;
    }
}
