package ma.opencommune.identity.web;

import java.time.Duration;
import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.ShortLivedCache;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in person (name, where they are staff, platform admin or not) into every page's model. The links
 * to the administrations a person may open are kept for {@code opencommune.public-cache.max-age} per account: they
 * only choose which links the header shows (a granted or revoked role shows there within seconds), while every
 * administration page checks the person's roles afresh.
 */
@ControllerAdvice(annotations = Controller.class)
class ViewerAdvice {

    /** What the layout shows of the logged-in person. */
    public record Viewer(long id, String displayName, List<Collectivity> staffOf, boolean platformAdmin) {
    }

    private record Links(List<Collectivity> staffOf, boolean platformAdmin) {
    }

    private final RoleGrants grants;
    private final Territory territory;
    private final Access access;
    private final ShortLivedCache<Long, Links> links;

    ViewerAdvice(RoleGrants grants, Territory territory, Access access,
            @Value("${opencommune.public-cache.max-age:10s}") Duration maxAge) {
        this.grants = grants;
        this.territory = territory;
        this.access = access;
        this.links = new ShortLivedCache<>(maxAge, 10_000);
    }

    @ModelAttribute("viewer")
    Viewer viewer(@AuthenticationPrincipal AccountUser user, jakarta.servlet.http.HttpServletRequest request) {
        // @RestController carries @Controller, so this advice also runs for the API, which has no layout to fill.
        if (user == null || SecurityConfig.pathOf(request).startsWith("/api/")) {
            return null;
        }
        Links l = links.get(user.id(), () -> new Links(List.copyOf(territory.byIds(grants.staffCollectivities(user.id())).values()),
                access.isPlatformAdmin(user)));
        return new Viewer(user.id(), user.displayName(), l.staffOf(), l.platformAdmin());
    }
}
