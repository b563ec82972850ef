package ma.opencommune.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** API of the logged-in account and of a collectivity's staff administration (Bearer token). */
@RestController
@Tag(name = "Identity", description = "The caller's account; a collectivity's roles and verifications (staff only)")
@SecurityRequirement(name = "bearer")
class IdentityApiController {

    record Me(long id, String email, String displayName, String preferredLang, List<RoleRepresentation> roles) {
    }

    record RoleRepresentation(String role, String collectivity, Long bodyId, Instant grantedAt) {
    }

    record GrantRepresentation(long id, String email, String displayName, String role, Long bodyId, Instant grantedAt) {
    }

    record DeclarationRepresentation(long id, String displayName, String basis, String cinHint, String status,
            Instant submittedAt, Instant decidedAt) {
    }

    private final Accounts accounts;
    private final RoleGrants grants;
    private final ResidentVerifications residents;
    private final Territory territory;
    private final Access access;

    IdentityApiController(Accounts accounts, RoleGrants grants, ResidentVerifications residents, Territory territory, Access access) {
        this.accounts = accounts;
        this.grants = grants;
        this.residents = residents;
        this.territory = territory;
        this.access = access;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The account the token belongs to, with its roles")
    Me me(@AuthenticationPrincipal AccountUser user) {
        Accounts.Account a = accounts.find(user.id()).orElseThrow(() -> new NotFoundException("account"));
        List<RoleGrants.Grant> mine = grants.grantsOf(user.id());
        var places = territory.byIds(mine.stream().map(RoleGrants.Grant::collectivityId).filter(java.util.Objects::nonNull).toList());
        return new Me(a.id(), a.email(), a.displayName(), a.preferredLang(), mine.stream()
                .map(g -> new RoleRepresentation(g.role().name(), g.collectivityId() == null ? null : places.get(g.collectivityId()).slug(),
                        g.bodyId(), g.grantedAt())).toList());
    }

    @GetMapping("/api/v1/collectivities/{slug}/admin/roles")
    @Operation(summary = "Roles granted in a collectivity (its staff admin only)")
    List<GrantRepresentation> roles(@PathVariable String slug, @AuthenticationPrincipal AccountUser user) {
        Collectivity c = territory.require(slug);
        access.requireStaff(user, c, Role.STAFF_ADMIN);
        return grants.grants(c.id()).stream().map(g -> new GrantRepresentation(g.id(), g.email(), g.displayName(),
                g.role().name(), g.bodyId(), g.grantedAt())).toList();
    }

    @GetMapping("/api/v1/collectivities/{slug}/admin/verifications")
    @Operation(summary = "Pending resident verifications of a commune (its staff admin only)")
    List<DeclarationRepresentation> verifications(@PathVariable String slug, @AuthenticationPrincipal AccountUser user) {
        Collectivity c = territory.require(slug);
        access.requireStaff(user, c, Role.STAFF_ADMIN);
        return residents.ofCollectivity(c.id(), ResidentVerifications.Status.PENDING).stream()
                .map(d -> new DeclarationRepresentation(d.id(), d.displayName(), d.basis().name(), d.cinHint(),
                        d.status().name(), d.submittedAt(), d.decidedAt())).toList();
    }
}
