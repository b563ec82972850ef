package ma.opencommune.network.cohort;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import ma.opencommune.network.Pillar;

/** The records of a cohort call as pages read them: the call, its criteria and questions, applications, results, appeals. */
public final class Cohort {

    private Cohort() {
    }

    /** The life of a call: criteria public from PUBLISHED on; applications until the end of closes_on (Morocco time). */
    public enum Status {
        DRAFT, PUBLISHED, CLOSED, RESULTS, CONFIRMED
    }

    /** How a criterion is scored: the overall openness index, one pillar of it, or by reviewers. */
    public enum Kind {
        INDEX, PILLAR, REVIEW
    }

    /** The state of an application. */
    public enum ApplicationStatus {
        DRAFT, SUBMITTED, WITHDRAWN
    }

    public record Call(long id, String titleAr, String titleFr, String descriptionAr, String descriptionFr, Set<String> eligibleTypes,
            int places, LocalDate opensOn, LocalDate closesOn, LocalDate resultsDue, int appealDays, Status status, Instant publishedAt,
            Instant closedAt, Instant resultsAt, String periodKey, Integer methodologyVersion, Instant confirmedAt, String cohort) {

        /** Whether the result table is published (and, once confirmed, final). */
        public boolean hasResults() {
            return status == Status.RESULTS || status == Status.CONFIRMED;
        }

        public String title(String lang) {
            return "ar".equals(lang) ? titleAr : titleFr;
        }

        public String description(String lang) {
            return "ar".equals(lang) ? descriptionAr : descriptionFr;
        }

        /** Applications are accepted from opens_on to closes_on inclusive while the call is published. */
        public boolean acceptsApplications(LocalDate today) {
            return status == Status.PUBLISHED && !today.isBefore(opensOn) && !today.isAfter(closesOn);
        }

        /** The last day an appeal may be filed: results day plus the appeal window. */
        public LocalDate appealUntil(java.time.ZoneId zone) {
            return resultsAt == null ? null : LocalDate.ofInstant(resultsAt, zone).plusDays(appealDays);
        }

        public boolean isPublic() {
            return status != Status.DRAFT;
        }
    }

    public record Criterion(long id, int position, String nameAr, String nameFr, String description, Kind kind, Pillar pillar, int weight) {

        public String name(String lang) {
            return "ar".equals(lang) ? nameAr : nameFr;
        }

        public boolean fromIndex() {
            return kind != Kind.REVIEW;
        }
    }

    /** A criterion as typed in the form (before validation). */
    public record CriterionInput(String nameAr, String nameFr, String description, String kind, String pillar, String weight) {

        boolean empty() {
            return blank(nameAr) && blank(nameFr) && blank(description) && blank(weight) && blank(kind);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    public record Question(long id, int position, String textAr, String textFr) {

        public String text(String lang) {
            return "ar".equals(lang) ? textAr : textFr;
        }
    }

    public record CriteriaChange(Instant changedAt, String changedBy, String reason, String before, String after) {
    }

    public record Application(long id, long callId, long collectivityId, ApplicationStatus status, Instant createdAt, Instant submittedAt) {
    }

    public record Document(long id, long applicationId, String fileName, String contentType, long sizeBytes, Instant uploadedAt) {
    }

    /** One cell of the result table: null score = not enough data (counted as 0). */
    public record Score(long applicationId, long criterionId, BigDecimal score, String periodKey, Integer methodologyVersion) {
    }

    public record Result(long applicationId, long collectivityId, BigDecimal total, int rank, boolean selected, boolean tie) {
    }

    public record Review(long applicationId, long criterionId, long reviewerId, int score, String comment) {
    }

    public record Appeal(long id, long applicationId, long collectivityId, Instant filedAt, String reasoning, String outcome, String decision,
            Instant decidedAt) {
    }

    public record Amendment(long applicationId, long criterionId, BigDecimal before, BigDecimal after, String reason, Instant amendedAt) {
    }

    /** The whole public page of a call, read with a constant number of statements. */
    public record Page(Call call, List<Criterion> criteria, List<Question> questions, List<CriteriaChange> changes,
            List<Application> applications, List<Score> scores, List<Result> results, List<Review> reviews, List<Appeal> appeals,
            List<Amendment> amendments) {
    }
}
