package ma.opencommune.council;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.TextFold;
import ma.opencommune.platform.storage.FileStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the document library: the search (each word of the query must appear in the folded titles, descriptions and
 * reference, so Arabic matches whatever its hamza, alef, ta marbuta, alef maqsura, harakat or tatweel and French whatever
 * its accents and case), filtered by type and year, newest document first, a page at a time by keyset; one document;
 * and its file. The public sees published and withdrawn documents (a withdrawn one's description stays public, its file
 * does not); drafts answer 404 as if they did not exist, and so does another collectivity's id.
 */
@Service
@Transactional(readOnly = true)
public class DocumentCatalog {

    /** Words of a query used at most, and letters kept of each (longer words still match by their start). */
    static final int QUERY_WORDS = 8;
    static final int WORD_MAX = 40;
    public static final int QUERY_MAX = 200;

    /** Where a page of the list starts: after this document in (date, id) order, newest first. */
    public record Cursor(LocalDate date, long id) {

        /** Reads {@code 2025-03-14_42}; anything else is no cursor (the first page). */
        public static Cursor parse(String value) {
            if (Check.blank(value) || value.length() > 40) {
                return null;
            }
            int sep = value.indexOf('_');
            Long id = sep < 0 ? null : Check.number(value.substring(sep + 1));
            try {
                return id == null ? null : new Cursor(LocalDate.parse(value.substring(0, sep)), id);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return date + "_" + id;
        }
    }

    /** What to look for; every part optional. */
    public record Query(String q, DocumentKind kind, Integer year, Cursor after) {

        /** The folded words of the query, at most {@value #QUERY_WORDS}. */
        List<String> words() {
            String folded = TextFold.fold(q == null || q.length() <= QUERY_MAX ? q : q.substring(0, QUERY_MAX));
            return folded.isEmpty() ? List.of() : Arrays.stream(folded.split(" ")).distinct().limit(QUERY_WORDS)
                    .map(w -> w.length() > WORD_MAX ? w.substring(0, WORD_MAX) : w).toList();
        }
    }

    /** A line of the list. */
    public record Listed(long id, DocumentKind kind, String titleAr, String titleFr, LocalDate date, int year, String reference,
            DocumentStatus status, String extension, long sizeBytes) {

        /** The title in the reader's language when there is one, else the other. */
        public String title(String lang) {
            return pick(lang, titleAr, titleFr);
        }

        public long kilobytes() {
            return kilobytesOf(sizeBytes);
        }

        /** The language of {@link #title}, for the {@code lang} attribute. */
        public String titleLang(String lang) {
            return "ar".equals(lang) ? (Check.blank(titleAr) ? "fr" : "ar") : (Check.blank(titleFr) ? "ar" : "fr");
        }
    }

    /** A page of the list; {@code next} is where the following page starts, null on the last. */
    public record Page(List<Listed> items, Cursor next) {
    }

    /** One document with everything the public may read of it. */
    public record Document(long id, DocumentKind kind, String titleAr, String titleFr, String descriptionAr, String descriptionFr,
            LocalDate date, int year, String reference, String fileName, String contentType, String extension, long sizeBytes,
            DocumentStatus status, Instant publishedAt, Instant withdrawnAt, String withdrawalReason, Instant createdAt) {

        public String title(String lang) {
            return pick(lang, titleAr, titleFr);
        }

        public String titleLang(String lang) {
            return "ar".equals(lang) ? (Check.blank(titleAr) ? "fr" : "ar") : (Check.blank(titleFr) ? "ar" : "fr");
        }

        public long kilobytes() {
            return kilobytesOf(sizeBytes);
        }

        public boolean downloadable() {
            return status == DocumentStatus.PUBLISHED;
        }
    }

    /** A file to send: a name safe in a header, its type and its bytes (the caller closes the stream). */
    public record Download(String fileName, String contentType, long size, InputStream content) {
    }

