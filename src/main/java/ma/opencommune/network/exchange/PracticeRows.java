package ma.opencommune.network.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads practices, their tags and documents: a fixed number of statements for any number of practices. */
final class PracticeRows {

    static final String COLUMNS = "id, collectivity_id, status, text_lang, title_ar, title_fr, summary_ar, summary_fr, problem, actions,"
            + " results, cost_mad, cost_text, period_text, contact_name, contact_role, contact_email, contact_phone, created_at, published_at,"
            + " withdrawn_at, withdrawal_reason";

    private PracticeRows() {
    }

    /** One practice row, its tags filled later by {@link #withTags}. */
    static Practice row(ResultSet rs) throws SQLException {
        long cost = rs.getLong("cost_mad");
        return new Practice(rs.getLong("id"), rs.getLong("collectivity_id"), PracticeStatus.valueOf(rs.getString("status")),
                rs.getString("text_lang"), rs.getString("title_ar"), rs.getString("title_fr"), rs.getString("summary_ar"),
                rs.getString("summary_fr"), rs.getString("problem"), rs.getString("actions"), rs.getString("results"),
                rs.wasNull() ? null : cost, rs.getString("cost_text"), rs.getString("period_text"), rs.getString("contact_name"),
                rs.getString("contact_role"), rs.getString("contact_email"), rs.getString("contact_phone"), List.of(),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "published_at"), Sql.instant(rs, "withdrawn_at"),
                rs.getString("withdrawal_reason"));
    }

    /** The same practices with their tags, read in one statement. */
    static List<Practice> withTags(JdbcClient jdbc, List<Practice> practices) {
        if (practices.isEmpty()) {
            return practices;
        }
        Map<Long, EnumSet<PracticeTag>> tags = new HashMap<>();
        jdbc.sql("select practice_id, tag from exchange_practice_tag where practice_id in (:ids)")
                .param("ids", ids(practices))
                .query(rs -> {
                    long practice = rs.getLong(1);
                    PracticeTag.of(rs.getString(2)).ifPresent(t -> tags.computeIfAbsent(practice, k -> EnumSet.noneOf(PracticeTag.class)).add(t));
                });
        List<Practice> out = new ArrayList<>(practices.size());
        for (Practice p : practices) {
            List<PracticeTag> t = List.copyOf(tags.getOrDefault(p.id(), EnumSet.noneOf(PracticeTag.class)));
            out.add(new Practice(p.id(), p.collectivityId(), p.status(), p.textLang(), p.titleAr(), p.titleFr(), p.summaryAr(), p.summaryFr(),
                    p.problem(), p.actions(), p.results(), p.costMad(), p.costText(), p.period(), p.contactName(), p.contactRole(),
                    p.contactEmail(), p.contactPhone(), t, p.createdAt(), p.publishedAt(), p.withdrawnAt(), p.withdrawalReason()));
        }
        return out;
    }

    static List<Practice.Document> documents(JdbcClient jdbc, long collectivityId, long practiceId) {
        return jdbc.sql("select id, practice_id, file_name, file_extension, size_bytes, created_at from exchange_document"
                + " where practice_id = ? and collectivity_id = ? order by id")
                .params(practiceId, collectivityId)
                .query((rs, i) -> new Practice.Document(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        Sql.instant(rs, 6)))
                .list();
    }

    private static Collection<Long> ids(List<Practice> practices) {
        return practices.stream().map(Practice::id).toList();
    }
}
