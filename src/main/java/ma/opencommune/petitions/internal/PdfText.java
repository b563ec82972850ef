package ma.opencommune.petitions.internal;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Text drawn straight on PDF pages, for documents too long for an HTML layout (the legal file of a petition): Arabic
 * shaped into its joined forms and every line put in visual order by ICU (the same shaping and bidi algorithm as the
 * receipts rendered by openhtmltopdf), each character in the first embedded font that has it, as openhtmltopdf falls
 * back: Noto Naskh Arabic for Arabic, Noto Sans Tifinagh for Tifinagh, Helvetica for Latin. A character none of them
 * has is drawn as "?". One instance per document, on one thread.
 */
final class PdfText {

    private final PDFont arabic;
    private final PDFont arabicBold;
    private final PDFont tifinagh;
    private final PDFont latin;
    private final PDFont latinBold;
    private final ArabicShaping shaping = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK
            | ArabicShaping.TEXT_DIRECTION_LOGICAL);
    private final byte defaultLevel;
    private final Map<Integer, PDFont> fontOf = new HashMap<>();

    /** {@code rtl}: the direction of a line without any strong character (the page's). */
    PdfText(PDDocument doc, boolean rtl) throws IOException {
        this.arabic = load(doc, "NotoNaskhArabic-Regular.ttf");
        this.arabicBold = load(doc, "NotoNaskhArabic-Bold.ttf");
        this.tifinagh = load(doc, "NotoSansTifinagh-Regular.ttf");
        this.latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        this.latinBold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        this.defaultLevel = rtl ? Bidi.LEVEL_DEFAULT_RTL : Bidi.LEVEL_DEFAULT_LTR;
    }

    private static PDFont load(PDDocument doc, String file) throws IOException {
        try (InputStream in = PdfText.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IOException("missing font " + file);
            }
            // Subset: only the glyphs used are embedded, once per document.
            return PDType0Font.load(doc, in, true);
        }
    }

    /** The line as drawn: shaped, in visual order, control characters as spaces. */
    String visual(String logical) {
        StringBuilder clean = new StringBuilder(logical.length());
        logical.codePoints().forEach(cp -> clean.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        String shaped;
        try {
            shaped = shaping.shape(clean.toString());
        } catch (ArabicShapingException e) {
            shaped = clean.toString();
        }
        return new Bidi(shaped, defaultLevel).writeReordered(Bidi.DO_MIRRORING);
    }

    /** A line ready to draw: its runs of one font each, and its width in points. */
    record Line(List<Run> runs, float size, float width) {
    }

    /** Prepares a logical line: shaped, reordered, split into runs of one font, measured. */
    Line line(String logical, boolean bold, float size) throws IOException {
        List<Run> runs = runs(visual(logical), bold);
        float width = 0;
        for (Run run : runs) {
            width += run.font.getStringWidth(run.text) / 1000 * size;
        }
        return new Line(runs, size, width);
    }

    /** Draws a line from {@code x} (its left end) on the baseline {@code y}: one text operator per run, not per character. */
    void draw(PDPageContentStream cs, Line line, float x, float y) throws IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (Run run : line.runs()) {
            cs.setFont(run.font, line.size());
            cs.showText(run.text);
        }
        cs.endText();
    }

    /** Splits a logical text into lines no wider than {@code max}: at spaces, or inside a word longer than a line. */
    List<Line> wrap(String logical, boolean bold, float size, float max) throws IOException {
        String text = logical.strip();
        Line whole = line(text, bold, size);
        if (whole.width() <= max) {
            return List.of(whole);
        }
        List<Line> lines = new ArrayList<>();
        Line current = null;
        StringBuilder kept = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = kept.isEmpty() ? word : kept + " " + word;
            Line fits = line(candidate, bold, size);
            if (fits.width() <= max) {
                kept.setLength(0);
                kept.append(candidate);
                current = fits;
                continue;
            }
            if (current != null) {
                lines.add(current);
            }
            // A word wider than the line is cut where it overflows.
            int[] cps = word.codePoints().toArray();
            int start = 0;
            Line piece = null;
            for (int end = start + 1; end <= cps.length; end++) {
                Line next = line(new String(cps, start, end - start), bold, size);
                if (next.width() > max && piece != null) {
                    lines.add(piece);
                    start = end - 1;
                    next = line(new String(cps, start, end - start), bold, size);
                }
                piece = next;
            }
            kept.setLength(0);
            kept.append(new String(cps, start, cps.length - start));
            current = piece;
        }
        if (current != null) {
            lines.add(current);
        }
        return lines;
    }

    /** Text of one font. */
    record Run(PDFont font, String text) {
    }

    private List<Run> runs(String visual, boolean bold) {
        List<Run> runs = new ArrayList<>();
        PDFont current = null;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < visual.length(); ) {
            int cp = visual.codePointAt(i);
            i += Character.charCount(cp);
            PDFont font = font(cp, bold);
            String shown = font == null ? "?" : new String(Character.toChars(cp));
            PDFont used = font == null ? latin : font;
            if (used != current && !text.isEmpty()) {
                runs.add(new Run(current, text.toString()));
                text.setLength(0);
            }
            current = used;
            text.append(shown);
        }
        if (!text.isEmpty()) {
            runs.add(new Run(current, text.toString()));
        }
        return runs;
    }

    /** The font that draws this character, or null when none has it; decided once per character and weight. */
    private PDFont font(int cp, boolean bold) {
        return fontOf.computeIfAbsent(bold ? -1 - cp : cp, k -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            PDFont ar = bold ? arabicBold : arabic;
            PDFont la = bold ? latinBold : latin;
            PDFont[] order = script == Character.UnicodeScript.ARABIC ? new PDFont[] {ar, la, tifinagh}
                    : script == Character.UnicodeScript.TIFINAGH ? new PDFont[] {tifinagh, la, ar}
                    : new PDFont[] {la, ar, tifinagh};
            for (PDFont f : order) {
                if (has(f, cp)) {
                    return f;
                }
            }
            return null;
        });
    }

    private static boolean has(PDFont font, int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
