package ma.opencommune.platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps values that may lag for a few seconds (public figures, first pages of busy lists) in this node's memory, so
 * that a burst of views of the same page computes them once. DESIGN.md allows it: every node computes its own copy
 * from the database, and a change shows everywhere within {@code maxAge}. A zero {@code maxAge} turns it off.
 *
 * <p>One caller per key loads at a time; while a newer value is loading, the others get the previous one (if it is
 * not much older than {@code maxAge}) rather than wait. A failed load is not kept. The number of keys is bounded: past
 * {@code maxEntries} the oldest half is dropped.
 */
public final class ShortLivedCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    /** While a newer value loads, a kept value up to this many times {@code maxAge} old is served instead of waiting. */
    private static final int STALE_FACTOR = 3;

    private final long maxAgeNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, CompletableFuture<V>> loading = new ConcurrentHashMap<>();
    /** Moves on at each {@link #clear()}: a load that started before is handed out but not kept. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    public ShortLivedCache(Duration maxAge, int maxEntries) {
        this(maxAge, maxEntries, System::nanoTime);
    }

    /** With a clock of its own, for tests. */
    public ShortLivedCache(Duration maxAge, int maxEntries, LongSupplier nanoTime) {
        if (maxAge.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("maxAge must not be negative and maxEntries must be positive");
        }
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The value of {@code key}: the kept one while it is younger than {@code maxAge}, else a fresh one from {@code loader}. */
    public V get(K key, Supplier<V> loader) {
        if (maxAgeNanos == 0) {
            return loader.get();
        }
        Entry<V> kept = entries.get(key);
        long age = kept == null ? Long.MAX_VALUE : nanoTime.getAsLong() - kept.loadedAt();
        if (age < maxAgeNanos) {
            return kept.value();
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return age < STALE_FACTOR * maxAgeNanos ? kept.value() : join(running);
        }
        try {
            long started = nanoTime.getAsLong();
            long generationAtStart = generation.get();
            V value = loader.get();
            if (entries.size() >= maxEntries) {
                dropOldestHalf();
            }
            // Aged from when the load started: a value read from the database is never kept longer than maxAge.
            if (generation.get() == generationAtStart) {
                entries.put(key, new Entry<>(value, started));
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    /** The kept value of {@code key} if it is younger than {@code maxAge}, else null (nothing is loaded). */
    public V peek(K key) {
        Entry<V> kept = maxAgeNanos == 0 ? null : entries.get(key);
        return kept != null && nanoTime.getAsLong() - kept.loadedAt() < maxAgeNanos ? kept.value() : null;
    }

    /** Keeps {@code value} for {@code key} from now on (a no-op when the cache is off). */
    public void put(K key, V value) {
        if (maxAgeNanos == 0) {
            return;
        }
        if (entries.size() >= maxEntries) {
            dropOldestHalf();
        }
        entries.put(key, new Entry<>(value, nanoTime.getAsLong()));
    }

    /** Whether values are kept at all ({@code maxAge} above zero). */
    public boolean enabled() {
        return maxAgeNanos > 0;
    }

    /** Forgets every kept value (after a change that must show at once on this node). */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** How many values are kept. */
    public int size() {
        return entries.size();
    }

    private void dropOldestHalf() {
        long[] ages = entries.values().stream().mapToLong(Entry::loadedAt).sorted().toArray();
        if (ages.length == 0) {
            return;
        }
        long cutoff = ages[Math.max(0, ages.length / 2 - 1)];
        entries.values().removeIf(e -> e.loadedAt() <= cutoff);
    }

    private static <V> V join(CompletableFuture<V> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
