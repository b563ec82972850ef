package ma.opencommune.platform;

/**
 * A rate limit refused the request: a 429, with the seconds after which a new attempt is counted again (the
 * {@code Retry-After} header on the API, the error page on forms).
 */
public class TooManyRequests extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super("too many requests");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
