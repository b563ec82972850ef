package ma.opencommune.information;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents sent with an answer. Officers add them (type read from the content, size bounded, a name whose extension
 * lies about the content refused) and say which may be published; the requester and the officers may always download
 * them, anyone else only a publishable document of a published request (PDP-2), and otherwise it does not exist.
 */
@Service
@Transactional
public class Attachments {

    /** At most this many documents in one form. */
    public static final int MAX_FILES = 10;

    /** A document as lists show it. */
    public record Attachment(long id, String fileName, String contentType, long sizeBytes, boolean publishable, Instant createdAt) {
    }

    /** What a download sends: the stored name and type, and the bytes. */
    public record Download(String fileName, String contentType, InputStream content) {
    }

    private final JdbcClient jdbc;
    private final InformationRequests requests;
    private final InformationGuard guard;
    private final FileStore files;
    private final Clock clock;

    Attachments(JdbcClient jdbc, InformationRequests requests, InformationGuard guard, FileStore files, Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.guard = guard;
        this.files = files;
        this.clock = clock;
    }

    /**
     * The problem with an uploaded file as a message key, or empty when acceptable: too large, not a PDF, PNG or JPEG by
     * its content, or named with the extension of another type (a "report.pdf" that is a picture is refused, not renamed).
     */
    public static Optional<String> problem(MultipartFile file) {
        Optional<String> problem = Upload.check(file);
        if (problem.isPresent() || file == null || file.isEmpty()) {
            return problem;
        }
        return Upload.nameMatches(file) ? Optional.empty() : Optional.of("information.admin.files.mismatch");
    }

    /** The files actually sent (browsers send one empty part for an untouched file input). */
    public static List<MultipartFile> sent(List<MultipartFile> parts) {
        return parts == null ? List.of() : parts.stream().filter(f -> f != null && !f.isEmpty()).toList();
    }

    /** Checks every file into {@code check} under {@code field}: the first problem found, and the number of files. */
    public static void check(Check check, String field, List<MultipartFile> parts) {
        List<MultipartFile> sent = sent(parts);
        check.when(sent.size() > MAX_FILES, field, "information.admin.files.too-many");
        for (MultipartFile f : sent) {
            problem(f).ifPresent(key -> check.reject(field, key));
        }
    }

