package ma.opencommune.audit.web;

import ma.opencommune.audit.AuditLog;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A collectivity's action log for its staff (any staff role). The collectivity comes from the URL; the page
 * costs the same few queries whatever its length: one for the entries, one batch for the names of who acted.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/audit")
class AuditController {

    private final Territory territory;
    private final Access access;
    private final AuditLog log;
    private final Accounts accounts;

    AuditController(Territory territory, Access access, AuditLog log, Accounts accounts) {
        this.territory = territory;
        this.access = access;
        this.log = log;
        this.accounts = accounts;
    }

    @GetMapping({"", "/"})
    String log(@PathVariable String slug, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) Long before, Model model) {
        Collectivity collectivity = territory.require(slug);
        access.requireStaff(user, collectivity);
        AuditLog.Page page = log.page(collectivity.id(), before, AuditLog.PAGE_SIZE);
        model.addAttribute("collectivity", collectivity);
        model.addAttribute("entries", page.entries());
        model.addAttribute("olderBefore", page.olderBefore());
        model.addAttribute("isFirstPage", before == null);
        // Ids missing from this map belong to deleted accounts (PDP-3): the page says so instead of a name.
        model.addAttribute("names", accounts.displayNames(page.actorIds()));
        return "audit/log";
    }
}
