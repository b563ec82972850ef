package ma.opencommune.identity;

import ma.opencommune.platform.Sql;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Roles per collectivity, the network coordinator and the platform admin. Grants are read fresh on every check. */
@Service
@Transactional
public class RoleGrants {

    /** One grant as the staff roles page lists it. */
    public record Grant(long id, long accountId, String email, String displayName, Long collectivityId, Role role,
            Long bodyId, Instant grantedAt) {
    }

    private final JdbcClient jdbc;
    private final Territory territory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoleGrants(JdbcClient jdbc, Territory territory, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.territory = territory;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Grants a role to the account with this email. Granting a role the person already has changes nothing
     * (so a double submit is harmless). A body-member role needs a body of the same collectivity.
     */
    public void grant(Long actorId, Collectivity collectivity, String email, Role role, Long bodyId) {
        if (!role.perCollectivity()) {
            throw new FieldProblem("role", "validation.role.invalid");
        }
        // Only a confirmed account: someone who registered another person's address cannot receive their role.
        long accountId = jdbc.sql("select id from account where email_normalized = ? and email_confirmed_at is not null")
                .param(Accounts.normalizeEmail(email))
                .query(Long.class).optional().orElseThrow(() -> new FieldProblem("email", "validation.role.no-account"));
        Long body = null;
        if (role == Role.BODY_MEMBER) {
            if (bodyId == null || territory.body(collectivity.id(), bodyId).isEmpty()) {
                throw new FieldProblem("bodyId", "validation.role.body-required");
            }
            body = bodyId;
        }
        insert(actorId, accountId, collectivity.id(), role, body);
    }

    /** Grants a network-wide role (platform administration only). */
    public void grantNetworkRole(Long actorId, long accountId, Role role) {
        if (role.perCollectivity()) {
            throw new IllegalArgumentException(role + " is granted per collectivity");
        }
        insert(actorId, accountId, null, role, null);
    }

    private void insert(Long actorId, long accountId, Long collectivityId, Role role, Long bodyId) {
        String key = accountId + ":" + (collectivityId == null ? "-" : collectivityId) + ":" + role + ":" + (bodyId == null ? "-" : bodyId);
        Instant now = Instant.now(clock);
        try {
            int inserted = jdbc.sql("""
                    insert into role_grant (account_id, collectivity_id, role, body_id, granted_by, granted_at, grant_key)
                    select ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from role_grant where grant_key = ?)""")
                    .params(accountId, collectivityId, role.name(), bodyId, actorId, Sql.at(now), key, key).update();
            if (inserted == 1) {
                events.publishEvent(new IdentityEvents.RoleGranted(UUID.randomUUID(), now, collectivityId, actorId, accountId, role, bodyId));
            }
        } catch (DuplicateKeyException raced) {
            // The same grant was inserted concurrently: the person has the role, which is what was asked.
        }
    }

    /** Revokes a grant of this collectivity. A staff admin cannot remove their own admin role (someone must remain). */
    public void revoke(Long actorId, Collectivity collectivity, long grantId) {
        Grant grant = jdbc.sql(SELECT_GRANT + " where g.id = ? and g.collectivity_id = ?").params(grantId, collectivity.id())
                .query(RoleGrants::map).optional()
                .orElseThrow(() -> new ma.opencommune.platform.NotFoundException("grant " + grantId));
        if (grant.role() == Role.STAFF_ADMIN && actorId != null && grant.accountId() == actorId) {
            throw new ma.opencommune.platform.ConflictException("roles.error.self-revoke");
        }
        int deleted = jdbc.sql("delete from role_grant where id = ? and collectivity_id = ?").params(grantId, collectivity.id()).update();
        if (deleted == 1) {
            events.publishEvent(new IdentityEvents.RoleRevoked(UUID.randomUUID(), Instant.now(clock), collectivity.id(),
                    actorId, grant.accountId(), grant.role(), grant.bodyId()));
        }
    }

    @Transactional(readOnly = true)
    public List<Grant> grants(long collectivityId) {
        return jdbc.sql(SELECT_GRANT + " where g.collectivity_id = ? order by a.display_name, g.role")
                .param(collectivityId).query(RoleGrants::map).list();
    }

    /** The roles this account holds in this collectivity. */
    @Transactional(readOnly = true)
    public Set<Role> roles(long accountId, long collectivityId) {
        return jdbc.sql("select role from role_grant where account_id = ? and collectivity_id = ?").params(accountId, collectivityId)
                .query(String.class).list().stream().map(Role::valueOf).collect(Collectors.toSet());
    }

    @Transactional(readOnly = true)
    public boolean hasNetworkRole(long accountId, Role role) {
        return jdbc.sql("select count(*) from role_grant where account_id = ? and collectivity_id is null and role = ?")
                .params(accountId, role.name()).query(Integer.class).single() > 0;
    }

    /** Ids of the collectivities where this account holds any staff role. */
    @Transactional(readOnly = true)
    public List<Long> staffCollectivities(long accountId) {
        return jdbc.sql("select distinct collectivity_id from role_grant where account_id = ? and collectivity_id is not null and role <> 'BODY_MEMBER'")
                .param(accountId).query(Long.class).list();
    }

    @Transactional(readOnly = true)
    public List<Grant> grantsOf(long accountId) {
        return jdbc.sql(SELECT_GRANT + " where g.account_id = ? order by g.id").param(accountId).query(RoleGrants::map).list();
    }

    private static final String SELECT_GRANT = """
            select g.id, g.account_id, a.email, a.display_name, g.collectivity_id, g.role, g.body_id, g.granted_at
            from role_grant g join account a on a.id = g.account_id""";

    private static Grant map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Grant(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5, Long.class),
                Role.valueOf(rs.getString(6)), (Long) rs.getObject(7, Long.class), ma.opencommune.platform.Sql.instant(rs, 8));
    }

    static Role[] staffRoles() {
        return Arrays.stream(Role.values()).filter(r -> r.perCollectivity() && r != Role.BODY_MEMBER).toArray(Role[]::new);
    }
}
