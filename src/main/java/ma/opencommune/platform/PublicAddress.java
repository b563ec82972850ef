package ma.opencommune.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's public address ({@code opencommune.base-url}) without a trailing slash, for the absolute links that
 * leave the browser: mails, feeds, calendars and API answers.
 */
@Component
public class PublicAddress {

    private final String base;

    public PublicAddress(@Value("${opencommune.base-url}") String baseUrl) {
        String b = baseUrl.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        this.base = b;
    }

    /** The address without a trailing slash, e.g. {@code https://opencommune.ma}. */
    public String base() {
        return base;
    }
}
