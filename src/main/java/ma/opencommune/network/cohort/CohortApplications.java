package ma.opencommune.network.cohort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.opencommune.council.DocumentFile;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.Role;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A collectivity's application to a call, by its staff administrators: answers and documents while a draft, submitted
 * until the end of the closing day (Morocco time), withdrawn before the call closes. One application per collectivity
 * and call. The collectivity is always the one of the address; its application is found by (call, collectivity), so
 * another collectivity's application can never be reached.
 */
@Service
@Transactional
public class CohortApplications {

    static final int MAX_DOCUMENTS = 10;
    static final int MAX_ANSWER = 8000;

    /** An application with its answers (question id to text) and documents. */
    public record Detail(Cohort.Application application, Map<Long, String> answers, List<Cohort.Document> documents) {
    }

    /** A file to send back. */
    public record File(String name, String contentType, long size, InputStream content) {
    }

    private final JdbcClient jdbc;
    private final CohortRows rows;
    private final CohortCalls calls;
    private final Access access;
    private final FileStore files;
    private final Clock clock;

    CohortApplications(JdbcClient jdbc, CohortRows rows, CohortCalls calls, Access access, FileStore files, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.calls = calls;
        this.access = access;
        this.files = files;
        this.clock = clock;
    }

    /** The staff administrators of the collectivity (and platform admins) act on its application. */
    public void requireStaff(AccountUser user, Collectivity c) {
        access.requireStaff(user, c, Role.STAFF_ADMIN);
    }

    /** The call as an applicant sees it: published or later, and open to the collectivity's type. */
    @Transactional(readOnly = true)
    public Cohort.Call call(AccountUser user, Collectivity c, long callId) {
        requireStaff(user, c);
        return rows.requirePublic(callId);
    }

    public boolean eligible(Cohort.Call call, Collectivity c) {
        return call.eligibleTypes().contains(c.type().name());
    }

    @Transactional(readOnly = true)
    public Optional<Detail> detail(AccountUser user, Collectivity c, long callId) {
        requireStaff(user, c);
        rows.requirePublic(callId);
        return rows.application(callId, c.id()).map(this::detail);
    }

    private Detail detail(Cohort.Application a) {
        Map<Long, String> answers = new java.util.HashMap<>();
        jdbc.sql("select question_id, answer from cohort_answer where application_id = ?").param(a.id())
                .query(rs -> { answers.put(rs.getLong(1), rs.getString(2)); });
        return new Detail(a, answers, rows.documents(a.id()));
    }

