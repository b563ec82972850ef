package ma.opencommune.information.internal;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import ma.opencommune.information.InformationRequest;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.web.Dates;
import ma.opencommune.territory.Collectivity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The PDF receipt of a request (issue scope 1), the requester's own document: the template
 * {@code information/receipt-pdf} rendered by openhtmltopdf with ICU bidi, so Arabic is shaped and laid out right to
 * left, and the Noto fonts embedded (Naskh Arabic; Tifinagh for zgh). It shows the requester's name and the CIN
 * hint only, never the whole number (PDP-2).
 */
@Component
public class ReceiptPdf {

    static final String ARABIC = "Noto Naskh Arabic";
    static final String TIFINAGH = "Noto Sans Tifinagh";

    private final ITemplateEngine templates;
    private final Dates dates;

    ReceiptPdf(ITemplateEngine templates, Dates dates) {
        this.templates = templates;
        this.dates = dates;
    }

    public byte[] render(Collectivity c, InformationRequest r, Lang lang) {
        Context context = new Context(lang.locale());
        context.setVariable("lang", lang);
        context.setVariable("collectivity", c);
        context.setVariable("r", r);
        context.setVariable("receivedAt", dates.dateTime(r.receivedAt(), lang));
        context.setVariable("dueOn", dates.date(r.dueOn(), lang));
        context.setVariable("dueOnHijri", dates.hijri(r.dueOn(), lang));
        String html = templates.process("information/receipt-pdf", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.defaultTextDirection(lang.rtl() ? BaseRendererBuilder.TextDirection.RTL : BaseRendererBuilder.TextDirection.LTR);
            font(builder, "NotoNaskhArabic-Regular.ttf", ARABIC, 400);
            font(builder, "NotoNaskhArabic-Bold.ttf", ARABIC, 700);
            font(builder, "NotoSansTifinagh-Regular.ttf", TIFINAGH, 400);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
        builder.useFont(() -> ReceiptPdf.class.getResourceAsStream("/fonts/" + file), family, weight,
                BaseRendererBuilder.FontStyle.NORMAL, true);
    }
}
