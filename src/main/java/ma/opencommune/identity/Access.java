package ma.opencommune.identity;

import java.util.Arrays;
import java.util.Set;
import ma.opencommune.territory.Collectivity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Tenancy guard: staff of one collectivity act only on their own collectivity. Every administration page and
 * API route asks here with the collectivity taken from the URL, never from a form field.
 */
@Service
public class Access {

    private final RoleGrants grants;

    Access(RoleGrants grants) {
        this.grants = grants;
    }

    /** Passes when the account holds one of the roles in this collectivity (any staff role when none is named), or is platform admin. */
    public void requireStaff(AccountUser user, Collectivity collectivity, Role... anyOf) {
        if (!isStaff(user, collectivity, anyOf)) {
            throw new AccessDeniedException("not staff of " + collectivity.slug());
        }
    }

    public boolean isStaff(AccountUser user, Collectivity collectivity, Role... anyOf) {
        if (user == null) {
            return false;
        }
        if (grants.hasNetworkRole(user.id(), Role.PLATFORM_ADMIN)) {
            return true;
        }
        Set<Role> held = grants.roles(user.id(), collectivity.id());
        Role[] wanted = anyOf.length == 0 ? RoleGrants.staffRoles() : anyOf;
        return Arrays.stream(wanted).anyMatch(held::contains);
    }

    public void requirePlatformAdmin(AccountUser user) {
        if (user == null || !grants.hasNetworkRole(user.id(), Role.PLATFORM_ADMIN)) {
            throw new AccessDeniedException("not platform admin");
        }
    }

    /** Passes for the network coordinator and the platform admin, the two roles that act for the whole network. */
    public void requireCoordinator(AccountUser user) {
        if (!isCoordinator(user)) {
            throw new AccessDeniedException("not network coordinator");
        }
    }

    public boolean isCoordinator(AccountUser user) {
        return user != null && (grants.hasNetworkRole(user.id(), Role.NETWORK_COORDINATOR) || grants.hasNetworkRole(user.id(), Role.PLATFORM_ADMIN));
    }

    /** The collectivities where the account holds a staff role (not the network-wide roles). */
    public java.util.List<Long> staffCollectivities(AccountUser user) {
        return user == null ? java.util.List.of() : grants.staffCollectivities(user.id());
    }

    public boolean isPlatformAdmin(AccountUser user) {
        return user != null && grants.hasNetworkRole(user.id(), Role.PLATFORM_ADMIN);
    }
}
