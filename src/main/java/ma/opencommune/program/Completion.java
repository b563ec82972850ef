package ma.opencommune.program;

/**
 * OGP-3 completion level of a commitment, derived from its milestones (never entered by hand): complete when
 * every milestone is complete, substantial from half of them, limited once any progress is reported, not
 * started otherwise.
 */
public enum Completion {
    NOT_STARTED,
    LIMITED,
    SUBSTANTIAL,
    COMPLETE;

    public static Completion of(int milestones, int completed, boolean anyProgress) {
        if (milestones > 0 && completed >= milestones) {
            return COMPLETE;
        }
        if (milestones > 0 && completed * 2 >= milestones) {
            return SUBSTANTIAL;
        }
        return completed > 0 || anyProgress ? LIMITED : NOT_STARTED;
    }

    /** Share of completed milestones, 0 to 100, for progress bars. */
    public static int percent(int milestones, int completed) {
        return milestones == 0 ? 0 : Math.min(100, completed * 100 / milestones);
    }
}
