package ma.opencommune.territory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityFilter;
import ma.opencommune.territory.CollectivityType;
import ma.opencommune.territory.ConsultativeBody;
import ma.opencommune.territory.Names;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads collectivities and bodies with explicit SQL: one query per list, never one per row. */
@Repository
public class CollectivityRows {

    private static final String SELECT = """
            select c.*, m.joined_on, m.cohort from collectivity c
            left join network_membership m on m.collectivity_id = c.id
            """;

    private final JdbcClient jdbc;

    public CollectivityRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Collectivity> bySlug(String slug) {
        return jdbc.sql(SELECT + " where c.slug = ?").param(slug).query(CollectivityRows::map).optional();
    }

    public Optional<Collectivity> byId(long id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(CollectivityRows::map).optional();
    }

    public List<Collectivity> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where c.id in (:ids) order by c.name_fr").param("ids", ids)
                .query(CollectivityRows::map).list();
    }

    public List<Collectivity> list(CollectivityFilter filter) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.type() != null) {
            sql.append(" and c.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.regionSlug() != null && !filter.regionSlug().isBlank()) {
            sql.append(" and c.region_id = (select r.id from collectivity r where r.slug = :region and r.type = 'REGION')");
            params.put("region", filter.regionSlug());
        }
        if (Boolean.TRUE.equals(filter.membersOnly())) {
            sql.append(" and m.collectivity_id is not null");
        }
        sql.append(" order by case c.type when 'REGION' then 0 when 'PREFECTURE' then 1 when 'PROVINCE' then 1 else 2 end, c.name_fr");
        return jdbc.sql(sql.toString()).params(params).query(CollectivityRows::map).list();
    }

    public List<ConsultativeBody> bodies(long collectivityId) {
        List<Object[]> members = jdbc.sql("""
                select body_id, id, full_name, organisation, member_role from body_member
                where collectivity_id = ? order by body_id, case member_role when 'PRESIDENT' then 0 when 'RAPPORTEUR' then 1 else 2 end, full_name""")
                .param(collectivityId)
                .query((rs, n) -> new Object[] {rs.getLong(1), new ConsultativeBody.Member(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))})
                .list();
        Map<Long, List<ConsultativeBody.Member>> byBody = new LinkedHashMap<>();
        for (Object[] row : members) {
            byBody.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((ConsultativeBody.Member) row[1]);
        }
        return jdbc.sql("select * from consultative_body where collectivity_id = ? order by id").param(collectivityId)
                .query((rs, n) -> new ConsultativeBody(rs.getLong("id"), rs.getLong("collectivity_id"),
                        ConsultativeBody.Type.valueOf(rs.getString("type")),
                        new Names(rs.getString("name_ar"), rs.getString("name_fr"), rs.getString("name_zgh"), false),
                        toLocalDate(rs.getDate("established_on")),
                        List.copyOf(byBody.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    public Optional<ConsultativeBody> body(long collectivityId, long bodyId) {
        return bodies(collectivityId).stream().filter(b -> b.id() == bodyId).findFirst();
    }

    static Collectivity map(ResultSet rs, int row) throws SQLException {
        Date joined = rs.getDate("joined_on");
        return new Collectivity(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("code"),
                CollectivityType.valueOf(rs.getString("type")),
                (Long) rs.getObject("parent_id", Long.class),
                (Long) rs.getObject("region_id", Long.class),
                new Names(rs.getString("name_ar"), rs.getString("name_fr"), rs.getString("name_zgh"),
                        rs.getBoolean("name_zgh_transliterated")),
                (Integer) rs.getObject("population", Integer.class),
                (Integer) rs.getObject("census_year", Integer.class),
                rs.getBoolean("has_arrondissements"),
                rs.getString("accent"),
                new Collectivity.Contact(rs.getString("contact_email"), rs.getString("contact_phone"),
                        rs.getString("address_ar"), rs.getString("address_fr"), rs.getString("website")),
                new Collectivity.InformationOfficer(rs.getString("info_officer_name"),
                        rs.getString("info_officer_email"), rs.getString("info_officer_phone")),
                joined == null ? null : new Collectivity.Membership(joined.toLocalDate(), rs.getString("cohort")));
    }

    private static java.time.LocalDate toLocalDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
