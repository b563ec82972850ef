package ma.opencommune.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Every CSV the platform hands out (signatory lists, council decisions, budgets, statistics): RFC 4180 (comma-separated,
 * CRLF, a field quoted when it holds a quote, comma, semicolon or line break), UTF-8 with a byte-order mark so that Excel
 * opens Arabic and Tifinagh as written, and a cell a spreadsheet would take for a formula (starting with = + - @, a tab
 * or a carriage return) prefixed with an apostrophe: text typed by a citizen must never run on a staff computer.
 * Rows are written as they come through a buffer, so an export of any size streams.
 */
public final class CsvWriter {

    /** The content type every CSV download is served with. */
    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    private static final String CRLF = "\r\n";

    private final Writer out;

    private CsvWriter(Writer out) {
        this.out = out;
    }

    /** A writer on {@code out} that has already written the byte-order mark. Call {@link #flush()} at the end. */
    public static CsvWriter withBom(OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
        csv.out.write('\uFEFF');
        return csv;
    }

    /** Writes one row. */
    public void row(String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write(CRLF);
    }

    /**
     * Writes one row from a callback that may not throw (a row handler of a streamed query): a failed write leaves as
     * an {@link UncheckedIOException}, which the caller unwraps once around the whole stream.
     */
    public void rowUnchecked(String... cells) {
        try {
            row(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends what the buffer holds; the underlying stream stays open (the servlet container closes it). */
    public void flush() throws IOException {
        out.flush();
    }

    /** One field: guarded against formula injection, then quoted as RFC 4180 asks; null is an empty field. */
    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf('"') >= 0 || v.indexOf(',') >= 0 || v.indexOf(';') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
