package ma.opencommune.council.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import ma.opencommune.council.ProjectFilter;
import ma.opencommune.council.ProjectLine;
import ma.opencommune.council.ProjectReads;
import ma.opencommune.territory.Collectivity;
import org.springframework.stereotype.Component;

/**
 * The published projects as CSV (issue point 5), with the list's filters: UTF-8 with a byte-order mark so spreadsheets
 * open Arabic titles as written, RFC 4180 quoting, and a cell a spreadsheet would run as a formula (= + - @, tab,
 * carriage return) prefixed with an apostrophe. Rows are written as the database returns them: nothing is held whole.
 */
@Component
public class ProjectCsv {

    private static final String[] HEADER = {"id", "title_ar", "title_fr", "sector", "status", "progress_percent", "cost_mad",
        "funding_total_mad", "contractor", "starts_on", "ends_on", "latitude", "longitude", "last_update_on",
        "council_decisions"};

    private final ProjectReads reads;

    ProjectCsv(ProjectReads reads) {
        this.reads = reads;
    }

    public void write(Collectivity c, ProjectFilter filter, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        line(w, HEADER);
        try {
            reads.eachPublished(c, filter, row -> {
                ProjectLine l = row.line();
                try {
                    line(w, String.valueOf(l.id()), l.titleAr(), l.titleFr(), l.sector().name(), l.status().name(), String.valueOf(l.progress()),
                            plain(l.costMad()), plain(row.fundingTotal()), row.contractor(), Objects.toString(l.startsOn(), ""),
                            Objects.toString(l.endsOn(), ""), plain(l.latitude()), plain(l.longitude()), Objects.toString(l.lastUpdateOn(), ""),
                            row.decisionNumbers());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : n.toPlainString();
    }

    private static void line(Writer w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells[i]));
        }
        w.write("\r\n");
    }

    /** One field: guarded against formula injection, then quoted when it holds a separator, quote or line break. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        // Numbers written by the platform itself (a negative never occurs) are left as they are.
        if ((first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') && !v.matches("-?[0-9.]+")) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.startsWith("'")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