    /** Reviewers and the coordinator read submitted applications (answers and document list). */
    @Transactional(readOnly = true)
    public Map<Long, Detail> submitted(long callId) {
        Map<Long, Detail> all = new java.util.LinkedHashMap<>();
        for (Cohort.Application a : rows.applications(callId, "SUBMITTED")) {
            all.put(a.id(), new Detail(a, new java.util.HashMap<>(), new java.util.ArrayList<>()));
        }
        if (all.isEmpty()) {
            return all;
        }
        jdbc.sql("select application_id, question_id, answer from cohort_answer where application_id in (:ids)").param("ids", all.keySet())
                .query(rs -> { all.get(rs.getLong(1)).answers().put(rs.getLong(2), rs.getString(3)); });
        jdbc.sql("select id, application_id, file_name, content_type, size_bytes, uploaded_at from cohort_document where application_id in (:ids) order by id")
                .param("ids", all.keySet()).query(rs -> {
                    all.get(rs.getLong(2)).documents().add(new Cohort.Document(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), Sql.instant(rs, 6)));
                });
        return all;
    }

    public void saveAnswers(AccountUser user, Collectivity c, long callId, Map<Long, String> answers) {
        saveAnswers(user, c, callId, answers, calls.today());
    }

    /** Saves the draft's answers (creating the draft on first save); answers are checked for length only until submission. */
    void saveAnswers(AccountUser user, Collectivity c, long callId, Map<Long, String> answers, LocalDate today) {
        Cohort.Call call = open(user, c, callId, today);
        Cohort.Application a = draft(user, c, call);
        Check check = new Check();
        List<Cohort.Question> questions = rows.questions(callId);
        for (Cohort.Question q : questions) {
            check.text("q" + q.id(), answers.get(q.id()), false, MAX_ANSWER);
        }
        check.orThrow();
        jdbc.sql("delete from cohort_answer where application_id = ?").param(a.id()).update();
        for (Cohort.Question q : questions) {
            String text = Check.clean(answers.get(q.id()));
            if (text != null) {
                jdbc.sql("insert into cohort_answer (application_id, collectivity_id, question_id, answer) values (?, ?, ?, ?)")
                        .params(a.id(), c.id(), q.id(), text).update();
            }
        }
        calls.step(user, c.id(), callId, "application-saved", "application " + a.id());
    }

    public void upload(AccountUser user, Collectivity c, long callId, MultipartFile file) {
        upload(user, c, callId, file, calls.today());
    }

    /** Adds a document to the draft; its type is read from its content (council DocumentFile), never from its name. */
    void upload(AccountUser user, Collectivity c, long callId, MultipartFile file, LocalDate today) {
        Cohort.Call call = open(user, c, callId, today);
        Optional<String> problem = DocumentFile.problem(file);
        if (problem.isPresent()) {
            throw new InvalidInput(Map.of("file", problem.get()));
        }
        Cohort.Application a = draft(user, c, call);
        if (rows.documents(a.id()).size() >= MAX_DOCUMENTS) {
            throw new InvalidInput(Map.of("file", "network.cohort.error.too-many-documents"));
        }
        try {
            DocumentFile doc = DocumentFile.of(file);
            String name = DocumentFile.keptName(file.getOriginalFilename(), doc.type());
            String key = files.put(new ByteArrayInputStream(doc.content()), name, doc.type().contentType);
            jdbc.sql("insert into cohort_document (application_id, collectivity_id, file_name, content_type, storage_key, size_bytes, uploaded_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(a.id(), c.id(), name, doc.type().contentType, key, doc.content().length, Sql.now(clock)).update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        calls.step(user, c.id(), callId, "document-added", "application " + a.id());
    }

    public void removeDocument(AccountUser user, Collectivity c, long callId, long documentId) {
        Cohort.Call call = open(user, c, callId, calls.today());
        Cohort.Application a = rows.application(call.id(), c.id()).orElseThrow(() -> new NotFoundException("application"));
        if (a.status() != Cohort.ApplicationStatus.DRAFT) {
            throw new ConflictException("network.cohort.error.not-draft");
        }
        int removed = jdbc.sql("delete from cohort_document where id = ? and application_id = ? and collectivity_id = ?").params(documentId, a.id(), c.id())
                .update();
        if (removed == 0) {
            throw new NotFoundException("document " + documentId);
        }
        calls.step(user, c.id(), callId, "document-removed", "application " + a.id());
    }

    /** A document of the collectivity's own application; another collectivity's document id answers 404. */
    @Transactional(readOnly = true)
    public File document(AccountUser user, Collectivity c, long callId, long documentId) {
        requireStaff(user, c);
        return file(jdbc.sql("select file_name, content_type, size_bytes, storage_key from cohort_document d join cohort_application a on a.id = d.application_id"
                + " where d.id = ? and d.collectivity_id = ? and a.call_id = ?").params(documentId, c.id(), callId));
    }

    /**
     * A document of a submitted application, for the call's reviewers and the coordinator; not found when the applicant
     * is one of {@code conflicts} (a reviewer's own collectivities, whose applications they neither see nor score).
     */
    @Transactional(readOnly = true)
    public File submittedDocument(long callId, long documentId, java.util.Collection<Long> conflicts) {
        return file(jdbc.sql("select file_name, content_type, size_bytes, storage_key from cohort_document d join cohort_application a on a.id = d.application_id"
                + " where d.id = :document and a.call_id = :call and a.status = 'SUBMITTED' and a.collectivity_id not in (:conflicts)")
                .param("document", documentId).param("call", callId).param("conflicts", conflicts.isEmpty() ? List.of(-1L) : conflicts));
    }

    private File file(org.springframework.jdbc.core.simple.JdbcClient.StatementSpec spec) {
        Object[] row = spec.query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)}).optional()
                .orElseThrow(() -> new NotFoundException("document"));
        try {
            InputStream in = files.open((String) row[3]).orElseThrow(() -> new NotFoundException("document file"));
            return new File((String) row[0], (String) row[1], (Long) row[2], in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void submit(AccountUser user, Collectivity c, long callId) {
        submit(user, c, callId, calls.today());
    }

    /** Submits the draft: every question answered. Submitting again changes nothing (double submit). */
    void submit(AccountUser user, Collectivity c, long callId, LocalDate today) {
        Cohort.Call call = open(user, c, callId, today);
        Cohort.Application a = rows.application(callId, c.id()).orElseThrow(() -> new ConflictException("network.cohort.error.no-application"));
        if (a.status() == Cohort.ApplicationStatus.SUBMITTED) {
            return;
        }
        if (a.status() != Cohort.ApplicationStatus.DRAFT) {
            throw new ConflictException("network.cohort.error.withdrawn");
        }
        Map<Long, String> answers = detail(a).answers();
        Check check = new Check();
        for (Cohort.Question q : rows.questions(callId)) {
            check.when(Check.blank(answers.get(q.id())), "q" + q.id(), "network.cohort.error.answer-required");
        }
        check.orThrow();
        jdbc.sql("update cohort_application set status = 'SUBMITTED', submitted_at = ? where id = ? and status = 'DRAFT'").params(Sql.now(clock), a.id())
                .update();
        calls.step(user, c.id(), callId, "application-submitted", "application " + a.id());
    }

    public void withdraw(AccountUser user, Collectivity c, long callId) {
        withdraw(user, c, callId, calls.today());
    }

    /** Withdraws the application (draft or submitted) while the call is open; once withdrawn it cannot come back. */
    void withdraw(AccountUser user, Collectivity c, long callId, LocalDate today) {
        open(user, c, callId, today);
        Cohort.Application a = rows.application(callId, c.id()).orElseThrow(() -> new ConflictException("network.cohort.error.no-application"));
        if (a.status() == Cohort.ApplicationStatus.WITHDRAWN) {
            return;
        }
        jdbc.sql("update cohort_application set status = 'WITHDRAWN', withdrawn_at = ? where id = ?").params(Sql.now(clock), a.id()).update();
        calls.step(user, c.id(), callId, "application-withdrawn", "application " + a.id());
    }

    /** The call, accepting applications today from this collectivity's type; the staff check first. */
    private Cohort.Call open(AccountUser user, Collectivity c, long callId, LocalDate today) {
        requireStaff(user, c);
        Cohort.Call call = rows.requirePublic(callId);
        if (!call.acceptsApplications(today)) {
            throw new ConflictException("network.cohort.error.applications-closed");
        }
        if (!eligible(call, c)) {
            throw new ConflictException("network.cohort.error.not-eligible");
        }
        return call;
    }

    private Cohort.Application draft(AccountUser user, Collectivity c, Cohort.Call call) {
        jdbc.sql("insert into cohort_application (call_id, collectivity_id, status, created_at) values (?, ?, 'DRAFT', ?) on conflict do nothing")
                .params(call.id(), c.id(), Sql.now(clock)).update();
        Cohort.Application a = rows.application(call.id(), c.id()).orElseThrow();
        if (a.status() != Cohort.ApplicationStatus.DRAFT) {
            throw new ConflictException(a.status() == Cohort.ApplicationStatus.WITHDRAWN ? "network.cohort.error.withdrawn" : "network.cohort.error.already-submitted");
        }
        return a;
    }
}
