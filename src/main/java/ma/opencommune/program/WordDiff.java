package ma.opencommune.program;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-level differences between two texts, for the version comparison page: the words kept, removed and
 * added, in reading order. A longest-common-subsequence over words and spaces; texts too long for that
 * (over a million word pairs) come back as one removal and one addition.
 */
public final class WordDiff {

    /** What happened to a run of text. */
    public enum Kind { SAME, REMOVED, ADDED }

    /** A run of words with what happened to it. */
    public record Segment(Kind kind, String text) {
    }

    private static final int MAX_CELLS = 1_000_000;

    private WordDiff() {
    }

    public static List<Segment> diff(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        List<Segment> out = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            add(out, Kind.REMOVED, String.join("", a));
            add(out, Kind.ADDED, String.join("", b));
            return out;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                add(out, Kind.SAME, a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // Removals first: the old words read before the new ones.
                add(out, Kind.REMOVED, a.get(i++));
            } else {
                add(out, Kind.ADDED, b.get(j++));
            }
        }
        return out;
    }

    /** Words and the spaces between them, so that the text reads back unchanged. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        for (String t : text.split("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /** Appends, merging with the previous run of the same kind (a removal and an addition read as phrases). */
    private static void add(List<Segment> out, Kind kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(kind, last.text() + text));
        } else {
            out.add(new Segment(kind, text));
        }
    }
}
