package ma.opencommune.network.exchange;

import java.time.Instant;
import java.util.List;

/**
 * A good practice as pages show it. The long texts are in one language ({@code textLang}); the title and summary may be
 * in both Arabic and French, and each page shows the one of its language when there is one.
 */
public record Practice(long id, long collectivityId, PracticeStatus status, String textLang, String titleAr, String titleFr,
        String summaryAr, String summaryFr, String problem, String actions, String results, Long costMad, String costText,
        String period, String contactName, String contactRole, String contactEmail, String contactPhone, List<PracticeTag> tags,
        Instant createdAt, Instant publishedAt, Instant withdrawnAt, String withdrawalReason) {

    /** The title in the page's language when there is one, else the other. */
    public String title(String lang) {
        return "ar".equals(titleLang(lang)) ? titleAr : titleFr;
    }

    /** The language of {@link #title}: Arabic on Arabic pages when written, French elsewhere when written. */
    public String titleLang(String lang) {
        if ("ar".equals(lang)) {
            return titleAr != null ? "ar" : "fr";
        }
        return titleFr != null ? "fr" : "ar";
    }

    /** The summary in the title's language, or the other one, or null. */
    public String summary(String lang) {
        String first = "ar".equals(titleLang(lang)) ? summaryAr : summaryFr;
        return first != null ? first : ("ar".equals(titleLang(lang)) ? summaryFr : summaryAr);
    }

    public String summaryLang(String lang) {
        String first = "ar".equals(titleLang(lang)) ? summaryAr : summaryFr;
        return first != null ? titleLang(lang) : ("ar".equals(titleLang(lang)) ? "fr" : "ar");
    }

    public boolean draft() {
        return status == PracticeStatus.DRAFT;
    }

    public boolean published() {
        return status == PracticeStatus.PUBLISHED;
    }

    /** A document attached to a practice. */
    public record Document(long id, long practiceId, String fileName, String extension, long sizeBytes, Instant createdAt) {

        public long kilobytes() {
            return Math.max(1, (sizeBytes + 1023) / 1024);
        }
    }
}
