package ma.opencommune.petitions.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.petitions.LegalFile;
import ma.opencommune.petitions.PetitionDetails;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Downloads of a petition's staff page: the legal file (the signatories with their names and identity numbers, CSV or
 * PDF, issue point 7) and the association's documents (PET-4). For the bureau's staff of that collectivity only
 * (PDP-2); always as attachments, never cached, with the type fixed so browsers guess nothing. The legal file streams
 * into the response as it is read: a petition of a hundred thousand signatures is never held in memory.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/petitions/{petitionId}")
class PetitionFilesAdminController {

    private final Territory territory;
    private final LegalFile legalFile;
    private final PetitionDetails details;

    PetitionFilesAdminController(Territory territory, LegalFile legalFile, PetitionDetails details) {
        this.territory = territory;
        this.legalFile = legalFile;
        this.details = details;
    }

    @GetMapping("/signatories.csv")
    void csv(Lang lang, @PathVariable String slug, @PathVariable long petitionId, @AuthenticationPrincipal AccountUser user,
            HttpServletResponse response) throws IOException {
        send(lang, slug, petitionId, user, LegalFile.Format.CSV, "text/csv;charset=UTF-8", response);
    }

    @GetMapping("/signatories.pdf")
    void pdf(Lang lang, @PathVariable String slug, @PathVariable long petitionId, @AuthenticationPrincipal AccountUser user,
            HttpServletResponse response) throws IOException {
        send(lang, slug, petitionId, user, LegalFile.Format.PDF, "application/pdf", response);
    }

    private void send(Lang lang, String slug, long petitionId, AccountUser user, LegalFile.Format format, String type,
            HttpServletResponse response) throws IOException {
        Collectivity c = territory.require(slug);
        // Checked before the first byte: a refusal is still a whole 403 or 404 page.
        LegalFile.Header header = legalFile.prepare(c, petitionId, user);
        String name = "petition-" + petitionId + "-signatories-" + header.today() + "." + format.code();
        headers(response, type, name);
        try (OutputStream out = response.getOutputStream()) {
            legalFile.write(header, format, lang, user, out);
        }
    }

    @GetMapping("/documents/{documentId}")
    void document(@PathVariable String slug, @PathVariable long petitionId, @PathVariable long documentId,
            @AuthenticationPrincipal AccountUser user, HttpServletResponse response) throws IOException {
        PetitionDetails.Download d = details.document(territory.require(slug), user, petitionId, documentId);
        headers(response, d.contentType(), d.fileName());
        try (InputStream in = d.content(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static void headers(HttpServletResponse response, String type, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
