package ma.opencommune.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ma.opencommune.audit.AuditLog;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.Accounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API of a collectivity's action log, for its staff (Bearer token); same guard and same pages as the HTML log. */
@RestController
@Tag(name = "Audit", description = "A collectivity's append-only action log (staff only)")
@SecurityRequirement(name = "bearer")
class AuditApiController {

    /** One page of the log, newest first; pass {@code olderBefore} as {@code before} to get the next one. */
    record AuditPage(List<EntryRepresentation> entries, Long olderBefore) {
    }

    /** {@code actorName} is null when the platform acted ({@code actorId} null) or the account was deleted. */
    record EntryRepresentation(long id, Instant occurredAt, String action, Long actorId, String actorName, String summary) {
    }

    private final Territory territory;
    private final Access access;
    private final AuditLog log;
    private final Accounts accounts;

    AuditApiController(Territory territory, Access access, AuditLog log, Accounts accounts) {
        this.territory = territory;
        this.access = access;
        this.log = log;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/collectivities/{slug}/admin/audit")
    @Operation(summary = "Action log of a collectivity, newest first, keyset-paginated (its staff only)")
    AuditPage audit(@PathVariable String slug, @AuthenticationPrincipal AccountUser user,
            @Parameter(description = "Only entries older than this entry id (the previous page's olderBefore)")
            @RequestParam(required = false) Long before,
            @Parameter(description = "Entries per page, 1 to " + AuditLog.MAX_PAGE_SIZE)
            @RequestParam(defaultValue = "" + AuditLog.PAGE_SIZE) int size) {
        Collectivity collectivity = territory.require(slug);
        access.requireStaff(user, collectivity);
        AuditLog.Page page = log.page(collectivity.id(), before, size);
        Map<Long, String> names = accounts.displayNames(page.actorIds());
        return new AuditPage(page.entries().stream()
                .map(e -> new EntryRepresentation(e.id(), e.occurredAt(), e.action(), e.actorId(),
                        e.actorId() == null ? null : names.get(e.actorId()), e.summary()))
                .toList(), page.olderBefore());
    }
}
