package ma.opencommune.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Accept-Encoding headers get a kept page gzipped as it is. */
class AcceptEncodingTests {

    @Test
    void gzipIsSentOnlyWhenAskedForWithoutAZeroWeight() {
        for (String yes : List.of("gzip", "br, gzip", "GZIP ; q=0.5", "deflate, gzip;q=1.0", "gzip;q=0.001")) {
            assertThat(AnonymousPageCache.acceptsGzip(yes)).as(yes).isTrue();
        }
        for (String no : List.of("", "deflate, br", "gzip;q=0", "gzip; q=0.000", "x-gzip2", "identity")) {
            assertThat(AnonymousPageCache.acceptsGzip(no)).as(no).isFalse();
        }
    }
}
