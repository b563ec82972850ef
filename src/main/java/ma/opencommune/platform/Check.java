package ma.opencommune.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects the field errors of one command, first rule broken per field, then throws them all at once so a
 * form shows every mistake in one go. Message keys are those of the {@code validation.*} bundle entries.
 */
public final class Check {

    private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");
    private static final Pattern TIFINAGH = Pattern.compile("[\\u2D30-\\u2D7F]");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");
    private static final Pattern MARKUP = Pattern.compile("[<>]");
    private static final Pattern URL = Pattern.compile("^https?://[^\\s<>\"]{3,490}$");

    private final Map<String, String> errors = new LinkedHashMap<>();

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Trimmed text, or null when blank. */
    /** A whole number typed in a form or a query (an id, a page marker), or null when there is none or it is not one. */
    public static Long number(String s) {
        if (blank(s) || s.length() > 19) {
            return null;
        }
        try {
            return Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static String clean(String s) {
        return blank(s) ? null : s.strip();
    }

    public Check reject(String field, String key) {
        errors.putIfAbsent(field, key);
        return this;
    }

    public Check when(boolean broken, String field, String key) {
        return broken ? reject(field, key) : this;
    }

    /** Free text (user-written, shown with dir=auto and escaped): optional unless {@code required}, at most {@code max}. */
    public Check text(String field, String value, boolean required, int max) {
        if (blank(value)) {
            return when(required, field, "validation.required");
        }
        return when(value.strip().length() > max, field, "validation.text.too-long");
    }

    /** An official title in one script (ar, fr or zgh): required, no markup, written in the script of its language. */
    public Check title(String field, String value, String lang, int max) {
        text(field, value, true, max);
        if (!blank(value)) {
            when(MARKUP.matcher(value).find(), field, "validation.characters");
            switch (lang) {
                case "ar" -> when(!ARABIC.matcher(value).find(), field, "validation.script.arabic");
                case "zgh" -> when(!TIFINAGH.matcher(value).find() || ARABIC.matcher(value).find(), field, "validation.script.tifinagh");
                default -> when(!LATIN.matcher(value).find() || ARABIC.matcher(value).find(), field, "validation.script.latin");
            }
        }
        return this;
    }

    public Check url(String field, String value) {
        return blank(value) ? this : when(!URL.matcher(value.strip()).matches(), field, "validation.website");
    }

    public Check required(String field, Object value) {
        return when(value == null, field, "validation.required");
    }

    /**
     * A day as a date input sends it (ISO, 2027-05-04; typed by hand where the input is unsupported): blank is null, and
     * a field error when {@code required}; anything unreadable is a field error and null.
     */
    public LocalDate date(String field, String value, boolean required) {
        if (blank(value)) {
            when(required, field, "validation.required");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            reject(field, "validation.date");
            return null;
        }
    }

    /** Both dates present and the second not before the first. */
    public Check period(String fromField, LocalDate from, String toField, LocalDate to) {
        required(fromField, from);
        required(toField, to);
        return when(from != null && to != null && to.isBefore(from), toField, "validation.period.order");
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** Throws {@link InvalidInput} when any rule was broken. */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
