package ma.opencommune.network;

/**
 * What an indicator's measure allows. Only {@link #OK} gives a score; the others are shown as such, never as zero, and
 * leave the indicator out of its pillar (the other indicators' weights are scaled up).
 */
public enum IndicatorStatus {
    /** Measured on enough cases: scored 0..100. */
    OK,
    /** Measured on fewer cases than the indicator's minimum count: shown with its count and interval, not scored. */
    LOW_COUNT,
    /** Nothing to measure in the period (e.g. no request received, no session held). */
    NO_DATA,
    /** The indicator cannot apply (e.g. no population figure, or an execution before any quarter could close). */
    NOT_APPLICABLE
}
