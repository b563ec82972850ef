package ma.opencommune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Fixed windows per key: the limit's attempt passes, the next one waits for the next window. */
class RateLimiterTests {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now.get(); }
    };

    @Test
    void theLimitsAttemptPassesTheNextIsRefusedUntilTheWindowEndsAndOtherKeysAreUntouched() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(10), 100, clock);
        limiter.acquire("a");
        limiter.acquire("a");
        now.set(now.get().plusSeconds(60));
        limiter.acquire("a");
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(TooManyRequests.class)
                .satisfies(e -> assertThat(((TooManyRequests) e).retryAfterSeconds()).isEqualTo(540));
        limiter.acquire("b");
        now.set(Instant.parse("2026-12-01T10:09:59Z"));
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(TooManyRequests.class);
        now.set(Instant.parse("2026-12-01T10:10:00Z"));
        limiter.acquire("a");
    }

    @Test
    void manyKeysNeverGrowTheMemoryPastItsBound() throws Exception {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), 10, clock);
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("address-" + i);
        }
        java.lang.reflect.Field f = RateLimiter.class.getDeclaredField("windows");
        f.setAccessible(true);
        assertThat(((java.util.Map<?, ?>) f.get(limiter)).size()).isLessThanOrEqualTo(11);
    }
}
