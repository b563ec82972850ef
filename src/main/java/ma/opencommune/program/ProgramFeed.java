package ma.opencommune.program;

import java.time.Instant;
import java.util.List;
import ma.opencommune.platform.Localized;
import ma.opencommune.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newest public events of a process for its Atom feed: proposals answered, workshops announced, opinions
 * adopted, versions published, progress reported. One statement. Comments are never part of it, so a hidden
 * comment cannot surface here; proposals appear only through their public answer.
 */
@Service
@Transactional(readOnly = true)
public class ProgramFeed {

    public static final int SIZE = 50;

    /** Kinds of entry, in the feed's words. */
    public enum Kind {
        ANSWER, WORKSHOP, OPINION, VERSION, PROGRESS
    }

    /**
     * One entry. {@code id} is the record's id, {@code parentId} the commitment of a progress report; {@code title}
     * is the record's own title (localized for workshops), {@code detail} a status or a number.
     */
    public record Entry(Kind kind, long id, Long parentId, Localized title, String detail, String text, Instant at) {
    }

    private final JdbcClient jdbc;

    ProgramFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> entries(long collectivityId, long processId) {
        return jdbc.sql("""
                select * from (
                  select 'ANSWER' as kind, id, cast(null as bigint) as parent_id, title as t_ar, title as t_fr, title as t_zgh,
                         status as detail, answer_text as body, answered_at as at
                    from program_proposal where process_id = ? and collectivity_id = ? and answered_at is not null
                  union all
                  select 'WORKSHOP', id, null, title_ar, title_fr, title_zgh, mode, agenda, created_at
                    from program_workshop where process_id = ? and collectivity_id = ? and cancelled_at is null
                  union all
                  select 'OPINION', id, null, title, title, title, cast(adopted_on as varchar(20)), null, created_at
                    from program_opinion where process_id = ? and collectivity_id = ?
                  union all
                  select 'VERSION', id, null, deliberation_ref, deliberation_ref, deliberation_ref, cast(number as varchar(20)), change_note, created_at
                    from program_version where process_id = ? and collectivity_id = ?
                  union all
                  select 'PROGRESS', p.id, p.commitment_id, c.title, c.title, c.title, m.output, p.text, p.created_at
                    from program_progress p join program_commitment c on c.id = p.commitment_id
                    join program_milestone m on m.id = p.milestone_id
                    where c.process_id = ? and p.collectivity_id = ?
                ) e order by at desc, id desc limit\s""" + SIZE)
                .params(processId, collectivityId, processId, collectivityId, processId, collectivityId, processId, collectivityId,
                        processId, collectivityId)
                .query((rs, n) -> {
                    long parent = rs.getLong("parent_id");
                    return new Entry(Kind.valueOf(rs.getString("kind")), rs.getLong("id"), rs.wasNull() ? null : parent,
                            new Localized(rs.getString("t_ar"), rs.getString("t_fr"), rs.getString("t_zgh")),
                            rs.getString("detail"), rs.getString("body"), Sql.instant(rs, "at"));
                }).list();
    }
}
