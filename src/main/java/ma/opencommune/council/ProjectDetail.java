package ma.opencommune.council;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a project's page and the API show: its fields, funding, linked commitments, the published council decisions
 * it carries out, and its timeline.
 */
public record ProjectDetail(ProjectLine line, String descriptionAr, String descriptionFr, String area, String contractor,
        List<Funding> funding, List<Commitment> commitments, List<CouncilDecisionReads.Decision> decisions, List<Entry> timeline) {

    /** A funding source. */
    public record Funding(String name, BigDecimal amountMad) {
    }

    /** A linked commitment of the collectivity's Open Commune program (read through the program module). */
    public record Commitment(long id, long processId, int number, String title) {
    }

    /** A photo of an update. */
    public record Photo(long id, String name) {
    }

    /** A dated entry of the timeline: a progress update ({@code statusTo} null) or a status change. */
    public record Entry(long id, String kind, LocalDate reportedOn, Integer progress, ProjectStatus statusTo, String text,
            List<Photo> photos) {
    }

    /** The sum of the funding sources. */
    public BigDecimal fundingTotal() {
        return funding.stream().map(Funding::amountMad).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String description(String lang) {
        return "ar".equals(lang) ? (descriptionAr != null ? descriptionAr : descriptionFr) : (descriptionFr != null ? descriptionFr : descriptionAr);
    }

    public String descriptionLang(String lang) {
        return "ar".equals(lang) ? (descriptionAr != null ? "ar" : "fr") : (descriptionFr != null ? "fr" : "ar");
    }
}
