package ma.opencommune.petitions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.storage.FileCleanup;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The side of the agent of a citizens' petition (PET-3) or of an association's legal representative (PET-4): their
 * own petitions, drafts included; a draft and the association's documents saved together or not at all (a file that
 * is too large, of another type or lying about its type refuses the whole draft); the documents, which only the agent
 * downloads here; opening and filing. Anyone else asking about another person's petition gets a 404, as if it did not
 * exist: a draft is private.
 */
@Service
@Transactional
public class AgentPetitions {

    /** At most this many documents with one association's petition. */
    public static final int MAX_DOCUMENTS = 10;
    /** A person is the agent of a handful of petitions; more than this are not listed at once. */
    static final int MINE_LIMIT = 100;

    /** One of the agent's petitions, as their list shows it. */
    public record Mine(long id, String title, String lang, PetitionKind kind, PetitionStatus status, Instant createdAt) {
    }

    /** A document of an association's petition (PET-4). */
    public record Document(long id, String fileName, String contentType, long sizeBytes, Instant createdAt) {
    }

    /** What a download sends: the stored name and type, and the bytes. */
    public record Download(String fileName, String contentType, InputStream content) {
    }

    private final JdbcClient jdbc;
    private final Petitions petitions;
    private final FileStore files;
    private final Clock clock;

    AgentPetitions(JdbcClient jdbc, Petitions petitions, FileStore files, Clock clock) {
        this.jdbc = jdbc;
        this.petitions = petitions;
        this.files = files;
        this.clock = clock;
    }

    /** The petitions this person is the agent of in this collectivity, newest first, drafts included. */
    @Transactional(readOnly = true)
    public List<Mine> mine(Collectivity c, AccountUser agent) {
        return jdbc.sql("select id, title, lang, kind, status, created_at from petition where collectivity_id = ? and agent_id = ?"
                + " order by id desc limit ?")
                .params(c.id(), agent.id(), MINE_LIMIT)
                .query((rs, i) -> new Mine(rs.getLong(1), rs.getString(2), rs.getString(3), PetitionKind.valueOf(rs.getString(4)),
                        PetitionStatus.valueOf(rs.getString(5)), Sql.instant(rs, 6)))
                .list();
    }

    /** The petition, for its agent only. */
    @Transactional(readOnly = true)
    public Petition requireAgent(Collectivity c, long id, AccountUser agent) {
        Petition p = petitions.find(c, id);
        if (agent == null || p.agentId() != agent.id()) {
            throw new NotFoundException("petition " + id);
        }
        return p;
    }

    /** What the agent wrote, association details included, to show the draft and fill the edit form. */
    @Transactional(readOnly = true)
    public Petitions.Draft written(Collectivity c, long id, AccountUser agent) {
        return jdbc.sql("""
                select kind, title, object, reasons, requested_action, lang, association_name, association_constituted_on,
                    association_seat, association_field
                from petition where collectivity_id = ? and id = ? and agent_id = ?""")
                .params(c.id(), id, agent == null ? -1 : agent.id())
                .query((rs, i) -> new Petitions.Draft(PetitionKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getString(9), rs.getString(10)))
                .optional().orElseThrow(() -> new NotFoundException("petition " + id));
    }

    /** A new draft and, for an association's petition, its documents (PET-4): every mistake said at once, nothing half-saved. */
    public long draft(Collectivity c, AccountUser agent, Petitions.Draft d, List<MultipartFile> parts, String submissionKey) {
        Map<String, String> problems = ownProblems(d, parts, 0);
        Petitions.Drafted drafted;
        try {
            drafted = petitions.draftOnce(c, agent, d, submissionKey);
        } catch (InvalidInput invalid) {
            throw merged(invalid, problems);
        }
        // The draft row is written in this transaction: refusing now rolls it back.
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        // The same form sent again: its documents came with the first sending.
        if (drafted.created()) {
            store(c, drafted.id(), agent, parts);
        }
        return drafted.id();
    }

