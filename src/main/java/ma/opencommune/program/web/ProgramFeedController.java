package ma.opencommune.program.web;

import ma.opencommune.platform.PublicAddress;
import java.time.Instant;
import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.web.AtomFeed;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.ProgramFeed;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** Atom feed (RFC 4287) of a process: its newest 50 public events, titled in the page language. */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/program/{processId}")
class ProgramFeedController {

    private final Territory territory;
    private final Processes processes;
    private final ProgramFeed feed;
    private final MessageSource messages;
    private final String baseUrl;

    ProgramFeedController(Territory territory, Processes processes, ProgramFeed feed, MessageSource messages,
            PublicAddress publicAddress) {
        this.territory = territory;
        this.processes = processes;
        this.feed = feed;
        this.messages = messages;
        this.baseUrl = publicAddress.base();
    }

    @GetMapping("/feed.atom")
    ResponseEntity<String> atom(Lang lang, @PathVariable String slug, @PathVariable long processId,
            @AuthenticationPrincipal AccountUser user) {
        Collectivity c = territory.require(slug);
        // Only published processes have a feed: a manager's draft preview is not syndicated.
        Process p = processes.requireVisible(c, processId, null);
        List<ProgramFeed.Entry> entries = feed.entries(c.id(), processId);
        String processUrl = baseUrl + "/" + lang.code() + "/c/" + slug + "/program/" + processId;
        String tag = AtomFeed.tag(baseUrl, slug + "/program/" + processId);
        Instant updated = entries.isEmpty() ? p.publishedAt() : entries.get(0).at();
        AtomFeed.Feed head = new AtomFeed.Feed(lang.code(), tag, p.title().in(lang.code()) + " — " + c.name(lang.code()), updated,
                processUrl + "/feed.atom", processUrl, c.name(lang.code()));
        List<AtomFeed.Entry> items = entries.stream().map(e -> new AtomFeed.Entry(tag + "/" + e.kind().name().toLowerCase() + "/" + e.id(),
                title(e, lang), e.at(), processUrl + path(e), e.text())).toList();
        return ResponseEntity.ok().contentType(AtomFeed.MEDIA_TYPE).body(AtomFeed.write(head, items));
    }

    private String title(ProgramFeed.Entry e, Lang lang) {
        String title = e.title().in(lang.code());
        String detail = e.detail() == null ? "" : e.detail();
        if (e.kind() == ProgramFeed.Kind.ANSWER) {
            detail = messages.getMessage("program.monitor.status." + detail, null, detail, lang.locale());
        }
        return messages.getMessage("program.monitor.feed." + e.kind().name(), new Object[] {title == null ? "" : title, detail}, lang.locale());
    }

    private static String path(ProgramFeed.Entry e) {
        return switch (e.kind()) {
            case ANSWER -> "/proposals/" + e.id();
            case WORKSHOP -> "/workshops/" + e.id();
            case OPINION -> "/opinions/" + e.id();
            case VERSION -> "/commitments";
            case PROGRESS -> "/commitments/" + e.parentId();
        };
    }
}
