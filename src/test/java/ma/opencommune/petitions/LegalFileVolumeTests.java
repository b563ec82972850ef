package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The legal file of a petition of 100,000 signatures streams in bounded memory: the time it takes and the heap it
 * grows by, for CSV and PDF, through the same service the download uses (MockMvc would buffer the response). Slow, so
 * it runs only when asked: {@code -Doc.bench=true}. It prints its figures.
 *
 * <p>Measured on the shared 2-core machine, the whole application, its H2 database and the test in a 192 MB heap
 * ({@code JAVA_TOOL_OPTIONS=-Xmx192m}): CSV of 100,000 rows (10.4 MB) in 0.9 to 1.3 s, live heap grown by at most 3 MB;
 * PDF (about 2,100 A4 pages, 5.5 MB) in 8 s on PostgreSQL and 12 s on H2, live heap grown by at most 6 to 23 MB
 * (the page dictionaries; page contents go to a temporary file).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "oc.bench", matches = "true")
class LegalFileVolumeTests {

    static final int ROWS = 100_000;

    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired Petitions petitions;
    @Autowired PaperSignatures paper;
    @Autowired PersonalNumbers numbers;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;
    @Autowired LegalFile legalFile;

    /** Counts the bytes and throws them away, as a slow client's socket would take them. */
    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    /**
     * Samples the heap while a download runs. The live heap (what each collection left, summed over the pools) is what
     * the download holds; the heap in use also counts garbage not yet collected.
     */
    static final class HeapWatch implements AutoCloseable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakLive = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;
        private final long liveBefore;

        HeapWatch() {
            System.gc();
            liveBefore = live();
            thread = new Thread(() -> {
                while (running) {
                    peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    peakLive.accumulateAndGet(live(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
        }

        private long live() {
            return pools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
        }

        long liveGrownMb() {
            return Math.max(0, peakLive.get() - liveBefore) / (1024 * 1024);
        }

        long peakUsedMb() {
            return peakUsed.get() / (1024 * 1024);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    @Test
    void aHundredThousandSignaturesStreamAsCsvAndPdfInBoundedMemory() throws Exception {
        PetitionAdminFixture fx = new PetitionAdminFixture(jdbc, petitions, paper, numbers, territory, accounts, grants, users);
        Collectivity c = fx.collectivity();
        String secretary = fx.secretary(c);
        long id = fx.open(c, "Volume");
        long start = System.nanoTime();
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            PersonalNumbers.Sealed sealed = numbers.seal("BV" + (1_000_000 + i)).orElseThrow();
            String name = i % 2 == 0 ? "محمد بن عبد الله العلوي " + i : "Fatima-Zahra Aït Ben Haddou " + i;
            batch.add(new Object[] {id, c.id(), sealed.hash(), i % 3 == 0 ? "PAPER" : "ONLINE", numbers.encrypt(name), sealed.cipher(),
                Sql.at(Instant.now())});
            if (batch.size() == 2_000) {
                insert(batch);
            }
        }
        insert(batch);
        System.out.printf("legal file volume: %d rows inserted in %d ms%n", ROWS, (System.nanoTime() - start) / 1_000_000);

        LegalFile.Header header = legalFile.prepare(c, id, fx.user(secretary));
        assertThat(header.total()).isEqualTo(ROWS);
        for (LegalFile.Format format : LegalFile.Format.values()) {
            Counting out = new Counting();
            long t0 = System.nanoTime();
            long rows;
            long grown;
            long used;
            try (HeapWatch watch = new HeapWatch()) {
                rows = legalFile.write(header, format, Lang.AR, fx.user(secretary), out);
                grown = watch.liveGrownMb();
                used = watch.peakUsedMb();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("legal file volume: %s of %d rows, %d bytes, in %d ms; live heap grew by at most %d MB,"
                    + " heap in use at most %d MB (max heap %d MB)%n",
                    format, rows, out.bytes, ms, grown, used, Runtime.getRuntime().maxMemory() / (1024 * 1024));
            assertThat(rows).isEqualTo(ROWS);
            // What the download holds, whatever the rows: far below the 100,000 rows' size in memory.
            assertThat(grown).isLessThan(100);
        }
    }

    private void insert(List<Object[]> batch) {
        template.batchUpdate("""
                insert into petition_signature (petition_id, collectivity_id, cin_hash, source, basis, full_name_cipher, cin_cipher, signed_at)
                values (?, ?, ?, ?, 'RESIDENT', ?, ?, ?)""", batch);
        batch.clear();
    }
}