    /**
     * The agent rewrites their draft, adding documents; a draft that becomes a citizens' petition loses the association's
     * documents (they are no longer asked for and would be kept for nothing, PDP-1).
     */
    public void edit(Collectivity c, long id, AccountUser agent, Petitions.Draft d, List<MultipartFile> parts) {
        requireAgent(c, id, agent);
        Map<String, String> problems = ownProblems(d, parts, documentCount(id));
        try {
            petitions.edit(c, id, agent, d);
        } catch (InvalidInput invalid) {
            throw merged(invalid, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (d.kind() == PetitionKind.ASSOCIATION) {
            store(c, id, agent, parts);
        } else {
            removeDocuments(id);
        }
    }

    /** The agent opens their citizens' draft for signatures: from then on its text is fixed and public. */
    public Petition open(Collectivity c, long id, AccountUser agent) {
        requireAgent(c, id, agent);
        return petitions.open(c, id, agent);
    }

    /**
     * The agent files the petition with the council (PET-3): a citizens' petition once its threshold is reached; an
     * association's from its draft, with at least one document for staff to check (PET-4).
     */
    public Petition file(Collectivity c, long id, AccountUser agent) {
        requireAgent(c, id, agent);
        return petitions.file(c, id, agent);
    }

    /** The documents of the agent's petition; none for anyone else. */
    @Transactional(readOnly = true)
    public List<Document> documents(Collectivity c, long id, AccountUser agent) {
        if (agent == null) {
            return List.of();
        }
        return jdbc.sql("""
                select d.id, d.file_name, d.content_type, d.size_bytes, d.created_at
                from petition_document d join petition p on p.id = d.petition_id
                where p.collectivity_id = ? and p.id = ? and p.agent_id = ? order by d.id""")
                .params(c.id(), id, agent.id())
                .query((rs, i) -> new Document(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), Sql.instant(rs, 5)))
                .list();
    }

    /** A document of the agent's own petition; for anyone else it does not exist. */
    @Transactional(readOnly = true)
    public Download download(Collectivity c, long id, long documentId, AccountUser agent) {
        record Found(String key, String name, String type) {
        }
        Found f = jdbc.sql("""
                select d.storage_key, d.file_name, d.content_type from petition_document d join petition p on p.id = d.petition_id
                where d.id = ? and d.collectivity_id = ? and p.id = ? and p.collectivity_id = ? and p.agent_id = ?""")
                .params(documentId, c.id(), id, c.id(), agent == null ? -1 : agent.id())
                .query((rs, i) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional().orElseThrow(() -> new NotFoundException("petition document " + documentId));
        try {
            InputStream content = files.open(f.key()).orElseThrow(() -> new NotFoundException("petition document file " + documentId));
            return new Download(f.name(), f.type(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files actually sent (browsers send one empty part for an untouched file input). */
    static List<MultipartFile> sent(List<MultipartFile> parts) {
        return parts == null ? List.of() : parts.stream().filter(f -> f != null && !f.isEmpty()).toList();
    }

    /**
     * What {@link Petitions} does not check: the language of the text is one of the four, and an association's petition
     * carries its documents (PET-4), each a PDF, PNG or JPEG by its content, within the size bound, named for what it is.
     */
    private static Map<String, String> ownProblems(Petitions.Draft d, List<MultipartFile> parts, long kept) {
        Check check = new Check().when(Lang.of(String.valueOf(d.lang())).isEmpty(), "lang", "validation.choose");
        if (d.kind() == PetitionKind.ASSOCIATION) {
            List<MultipartFile> sent = sent(parts);
            check.when(sent.isEmpty() && kept == 0, "documents", "petitions.form.documents.required")
                    .when(kept + sent.size() > MAX_DOCUMENTS, "documents", "petitions.form.documents.too-many");
            for (MultipartFile f : sent) {
                Upload.check(f).ifPresentOrElse(key -> check.reject("documents", key),
                        () -> check.when(!Upload.nameMatches(f), "documents", "petitions.form.documents.mismatch"));
            }
        }
        return check.errors();
    }

    private static InvalidInput merged(InvalidInput invalid, Map<String, String> problems) {
        Map<String, String> all = new LinkedHashMap<>(invalid.errors());
        problems.forEach(all::putIfAbsent);
        return new InvalidInput(all);
    }

    private long documentCount(long petitionId) {
        return jdbc.sql("select count(*) from petition_document where petition_id = ?").param(petitionId).query(Long.class).single();
    }

    private void store(Collectivity c, long petitionId, AccountUser agent, List<MultipartFile> parts) {
        for (MultipartFile part : sent(parts)) {
            Upload upload;
            String key;
            try {
                upload = Upload.of(part);
                key = files.put(new ByteArrayInputStream(upload.content()), upload.name(), upload.type().contentType);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // A later failure rolls the draft back: the file goes with it.
            FileCleanup.discardOnRollback(files, key);
            jdbc.sql("insert into petition_document (petition_id, collectivity_id, storage_key, file_name, content_type, size_bytes,"
                    + " created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(petitionId, c.id(), key, upload.name(), upload.type().contentType, (long) upload.content().length, agent.id(),
                            Sql.now(clock))
                    .update();
        }
    }

    private void removeDocuments(long petitionId) {
        List<String> keys = jdbc.sql("select storage_key from petition_document where petition_id = ?").param(petitionId)
                .query(String.class).list();
        jdbc.sql("delete from petition_document where petition_id = ?").param(petitionId).update();
        keys.forEach(key -> FileCleanup.deleteAfterCommit(files, key));
    }
}
