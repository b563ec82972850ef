package ma.opencommune.identity.internal;

import java.util.Arrays;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.Role;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.StaffGuard;
import ma.opencommune.territory.Territory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Identity's implementation of the platform's tenancy guard, reading the current grants on every call. */
@Component
class IdentityStaffGuard implements StaffGuard {

    private final Access access;
    private final Territory territory;

    IdentityStaffGuard(Access access, Territory territory) {
        this.access = access;
        this.territory = territory;
    }

    @Override
    public void requireStaff(long collectivityId, String... roles) {
        AccountUser user = current();
        if (user == null) {
            throw new AccessDeniedException("anonymous");
        }
        var collectivity = territory.find(collectivityId).orElseThrow(() -> new NotFoundException("collectivity " + collectivityId));
        access.requireStaff(user, collectivity, Arrays.stream(roles).map(Role::valueOf).toArray(Role[]::new));
    }

    @Override
    public Long currentAccountId() {
        AccountUser user = current();
        return user == null ? null : user.id();
    }

    private static AccountUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccountUser user ? user : null;
    }
}
