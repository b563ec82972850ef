package ma.opencommune.identity.web;

import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in person (name, where they are staff, platform admin or not) into every page's model. */
@ControllerAdvice(annotations = Controller.class)
class ViewerAdvice {

    /** What the layout shows of the logged-in person. */
    public record Viewer(long id, String displayName, List<Collectivity> staffOf, boolean platformAdmin) {
    }

    private final RoleGrants grants;
    private final Territory territory;
    private final Access access;

    ViewerAdvice(RoleGrants grants, Territory territory, Access access) {
        this.grants = grants;
        this.territory = territory;
        this.access = access;
    }

    @ModelAttribute("viewer")
    Viewer viewer(@AuthenticationPrincipal AccountUser user) {
        if (user == null) {
            return null;
        }
        List<Collectivity> staffOf = List.copyOf(territory.byIds(grants.staffCollectivities(user.id())).values());
        return new Viewer(user.id(), user.displayName(), staffOf, access.isPlatformAdmin(user));
    }
}
