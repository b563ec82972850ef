package ma.opencommune.program;

import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.territory.Collectivity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in a collectivity's program: its program managers and staff administrators run it; members
 * of a consultative body act for that body only. The collectivity always comes from the URL.
 */
@Component
public class ProgramGuard {

    private static final Role[] MANAGERS = {Role.PROGRAM_MANAGER, Role.STAFF_ADMIN};

    private final Access access;
    private final RoleGrants grants;

    ProgramGuard(Access access, RoleGrants grants) {
        this.access = access;
        this.grants = grants;
    }

    public boolean isManager(AccountUser user, Collectivity c) {
        return access.isStaff(user, c, MANAGERS);
    }

    public void requireManager(AccountUser user, Collectivity c) {
        access.requireStaff(user, c, MANAGERS);
    }

    /** A member of this body of this collectivity (BODY_MEMBER granted for the body), or a program manager. */
    public boolean canActForBody(AccountUser user, Collectivity c, long bodyId) {
        if (user == null) {
            return false;
        }
        return isManager(user, c) || grants.grantsOf(user.id()).stream().anyMatch(g -> g.role() == Role.BODY_MEMBER
                && g.collectivityId() != null && g.collectivityId() == c.id() && g.bodyId() != null && g.bodyId() == bodyId);
    }

    public void requireBodyMember(AccountUser user, Collectivity c, long bodyId) {
        if (!canActForBody(user, c, bodyId)) {
            throw new AccessDeniedException("not a member of body " + bodyId);
        }
    }

    /** Ids of the bodies of this collectivity the person belongs to (empty for everyone else). */
    public java.util.List<Long> bodiesOf(AccountUser user, Collectivity c) {
        if (user == null) {
            return java.util.List.of();
        }
        return grants.grantsOf(user.id()).stream().filter(g -> g.role() == Role.BODY_MEMBER && g.collectivityId() != null
                && g.collectivityId() == c.id() && g.bodyId() != null).map(RoleGrants.Grant::bodyId).distinct().toList();
    }

    /** Citizen actions (rate, propose, support, comment, register) need a signed-in account with a confirmed email. */
    public void requireParticipant(AccountUser user) {
        if (user == null || !user.isEnabled()) {
            throw new AccessDeniedException("sign in to take part");
        }
    }
}
