package ma.opencommune.program;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import ma.opencommune.platform.Morocco;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Test data of the program module written straight to the tables: processes with a proposals phase, proposals. */
public final class ProgramFixtures {

    private final JdbcClient jdbc;

    public ProgramFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static LocalDate today() {
        return LocalDate.now(Morocco.ZONE);
    }

    public long collectivity(String slug) {
        return jdbc.sql("select id from collectivity where slug = ?").param(slug).query(Long.class).single();
    }

    public long account(String email) {
        return jdbc.sql("select id from account where email_normalized = ?").param(email).query(Long.class).single();
    }

    /** A published process of Taroudant whose proposals phase runs from {@code from} to {@code to}. */
    public long process(LocalDate from, LocalDate to) {
        return process("taroudant", from, to);
    }

    public long process(String slug, LocalDate from, LocalDate to) {
        long c = collectivity(slug);
        OffsetNow now = new OffsetNow();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_process (collectivity_id, title_ar, title_fr, title_zgh, starts_on, ends_on, published_at,"
                + " created_at, updated_at) values (?, 'مسار اختبار', 'Processus de test', 'ⴰⴱⵔⵉⴷ', ?, ?, ?, ?, ?)")
                .params(c, from.minusDays(30), to.plusDays(400), now.value, now.value, now.value).update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("insert into program_phase (process_id, collectivity_id, kind, starts_on, ends_on) values (?, ?, 'PROPOSALS', ?, ?)")
                .params(id, c, from, to).update();
        return id;
    }

    /** A proposal of that process, with one principle. */
    public long proposal(long processId, String authorEmail, String title) {
        long c = jdbc.sql("select collectivity_id from program_process where id = ?").param(processId).query(Long.class).single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_proposal (process_id, collectivity_id, author_id, title, body, created_at) values (?,?,?,?,?,?)")
                .params(processId, c, account(authorEmail), title, "Texte de " + title, new OffsetNow().value).update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("insert into program_proposal_principle (proposal_id, principle) values (?, 'PARTICIPATION')").param(id).update();
        return id;
    }

    public long comment(long proposalId, Long parentId, String authorEmail, String body) {
        long c = jdbc.sql("select collectivity_id from program_proposal where id = ?").param(proposalId).query(Long.class).single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_comment (proposal_id, collectivity_id, parent_id, author_id, body, created_at) values (?,?,?,?,?,?)")
                .params(proposalId, c, parentId, account(authorEmail), body, new OffsetNow().value).update(key, "id");
        return key.getKey().longValue();
    }

    public int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private static final class OffsetNow {
        final java.time.OffsetDateTime value = Instant.now().atOffset(ZoneOffset.UTC);
    }
}
