package ma.opencommune.council;

import java.time.LocalDate;

/**
 * What the network's openness index asks of a collectivity's year: is its budget published (and when), is its execution
 * published (the end of the latest published period, and the day it was published).
 */
public record BudgetPublication(int year, boolean budgetPublished, LocalDate budgetPublishedOn, boolean executionPublished,
        LocalDate executionPeriodEnd, LocalDate executionPublishedOn) {
}
