package ma.opencommune.council.web;

import ma.opencommune.council.CouncilCodes;
import ma.opencommune.council.CouncilDecisionReads.Filter;
import ma.opencommune.platform.Check;

/** The decisions' filters as the pages, the CSV and the API read them from a query string: anything unreadable means "any". */
final class CouncilFilters {

    private CouncilFilters() {
    }

    static Filter parse(String year, String session, String topic) {
        Long y = Check.number(year);
        return new Filter(y != null && y >= 1900 && y <= 2200 ? y.intValue() : null, positive(Check.number(session)),
                CouncilCodes.parse(CouncilCodes.Topic.class, topic));
    }

    static Long positive(Long n) {
        return n != null && n > 0 ? n : null;
    }

    /** The filter as a query string (without the leading "?"), for links to the next page, the CSV and the feed. */
    static String query(Filter f) {
        StringBuilder q = new StringBuilder();
        if (f.year() != null) {
            q.append("&year=").append(f.year());
        }
        if (f.sessionId() != null) {
            q.append("&session=").append(f.sessionId());
        }
        if (f.topic() != null) {
            q.append("&topic=").append(f.topic().name().toLowerCase(java.util.Locale.ROOT));
        }
        return q.length() == 0 ? "" : q.substring(1);
    }
}
