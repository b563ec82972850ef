package ma.opencommune.identity;

/** Roles. Most are granted per collectivity; the coordinator spans the network, the platform admin everything. */
public enum Role {
    STAFF_ADMIN(true),
    /** ATI-10: requests are assigned to the body's information officers. */
    INFORMATION_OFFICER(true),
    PROGRAM_MANAGER(true),
    COUNCIL_SECRETARY(true),
    /** Member of a named consultative body (BODY-1..3). */
    BODY_MEMBER(true),
    NETWORK_COORDINATOR(false),
    PLATFORM_ADMIN(false);

    private final boolean perCollectivity;

    Role(boolean perCollectivity) {
        this.perCollectivity = perCollectivity;
    }

    public boolean perCollectivity() {
        return perCollectivity;
    }

    /** Roles a collectivity's staff admin may grant. */
    public static Role[] grantableByStaffAdmin() {
        return new Role[] {STAFF_ADMIN, INFORMATION_OFFICER, PROGRAM_MANAGER, COUNCIL_SECRETARY, BODY_MEMBER};
    }
}
