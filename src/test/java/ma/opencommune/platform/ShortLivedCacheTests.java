package ma.opencommune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ShortLivedCacheTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger loads = new AtomicInteger();

    private String load() {
        return "v" + loads.incrementAndGet();
    }

    @Test
    void aValueIsKeptUntilItIsMaxAgeOldThenLoadedAgain() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ofSeconds(5), 100, now::get);
        assertThat(cache.get("k", this::load)).isEqualTo("v1");
        now.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(cache.get("k", this::load)).isEqualTo("v1");
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.get("k", this::load)).isEqualTo("v2");
        assertThat(cache.get("other", this::load)).isEqualTo("v3");
        assertThat(loads).hasValue(3);
    }

    @Test
    void aLoadOverlappingAClearIsHandedOutButNotKept() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ofSeconds(5), 100, now::get);
        assertThat(cache.get("k", () -> {
            cache.clear(); // the data changed while this value was being read
            return load();
        })).isEqualTo("v1");
        assertThat(cache.get("k", this::load)).isEqualTo("v2");
        assertThat(cache.get("k", this::load)).isEqualTo("v2");
    }

    @Test
    void zeroMaxAgeLoadsEveryTime() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ZERO, 100, now::get);
        cache.get("k", this::load);
        cache.get("k", this::load);
        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFailedLoadIsNotKept() {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ofSeconds(5), 100, now::get);
        assertThatThrownBy(() -> cache.get("k", () -> {
            throw new IllegalStateException("database down");
        })).hasMessage("database down");
        assertThat(cache.get("k", this::load)).isEqualTo("v1");
    }

    @Test
    void pastMaxEntriesTheOldestHalfIsDropped() {
        ShortLivedCache<Integer, String> cache = new ShortLivedCache<>(Duration.ofSeconds(5), 4, now::get);
        for (int i = 0; i < 4; i++) {
            cache.get(i, this::load);
            now.addAndGet(1);
        }
        cache.get(99, this::load);
        assertThat(cache.size()).isEqualTo(3);
        cache.get(3, this::load);
        assertThat(loads).as("the newest key was kept").hasValue(5);
        cache.get(0, this::load);
        assertThat(loads).as("the oldest key was dropped").hasValue(6);
    }

    @Test
    void concurrentCallersOfOneKeyLoadItOnceAndWhileItReloadsGetThePreviousValue() throws Exception {
        ShortLivedCache<String, String> cache = new ShortLivedCache<>(Duration.ofSeconds(5), 100, now::get);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> first = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                first.add(pool.submit(() -> cache.get("k", () -> {
                    await(release);
                    return load();
                })));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<String> f : first) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("v1");
            }
            assertThat(loads).hasValue(1);

            now.addAndGet(Duration.ofSeconds(6).toNanos());
            CountDownLatch reloading = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            Future<String> loader = pool.submit(() -> cache.get("k", () -> {
                reloading.countDown();
                await(finish);
                return load();
            }));
            assertThat(reloading.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(cache.get("k", this::load)).as("served the previous value while another loads").isEqualTo("v1");
            finish.countDown();
            assertThat(loader.get(5, TimeUnit.SECONDS)).isEqualTo("v2");
            assertThat(cache.get("k", this::load)).isEqualTo("v2");
            assertThat(loads).hasValue(2);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
