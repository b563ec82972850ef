package ma.opencommune.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of a horizontal bar chart drawn as inline SVG by {@code fragments/charts :: bars(chart)}: groups of
 * bars (one per series) under a label, values written as text beside each bar, bars growing from the start side
 * of the reading direction (right in Arabic, left otherwise). Computed here so the template only places shapes.
 * Series are told apart by fill pattern as well as colour (WCAG 1.4.1), both with at least 3:1 contrast on white.
 */
public record BarChart(String id, String title, String description, boolean rtl, List<Legend> legend, List<Row> rows,
        int height) {

    public static final int WIDTH = 400;
    private static final int PAD = 4;
    private static final int VALUE_ROOM = 44;
    private static final int LABEL = 18;
    private static final int BAR = 14;
    private static final int BAR_GAP = 4;
    private static final int GROUP_GAP = 12;
    private static final int LEGEND = 22;
    private static final int LABEL_MAX = 52;

    /** One group to draw: its label and one value per series (null when withheld, e.g. too few answers). */
    public record Group(String label, List<Double> values) {
    }

    /** A legend entry: swatch position and text. */
    public record Legend(int series, String label, int x, int y, int textX) {
    }

    /** A bar (or, when withheld, only its text) with where its value is written. */
    public record Bar(int series, int x, int y, int width, int height, String text, int textX, int textY, boolean drawn) {
    }

    /** A group's label and bars. */
    public record Row(String label, int labelX, int labelY, List<Bar> bars) {
    }

    /**
     * Lays out the groups on a scale from 0 to {@code max}; {@code format} writes each value, {@code withheld} is
     * written instead of a missing one.
     */
    public static BarChart of(String id, String title, String description, boolean rtl, List<String> series, List<Group> groups,
            double max, java.util.function.DoubleFunction<String> format, String withheld) {
        int start = rtl ? WIDTH - PAD : PAD;
        int sign = rtl ? -1 : 1;
        double span = WIDTH - 2 * PAD - VALUE_ROOM;
        List<Legend> legend = new ArrayList<>();
        int lx = start;
        for (int s = 0; s < series.size(); s++) {
            int swatchX = rtl ? lx - 14 : lx;
            legend.add(new Legend(s, series.get(s), swatchX, 4, lx + sign * 18));
            lx += sign * (18 + 8 * Math.min(series.get(s).length(), 20) + 16);
        }
        List<Row> rows = new ArrayList<>();
        int y = LEGEND + 4;
        for (Group g : groups) {
            y += LABEL;
            Row row = new Row(shorten(g.label()), start, y - 4, new ArrayList<>());
            for (int s = 0; s < g.values().size(); s++) {
                Double v = g.values().get(s);
                int barY = y + BAR_GAP / 2;
                if (v == null) {
                    row.bars().add(new Bar(s, start, barY, 0, BAR, withheld, start, barY + BAR - 3, false));
                } else {
                    int w = (int) Math.round(Math.max(0, Math.min(v, max)) / max * span);
                    int x = rtl ? start - w : start;
                    int textX = rtl ? x - PAD : x + w + PAD;
                    row.bars().add(new Bar(s, x, barY, w, BAR, format.apply(v), textX, barY + BAR - 3, true));
                }
                y += BAR + BAR_GAP;
            }
            rows.add(row);
            y += GROUP_GAP;
        }
        return new BarChart(id, title, description, rtl, legend, rows, y);
    }

    /** Direction of the chart's texts: text-anchor "start" then means the right side in Arabic. */
    public String dir() {
        return rtl ? "rtl" : "ltr";
    }

    public int width() {
        return WIDTH;
    }

    private static String shorten(String label) {
        if (label == null) {
            return "";
        }
        return label.codePointCount(0, label.length()) <= LABEL_MAX ? label
                : label.substring(0, label.offsetByCodePoints(0, LABEL_MAX - 1)) + "…";
    }
}
