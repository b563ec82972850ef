package ma.opencommune.network;

import java.time.LocalDate;
import java.util.List;

/**
 * The public records behind one member's indicator for one period (issue point 3), e.g. which information requests
 * were answered late, which sessions' decisions came out late: at most {@link #LIMIT} rows, the late ones first, with
 * the total and late counts. Only what is public anyway: references, dates and public titles, never a requester.
 * {@code noteKey} is a message key explaining what cannot be listed (e.g. attendance by gender is shown as counts only).
 */
public record Evidence(Indicator indicator, long total, long late, List<Row> rows, boolean truncated, String noteKey) {

    public static final int LIMIT = 200;

    /**
     * One record: its public reference (a request number, a decision number, a petition's title...), an optional public
     * title, the day its clock started, the day it was due (if any), the day it ended (answered, published, decided;
     * null while open), the days or working days it took or has taken, whether it counts against the member, and the
     * address of its public page after {@code /{lang}} (null when it has none).
     */
    public record Row(String reference, String title, LocalDate startedOn, LocalDate dueOn, LocalDate endedOn, Integer days, boolean late,
            String path) {
    }
}
