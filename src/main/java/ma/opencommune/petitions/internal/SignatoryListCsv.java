package ma.opencommune.petitions.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import ma.opencommune.petitions.LegalFile;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Morocco;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The legal file as CSV (RFC 4180: comma-separated, CRLF, fields quoted when they hold a quote, comma or line break),
 * in UTF-8 with a byte-order mark so that Excel opens Arabic and Tifinagh names as written. A cell that a spreadsheet
 * would take for a formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe: a name
 * typed from a paper sheet must never run as a formula on the bureau's computer. Written row by row as the rows arrive.
 */
@Component
class SignatoryListCsv implements LegalFile.Renderer {

    static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Morocco.ZONE);
    private static final String CRLF = "\r\n";

    private final MessageSource messages;

    SignatoryListCsv(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public LegalFile.Format format() {
        return LegalFile.Format.CSV;
    }

    @Override
    public void render(LegalFile.Header header, Lang lang, LegalFile.Rows rows, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        w.write('\uFEFF');
        line(w, label("col.number", lang), label("col.name", lang), label("col.cin", lang), label("col.basis", lang),
                label("col.source", lang), label("col.signed", lang));
        String[] bases = {messages.getMessage("petitions.admin.basis.RESIDENT", null, lang.locale()),
            messages.getMessage("petitions.admin.basis.ECONOMIC", null, lang.locale())};
        String[] sources = {messages.getMessage("petitions.admin.source.ONLINE", null, lang.locale()),
            messages.getMessage("petitions.admin.source.PAPER", null, lang.locale())};
        rows.forEach(s -> line(w, Long.toString(s.number()), s.fullName(), s.cin(), bases[s.basis().ordinal()],
                sources[s.source().ordinal()], s.signedAt() == null ? "" : SIGNED_AT.format(s.signedAt())));
        w.flush();
    }

    private String label(String key, Lang lang) {
        return messages.getMessage("petitions.admin.legal." + key, null, lang.locale());
    }

    private static void line(Writer w, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells[i]));
        }
        w.write(CRLF);
    }

    /** One field: guarded against formula injection, then quoted as RFC 4180 asks. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf('"') >= 0 || v.indexOf(',') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
