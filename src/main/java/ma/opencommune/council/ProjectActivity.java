package ma.opencommune.council;

/**
 * Figures of the network's index (issue point 6): published projects that are not cancelled, and those among them with
 * a progress update in the last 90 days.
 */
public record ProjectActivity(long projects, long updatedRecently) {

    /** A progress update this many days old or newer is recent: 90 days ago counts, 91 does not. */
    public static final int RECENT_DAYS = 90;
}