    @Transactional(readOnly = true)
    public List<Attachment> list(InformationRequest r) {
        return jdbc.sql("select id, file_name, content_type, size_bytes, publishable, created_at from info_attachment"
                + " where request_id = ? and collectivity_id = ? order by created_at, id")
                .params(r.id(), r.collectivityId())
                .query((rs, i) -> new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getLong("size_bytes"), rs.getBoolean("publishable"), Sql.instant(rs, "created_at")))
                .list();
    }

    /** Officers add documents to a request; all are stored or none (the files written are removed on failure). */
    public void add(Collectivity c, String trackingNumber, AccountUser officer, List<MultipartFile> parts, boolean publishable) {
        InformationRequest r = requests.forOfficer(c, trackingNumber, officer);
        Check check = new Check();
        check.when(sent(parts).isEmpty(), "files", "validation.required");
        check(check, "files", parts);
        check.orThrow();
        store(r, officer, parts, publishable);
    }

    /**
     * A full or partial answer with its documents, in one transaction: a bad file, a refused transition or a failure
     * while storing leaves the request open and no document behind.
     */
    public void answer(Collectivity c, String trackingNumber, AccountUser officer, AnswerKind kind, String text, List<MultipartFile> parts,
            boolean publishable) {
        guard.requireOfficer(officer, c);
        Check check = new Check().required("kind", kind).text("text", text, true, InformationRequests.TEXT_MAX);
        check(check, "files", parts);
        check.orThrow();
        requests.answer(c, trackingNumber, officer, kind, text);
        store(requests.forOfficer(c, trackingNumber, officer), officer, parts, publishable);
    }

    private void store(InformationRequest r, AccountUser officer, List<MultipartFile> parts, boolean wanted) {
        // A document added after publication waits for the next publication review before it can be public.
        boolean publishable = wanted && r.publishedAt() == null;
        List<String> written = new ArrayList<>();
        try {
            for (MultipartFile part : sent(parts)) {
                Upload upload = Upload.of(part);
                String key = files.put(new ByteArrayInputStream(upload.content()), upload.name(), upload.type().contentType);
                written.add(key);
                ma.opencommune.platform.storage.FileCleanup.discardOnRollback(files, key);
                jdbc.sql("insert into info_attachment (request_id, collectivity_id, storage_key, file_name, content_type, size_bytes,"
                        + " publishable, created_by, created_at) values (?,?,?,?,?,?,?,?,?)")
                        .params(r.id(), r.collectivityId(), key, upload.name(), upload.type().contentType, (long) upload.content().length,
                                publishable, officer.id(), Sql.now(clock))
                        .update();
            }
        } catch (IOException | RuntimeException e) {
            written.forEach(this::discard);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void discard(String key) {
        try {
            files.delete(key);
        } catch (IOException ignored) {
            // an orphan file costs disk space only; nothing refers to it
        }
    }

    /** The name the public sees for a published document: the request and the document's number, never the uploaded name. */
    public static String publicName(String trackingNumber, long attachmentId, String contentType) {
        String extension = Upload.FileType.ofContentType(contentType).map(t -> t.extension).orElse("bin");
        return trackingNumber + "-" + attachmentId + "." + extension;
    }

    /**
     * Officers say whether a document may go out with the published answer (PDP-2: only without personal data). Once
     * the answer is published, what is public changes only through the publication review (withdraw, then publish).
     */
    public void publishable(Collectivity c, String trackingNumber, AccountUser officer, long attachmentId, boolean publishable) {
        InformationRequest r = requests.forOfficer(c, trackingNumber, officer);
        if (r.publishedAt() != null) {
            throw new ma.opencommune.platform.ConflictException("information.conflict.published-documents");
        }
        int updated = jdbc.sql("update info_attachment set publishable = ? where id = ? and request_id = ? and collectivity_id = ?")
                .params(publishable, attachmentId, r.id(), c.id()).update();
        if (updated != 1) {
            throw new NotFoundException("attachment " + attachmentId);
        }
    }

    /**
     * The document for this person: the requester and the officers always; anyone when the request is published and the
     * document publishable; otherwise not found (nobody learns that it exists).
     */
    @Transactional(readOnly = true)
    public Download download(Collectivity c, String trackingNumber, long attachmentId, AccountUser user) {
        record Found(long requestId, Long requesterId, Instant publishedAt, String key, String name, String type, boolean publishable) {
        }
        Found f = jdbc.sql("select r.id, r.requester_id, r.published_at, a.storage_key, a.file_name, a.content_type, a.publishable"
                + " from info_attachment a join info_request r on r.id = a.request_id"
                + " where a.id = ? and a.collectivity_id = ? and r.collectivity_id = ? and r.tracking_number = ?")
                .params(attachmentId, c.id(), c.id(), trackingNumber)
                .query((rs, i) -> new Found(rs.getLong(1), (Long) rs.getObject(2, Long.class), Sql.instant(rs, 3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)))
                .optional().orElseThrow(() -> new NotFoundException("attachment " + attachmentId));
        boolean requester = user != null && f.requesterId() != null && f.requesterId() == user.id();
        boolean insider = requester || guard.isOfficer(user, c);
        if (!insider && !(f.publishedAt() != null && f.publishable())) {
            throw new NotFoundException("attachment " + attachmentId);
        }
        try {
            InputStream content = files.open(f.key()).orElseThrow(() -> new NotFoundException("attachment file " + attachmentId));
            // PDP-2: a file name may carry a name ("reponse_Alaoui.pdf"); the public gets a neutral one.
            return new Download(insider ? f.name() : publicName(trackingNumber, attachmentId, f.type()), f.type(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
