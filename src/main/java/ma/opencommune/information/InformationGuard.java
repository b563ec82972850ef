package ma.opencommune.information;

import java.util.List;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.territory.Collectivity;
import org.springframework.stereotype.Component;

/**
 * ATI-10: a collectivity's information officers (and its staff administrators) work its requests; nobody else
 * sees a request's personal data but the requester. The collectivity always comes from the URL.
 */
@Component
public class InformationGuard {

    static final Role[] OFFICERS = {Role.INFORMATION_OFFICER, Role.STAFF_ADMIN};

    private final Access access;
    private final RoleGrants grants;

    InformationGuard(Access access, RoleGrants grants) {
        this.access = access;
        this.grants = grants;
    }

    public boolean isOfficer(AccountUser user, Collectivity c) {
        return user != null && access.isStaff(user, c, OFFICERS);
    }

    public void requireOfficer(AccountUser user, Collectivity c) {
        access.requireStaff(user, c, OFFICERS);
    }

    /** The accounts that may be assigned this collectivity's requests: its information officers, by name. */
    public List<RoleGrants.Grant> officers(Collectivity c) {
        return grants.grants(c.id()).stream().filter(g -> g.role() == Role.INFORMATION_OFFICER).toList();
    }

    public boolean isAssignable(Collectivity c, long accountId) {
        return officers(c).stream().anyMatch(g -> g.accountId() == accountId);
    }
}
