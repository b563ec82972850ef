package ma.opencommune.council;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as staff enter it. Numbers and dates arrive typed (the form reports what it could not read); the title
 * and description in Arabic or French, at least one title. {@code decisionIds} are the council decisions it carries out.
 */
public record ProjectFields(String titleAr, String titleFr, String descriptionAr, String descriptionFr, ProjectSector sector,
        BigDecimal latitude, BigDecimal longitude, String area, BigDecimal costMad, String contractor, LocalDate startsOn,
        LocalDate endsOn, List<Funding> funding, List<Long> commitmentIds, boolean published,
        List<Long> decisionIds) {

    /** A funding source: who pays, and how much (MAD). */
    public record Funding(String name, BigDecimal amountMad) {
    }

    public ProjectFields {
        funding = funding == null ? List.of() : List.copyOf(funding);
        commitmentIds = commitmentIds == null ? List.of() : List.copyOf(commitmentIds);
        decisionIds = decisionIds == null ? List.of() : List.copyOf(decisionIds);
    }
}
