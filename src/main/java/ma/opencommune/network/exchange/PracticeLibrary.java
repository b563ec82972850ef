package ma.opencommune.network.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.TextFold;
import ma.opencommune.platform.storage.FileStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of the public library of good practices: published practices of every member, searched by words (folded by
 * {@link TextFold}, so Arabic and French match whatever their hamza, vowels or accents), filtered by principle and by
 * collectivity, in pages; a practice's page with its documents. Drafts never show; a withdrawn practice shows its reason.
 */
@Service
@Transactional(readOnly = true)
public class PracticeLibrary {

    /** Longest query read, in characters, and most words matched. */
    public static final int QUERY_MAX = 200;
    static final int WORDS_MAX = 8;

    /** A search: words, a principle, a collectivity (each optional) and the page, from 0. */
    public record Query(String q, PracticeTag tag, Long collectivityId, int page) {

        List<String> words() {
            String folded = TextFold.fold(q == null ? "" : q.length() > QUERY_MAX ? q.substring(0, QUERY_MAX) : q);
            return Arrays.stream(folded.split("\\s+")).filter(w -> !w.isBlank()).limit(WORDS_MAX).toList();
        }
    }

    /** One page of results and whether another follows. */
    public record Page(List<Practice> items, int page, boolean more) {
    }

    private final JdbcClient jdbc;
    private final FileStore files;

    PracticeLibrary(JdbcClient jdbc, FileStore files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** Published practices matching the query, newest first: two statements whatever the page holds. */
    public Page search(Query query, int size) {
        StringBuilder sql = new StringBuilder("select " + PracticeRows.COLUMNS + " from exchange_practice p where status = 'PUBLISHED'");
        List<Object> params = new ArrayList<>();
        if (query.tag() != null) {
            sql.append(" and exists (select 1 from exchange_practice_tag t where t.practice_id = p.id and t.tag = ?)");
            params.add(query.tag().name());
        }
        if (query.collectivityId() != null) {
            sql.append(" and collectivity_id = ?");
            params.add(query.collectivityId());
        }
        for (String word : query.words()) {
            sql.append(" and search_text like ? escape '!'");
            params.add("%" + likeEscape(word) + "%");
        }
        int page = Math.max(0, Math.min(query.page(), 10_000));
        sql.append(" order by published_at desc, id desc limit ? offset ?");
        params.add(size + 1);
        params.add((long) page * size);
        List<Practice> rows = jdbc.sql(sql.toString()).params(params).query((rs, i) -> PracticeRows.row(rs)).list();
        boolean more = rows.size() > size;
        return new Page(PracticeRows.withTags(jdbc, more ? rows.subList(0, size) : rows), page, more);
    }

    /** The collectivities that have published practices (the filter's choices). */
    public List<Long> authors() {
        return jdbc.sql("select distinct collectivity_id from exchange_practice where status = 'PUBLISHED'").query(Long.class).list();
    }

    /** A published or withdrawn practice; a draft or an unknown id is not found. */
    public Practice practice(long id) {
        return find(id).filter(p -> p.status() != PracticeStatus.DRAFT).orElseThrow(() -> new NotFoundException("practice " + id));
    }

    Optional<Practice> find(long id) {
        return jdbc.sql("select " + PracticeRows.COLUMNS + " from exchange_practice where id = ?").param(id)
                .query((rs, i) -> PracticeRows.row(rs)).optional().map(p -> PracticeRows.withTags(jdbc, List.of(p)).get(0));
    }

    /** The documents of a published practice (a withdrawn one keeps its text but not its files). */
    public List<Practice.Document> documents(Practice p) {
        return p.published() ? PracticeRows.documents(jdbc, p.collectivityId(), p.id()) : List.of();
    }

    /** A document of a published practice. */
    public Practices.Download file(long practiceId, long documentId) {
        Practice p = practice(practiceId);
        if (!p.published()) {
            throw new NotFoundException("practice document " + documentId);
        }
        return Practices.open(jdbc, files, p.collectivityId(), practiceId, documentId);
    }

    /** The latest published practices, for the feed. */
    public List<Practice> latest(int size) {
        return search(new Query(null, null, null, 0), size).items();
    }

    static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
