package ma.opencommune.platform;

/**
 * Tenancy guard other modules call without depending on identity: passes only when the logged-in person is
 * staff of the collectivity (with one of the named roles, or any staff role when none is named) or a platform
 * administrator; otherwise throws Spring Security's AccessDeniedException (a 403 page or problem detail).
 */
public interface StaffGuard {

    void requireStaff(long collectivityId, String... roles);

    /** The id of the logged-in account, or null. */
    Long currentAccountId();
}
