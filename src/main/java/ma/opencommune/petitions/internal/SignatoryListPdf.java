package ma.opencommune.petitions.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import ma.opencommune.petitions.LegalFile;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.web.Dates;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The legal file as PDF: a header (the collectivity, the petition's number and title, the counts, the day) and a table
 * of the signatories repeated under its column titles on every A4 page, mirrored for Arabic. An HTML layout of a
 * hundred thousand rows would hold every box in memory and take minutes, so the pages are drawn directly with PDFBox
 * as the rows stream in: each page's content goes to a temporary file as soon as it is complete, and the memory held
 * is the page objects (a few hundred bytes each) and the embedded font subsets, whatever the number of rows.
 */
@Component
class SignatoryListPdf implements LegalFile.Renderer {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 36;
    static final float SIZE = 9;
    static final float LEADING = 12;
    static final float PAD = 3;
    /** Number, name, identity number, basis, source, date: the content width of an A4 page less its margins. */
    static final float[] WIDTHS = {38, 180, 78, 82, 55, 90};
    static final String[] COLUMNS = {"col.number", "col.name", "col.cin", "col.basis", "col.source", "col.signed"};

    private final MessageSource messages;
    private final Dates dates;

    SignatoryListPdf(MessageSource messages, Dates dates) {
        this.messages = messages;
        this.dates = dates;
    }

    @Override
    public LegalFile.Format format() {
        return LegalFile.Format.PDF;
    }

    @Override
    public void render(LegalFile.Header header, Lang lang, LegalFile.Rows rows, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            // The document's metadata carries no personal data.
            doc.getDocumentInformation().setTitle(label("heading", lang) + " — " + header.petitionId());
            doc.getDocumentInformation().setCreator("Open Commune");
            Pages pages = new Pages(doc, new PdfText(doc, lang.rtl()), lang, header);
            pages.first();
            String[] bases = {msg("petitions.admin.basis.RESIDENT", lang), msg("petitions.admin.basis.ECONOMIC", lang)};
            String[] sources = {msg("petitions.admin.source.ONLINE", lang), msg("petitions.admin.source.PAPER", lang)};
            rows.forEach(s -> pages.row(false, dates.number(s.number(), lang), s.fullName(), s.cin(), bases[s.basis().ordinal()],
                    sources[s.source().ordinal()], s.signedAt() == null ? "" : SignatoryListCsv.SIGNED_AT.format(s.signedAt())));
            pages.close();
            doc.save(out);
        }
    }

    private String label(String key, Lang lang, Object... args) {
        return messages.getMessage("petitions.admin.legal." + key, args, lang.locale());
    }

    private String msg(String key, Lang lang) {
        return messages.getMessage(key, null, lang.locale());
    }

    /** The page being drawn and where the next line goes; a new page opens when a row does not fit. */
    private final class Pages {

        private final PDDocument doc;
        private final PdfText text;
        private final Lang lang;
        private final LegalFile.Header header;
        private final String[] titles;
        private final String footer;
        private PDPageContentStream cs;
        private float y;
        private int number;

        Pages(PDDocument doc, PdfText text, Lang lang, LegalFile.Header header) {
            this.doc = doc;
            this.text = text;
            this.lang = lang;
            this.header = header;
            this.titles = new String[COLUMNS.length];
            for (int i = 0; i < COLUMNS.length; i++) {
                titles[i] = label(COLUMNS[i], lang);
            }
            this.footer = header.collectivity().name(lang.code()) + " — " + label("petition", lang, String.valueOf(header.petitionId()));
        }

        /** The first page: the file's header, then the table. */
        void first() throws IOException {
            open();
            float width = PAGE.getWidth() - 2 * MARGIN;
            block(label("heading", lang), true, 15, width);
            block(header.collectivity().name(lang.code()), false, 11, width);
            block(label("petition", lang, String.valueOf(header.petitionId())), true, 11, width);
            block(header.title(), false, 11, width);
            block(label("counts", lang, dates.number(header.total(), lang), dates.number(header.online(), lang),
                    dates.number(header.paper(), lang)), false, SIZE + 1, width);
            block(label("generated", lang, dates.date(header.today(), lang)), false, SIZE + 1, width);
            block(label("private", lang), false, SIZE - 1, width);
            y -= LEADING / 2;
            row(true, titles);
        }

        /** A paragraph across the page, wrapped, aligned to the start of the page's direction. */
        private void block(String value, boolean bold, float size, float width) throws IOException {
            for (PdfText.Line line : text.wrap(value, bold, size, width)) {
                y -= size * 1.5f;
                text.draw(cs, line, lang.rtl() ? PAGE.getWidth() - MARGIN - line.width() : MARGIN, y);
            }
        }

        /** One row of the table; its lines wrap inside their cells, and it moves whole to the next page if need be. */
        void row(boolean bold, String... cells) throws IOException {
            List<List<PdfText.Line>> wrapped = new ArrayList<>(cells.length);
            int lines = 1;
            for (int i = 0; i < cells.length; i++) {
                List<PdfText.Line> cell = text.wrap(cells[i] == null ? "" : cells[i], bold, SIZE, WIDTHS[i] - 2 * PAD);
                wrapped.add(cell);
                lines = Math.max(lines, cell.size());
            }
            float height = lines * LEADING + 2 * PAD;
            if (y - height < MARGIN + LEADING * 2) {
                close();
                open();
                if (!bold) {
                    row(true, titles);
                }
            }
            float x = 0;
            for (int i = 0; i < cells.length; i++) {
                float left = lang.rtl() ? PAGE.getWidth() - MARGIN - x - WIDTHS[i] : MARGIN + x;
                float baseline = y - PAD - SIZE;
                for (PdfText.Line line : wrapped.get(i)) {
                    text.draw(cs, line, lang.rtl() ? left + WIDTHS[i] - PAD - line.width() : left + PAD, baseline);
                    baseline -= LEADING;
                }
                x += WIDTHS[i];
            }
            y -= height;
            cs.setLineWidth(bold ? 0.8f : 0.3f);
            cs.moveTo(MARGIN, y);
            cs.lineTo(PAGE.getWidth() - MARGIN, y);
            cs.stroke();
        }

        private void open() throws IOException {
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            number++;
            y = PAGE.getHeight() - MARGIN;
            PdfText.Line foot = text.line(footer + " — " + label("page", lang, dates.number(number, lang)), false, SIZE - 1);
            text.draw(cs, foot, lang.rtl() ? PAGE.getWidth() - MARGIN - foot.width() : MARGIN, MARGIN - 12);
        }

        /** Ends the page: its content is written out of memory into the document's temporary file. */
        void close() throws IOException {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }
    }
}
