package ma.opencommune.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts attempts per key (an account, an address) in fixed windows kept in this node's memory: a key allows
 * {@code limit} attempts per window. No database write per attempt, so limiting costs nothing at thousands of
 * requests a second; with several nodes each counts its own share. Memory is bounded: past {@code maxKeys} keys, the
 * windows that ended are dropped, and if all are current the oldest state is dropped whole (the limiter then forgets
 * rather than refusing everyone).
 */
public final class RateLimiter {

    private record Window(long start, AtomicInteger count) {
    }

    private final int limit;
    private final long windowMillis;
    private final int maxKeys;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, int maxKeys, Clock clock) {
        if (limit < 1 || window.isZero() || window.isNegative() || maxKeys < 1) {
            throw new IllegalArgumentException("limit, window and maxKeys must be positive");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Counts an attempt for {@code key}; refused with {@link TooManyRequests} once the window's attempts pass the limit. */
    public void acquire(String key) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        Window w = windows.compute(key, (k, old) -> old == null || old.start() != start ? new Window(start, new AtomicInteger()) : old);
        if (w.count().incrementAndGet() > limit) {
            throw new TooManyRequests((start + windowMillis - now + 999) / 1000);
        }
        if (windows.size() > maxKeys) {
            windows.values().removeIf(old -> old.start() != start);
            if (windows.size() > maxKeys) {
                windows.clear();
            }
        }
    }
}
