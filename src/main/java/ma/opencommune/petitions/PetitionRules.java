package ma.opencommune.petitions;

import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rulebook values of the petition laws, configurable ({@code opencommune.petitions.*}) because laws change and
 * RULES.md marks several figures *verify*.
 *
 * @param communeSmallPopulation PET-2: communes under this many inhabitants need {@code communeSmallThreshold}
 * @param communeSmallThreshold PET-2: signatories in a small commune
 * @param communeThreshold PET-2: signatories in other communes
 * @param arrondissementsThreshold PET-2: signatories in a commune with arrondissements
 * @param regionSmallPopulation PET-7: regions under this many inhabitants need {@code regionSmallThreshold}
 * @param regionSmallThreshold PET-7
 * @param regionLargePopulation PET-7: regions over this many inhabitants need {@code regionLargeThreshold}
 * @param regionThreshold PET-7: regions between the two
 * @param regionLargeThreshold PET-7
 * @param provinceThreshold Organic Law 112-14 for provinces and prefectures (not in RULES.md: *verify*)
 * @param communeDecisionMonths PET-6: months the bureau of a commune has to give a reasoned rejection
 * @param otherDecisionMonths PET-6: the same for regions, provinces and prefectures
 * @param regionProvinceSharePercent PET-7: a region's petition needs at least this share of its signatories from each
 *     of the region's provinces and prefectures
 */
@ConfigurationProperties("opencommune.petitions")
public record PetitionRules(
        @DefaultValue("35000") int communeSmallPopulation,
        @DefaultValue("100") int communeSmallThreshold,
        @DefaultValue("200") int communeThreshold,
        @DefaultValue("400") int arrondissementsThreshold,
        @DefaultValue("1000000") int regionSmallPopulation,
        @DefaultValue("300") int regionSmallThreshold,
        @DefaultValue("3000000") int regionLargePopulation,
        @DefaultValue("400") int regionThreshold,
        @DefaultValue("500") int regionLargeThreshold,
        @DefaultValue("300") int provinceThreshold,
        @DefaultValue("3") int communeDecisionMonths,
        @DefaultValue("2") int otherDecisionMonths,
        @DefaultValue("5") int regionProvinceSharePercent) {

    /** PET-8: the months of a commune council's ordinary sessions (February, May, October). */
    public static final Set<Month> ORDINARY_SESSION_MONTHS = Set.of(Month.FEBRUARY, Month.MAY, Month.OCTOBER);

    /** The values of the laws as RULES.md gives them. */
    public static PetitionRules defaults() {
        return new PetitionRules(35_000, 100, 200, 400, 1_000_000, 300, 3_000_000, 400, 500, 300, 3, 2, 5);
    }

    /**
     * Valid signatures a petition to this collectivity needs (PET-2 for communes, PET-7 for regions). A population
     * exactly at a limit counts as the larger band ("under 35,000" excludes 35,000). An unknown population takes the
     * larger threshold rather than the smaller, so a petition never files with too few signatures.
     */
    public int threshold(Collectivity c) {
        return threshold(c.type(), c.population(), c.hasArrondissements());
    }

    int threshold(CollectivityType type, Integer population, boolean arrondissements) {
        return switch (type) {
            case COMMUNE -> arrondissements ? arrondissementsThreshold
                    : population != null && population < communeSmallPopulation ? communeSmallThreshold : communeThreshold;
            case REGION -> population == null ? regionLargeThreshold
                    : population < regionSmallPopulation ? regionSmallThreshold
                    : population <= regionLargePopulation ? regionThreshold : regionLargeThreshold;
            case PROVINCE, PREFECTURE -> provinceThreshold;
        };
    }

    /**
     * PET-7: whether {@code fromProvince} of {@code total} signatures is the share a region's petition needs from each of
     * its provinces ("at least 5 %": exactly the share passes).
     */
    public boolean provinceShareMet(long fromProvince, long total) {
        return fromProvince * 100 >= (long) regionProvinceSharePercent * total;
    }

    /** PET-6: the last day for the bureau's reasoned decision on a petition filed on {@code filedOn}. */
    public LocalDate decisionDue(CollectivityType type, LocalDate filedOn) {
        return filedOn.plusMonths(type == CollectivityType.COMMUNE ? communeDecisionMonths : otherDecisionMonths);
    }
}
