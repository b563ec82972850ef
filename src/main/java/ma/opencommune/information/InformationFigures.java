package ma.opencommune.information;

import java.time.LocalDate;

/**
 * A collectivity's access-to-information figures over a period, for the network's openness index: requests received
 * in the period, those responded to (answered, partly answered or refused) and within the legal delay, the median
 * working days to respond (null when none), the proactive register (ATI-11) and the published answers; and of the
 * requests received in the period, those still open today and past their last day (ATI-4).
 */
public record InformationFigures(long collectivityId, LocalDate from, LocalDate to, long received, long responded,
        long respondedInTime, Double medianWorkingDays, long registerItems, long registerItemsOverdue, long publishedAnswers,
        long openOverdue) {
}
