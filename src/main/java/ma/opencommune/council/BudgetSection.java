package ma.opencommune.council;

/** The two parts of a collectivity's budget: day-to-day operation and investment (equipment). */
public enum BudgetSection {
    OPERATING, INVESTMENT
}
