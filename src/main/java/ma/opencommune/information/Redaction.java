package ma.opencommune.information;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.opencommune.platform.TextFold;

/**
 * PDP-2: finds what looks like personal data in a text before it is published (CIN-like numbers, Moroccan phone
 * numbers, emails, the requester's first and last name whatever their case and accents) so staff review each one,
 * and proposes the text with each replaced by a placeholder. It only pre-marks: staff decide.
 */
public final class Redaction {

    /** What a marked span looks like. */
    public enum Kind { CIN, PHONE, EMAIL, NAME }

    /** A marked span of the original text, {@code [start, end)}. */
    public record Mark(Kind kind, int start, int end) {
    }

    /** A piece of text to render: marked (kind not null) or plain. */
    public record Segment(String text, Kind kind) {
        public boolean marked() {
            return kind != null;
        }
    }

    // CIN or residence document: one or two letters then digits (JB123456, A12345), not inside a longer word.
    private static final Pattern CIN = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{1,2}\\d{4,8}(?![\\p{L}\\p{N}])");
    // Moroccan numbers: +212 / 00212 / 0 then 5, 6 or 7 and eight digits, with optional spaces, dots or dashes.
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{N}+])(?:(?:\\+|00)212[\\s.-]?(?:\\(0\\)[\\s.-]?)?|0)[5-7](?:[\\s.-]?\\d){8}(?!\\p{N})");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final int NAME_MIN = 2;

    private Redaction() {
    }

    /**
     * The spans to review, in order, overlaps merged. {@code names} are the requester's first and last name (each word
     * marked) and postal address (marked where copied whole).
     */
    public static List<Mark> marks(String text, List<String> names) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Mark> found = new ArrayList<>();
        find(EMAIL, Kind.EMAIL, text, found);
        find(PHONE, Kind.PHONE, text, found);
        find(CIN, Kind.CIN, text, found);
        TextFold.Folded folded = TextFold.foldWithOrigin(text);
        for (String name : names) {
            if (name == null) {
                continue;
            }
            String whole = TextFold.fold(name);
            if (whole.matches(".*[0-9,].*")) {
                // A postal address is marked where it is copied whole; its single words ("rue", the town) are not names.
                findName(whole, folded, text, found);
                continue;
            }
            for (String token : whole.split("[\\s\\-'’]+")) {
                if (token.codePointCount(0, token.length()) >= NAME_MIN) {
                    findName(token, folded, text, found);
                }
            }
        }
        found.sort(Comparator.comparingInt(Mark::start).thenComparing(m -> -m.end()));
        List<Mark> merged = new ArrayList<>();
        for (Mark m : found) {
            Mark last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && m.start() < last.end()) {
                if (m.end() > last.end()) {
                    merged.set(merged.size() - 1, new Mark(last.kind(), last.start(), m.end()));
                }
            } else {
                merged.add(m);
            }
        }
        return merged;
    }

    public static boolean hasMarks(String text, List<String> names) {
        return !marks(text, names).isEmpty();
    }

    /** The text cut into plain and marked pieces, for a page that shows each mark in {@code <mark>}. */
    public static List<Segment> segments(String text, List<String> names) {
        List<Segment> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int at = 0;
        for (Mark m : marks(text, names)) {
            if (m.start() > at) {
                out.add(new Segment(text.substring(at, m.start()), null));
            }
            out.add(new Segment(text.substring(m.start(), m.end()), m.kind()));
            at = m.end();
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), null));
        }
        return out;
    }

    /** The text with each mark replaced by the placeholder of its kind (in the reviewer's language). */
    public static String redact(String text, List<String> names, Map<Kind, String> placeholders) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (Segment s : segments(text, names)) {
            out.append(s.marked() ? placeholders.get(s.kind()) : s.text());
        }
        return out.toString();
    }

    private static void find(Pattern pattern, Kind kind, String text, List<Mark> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(new Mark(kind, m.start(), m.end()));
        }
    }

    private static void findName(String token, TextFold.Folded folded, String text, List<Mark> into) {
        String haystack = folded.text();
        for (int i = haystack.indexOf(token); i >= 0; i = haystack.indexOf(token, i + 1)) {
            int end = i + token.length();
            boolean startsWord = i == 0 || !Character.isLetterOrDigit(haystack.codePointBefore(i));
            boolean endsWord = end == haystack.length() || !Character.isLetterOrDigit(haystack.codePointAt(end));
            if (startsWord && endsWord) {
                int[] range = folded.originalRange(text, i, end);
                into.add(new Mark(Kind.NAME, range[0], range[1]));
            }
        }
    }
}
