package ma.opencommune.council;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.opencommune.council.CouncilCodes.MemberRole;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of the council's composition: its members (role, vice-president rank, term, active or not) and its committees,
 * which members belong to several of. Staff of the collectivity in the URL manage them; the public reads the current
 * council. Two statements per list whatever its size.
 */
@Service
@Transactional
public class CouncilMembers {

    /** A committee, named in Arabic and French (at least one). */
    public record Committee(long id, String nameAr, String nameFr) {
        public String name(String lang) {
            return CouncilText.pick(lang, nameAr, nameFr);
        }
    }

    /** A member of the council with the committees they sit on. */
    public record Member(long id, String nameAr, String nameFr, MemberRole role, Integer viceRank, LocalDate termStart, LocalDate termEnd,
            boolean active, List<Long> committeeIds) {
        public String name(String lang) {
            return CouncilText.pick(lang, nameAr, nameFr);
        }
    }

    /** What staff type for a member. */
    public record MemberDraft(String nameAr, String nameFr, MemberRole role, Integer viceRank, LocalDate termStart, LocalDate termEnd,
            boolean active, Collection<Long> committeeIds) {
    }

    static final int NAME_MAX = 200;

    private final JdbcClient jdbc;
    private final Access access;
    private final Clock clock;

    CouncilMembers(JdbcClient jdbc, Access access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Committee> committees(Collectivity c) {
        return jdbc.sql("select id, name_ar, name_fr from council_committee where collectivity_id = ? order by id").param(c.id())
                .query((rs, i) -> new Committee(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Members in the order of the bureau (president, vice-presidents by rank, secretary, then members by name). */
    @Transactional(readOnly = true)
    public List<Member> members(Collectivity c, boolean activeOnly) {
        Map<Long, List<Long>> committees = new HashMap<>();
        jdbc.sql("select member_id, committee_id from council_member_committee where collectivity_id = ? order by committee_id").param(c.id())
                .query((rs, i) -> committees.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        return jdbc.sql("select id, name_ar, name_fr, role, vice_rank, term_start, term_end, active from council_member where collectivity_id = ?"
                + (activeOnly ? " and active = true" : "")
                + " order by case role when 'PRESIDENT' then 0 when 'VICE_PRESIDENT' then 1 when 'SECRETARY' then 2 else 3 end,"
                + " vice_rank, coalesce(name_fr, name_ar), id")
                .param(c.id())
                .query((rs, i) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3), MemberRole.valueOf(rs.getString(4)),
                        (Integer) rs.getObject(5, Integer.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getBoolean(8), committees.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    /** Every member, active or not, for the collectivity's staff. */
    @Transactional(readOnly = true)
    public List<Member> staffMembers(Collectivity c, AccountUser user) {
        access.requireStaff(user, c, CouncilSessions.COUNCIL_STAFF);
        return members(c, false);
    }

    /** One member of this collectivity for its staff, or a 404. */
    @Transactional(readOnly = true)
    public Member member(Collectivity c, AccountUser user, long id) {
        access.requireStaff(user, c, CouncilSessions.COUNCIL_STAFF);
        return members(c, false).stream().filter(m -> m.id() == id).findFirst().orElseThrow(() -> new NotFoundException("member " + id));
    }

    public long addCommittee(Collectivity c, AccountUser user, String nameAr, String nameFr) {
        access.requireStaff(user, c, CouncilSessions.COUNCIL_STAFF);
        Check check = new Check().text("committeeNameAr", nameAr, false, 300).text("committeeNameFr", nameFr, false, 300)
                .when(Check.blank(nameAr) && Check.blank(nameFr), "committeeNameAr", "council.validation.one-language");
        check.orThrow();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into council_committee (collectivity_id, name_ar, name_fr, created_at) values (?, ?, ?, ?)")
                .params(c.id(), Check.clean(nameAr), Check.clean(nameFr), Sql.at(Instant.now(clock))).update(key, "id");
        return key.getKey().longValue();
    }

    public long addMember(Collectivity c, AccountUser user, MemberDraft d) {
        access.requireStaff(user, c, CouncilSessions.COUNCIL_STAFF);
        checked(c, d);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into council_member (collectivity_id, name_ar, name_fr, role, vice_rank, term_start, term_end, active, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), Check.clean(d.nameAr()), Check.clean(d.nameFr()), d.role().name(), rank(d), d.termStart(), d.termEnd(),
                        d.active(), Sql.at(Instant.now(clock)))
                .update(key, "id");
        long id = key.getKey().longValue();
        joinCommittees(c, id, d.committeeIds());
        return id;
    }

    public void updateMember(Collectivity c, AccountUser user, long id, MemberDraft d) {
        access.requireStaff(user, c, CouncilSessions.COUNCIL_STAFF);
        checked(c, d);
        int updated = jdbc.sql("update council_member set name_ar = ?, name_fr = ?, role = ?, vice_rank = ?, term_start = ?, term_end = ?,"
                + " active = ? where id = ? and collectivity_id = ?")
                .params(Check.clean(d.nameAr()), Check.clean(d.nameFr()), d.role().name(), rank(d), d.termStart(), d.termEnd(), d.active(),
                        id, c.id())
                .update();
        if (updated == 0) {
            throw new NotFoundException("member " + id);
        }
        jdbc.sql("delete from council_member_committee where member_id = ? and collectivity_id = ?").params(id, c.id()).update();
        joinCommittees(c, id, d.committeeIds());
    }

    private static Integer rank(MemberDraft d) {
        return d.role() == MemberRole.VICE_PRESIDENT ? d.viceRank() : null;
    }

    private void joinCommittees(Collectivity c, long memberId, Collection<Long> committeeIds) {
        for (Long committee : Set.copyOf(committeeIds == null ? List.of() : committeeIds)) {
            jdbc.sql("insert into council_member_committee (member_id, committee_id, collectivity_id) values (?, ?, ?)")
                    .params(memberId, committee, c.id()).update();
        }
    }

    private void checked(Collectivity c, MemberDraft d) {
        Check check = new Check().text("nameAr", d.nameAr(), false, NAME_MAX).text("nameFr", d.nameFr(), false, NAME_MAX)
                .when(Check.blank(d.nameAr()) && Check.blank(d.nameFr()), "nameAr", "council.validation.one-language")
                .required("role", d.role())
                .when(d.role() == MemberRole.VICE_PRESIDENT && (d.viceRank() == null || d.viceRank() < 1 || d.viceRank() > 20), "viceRank",
                        "council.validation.vice-rank")
                .required("termStart", d.termStart())
                .when(d.termStart() != null && d.termEnd() != null && d.termEnd().isBefore(d.termStart()), "termEnd", "validation.period.order");
        Collection<Long> wanted = d.committeeIds() == null ? List.of() : d.committeeIds();
        if (!wanted.isEmpty()) {
            int mine = jdbc.sql("select count(*) from council_committee where collectivity_id = :c and id in (:ids)").param("c", c.id())
                    .param("ids", Set.copyOf(wanted)).query(Integer.class).single();
            // Another collectivity's committee is not offered; a forged one is refused like a bad choice.
            check.when(mine != Set.copyOf(wanted).size(), "committeeIds", "council.validation.choice");
        }
        check.orThrow();
    }

    /** The ids among {@code ids} that are members of this collectivity (a forged id of another is dropped by the caller). */
    Set<Long> ownMembers(Collectivity c, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select id from council_member where collectivity_id = :c and id in (:ids)").param("c", c.id())
                .param("ids", Set.copyOf(ids)).query(Long.class).list());
    }

    static InvalidInput invalid(String field, String key) {
        return new InvalidInput(Map.of(field, key));
    }
}
