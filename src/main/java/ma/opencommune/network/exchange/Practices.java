package ma.opencommune.network.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import ma.opencommune.council.DocumentFile;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Role;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
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
 * Façade of the good practices, staff side: the staff administrator or program manager of a member collectivity (the
 * collectivity of the URL) writes a draft, edits it, attaches documents, publishes it, and may withdraw it with a
 * reason the public reads. A collectivity outside the network is refused. Every write is one transaction and is logged.
 */
@Service
@Transactional
public class Practices {

    /** Who writes the collectivity's practices. */
    public static final Role[] WRITERS = {Role.STAFF_ADMIN, Role.PROGRAM_MANAGER};
    static final int TITLE_MAX = 300;
    static final int SUMMARY_MAX = 1_000;
    static final int PROBLEM_MAX = 5_000;
    static final int ACTIONS_MAX = 8_000;
    static final int RESULTS_MAX = 5_000;
    static final int COST_TEXT_MAX = 500;
    static final int PERIOD_MAX = 200;
    static final int NAME_MAX = 200;
    static final int REASON_MAX = 2_000;
    static final long COST_MAX = 100_000_000_000L;
    static final int SEARCH_MAX = 21_000;
    /** Documents per practice, and the size of one (said on the form). */
    public static final int DOCUMENTS_MAX = 10;
    public static final long DOCUMENT_BYTES_MAX = 10L * 1024 * 1024;
    static final Set<DocumentFile.Type> DOCUMENT_TYPES = Set.of(DocumentFile.Type.PDF, DocumentFile.Type.PNG, DocumentFile.Type.JPEG,
            DocumentFile.Type.ODT, DocumentFile.Type.DOCX);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{6,20}$");
    private static final Pattern SUBMISSION_KEY = Pattern.compile("[0-9a-f-]{36}");

    /** What staff write; the long texts are in {@code textLang} (ar or fr). */
    public record Draft(String textLang, String titleAr, String titleFr, String summaryAr, String summaryFr, String problem,
            String actions, String results, Long costMad, String costText, String period, String contactName, String contactRole,
            String contactEmail, String contactPhone, Set<PracticeTag> tags) {

        String searchText() {
            String folded = TextFold.fold(String.join(" ", t(titleAr), t(titleFr), t(summaryAr), t(summaryFr), t(problem), t(actions),
                    t(results)));
            return folded.length() > SEARCH_MAX ? folded.substring(0, SEARCH_MAX) : folded;
        }

        private static String t(String s) {
            return s == null ? "" : s;
        }
    }

    /** A stored draft; {@code created} is false when the same form was already stored. */
    public record Saved(long id, boolean created) {
    }

