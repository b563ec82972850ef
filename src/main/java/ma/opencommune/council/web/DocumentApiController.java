package ma.opencommune.council.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.opencommune.council.DocumentCatalog;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The document library API of a collectivity (read only): the same search as the public page, a page at a time, and
 * one document. Drafts are never listed; another collectivity's id answers a 404 problem detail.
 */
@RestController
@RequestMapping("/api/v1/collectivities/{slug}/documents")
@Tag(name = "Documents", description = "The council's document library: decisions, minutes, budgets, reports, studies")
class DocumentApiController {

    static final int PAGE = 50;

    /** A document as the API shows it; {@code fileUrl} is null once it was withdrawn. */
    record DocumentRepresentation(long id, String type, String titleAr, String titleFr, String descriptionAr, String descriptionFr,
            LocalDate date, int year, String reference, String status, Instant publishedAt, Instant withdrawnAt, String withdrawalReason,
            String fileType, long fileSize, String fileUrl) {
    }

    /** A line of the list. */
    record DocumentSummary(long id, String type, String titleAr, String titleFr, LocalDate date, int year, String reference, String status,
            String url) {
    }

    /** A page of documents; {@code next} is the query of the next page, null on the last. */
    record DocumentPage(List<DocumentSummary> items, String next) {
    }

    private final Territory territory;
    private final DocumentCatalog catalog;

    DocumentApiController(Territory territory, DocumentCatalog catalog) {
        this.territory = territory;
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "Published (and withdrawn) documents, newest first, matching the words of q whatever their accents, hamza or diacritics")
    DocumentPage list(@PathVariable String slug,
            @Parameter(description = "words to find in titles, descriptions and reference") @RequestParam(required = false) String q,
            @Parameter(description = "DECISION, MINUTES, BUDGET, REPORT, STUDY or OTHER") @RequestParam(required = false) String type,
            @Parameter(description = "the year of the documents") @RequestParam(required = false) String year,
            @Parameter(description = "the next value of the previous page") @RequestParam(required = false) String after) {
        Collectivity c = territory.require(slug);
        DocumentPagesController.Filters f = DocumentPagesController.Filters.read(q, type, year, after);
        DocumentCatalog.Page page = catalog.search(c.id(), f.query(), PAGE);
        String base = "/api/v1/collectivities/" + c.slug() + "/documents";
        List<DocumentSummary> items = page.items().stream().map(d -> new DocumentSummary(d.id(), d.kind().name(), d.titleAr(), d.titleFr(),
                d.date(), d.year(), d.reference(), d.status().name(), base + "/" + d.id())).toList();
        return new DocumentPage(items, page.next() == null ? null : f.url(base, page.next()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One published or withdrawn document, with the address of its file while it is published")
    DocumentRepresentation one(@PathVariable String slug, @PathVariable long id) {
        Collectivity c = territory.require(slug);
        DocumentCatalog.Document d = catalog.document(c.id(), id);
        return new DocumentRepresentation(d.id(), d.kind().name(), d.titleAr(), d.titleFr(), d.descriptionAr(), d.descriptionFr(), d.date(),
                d.year(), d.reference(), d.status().name(), d.publishedAt(), d.withdrawnAt(), d.withdrawalReason(), d.contentType(),
                d.sizeBytes(), d.downloadable() ? "/fr/c/" + c.slug() + "/documents/" + d.id() + "/file" : null);
    }
}
