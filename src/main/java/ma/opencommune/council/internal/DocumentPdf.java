package ma.opencommune.council.internal;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A one-page PDF standing for a demo document: the collectivity, the titles in Arabic (shaped right to left with the
 * embedded Noto Naskh font) and French, its reference and date. Real PDFs, so the demo library downloads real files.
 */
final class DocumentPdf {

    private static final String ARABIC = "Noto Naskh Arabic";

    private DocumentPdf() {
    }

    static byte[] render(String collectivityAr, String collectivityFr, String titleAr, String titleFr, String reference, String date) {
        String html = "<html><head><style>@page { size: A4; margin: 2cm; } body { font-family: '" + ARABIC + "', sans-serif; font-size: 13pt; }"
                + " .ar { direction: rtl; text-align: right; } h1 { font-size: 17pt; } .meta { color: #444; }</style></head><body>"
                + "<p class='ar'>" + esc(collectivityAr) + "</p><p>" + esc(collectivityFr) + "</p>"
                + (titleAr == null ? "" : "<h1 class='ar'>" + esc(titleAr) + "</h1>")
                + (titleFr == null ? "" : "<h1>" + esc(titleFr) + "</h1>")
                + "<p class='meta'>" + (reference == null ? "" : "Réf. " + esc(reference) + " — ") + esc(date) + "</p>"
                + "<p>Document de démonstration de la plateforme Open Commune.</p>"
                + "<p class='ar'>وثيقة للعرض التجريبي لمنصة الجماعة المنفتحة.</p></body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
            builder.useFont(() -> DocumentPdf.class.getResourceAsStream("/fonts/NotoNaskhArabic-Regular.ttf"), ARABIC, 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String esc(String s) {
        // XHTML: only the five markup characters, never HTML's named entities the XML parser does not know.
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