    /** A file to send. */
    public record Download(InputStream content, String fileName, String contentType, long size) {
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Practices(JdbcClient jdbc, Access access, FileStore files, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    /** Passes for a writer of this collectivity; a collectivity outside the network is refused with a reason. */
    public void requireWriter(Collectivity c, AccountUser user) {
        access.requireStaff(user, c, WRITERS);
        if (!c.isMember()) {
            throw new ConflictException("network.exchange.not-member");
        }
    }

    /** Whether the account may answer questions on this collectivity's practices. */
    public boolean isWriter(Collectivity c, AccountUser user) {
        return user != null && c.isMember() && access.isStaff(user, c, WRITERS);
    }

    /** Stores a new draft, every problem reported at once; the same form sent twice stores one. */
    public Saved create(Collectivity c, AccountUser staff, Draft d, String submissionKey) {
        requireWriter(c, staff);
        checked(d).orThrow();
        String key = submissionKey != null && SUBMISSION_KEY.matcher(submissionKey).matches() ? submissionKey : null;
        if (key != null) {
            Optional<Long> already = existing(c, key);
            if (already.isPresent()) {
                return new Saved(already.get(), false);
            }
        }
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                insert into exchange_practice (collectivity_id, status, text_lang, title_ar, title_fr, summary_ar, summary_fr, problem,
                    actions, results, cost_mad, cost_text, period_text, contact_name, contact_role, contact_email, contact_phone,
                    search_text, submission_key, created_by, created_at)
                values (?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .param(c.id()).params(columns(d)).params(key, staff.id(), Sql.now(clock))
                .update(generated, "id");
        if (inserted == 0) {
            return new Saved(existing(c, key).orElseThrow(), false);
        }
        long id = generated.getKey().longValue();
        tags(c, id, d.tags());
        step(c, staff, id, ExchangeEvents.PracticeStep.CREATED);
        return new Saved(id, true);
    }

    /** Every problem of this draft, without storing anything. */
    @Transactional(readOnly = true)
    public Map<String, String> problems(Draft d) {
        return checked(d).errors();
    }

    /** Changes a draft; a published or withdrawn practice is no longer edited (its readers saw it as it is). */
    public void edit(Collectivity c, AccountUser staff, long id, Draft d) {
        requireWriter(c, staff);
        if (locked(c, id) != PracticeStatus.DRAFT) {
            throw new ConflictException("network.exchange.conflict.not-draft");
        }
        checked(d).orThrow();
        jdbc.sql("""
                update exchange_practice set text_lang = ?, title_ar = ?, title_fr = ?, summary_ar = ?, summary_fr = ?, problem = ?,
                    actions = ?, results = ?, cost_mad = ?, cost_text = ?, period_text = ?, contact_name = ?, contact_role = ?,
                    contact_email = ?, contact_phone = ?, search_text = ?, version = version + 1
                where id = ? and collectivity_id = ?""")
                .params(columns(d)).params(id, c.id()).update();
        jdbc.sql("delete from exchange_practice_tag where practice_id = ? and collectivity_id = ?").params(id, c.id()).update();
        tags(c, id, d.tags());
        step(c, staff, id, ExchangeEvents.PracticeStep.EDITED);
    }

    /** A draft becomes public; publishing twice is refused. */
    public void publish(Collectivity c, AccountUser staff, long id) {
        requireWriter(c, staff);
        if (locked(c, id) != PracticeStatus.DRAFT) {
            throw new ConflictException("network.exchange.conflict.not-draft");
        }
        jdbc.sql("update exchange_practice set status = 'PUBLISHED', published_at = ?, version = version + 1 where id = ? and collectivity_id = ?")
                .params(Sql.now(clock), id, c.id()).update();
        step(c, staff, id, ExchangeEvents.PracticeStep.PUBLISHED);
    }

    /** A published practice is withdrawn with a reason the public reads in its place. */
    public void withdraw(Collectivity c, AccountUser staff, long id, String reason) {
        requireWriter(c, staff);
        PracticeStatus status = locked(c, id);
        new Check().text("reason", reason, true, REASON_MAX).orThrow();
        if (status != PracticeStatus.PUBLISHED) {
            throw new ConflictException("network.exchange.conflict.not-published");
        }
        jdbc.sql("update exchange_practice set status = 'WITHDRAWN', withdrawn_at = ?, withdrawal_reason = ?, version = version + 1"
                + " where id = ? and collectivity_id = ?").params(Sql.now(clock), reason.strip(), id, c.id()).update();
        step(c, staff, id, ExchangeEvents.PracticeStep.WITHDRAWN);
    }

    /**
     * Attaches a document (PDF, PNG, JPEG, ODT or DOCX read from its content, {@link #DOCUMENT_BYTES_MAX} at most) to a draft
     * or published practice. The file is removed again if the transaction does not commit.
     */
    public long attach(Collectivity c, AccountUser staff, long id, MultipartFile file) {
        requireWriter(c, staff);
        PracticeStatus status = locked(c, id);
        Check check = new Check();
        check.when(status == PracticeStatus.WITHDRAWN, "file", "network.exchange.conflict.withdrawn");
        fileProblem(file).ifPresent(k -> check.reject("file", k));
        int count = jdbc.sql("select count(*) from exchange_document where practice_id = ? and collectivity_id = ?").params(id, c.id())
                .query(Integer.class).single();
        check.when(count >= DOCUMENTS_MAX, "file", "network.exchange.validation.file.too-many");
        check.orThrow();
        try {
            DocumentFile doc = DocumentFile.of(file);
            String stored = files.put(new ByteArrayInputStream(doc.content()), file.getOriginalFilename(), doc.type().contentType);
            FileCleanup.discardOnRollback(files, stored);
            GeneratedKeyHolder generated = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into exchange_document (practice_id, collectivity_id, storage_key, file_name, content_type, file_extension,
                        size_bytes, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, c.id(), stored, DocumentFile.keptName(file.getOriginalFilename(), doc.type()), doc.type().contentType,
                            doc.type().extension(), (long) doc.content().length, staff.id(), Sql.now(clock))
                    .update(generated, "id");
            step(c, staff, id, ExchangeEvents.PracticeStep.DOCUMENT_ADDED);
            return generated.getKey().longValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problem with a file as a message key, or empty: content read, size and type limited to what practices accept. */
    public static Optional<String> fileProblem(MultipartFile file) {
        if (file != null && file.getSize() > DOCUMENT_BYTES_MAX) {
            return Optional.of("network.exchange.validation.file.too-large");
        }
        Optional<String> basic = DocumentFile.problem(file);
        if (basic.isPresent()) {
            return basic.get().endsWith(".type") ? Optional.of("network.exchange.validation.file.type") : basic;
        }
        try {
            Optional<DocumentFile.Type> type = DocumentFile.sniff(file.getBytes(), "");
            return type.isPresent() && DOCUMENT_TYPES.contains(type.get()) ? Optional.empty()
                    : Optional.of("network.exchange.validation.file.type");
        } catch (IOException e) {
            return Optional.of("network.exchange.validation.file.type");
        }
    }

    /** Removes a document of a practice of this collectivity; the file goes once the removal commits. */
    public void removeDocument(Collectivity c, AccountUser staff, long id, long documentId) {
        requireWriter(c, staff);
        locked(c, id);
        String key = jdbc.sql("select storage_key from exchange_document where id = ? and practice_id = ? and collectivity_id = ?")
                .params(documentId, id, c.id()).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("practice document " + documentId));
        jdbc.sql("delete from exchange_document where id = ? and collectivity_id = ?").params(documentId, c.id()).update();
        FileCleanup.deleteAfterCommit(files, key);
        step(c, staff, id, ExchangeEvents.PracticeStep.DOCUMENT_REMOVED);
    }

    /** The collectivity's practices, drafts included, newest first (a collectivity writes tens, not thousands). */
    @Transactional(readOnly = true)
    public List<Practice> list(Collectivity c, AccountUser staff) {
        access.requireStaff(staff, c, WRITERS);
        return PracticeRows.withTags(jdbc, jdbc.sql("select " + PracticeRows.COLUMNS
                + " from exchange_practice where collectivity_id = ? order by id desc limit 500").param(c.id())
                .query((rs, i) -> PracticeRows.row(rs)).list());
    }

    /** One practice of this collectivity whatever its status; another collectivity's id is not found. */
    @Transactional(readOnly = true)
    public Practice practice(Collectivity c, AccountUser staff, long id) {
        access.requireStaff(staff, c, WRITERS);
        return find(c.id(), id).orElseThrow(() -> new NotFoundException("practice " + id));
    }

    @Transactional(readOnly = true)
    public List<Practice.Document> documents(Collectivity c, AccountUser staff, long id) {
        practice(c, staff, id);
        return PracticeRows.documents(jdbc, c.id(), id);
    }

    /** A document of any practice of the collectivity, for its staff (to check a draft's). */
    @Transactional(readOnly = true)
    public Download file(Collectivity c, AccountUser staff, long id, long documentId) {
        access.requireStaff(staff, c, WRITERS);
        return open(jdbc, files, c.id(), id, documentId);
    }

    static Download open(JdbcClient jdbc, FileStore files, long collectivityId, long practiceId, long documentId) {
        record Row(String key, String name, String type, long size) {
        }
        Row row = jdbc.sql("select storage_key, file_name, content_type, size_bytes from exchange_document"
                + " where id = ? and practice_id = ? and collectivity_id = ?").params(documentId, practiceId, collectivityId)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).optional()
                .orElseThrow(() -> new NotFoundException("practice document " + documentId));
        try {
            InputStream in = files.open(row.key()).orElseThrow(() -> new NotFoundException("stored file " + documentId));
            return new Download(in, row.name(), row.type(), row.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Practice> find(long collectivityId, long id) {
        return jdbc.sql("select " + PracticeRows.COLUMNS + " from exchange_practice where id = ? and collectivity_id = ?")
                .params(id, collectivityId).query((rs, i) -> PracticeRows.row(rs)).optional()
                .map(p -> PracticeRows.withTags(jdbc, List.of(p)).get(0));
    }

    private Optional<Long> existing(Collectivity c, String key) {
        return jdbc.sql("select id from exchange_practice where collectivity_id = ? and submission_key = ?").params(c.id(), key)
                .query(Long.class).optional();
    }

    private PracticeStatus locked(Collectivity c, long id) {
        return jdbc.sql("select status from exchange_practice where id = ? and collectivity_id = ? for update").params(id, c.id())
                .query((rs, i) -> PracticeStatus.valueOf(rs.getString(1))).optional()
                .orElseThrow(() -> new NotFoundException("practice " + id));
    }

    private void tags(Collectivity c, long id, Set<PracticeTag> tags) {
        for (PracticeTag t : tags) {
            jdbc.sql("insert into exchange_practice_tag (practice_id, collectivity_id, tag) values (?, ?, ?)").params(id, c.id(), t.name())
                    .update();
        }
    }

    static Check checked(Draft d) {
        Check check = new Check();
        check.when(!"ar".equals(d.textLang()) && !"fr".equals(d.textLang()), "textLang", "validation.choose");
        if (!Check.blank(d.titleAr())) {
            check.title("titleAr", d.titleAr(), "ar", TITLE_MAX);
        }
        if (!Check.blank(d.titleFr())) {
            check.title("titleFr", d.titleFr(), "fr", TITLE_MAX);
        }
        check.when(Check.blank(d.titleAr()) && Check.blank(d.titleFr()), "titleAr", "network.exchange.validation.title")
                .text("summaryAr", d.summaryAr(), false, SUMMARY_MAX)
                .text("summaryFr", d.summaryFr(), false, SUMMARY_MAX)
                .text("problem", d.problem(), true, PROBLEM_MAX)
                .text("actions", d.actions(), true, ACTIONS_MAX)
                .text("results", d.results(), true, RESULTS_MAX)
                .when(d.costMad() != null && (d.costMad() < 0 || d.costMad() > COST_MAX), "costMad", "network.exchange.validation.cost")
                .text("costText", d.costText(), false, COST_TEXT_MAX)
                .text("period", d.period(), true, PERIOD_MAX)
                .text("contactName", d.contactName(), true, NAME_MAX)
                .text("contactRole", d.contactRole(), false, NAME_MAX);
        check.when(!Check.blank(d.contactEmail()) && !EMAIL.matcher(d.contactEmail().strip()).matches(), "contactEmail", "validation.email.format");
        check.when(!Check.blank(d.contactPhone()) && !PHONE.matcher(d.contactPhone().strip()).matches(), "contactPhone",
                "network.exchange.validation.phone");
        check.when(Check.blank(d.contactEmail()) && Check.blank(d.contactPhone()), "contactEmail", "network.exchange.validation.contact");
        check.when(d.tags() == null || d.tags().isEmpty(), "tags", "network.exchange.validation.tags");
        return check;
    }

    private static Object[] columns(Draft d) {
        return new Object[] {d.textLang(), Check.clean(d.titleAr()), Check.clean(d.titleFr()), Check.clean(d.summaryAr()),
            Check.clean(d.summaryFr()), d.problem().strip(), d.actions().strip(), d.results().strip(), d.costMad(), Check.clean(d.costText()),
            d.period().strip(), d.contactName().strip(), Check.clean(d.contactRole()), Check.clean(d.contactEmail()),
            Check.clean(d.contactPhone()), d.searchText()};
    }

    private void step(Collectivity c, AccountUser staff, long id, ExchangeEvents.PracticeStep step) {
        events.publishEvent(new ExchangeEvents.PracticeStepped(UUID.randomUUID(), Instant.now(clock), c.id(), staff.id(), id, step));
    }
}
