package ma.opencommune.council.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Objects;
import ma.opencommune.council.ProjectFilter;
import ma.opencommune.council.ProjectLine;
import ma.opencommune.council.ProjectReads;
import ma.opencommune.platform.CsvWriter;
import ma.opencommune.territory.Collectivity;
import org.springframework.stereotype.Component;

/**
 * The published projects as CSV (issue point 5), with the list's filters, through the platform's {@link CsvWriter} (byte-order
 * mark, RFC 4180, formula guard; plain numbers such as a negative longitude stay numbers). Rows are written as the
 * database returns them: nothing is held whole.
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
        CsvWriter csv = CsvWriter.withBom(out);
        csv.row(HEADER);
        try {
            reads.eachPublished(c, filter, row -> {
                ProjectLine l = row.line();
                csv.rowUnchecked(String.valueOf(l.id()), l.titleAr(), l.titleFr(), l.sector().name(), l.status().name(), String.valueOf(l.progress()),
                        plain(l.costMad()), plain(row.fundingTotal()), row.contractor(), Objects.toString(l.startsOn(), ""),
                        Objects.toString(l.endsOn(), ""), plain(l.latitude()), plain(l.longitude()), Objects.toString(l.lastUpdateOn(), ""),
                        row.decisionNumbers());
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : n.toPlainString();
    }
}
