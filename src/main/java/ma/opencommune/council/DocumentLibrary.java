package ma.opencommune.council;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Role;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.TextFold;
import ma.opencommune.platform.storage.FileCleanup;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Façade of the document library, staff side: a council secretary or staff administrator of the collectivity in the
 * URL uploads a document (metadata and file checked together, stored in one transaction: a refused or failed upload
 * leaves neither a row nor a file), changes its description, publishes it and may withdraw it with a reason. Each step
 * is logged (action log). Also the library's figure for the network's index.
 */
@Service
@Transactional
public class DocumentLibrary {

    /** Who publishes the collectivity's documents. */
    public static final Role[] COUNCIL_STAFF = {Role.COUNCIL_SECRETARY, Role.STAFF_ADMIN};
    static final int TITLE_MAX = 300;
    static final int DESCRIPTION_MAX = 5_000;
    static final int REFERENCE_MAX = 100;
    static final int REASON_MAX = 2_000;
    static final int SEARCH_MAX = 11_000;
    /** The first year a document may carry (the Kingdom's independence); documents of future years are plans, a few years ahead at most. */
    static final int FIRST_YEAR = 1956;
    static final int YEARS_AHEAD = 5;
    private static final Pattern SUBMISSION_KEY = Pattern.compile("[0-9a-f-]{36}");

    /** What describes a document; at least one title. A missing year is the year of the document's date. */
    public record Metadata(DocumentKind kind, String titleAr, String titleFr, String descriptionAr, String descriptionFr, LocalDate date,
            Integer year, String reference) {

        /** What the search scans: titles, descriptions and reference folded by {@link TextFold}, bounded. */
        public String searchText() {
            String folded = TextFold.fold(String.join(" ", text(titleAr), text(titleFr), text(descriptionAr), text(descriptionFr),
                    text(reference)));
            return folded.length() > SEARCH_MAX ? folded.substring(0, SEARCH_MAX) : folded;
        }

        private static String text(String s) {
            return s == null ? "" : s;
        }
    }

    /** An upload: {@code created} is false when the same form (its submission key) was already stored. */
    public record Uploaded(long id, boolean created) {
    }

