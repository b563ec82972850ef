package ma.opencommune.network.exchange;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The open-government principles a good practice serves: a fixed list, so the library can be filtered by them. */
public enum PracticeTag {
    TRANSPARENCY, ACCESS_TO_INFORMATION, PARTICIPATION, ACCOUNTABILITY, INCLUSION_GENDER, DIGITAL, YOUTH, BUDGET, OPEN_DATA,
    PUBLIC_SERVICES;

    /** A tag by its code, or empty for anything else (a filter typed by hand is no filter). */
    public static Optional<PracticeTag> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (PracticeTag t : values()) {
            if (t.name().equals(code.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static Set<PracticeTag> none() {
        return EnumSet.noneOf(PracticeTag.class);
    }
}
