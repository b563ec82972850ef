package ma.opencommune.program;

import java.util.regex.Pattern;
import ma.opencommune.platform.Check;

/** Checks shared by the one-language titles of opinions, commitments and milestones. */
final class Texts {

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern MARKUP = Pattern.compile("[<>]");

    private Texts() {
    }

    /**
     * A title written by people in the language they work in (Arabic, French or Tamazight): required, at most
     * {@code max}, with at least one letter of any script and no markup characters (titles end up in lists,
     * mails and feeds where only plain text belongs).
     */
    static Check title(Check check, String field, String value, int max) {
        check.text(field, value, true, max);
        if (!Check.blank(value)) {
            check.when(MARKUP.matcher(value).find(), field, "validation.characters")
                    .when(!LETTER.matcher(value).find(), field, "program.validation.letters");
        }
        return check;
    }
}
