package ma.opencommune.petitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One petition as the bureau's staff read it: its texts, the association's declared details and documents (PET-4), the
 * signatures counted online and on paper, and a keyset page of the paper entries with the signatory's name in clear
 * and the identity number masked (PDP-2: names and numbers only on the staff pages of that collectivity). Council
 * secretaries and staff administrators of the collectivity only; a draft or another collectivity's petition is a 404.
 * The page costs the same statements however many signatures the petition has.
 */
@Service
@Transactional(readOnly = true)
public class PetitionDetails {

    /** Paper entries per page. */
    public static final int PAPER_PAGE_SIZE = 50;
    /** Characters of an identity number left visible on the staff page; the rest is masked. */
    static final int CIN_VISIBLE = 3;

    /** PET-4: what the association's legal representative declared; {@code checkedAt} once staff checked it. */
    public record Association(String name, LocalDate constitutedOn, String seat, String field, Instant checkedAt, Long checkedBy) {
    }

    /** A document the association attached (statutes, registration receipt, proof of seat). */
    public record Document(long id, String fileName, String contentType, long sizeBytes, Instant createdAt) {
    }

    /** A signature collected on paper, as staff entered it. */
    public record PaperEntry(long id, String fullName, String maskedCin, SignatureBasis basis, Long enteredBy, Instant enteredAt) {
    }

    /** The paper entries shown, newest first; {@code next} is the cursor of the older page, null on the last one. */
    public record PaperPage(List<PaperEntry> entries, Long next) {
    }

    /** Everything the staff page shows; {@code names} resolves the agent, the checker and who entered each paper entry. */
    public record Details(Petition petition, String title, String object, String reasons, String requestedAction, String lang,
            Association association, List<Document> documents, long online, long paper, PaperPage paperPage, Map<Long, String> names) {

        public long total() {
            return online + paper;
        }
    }

    /** A document to send as a download. */
    public record Download(String fileName, String contentType, long size, InputStream content) {
    }

    private final JdbcClient jdbc;
    private final PetitionWorkspace workspace;
    private final PetitionStore store;
    private final PersonalNumbers numbers;
    private final Accounts accounts;
    private final FileStore files;

    PetitionDetails(JdbcClient jdbc, PetitionWorkspace workspace, PetitionStore store, PersonalNumbers numbers, Accounts accounts,
            FileStore files) {
        this.jdbc = jdbc;
        this.workspace = workspace;
        this.store = store;
        this.numbers = numbers;
        this.accounts = accounts;
        this.files = files;
    }

    /** The petition's staff page, with the paper entries older than {@code paperBefore} (from the newest when null). */
    public Details details(Collectivity c, AccountUser staff, long id, Long paperBefore) {
        Petition p = workspace.staffPetition(c, staff, id);
        record Texts(String title, String object, String reasons, String requestedAction, String lang, Association association) {
        }
        Texts t = jdbc.sql("""
                select title, object, reasons, requested_action, lang, association_name, association_constituted_on, association_seat,
                    association_field, association_checked_by from petition where collectivity_id = ? and id = ?""")
                .params(c.id(), id)
                .query((rs, i) -> new Texts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        p.kind() != PetitionKind.ASSOCIATION ? null : new Association(rs.getString(6), rs.getObject(7, LocalDate.class),
                                rs.getString(8), rs.getString(9), p.associationCheckedAt(), rs.getObject(10, Long.class))))
                .single();
        List<Document> documents = p.kind() != PetitionKind.ASSOCIATION ? List.of() : jdbc.sql("""
                select id, file_name, content_type, size_bytes, created_at from petition_document
                where petition_id = ? and collectivity_id = ? order by id""")
                .params(id, c.id())
                .query((rs, i) -> new Document(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), Sql.instant(rs, 5)))
                .list();
        long[] counts = store.signatures(id);
        PaperPage paper = counts[1] == 0 ? new PaperPage(List.of(), null) : paper(c, id, paperBefore);
        Set<Long> people = new HashSet<>();
        people.add(p.agentId());
        if (t.association() != null && t.association().checkedBy() != null) {
            people.add(t.association().checkedBy());
        }
        paper.entries().stream().map(PaperEntry::enteredBy).filter(java.util.Objects::nonNull).forEach(people::add);
        return new Details(p, t.title(), t.object(), t.reasons(), t.requestedAction(), t.lang(), t.association(), documents, counts[0],
                counts[1], paper, accounts.displayNames(people));
    }

    private PaperPage paper(Collectivity c, long id, Long before) {
        List<PaperEntry> rows = jdbc.sql("""
                select id, full_name_cipher, cin_cipher, basis, entered_by, signed_at from petition_signature
                where petition_id = ? and collectivity_id = ? and source = 'PAPER' and id < ? order by id desc limit ?""")
                .params(id, c.id(), before == null ? Long.MAX_VALUE : before, PAPER_PAGE_SIZE + 1)
                .query((rs, i) -> new PaperEntry(rs.getLong(1), open(rs.getString(2)), masked(open(rs.getString(3))),
                        SignatureBasis.valueOf(rs.getString(4)), rs.getObject(5, Long.class), Sql.instant(rs, 6)))
                .list();
        boolean more = rows.size() > PAPER_PAGE_SIZE;
        List<PaperEntry> shown = more ? rows.subList(0, PAPER_PAGE_SIZE) : rows;
        return new PaperPage(List.copyOf(shown), more ? shown.get(shown.size() - 1).id() : null);
    }

    private String open(String cipher) {
        return cipher == null ? "" : numbers.open(cipher);
    }

    /** PDP-2: the page shows only the last characters of a number, enough to tell two entries apart on the sheet. */
    static String masked(String cin) {
        if (cin == null || cin.isEmpty()) {
            return "";
        }
        int visible = Math.min(CIN_VISIBLE, cin.length() - 1);
        return "•".repeat(cin.length() - visible) + cin.substring(cin.length() - visible);
    }

    /** PET-4: a document of an association's petition, for the bureau's staff only; another petition's id is a 404. */
    public Download document(Collectivity c, AccountUser staff, long id, long documentId) {
        workspace.staffPetition(c, staff, id);
        record Stored(String key, String name, String type, long size) {
        }
        Stored d = jdbc.sql("select storage_key, file_name, content_type, size_bytes from petition_document"
                + " where id = ? and petition_id = ? and collectivity_id = ?")
                .params(documentId, id, c.id())
                .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional().orElseThrow(() -> new NotFoundException("document " + documentId));
        try {
            InputStream content = files.open(d.key()).orElseThrow(() -> new NotFoundException("file of document " + documentId));
            return new Download(d.name(), d.type(), d.size(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
