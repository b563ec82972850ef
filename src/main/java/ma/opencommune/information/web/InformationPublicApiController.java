package ma.opencommune.information.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.information.ComplaintLevel;
import ma.opencommune.information.ComplaintOutcome;
import ma.opencommune.information.InformationStatistics;
import ma.opencommune.information.Publication;
import ma.opencommune.information.RefusalGround;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public API of access to information: the published (redacted, PDP-2) requests of a collectivity and its yearly
 * statistics. The unpublished list is no API route: {@code published=true} is required.
 */
@RestController
@RequestMapping("/api/v1/collectivities/{slug}/information-requests")
@Tag(name = "Information", description = "Access-to-information requests (Law 31-13): published answers and statistics")
class InformationPublicApiController {

    /** A published request: redacted subject, never the requester. */
    record PublishedRepresentation(String trackingNumber, String subject, String status, Instant receivedAt, LocalDate answeredOn,
            boolean inTime) {
    }

    /** A page of published requests; {@code next} is the query of the next page, null on the last. */
    record PublishedPage(List<PublishedRepresentation> items, int page, String next) {
    }

    /** Complaints of one level. */
    record ComplaintsRepresentation(long filed, long pending, Map<String, Long> outcomes) {
    }

    /** The statistics of one year of receipt. {@code respondedInTimePercent} is null below ten responses. */
    record StatisticsRepresentation(int year, long received, long responded, long respondedInTime, Integer respondedInTimePercent,
            Double medianWorkingDays, long extensions, Map<String, Long> refusalsByGround, long transfers, long withdrawals,
            Map<String, ComplaintsRepresentation> complaints, long open, long overdue) {
    }

    private final Territory territory;
    private final Publication publication;
    private final InformationStatistics statistics;

    InformationPublicApiController(Territory territory, Publication publication, InformationStatistics statistics) {
        this.territory = territory;
        this.publication = publication;
        this.statistics = statistics;
    }

    @GetMapping
    @Operation(summary = "Published requests, newest publication first (redacted texts, no personal data)")
    PublishedPage published(@PathVariable String slug,
            @Parameter(description = "must be true: only published requests are public") @RequestParam(required = false) String published,
            @Parameter(description = "page number from 1") @RequestParam(required = false, defaultValue = "1") String page,
            @Parameter(description = "words to search, regardless of accents, hamza or diacritics") @RequestParam(required = false) String q) {
        Collectivity c = territory.require(slug);
        if (!"true".equals(published)) {
            throw new InvalidInput(Map.of("published", "information.published.api.published-required"));
        }
        String query = q == null ? "" : q.strip();
        Publication.Page p = publication.published(c.id(), query.length() > PublishedController.QUERY_MAX
                ? query.substring(0, PublishedController.QUERY_MAX) : query, PublishedController.page(page));
        List<PublishedRepresentation> items = p.items().stream()
                .map(l -> new PublishedRepresentation(l.trackingNumber(), l.subject(), l.status().name(), l.receivedAt(), l.answeredOn(), l.inTime()))
                .toList();
        return new PublishedPage(items, p.page(), p.hasNext() ? "?published=true&page=" + (p.page() + 1) : null);
    }

    @GetMapping("/statistics")
    @Operation(summary = "Statistics of the requests received in a year (default: this year)")
    StatisticsRepresentation statistics(@PathVariable String slug, @RequestParam(required = false) String year) {
        Collectivity c = territory.require(slug);
        InformationStatistics.Statistics s = statistics.year(c.id(), StatisticsController.year(year, statistics.years(c.id())));
        Map<String, Long> grounds = new LinkedHashMap<>();
        for (RefusalGround g : RefusalGround.values()) {
            grounds.put(g.name(), s.refusals().getOrDefault(g, 0L));
        }
        Map<String, ComplaintsRepresentation> complaints = new LinkedHashMap<>();
        for (ComplaintLevel level : ComplaintLevel.values()) {
            InformationStatistics.Complaints k = s.complaints().get(level);
            Map<String, Long> outcomes = new LinkedHashMap<>();
            for (ComplaintOutcome o : ComplaintOutcome.values()) {
                outcomes.put(o.name(), k.byOutcome().getOrDefault(o, 0L));
            }
            complaints.put(level.name(), new ComplaintsRepresentation(k.filed(), k.pending(), outcomes));
        }
        return new StatisticsRepresentation(s.year(), s.received(), s.responded(), s.respondedInTime(), s.inTimePercent(),
                s.medianWorkingDays(), s.extensions(), grounds, s.transfers(), s.withdrawals(), complaints, s.open(), s.overdue());
    }
}
