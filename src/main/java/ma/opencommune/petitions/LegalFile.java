package ma.opencommune.petitions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.platform.Auditable;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The legal file of a petition (issue point 7): the list of its signatories, names and identity numbers in clear, for
 * the bureau's examination (PET-6), downloaded by the council secretaries and staff administrators of that collectivity
 * only (PDP-2) as CSV or PDF. A petition may have a hundred thousand signatures: the rows are streamed from the database
 * (a cursor with a fetch size, one row decrypted at a time) straight into the renderer, never held together in memory.
 * Every download, finished or interrupted, is written to the action log with who, which petition, the format and the
 * number of rows, never a signatory.
 */
@Service
public class LegalFile {

    /** Rows the database hands over at a time: the memory a download holds, whatever the petition's size. */
    static final int FETCH_SIZE = 500;

    /** The formats of the file. */
    public enum Format {
        CSV, PDF;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a signature was given. */
    public enum Source { ONLINE, PAPER }

    /** What the file says about the petition before its rows. */
    public record Header(Collectivity collectivity, long petitionId, String title, PetitionStatus status, long online, long paper,
            LocalDate today) {

        public long total() {
            return online + paper;
        }
    }

    /** One signatory, numbered in the order of signing. Empty texts where an old row kept no name or number. */
    public record Signatory(long number, String fullName, String cin, SignatureBasis basis, Source source, Instant signedAt) {
    }

    /** Takes the rows one by one as they are read. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Signatory signatory) throws IOException;
    }

    /** The rows of the file: each call reads them again, in order, one at a time. */
    @FunctionalInterface
    public interface Rows {
        void forEach(RowSink sink) throws IOException;
    }

    /** Writes the file in one format (the module's internal CSV and PDF writers). */
    public interface Renderer {
        Format format();

        void render(Header header, Lang lang, Rows rows, OutputStream out) throws IOException;
    }

    /** A download of the legal file, for the action log. */
    public record Downloaded(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long petitionId, Format format,
            long rows, boolean complete) implements Auditable {

        public String action() {
            return "petitions.legal-file-" + format.code();
        }

        public String summary() {
            return "petition " + petitionId + ": list of signatories downloaded as " + format.name() + ", " + rows + " rows"
                    + (complete ? "" : " (interrupted)");
        }
    }

    private final JdbcTemplate streaming;
    private final JdbcClient jdbc;
    private final TransactionTemplate reading;
    private final TransactionTemplate logging;
    private final PetitionWorkspace workspace;
    private final PetitionStore store;
    private final PersonalNumbers numbers;
    private final List<Renderer> renderers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LegalFile(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions, PetitionWorkspace workspace,
            PetitionStore store, PersonalNumbers numbers, List<Renderer> renderers, ApplicationEventPublisher events, Clock clock) {
        this.streaming = new JdbcTemplate(dataSource);
        // PostgreSQL reads through a cursor only with a fetch size, inside a transaction; H2 spills large results to disk.
        this.streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = jdbc;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.logging = new TransactionTemplate(transactions);
        this.workspace = workspace;
        this.store = store;
        this.numbers = numbers;
        this.renderers = List.copyOf(renderers);
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks that {@code staff} may have the file and reads its header, before anything is written: a refusal is still
     * a clean 403 or 404 page. Not for drafts (their agent's alone); any petition past them, with or without signatures.
     */
    public Header prepare(Collectivity c, long id, AccountUser staff) {
        return reading.execute(status -> {
            Petition p = workspace.staffPetition(c, staff, id);
            String title = jdbc.sql("select title from petition where id = ? and collectivity_id = ?").params(id, c.id())
                    .query(String.class).single();
            long[] counts = store.signatures(id);
            return new Header(c, id, title, p.status(), counts[0], counts[1], workspace.today());
        });
    }

    /**
     * Streams the file into {@code out} and logs the download, also when it breaks off (the reader left): what was sent
     * is on record. Returns the rows written.
     */
    public long write(Header header, Format format, Lang lang, AccountUser staff, OutputStream out) throws IOException {
        Renderer renderer = renderers.stream().filter(r -> r.format() == format).findFirst()
                .orElseThrow(() -> new IllegalStateException("no renderer for " + format));
        long[] written = {0};
        boolean complete = false;
        try {
            renderer.render(header, lang, sink -> stream(header, signatory -> {
                written[0]++;
                sink.accept(signatory);
            }), out);
            complete = true;
        } finally {
            boolean done = complete;
            // Its own transaction: the log entry is published on commit, whatever became of the download.
            logging.executeWithoutResult(status -> events.publishEvent(new Downloaded(UUID.randomUUID(), Instant.now(clock),
                    header.collectivity().id(), staff.id(), header.petitionId(), format, written[0], done)));
        }
        return written[0];
    }

    /** Reads the signatures in the order they were given, one decrypted row at a time. */
    private void stream(Header header, RowSink sink) throws IOException {
        try {
            reading.executeWithoutResult(status -> {
                long[] number = {0};
                streaming.query("""
                        select full_name_cipher, cin_cipher, basis, source, signed_at from petition_signature
                        where petition_id = ? and collectivity_id = ? order by signed_at, id""",
                        rs -> {
                            Signatory s = new Signatory(++number[0], open(rs.getString(1)), open(rs.getString(2)),
                                    SignatureBasis.valueOf(rs.getString(3)), Source.valueOf(rs.getString(4)), Sql.instant(rs, 5));
                            try {
                                sink.accept(s);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }, header.petitionId(), header.collectivity().id());
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private String open(String cipher) {
        return cipher == null ? "" : numbers.open(cipher);
    }
}
