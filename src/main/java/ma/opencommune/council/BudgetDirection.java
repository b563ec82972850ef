package ma.opencommune.council;

/** Whether a budget line brings money in (revenue) or spends it (expense). */
public enum BudgetDirection {
    REVENUE, EXPENSE
}
