package ma.opencommune.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import ma.opencommune.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Test data of the monitoring part, written straight to the tables (other parts build the staff editing). */
public record MonitorFixture(JdbcClient jdbc) {

    public static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    public long taroudant() {
        return jdbc.sql("select id from collectivity where slug = 'taroudant'").query(Long.class).single();
    }

    /** A fresh commune with its own slug, so figures start from zero. */
    public long collectivity() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return insert("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, created_at) values (?,?,?,?,?,?,?)",
                "test-" + tag, "T" + tag, "COMMUNE", "جماعة تجريبية", "Commune test " + tag, "ⵜⴰⴳⵎⴰⵎⵜ", Sql.at(Instant.now()));
    }

    /** A published process whose monitoring phase runs from {@code from} to {@code to}. */
    public long process(long collectivity, LocalDate from, LocalDate to, boolean published) {
        long id = insert("insert into program_process (collectivity_id, title_ar, title_fr, title_zgh, starts_on, ends_on, published_at,"
                + " created_at, updated_at) values (?,?,?,?,?,?,?,?,?)", collectivity, "مسار تجريبي", "Processus de test", "ⴰⴱⵔⵉⴷ",
                from.minusDays(200), to.plusDays(100), published ? Sql.at(Instant.now().minusSeconds(3600)) : null,
                Sql.at(Instant.now()), Sql.at(Instant.now()));
        jdbc.sql("insert into program_phase (process_id, collectivity_id, kind, starts_on, ends_on) values (?,?,?,?,?)")
                .params(id, collectivity, "MONITORING", from, to).update();
        return id;
    }

    public long commitment(long collectivity, long process, int number, String title, LocalDate startsOn) {
        long id = insert("insert into program_commitment (process_id, collectivity_id, number, title, problem, budget_mad, starts_on, ends_on,"
                + " created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?)", process, collectivity, number, title,
                "Le problème <b>public</b>", new java.math.BigDecimal("1500000.50"), startsOn, startsOn.plusYears(2),
                Sql.at(Instant.now()), Sql.at(Instant.now()));
        jdbc.sql("insert into program_commitment_principle (commitment_id, principle) values (?, 'TRANSPARENCY')").param(id).update();
        return id;
    }

    public long milestone(long collectivity, long commitment, int position, LocalDate due, LocalDate completedOn) {
        return insert("insert into program_milestone (commitment_id, collectivity_id, position, output, due_on, completed_on) values (?,?,?,?,?,?)",
                commitment, collectivity, position, "Livrable " + position, due, completedOn);
    }

    public long progress(long collectivity, long commitment, long milestone, LocalDate on, String text, Instant at) {
        return insert("insert into program_progress (milestone_id, commitment_id, collectivity_id, reported_on, text, completes, created_at)"
                + " values (?,?,?,?,?,?,?)", milestone, commitment, collectivity, on, text, false, Sql.at(at));
    }

    public long committee(long collectivity) {
        return insert("insert into consultative_body (collectivity_id, type, name_ar, name_fr, name_zgh) values (?,?,?,?,?)",
                collectivity, "FOLLOW_UP_COMMITTEE", "لجنة التتبع", "Comité de suivi", "ⵜⴰⵎⵙⵙⵓⵔⵜ");
    }

    public long insert(String sql, Object... params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }

    public int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