    /** Sizes are shown in kilobytes, rounded up: a file of a few bytes is "1 KB", never "0 KB". */
    static long kilobytesOf(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    static String pick(String lang, String ar, String fr) {
        String first = "ar".equals(lang) ? ar : fr;
        return Check.blank(first) ? ("ar".equals(lang) ? fr : ar) : first;
    }

    static final String LISTED = "id, kind, title_ar, title_fr, document_date, document_year, reference, status, file_extension, size_bytes";
    static final String DOCUMENT = "id, kind, title_ar, title_fr, description_ar, description_fr, document_date, document_year, reference,"
            + " file_name, content_type, file_extension, size_bytes, status, published_at, withdrawn_at, withdrawal_reason, created_at";

    static final RowMapper<Listed> LISTED_ROW = (rs, i) -> new Listed(rs.getLong(1), DocumentKind.valueOf(rs.getString(2)), rs.getString(3),
            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getString(7), DocumentStatus.valueOf(rs.getString(8)),
            rs.getString(9), rs.getLong(10));
    static final RowMapper<Document> DOCUMENT_ROW = (rs, i) -> new Document(rs.getLong(1), DocumentKind.valueOf(rs.getString(2)),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getInt(8),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13), DocumentStatus.valueOf(rs.getString(14)),
            Sql.instant(rs, 15), Sql.instant(rs, 16), rs.getString(17), Sql.instant(rs, 18));

    private final JdbcClient jdbc;
    private final FileStore files;

    DocumentCatalog(JdbcClient jdbc, FileStore files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** Public documents (published or withdrawn) matching the query, {@code size} a page. One statement. */
    public Page search(long collectivityId, Query query, int size) {
        return page(collectivityId, query, size, false);
    }

    /** The same with drafts, for staff (the caller checked they are). */
    Page page(long collectivityId, Query query, int size, boolean withDrafts) {
        StringBuilder sql = new StringBuilder("select " + LISTED + " from council_document where collectivity_id = ?");
        List<Object> params = new ArrayList<>(List.of(collectivityId));
        if (!withDrafts) {
            sql.append(" and status <> 'DRAFT'");
        }
        if (query.kind() != null) {
            sql.append(" and kind = ?");
            params.add(query.kind().name());
        }
        if (query.year() != null) {
            sql.append(" and document_year = ?");
            params.add(query.year());
        }
        for (String word : query.words()) {
            sql.append(" and search_text like ? escape '!'");
            params.add("%" + likeEscape(word) + "%");
        }
        if (query.after() != null) {
            sql.append(" and (document_date < ? or (document_date = ? and id < ?))");
            params.addAll(List.of(query.after().date(), query.after().date(), query.after().id()));
        }
        sql.append(" order by document_date desc, id desc limit ?");
        params.add(size + 1);
        List<Listed> rows = jdbc.sql(sql.toString()).params(params).query(LISTED_ROW).list();
        boolean more = rows.size() > size;
        List<Listed> shown = more ? rows.subList(0, size) : rows;
        Listed last = more ? shown.get(shown.size() - 1) : null;
        return new Page(shown, last == null ? null : new Cursor(last.date(), last.id()));
    }

    /** {@code %} and {@code _} typed in a query are letters, not wildcards. */
    static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The years that have public documents, newest first (the year filter's choices). */
    public List<Integer> years(long collectivityId) {
        return jdbc.sql("select distinct document_year from council_document where collectivity_id = ? and status <> 'DRAFT'"
                + " order by document_year desc").param(collectivityId).query(Integer.class).list();
    }

    /** A public document of this collectivity; a draft or another collectivity's id is not found. */
    public Document document(long collectivityId, long id) {
        return find(collectivityId, id).filter(d -> d.status() != DocumentStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("document " + id));
    }

    java.util.Optional<Document> find(long collectivityId, long id) {
        return jdbc.sql("select " + DOCUMENT + " from council_document where collectivity_id = ? and id = ?").params(collectivityId, id)
                .query(DOCUMENT_ROW).optional();
    }

    /** The file of a published document, named {@code <slug>-document-<id>.<ext>}; anything else is not found. */
    public Download file(long collectivityId, String slug, long id) {
        record Stored(String key, String type, String extension, long size) {
        }
        Stored s = jdbc.sql("select storage_key, content_type, file_extension, size_bytes from council_document"
                + " where collectivity_id = ? and id = ? and status = 'PUBLISHED'").params(collectivityId, id)
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional().orElseThrow(() -> new NotFoundException("document " + id));
        return open(s.key(), slug + "-document-" + id + "." + s.extension(), s.type(), s.size(), id);
    }

    Download open(String key, String name, String type, long size, long id) {
        try {
            InputStream content = files.open(key).orElseThrow(() -> new NotFoundException("document file " + id));
            return new Download(name, type, size, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
