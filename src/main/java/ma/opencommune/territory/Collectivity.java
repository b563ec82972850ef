package ma.opencommune.territory;

import java.time.LocalDate;

/** A territorial collectivity as other modules and pages see it. */
public record Collectivity(
        long id,
        String slug,
        String code,
        CollectivityType type,
        Long parentId,
        Long regionId,
        Names names,
        Integer population,
        Integer censusYear,
        boolean hasArrondissements,
        String accent,
        Contact contact,
        InformationOfficer informationOfficer,
        Membership membership) {

    /** Public contact of the collectivity. */
    public record Contact(String email, String phone, String addressAr, String addressFr, String website) {
        public String address(String lang) {
            return "ar".equals(lang) && addressAr != null ? addressAr : addressFr;
        }
    }

    /** Work contact of the information officer, published under ATI-10/ATI-11. */
    public record InformationOfficer(String name, String email, String phone) {
    }

    /** Membership of the network of open collectivities; null when the collectivity is not a member. */
    public record Membership(LocalDate joinedOn, String cohort) {
    }

    public String name(String lang) {
        return names.in(lang);
    }

    public boolean isMember() {
        return membership != null;
    }
}
