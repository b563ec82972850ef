package ma.opencommune.network.exchange.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import ma.opencommune.network.exchange.NetworkEvents;
import ma.opencommune.network.exchange.Practice;
import ma.opencommune.network.exchange.PracticeLibrary;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.web.AtomFeed;
import ma.opencommune.platform.web.ICalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The network's events as an iCalendar feed and its latest good practices as an Atom feed, in the address's language. */
@RestController
class ExchangeFeedsController {

    private final NetworkEvents events;
    private final PracticeLibrary library;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    ExchangeFeedsController(NetworkEvents events, PracticeLibrary library, MessageSource messages, Clock clock,
            @Value("${opencommune.base-url}") String baseUrl) {
        this.events = events;
        this.library = library;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping(Lang.PATH + "/network/events.ics")
    ResponseEntity<String> calendar(Lang lang) {
        List<ICalendar.Event> list = events.all().stream().map(e -> new ICalendar.Event("network-event-" + e.id() + "@opencommune",
                e.startsAt(), e.endsAt(), null, e.title(lang.code()), "ar".equals(e.titleLang(lang.code())) ? e.descriptionAr() : e.descriptionFr(),
                e.place() != null ? e.place() : e.onlineUrl(), baseUrl + "/" + lang.code() + "/network/events/" + e.id(), e.cancelled()))
                .toList();
        String name = messages.getMessage("network.exchange.events.title", null, lang.locale());
        return ResponseEntity.ok().contentType(ICalendar.MEDIA_TYPE)
                .body(ICalendar.calendar("Network events", name, Instant.now(clock), list));
    }

    @GetMapping(Lang.PATH + "/network/practices.atom")
    ResponseEntity<String> practices(Lang lang) {
        List<Practice> latest = library.latest(30);
        String page = baseUrl + "/" + lang.code() + "/network/practices";
        List<AtomFeed.Entry> entries = latest.stream().map(p -> new AtomFeed.Entry(AtomFeed.tag(baseUrl, "/network/practices/" + p.id()),
                p.title(lang.code()), p.publishedAt(), page + "/" + p.id(), p.summary(lang.code()))).toList();
        Instant updated = latest.isEmpty() ? Instant.EPOCH : latest.get(0).publishedAt();
        String title = messages.getMessage("network.exchange.practices.title", null, lang.locale());
        return ResponseEntity.ok().contentType(AtomFeed.MEDIA_TYPE).body(AtomFeed.write(new AtomFeed.Feed(lang.code(),
                AtomFeed.tag(baseUrl, "/network/practices"), title, updated, page + ".atom", page, "Open Commune"), entries));
    }

}
