package ma.opencommune.council.web;

import ma.opencommune.platform.PublicAddress;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import ma.opencommune.council.CouncilDecisionReads;
import ma.opencommune.council.CouncilDecisionReads.Decision;
import ma.opencommune.council.CouncilSessions;
import ma.opencommune.platform.CsvWriter;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.web.AtomFeed;
import ma.opencommune.platform.web.ICalendar;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Machine-readable council: an Atom feed (RFC 4287) of the newest published decisions, an iCalendar (RFC 5545) of the
 * public sessions, and the published decisions as CSV (RFC 4180, UTF-8 with BOM, formula-guarded, streamed row by row)
 * with the list's filters.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/council")
class CouncilFeedsController {

    /** A session is shown in calendars as lasting this long: the law gives no end time. */
    private static final long SESSION_HOURS = 3;

    private final Territory territory;
    private final CouncilSessions sessions;
    private final CouncilDecisionReads decisions;
    private final MessageSource messages;
    private final String baseUrl;

    CouncilFeedsController(Territory territory, CouncilSessions sessions, CouncilDecisionReads decisions, MessageSource messages,
            PublicAddress publicAddress) {
        this.territory = territory;
        this.sessions = sessions;
        this.decisions = decisions;
        this.messages = messages;
        this.baseUrl = publicAddress.base();
    }

    @GetMapping("/decisions.atom")
    ResponseEntity<String> atom(Lang lang, @PathVariable String slug) {
        Collectivity c = territory.require(slug);
        List<Decision> entries = decisions.page(c.id(), CouncilDecisionReads.Filter.NONE, null, 50);
        String base = baseUrl + "/" + lang.code() + "/c/" + slug + "/council/decisions";
        String tag = AtomFeed.tag(baseUrl, slug + "/council/decisions");
        Instant updated = entries.stream().map(Decision::publishedAt).filter(Objects::nonNull).max(Instant::compareTo).orElse(Instant.EPOCH);
        AtomFeed.Feed head = new AtomFeed.Feed(lang.code(), tag,
                messages.getMessage("council.decisions.title", null, lang.locale()) + " — " + c.name(lang.code()), updated, base + ".atom", base,
                c.name(lang.code()));
        List<AtomFeed.Entry> items = entries.stream().map(d -> new AtomFeed.Entry(tag + "/" + d.id(), d.number() + " — " + d.title(lang.code()),
                d.publishedAt(), base + "/" + d.id(), d.text(lang.code()))).toList();
        return ResponseEntity.ok().contentType(AtomFeed.MEDIA_TYPE).body(AtomFeed.write(head, items));
    }

    @GetMapping("/sessions.ics")
    ResponseEntity<String> calendar(Lang lang, @PathVariable String slug) {
        Collectivity c = territory.require(slug);
        String name = messages.getMessage("council.sessions.title", null, lang.locale()) + " — " + c.name(lang.code());
        List<ICalendar.Event> events = sessions.publicSessions(c).stream().map(s -> {
            Instant start = s.heldOn().atTime(s.startsAt()).atZone(Morocco.ZONE).toInstant();
            return new ICalendar.Event("council-session-" + s.id() + "@opencommune", start, start.plusSeconds(SESSION_HOURS * 3600), null,
                    messages.getMessage("council.session.kind." + s.kind(), null, lang.locale()) + " — " + c.name(lang.code()), null, s.place(),
                    baseUrl + "/" + lang.code() + "/c/" + slug + "/council/sessions/" + s.id(), false);
        }).toList();
        return ResponseEntity.ok().contentType(ICalendar.MEDIA_TYPE).body(ICalendar.calendar("Council sessions", name, Instant.now(), events));
    }

    @GetMapping("/decisions.csv")
    void csv(Lang lang, @PathVariable String slug, @RequestParam(required = false) String year, @RequestParam(required = false) String session,
            @RequestParam(required = false) String topic, HttpServletResponse response) throws IOException {
        Collectivity c = territory.require(slug);
        CouncilDecisionReads.Filter f = CouncilFilters.parse(year, session, topic);
        response.setContentType(CsvWriter.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + "-council-decisions.csv\"");
        CsvWriter csv = CsvWriter.withBom(response.getOutputStream());
        csv.row("id", "number", "session_date", "session_kind", "topic", "title_ar", "title_fr", "votes_for", "votes_against", "votes_abstain",
                "outcome", "published_on", "revision", "url");
        String base = baseUrl + "/" + lang.code() + "/c/" + slug + "/council/decisions/";
        try {
            decisions.stream(c.id(), f, d -> csv.rowUnchecked(Long.toString(d.id()), d.number(), d.sessionOn().toString(), d.sessionKind().name(),
                    d.topic().name(), d.titleAr(), d.titleFr(), Integer.toString(d.votes().votesFor()), Integer.toString(d.votes().against()),
                    Integer.toString(d.votes().abstain()), d.outcome().name(), String.valueOf(d.publishedOn()), Integer.toString(d.revision()),
                    base + d.id()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }
}