    private final JdbcClient jdbc;
    private final DocumentCatalog catalog;
    private final FileStore files;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DocumentLibrary(JdbcClient jdbc, DocumentCatalog catalog, FileStore files, Access access, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.files = files;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE);
    }

    /** Passes for a council secretary or staff administrator of this collectivity (or a platform administrator). */
    public void requireStaff(Collectivity c, AccountUser user) {
        access.requireStaff(user, c, COUNCIL_STAFF);
    }

    /**
     * Stores a new draft. Every problem of the metadata and of the file is reported at once; the file is written only
     * once all is valid, and removed again if the transaction does not commit. The same form sent twice stores one.
     */
    public Uploaded upload(Collectivity c, AccountUser staff, Metadata m, MultipartFile file, String submissionKey) {
        access.requireStaff(staff, c, COUNCIL_STAFF);
        Check check = checked(m);
        DocumentFile.problem(file).ifPresent(key -> check.reject("file", key));
        check.orThrow();
        String key = submissionKey != null && SUBMISSION_KEY.matcher(submissionKey).matches() ? submissionKey : null;
        if (key != null) {
            Long already = existing(c, key);
            if (already != null) {
                return new Uploaded(already, false);
            }
        }
        try {
            DocumentFile document = DocumentFile.of(file);
            String stored = files.put(new ByteArrayInputStream(document.content()), file.getOriginalFilename(), document.type().contentType);
            FileCleanup.discardOnRollback(files, stored);
            GeneratedKeyHolder generated = new GeneratedKeyHolder();
            int inserted = jdbc.sql("""
                    insert into council_document (collectivity_id, kind, title_ar, title_fr, description_ar, description_fr, document_date,
                        document_year, reference, search_text, storage_key, file_name, content_type, file_extension, size_bytes, status,
                        submission_key, created_by, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?) on conflict do nothing""")
                    .param(c.id()).params(columns(m))
                    .params(stored, DocumentFile.keptName(file.getOriginalFilename(), document.type()), document.type().contentType,
                            document.type().extension(), (long) document.content().length, key, staff.id(), Sql.now(clock))
                    .update(generated, "id");
            if (inserted == 0) {
                // A second submit of the same form raced this one past the look-up above: keep the first.
                FileCleanup.deleteAfterCommit(files, stored);
                return new Uploaded(existing(c, key), false);
            }
            long id = generated.getKey().longValue();
            step(c, staff, id, DocumentEvents.Step.UPLOADED);
            return new Uploaded(id, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every problem of this metadata and file, without storing anything: for a form that found typing mistakes of its
     * own (a date that is not one) and reports them together with these.
     */
    @Transactional(readOnly = true)
    public Map<String, String> problems(Metadata m, MultipartFile file) {
        Check check = checked(m);
        if (file != null) {
            DocumentFile.problem(file).ifPresent(key -> check.reject("file", key));
        }
        return check.errors();
    }

    private Long existing(Collectivity c, String key) {
        return jdbc.sql("select id from council_document where collectivity_id = ? and submission_key = ?").params(c.id(), key)
                .query(Long.class).optional().orElse(null);
    }

    /** Changes the description of a document of this collectivity, whatever its status (a withdrawn one keeps its reason). */
    public void edit(Collectivity c, AccountUser staff, long id, Metadata m) {
        access.requireStaff(staff, c, COUNCIL_STAFF);
        locked(c, id);
        checked(m).orThrow();
        jdbc.sql("""
                update council_document set kind = ?, title_ar = ?, title_fr = ?, description_ar = ?, description_fr = ?, document_date = ?,
                    document_year = ?, reference = ?, search_text = ?, version = version + 1
                where id = ? and collectivity_id = ?""")
                .params(columns(m)).params(id, c.id()).update();
        step(c, staff, id, DocumentEvents.Step.EDITED);
    }

    /** A draft becomes public today; publishing twice is refused. */
    public void publish(Collectivity c, AccountUser staff, long id) {
        access.requireStaff(staff, c, COUNCIL_STAFF);
        if (locked(c, id) != DocumentStatus.DRAFT) {
            throw new ConflictException("documents.conflict.not-draft");
        }
        jdbc.sql("update council_document set status = 'PUBLISHED', published_at = ?, version = version + 1 where id = ? and collectivity_id = ?")
                .params(Sql.now(clock), id, c.id()).update();
        step(c, staff, id, DocumentEvents.Step.PUBLISHED);
    }

    /** A published document is withdrawn with a reason the public reads; its description stays public, its file does not. */
    public void withdraw(Collectivity c, AccountUser staff, long id, String reason) {
        access.requireStaff(staff, c, COUNCIL_STAFF);
        DocumentStatus status = locked(c, id);
        new Check().text("reason", reason, true, REASON_MAX).orThrow();
        if (status != DocumentStatus.PUBLISHED) {
            throw new ConflictException("documents.conflict.not-published");
        }
        jdbc.sql("update council_document set status = 'WITHDRAWN', withdrawn_at = ?, withdrawal_reason = ?, version = version + 1"
                + " where id = ? and collectivity_id = ?").params(Sql.now(clock), reason.strip(), id, c.id()).update();
        step(c, staff, id, DocumentEvents.Step.WITHDRAWN);
    }

    /** Every document of the collectivity, drafts included, for its staff. */
    @Transactional(readOnly = true)
    public DocumentCatalog.Page list(Collectivity c, AccountUser staff, DocumentCatalog.Query query, int size) {
        access.requireStaff(staff, c, COUNCIL_STAFF);
        return catalog.page(c.id(), query, size, true);
    }

    /** One document of the collectivity, whatever its status, for its staff; another collectivity's id is not found. */
    @Transactional(readOnly = true)
    public DocumentCatalog.Document document(Collectivity c, AccountUser staff, long id) {
        access.requireStaff(staff, c, COUNCIL_STAFF);
        return catalog.find(c.id(), id).orElseThrow(() -> new NotFoundException("document " + id));
    }

    /** The file of any document of the collectivity, under its uploaded name, for its staff (to check a draft). */
    @Transactional(readOnly = true)
    public DocumentCatalog.Download file(Collectivity c, AccountUser staff, long id) {
        DocumentCatalog.Document d = document(c, staff, id);
        String key = jdbc.sql("select storage_key from council_document where id = ? and collectivity_id = ?").params(id, c.id())
                .query(String.class).single();
        return catalog.open(key, d.fileName(), d.contentType(), d.sizeBytes(), id);
    }

    /**
     * Figure of the network's index: documents published in {@code [from, to]} (days in Morocco's time) that are still
     * published, by type. One statement.
     */
    @Transactional(readOnly = true)
    public DocumentCounts published(long collectivityId, LocalDate from, LocalDate to) {
        Map<DocumentKind, Long> counts = new EnumMap<>(DocumentKind.class);
        jdbc.sql("select kind, count(*) from council_document where collectivity_id = ? and status = 'PUBLISHED'"
                + " and published_at >= ? and published_at < ? group by kind")
                .params(collectivityId, Sql.at(from.atStartOfDay(Morocco.ZONE).toInstant()),
                        Sql.at(to.plusDays(1).atStartOfDay(Morocco.ZONE).toInstant()))
                .query((rs, i) -> counts.put(DocumentKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return new DocumentCounts(counts);
    }

    /** The status of the document under a row lock, so two staff members never both publish or withdraw it. */
    private DocumentStatus locked(Collectivity c, long id) {
        return jdbc.sql("select status from council_document where id = ? and collectivity_id = ? for update").params(id, c.id())
                .query((rs, i) -> DocumentStatus.valueOf(rs.getString(1))).optional()
                .orElseThrow(() -> new NotFoundException("document " + id));
    }

    private Check checked(Metadata m) {
        int lastYear = today().getYear() + YEARS_AHEAD;
        Check check = new Check().required("kind", m.kind())
                .text("titleAr", m.titleAr(), false, TITLE_MAX)
                .text("titleFr", m.titleFr(), false, TITLE_MAX)
                .when(Check.blank(m.titleAr()) && Check.blank(m.titleFr()), "titleAr", "documents.validation.title")
                .text("descriptionAr", m.descriptionAr(), false, DESCRIPTION_MAX)
                .text("descriptionFr", m.descriptionFr(), false, DESCRIPTION_MAX)
                .required("date", m.date());
        check.when(m.date() != null && (m.date().getYear() < FIRST_YEAR || m.date().isAfter(today())), "date", "documents.validation.date");
        check.when(m.year() != null && (m.year() < FIRST_YEAR || m.year() > lastYear), "year", "documents.validation.year");
        return check.text("reference", m.reference(), false, REFERENCE_MAX);
    }

    /** The described columns, in the order of the statements that write them, with the folded search text. */
    private static Object[] columns(Metadata m) {
        return new Object[] {m.kind().name(), Check.clean(m.titleAr()), Check.clean(m.titleFr()), Check.clean(m.descriptionAr()),
            Check.clean(m.descriptionFr()), m.date(), m.year() != null ? m.year() : m.date().getYear(), Check.clean(m.reference()),
            m.searchText()};
    }

    private void step(Collectivity c, AccountUser staff, long id, DocumentEvents.Step step) {
        events.publishEvent(new DocumentEvents.DocumentStepped(UUID.randomUUID(), Instant.now(clock), c.id(), staff.id(), id, step));
    }
}
