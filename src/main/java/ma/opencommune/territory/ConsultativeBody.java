package ma.opencommune.territory;

import java.time.LocalDate;
import java.util.List;

/** A consultative body of a collectivity (BODY-1..3) with its public composition. */
public record ConsultativeBody(long id, long collectivityId, Type type, Names names, LocalDate establishedOn,
        List<Member> members) {

    /** Kinds of body; GENDER_EQUALITY is the parity, equal opportunity and gender approach body of BODY-2. */
    public enum Type {
        GENDER_EQUALITY, CONSULTATION_SPACE, YOUTH_SPACE, FOLLOW_UP_COMMITTEE, OTHER
    }

    /** A member as published: name, organisation and role in the body. */
    public record Member(long id, String fullName, String organisation, String role) {
    }

    public String name(String lang) {
        return names.in(lang);
    }
}
