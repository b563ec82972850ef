package ma.opencommune.platform;

import java.text.Normalizer;

/**
 * Folds text for search, so that a query finds a text however either was typed. Arabic: diacritics (harakat,
 * U+064B–U+065F, dagger alef U+0670) and tatweel (U+0640) removed, alef forms (أ إ آ ٱ) read as ا, ؤ as و, ئ and ى as ي,
 * and ة as ه (so "الادارة" and "الاداره" are one word); Arabic-Indic and Persian digits as Western digits (a reference
 * typed "١٢/٢٠٢٥" finds "12/2025"), and the Persian forms ی and ک as ي and ك. Latin: accents removed, lower case, œ as
 * oe, æ as ae. Runs of
 * spaces become one space. Both the stored text and the query go through the same fold.
 */
public final class TextFold {

    private TextFold() {
    }

    /** The folded text and, for each of its characters, the index in the original text it came from. */
    public record Folded(String text, int[] origin) {

        /** Start (inclusive) and end (exclusive) in the original text of the folded range {@code [from, to)}. */
        public int[] originalRange(String original, int from, int to) {
            int start = origin[from];
            int last = origin[to - 1];
            int end = last + Character.charCount(original.codePointAt(last));
            // A character dropped by the fold (a diacritic) right after the range belongs to it.
            while (end < original.length() && dropped(original.codePointAt(end))) {
                end += Character.charCount(original.codePointAt(end));
            }
            return new int[] {start, end};
        }
    }

    public static String fold(String text) {
        return text == null ? "" : foldWithOrigin(text).text();
    }

    /** Folds and remembers where each folded character came from (to mark matches in the original text). */
    public static Folded foldWithOrigin(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] origin = new int[text.length() * 2 + 2];
        boolean space = true; // drops leading spaces
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int at = i;
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                if (!space) {
                    if (out.length() >= origin.length) {
                        origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                    }
                    origin[out.length()] = at;
                    out.append(' ');
                    space = true;
                }
                continue;
            }
            String folded = foldCodePoint(cp);
            if (folded.isEmpty()) {
                continue;
            }
            space = false;
            for (int k = 0; k < folded.length(); k++) {
                if (out.length() >= origin.length) {
                    origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                }
                origin[out.length()] = at;
                out.append(folded.charAt(k));
            }
        }
        int length = out.length();
        if (length > 0 && out.charAt(length - 1) == ' ') {
            out.setLength(--length);
        }
        return new Folded(out.toString(), java.util.Arrays.copyOf(origin, length));
    }

    static boolean dropped(int cp) {
        return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static String foldCodePoint(int cp) {
        if (dropped(cp)) {
            return "";
        }
        if (cp >= 0x0660 && cp <= 0x0669) {
            return String.valueOf((char) ('0' + cp - 0x0660));
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
            return String.valueOf((char) ('0' + cp - 0x06F0));
        }
        switch (cp) {
            case 'ی':
                return "ي";
            case 'ک':
                return "ك";
            case 'أ', 'إ', 'آ', 'ٱ':
                return "ا";
            case 'ؤ':
                return "و";
            case 'ئ', 'ى':
                return "ي";
            case 'ة':
                return "ه";
            case 'œ', 'Œ':
                return "oe";
            case 'æ', 'Æ':
                return "ae";
            default:
                break;
        }
        int lower = Character.toLowerCase(cp);
        if (lower < 0x80) {
            return String.valueOf((char) lower);
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(lower)), Normalizer.Form.NFD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> !dropped(c)).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
