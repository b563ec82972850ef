package ma.opencommune.information.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.information.Attachments;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Downloads a request's document: for the requester and the officers, or for anyone once the request is published
 * and the document marked publishable (PDP-2); otherwise 404. Always as an attachment, with the type fixed at upload
 * and browsers told not to guess another.
 */
@Controller
class AttachmentController {

    private final Territory territory;
    private final Attachments attachments;

    AttachmentController(Territory territory, Attachments attachments) {
        this.territory = territory;
        this.attachments = attachments;
    }

    @GetMapping(Lang.PATH + "/c/{slug}/information/requests/{tn}/attachments/{id}")
    ResponseEntity<InputStreamResource> download(@PathVariable String slug, @PathVariable String tn, @PathVariable long id,
            @AuthenticationPrincipal AccountUser user) {
        Collectivity c = territory.require(slug);
        Attachments.Download d = attachments.download(c, tn, id, user);
        String ascii = d.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(d.content()));
    }
}
