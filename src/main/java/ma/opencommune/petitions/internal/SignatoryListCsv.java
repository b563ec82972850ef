package ma.opencommune.petitions.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import ma.opencommune.petitions.LegalFile;
import ma.opencommune.platform.CsvWriter;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Morocco;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The legal file as CSV, written by {@link CsvWriter} (RFC 4180, UTF-8 with a byte-order mark, formula-guarded: a name
 * typed from a paper sheet must never run as a formula on the bureau's computer), row by row as the rows arrive.
 */
@Component
class SignatoryListCsv implements LegalFile.Renderer {

    static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Morocco.ZONE);

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
        CsvWriter csv = CsvWriter.withBom(out);
        csv.row(label("col.number", lang), label("col.name", lang), label("col.cin", lang), label("col.basis", lang),
                label("col.source", lang), label("col.signed", lang));
        String[] bases = {messages.getMessage("petitions.admin.basis.RESIDENT", null, lang.locale()),
            messages.getMessage("petitions.admin.basis.ECONOMIC", null, lang.locale())};
        String[] sources = {messages.getMessage("petitions.admin.source.ONLINE", null, lang.locale()),
            messages.getMessage("petitions.admin.source.PAPER", null, lang.locale())};
        rows.forEach(s -> csv.row(Long.toString(s.number()), s.fullName(), s.cin(), bases[s.basis().ordinal()],
                sources[s.source().ordinal()], s.signedAt() == null ? "" : SIGNED_AT.format(s.signedAt())));
        csv.flush();
    }

    private String label(String key, Lang lang) {
        return messages.getMessage("petitions.admin.legal." + key, null, lang.locale());
    }
}
