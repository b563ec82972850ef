package ma.opencommune.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Moroccan national identity card number (CIN) or residence document number, normalized: Latin capitals and
 * Western digits (Arabic-Indic digits are accepted and converted). ATI-2, PET-1.
 */
public final class Cin {

    private static final Pattern FORMAT = Pattern.compile("^[A-Z]{1,2}[0-9]{3,8}[A-Z]?$");

    private Cin() {
    }

    /** The normalized number, or empty when the input is not a plausible CIN or residence document number. */
    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + (c - '\u0660')));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + (c - '\u06F0')));
            } else if (c != ' ' && c != '-' && c != '\u00A0') {
                out.append(c);
            }
        }
        String normalized = out.toString().toUpperCase(Locale.ROOT);
        return normalized.length() <= 12 && FORMAT.matcher(normalized).matches() ? Optional.of(normalized) : Optional.empty();
    }

    /** What may be shown of a number: its letters and last two digits (e.g. {@code JB••••56}). Never the whole. */
    public static String hint(String normalized) {
        int letters = 0;
        while (letters < normalized.length() && Character.isLetter(normalized.charAt(letters))) {
            letters++;
        }
        String tail = normalized.substring(Math.max(letters, normalized.length() - 2));
        return normalized.substring(0, letters) + "••••" + tail;
    }
}
