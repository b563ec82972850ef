package ma.opencommune.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import ma.opencommune.platform.ShortLivedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A micro-cache of public pages for visitors who are not signed in: most visitors of a busy proposal list or statistics
 * page are anonymous and all see the same page, so a rendering is kept for {@code opencommune.public-cache.max-age}
 * (a few seconds, DESIGN.md) on each node and sent again as it was (visitors arriving together while no copy is kept
 * each get a rendering; the last one is kept). Runs after the security filters, so every answer
 * still carries the security headers.
 *
 * <p>Only GET requests from no one signed in, without any cookie or Authorization header, take part (a signed-in person, or anyone holding a
 * session, always gets a freshly rendered page), and only pages whose handler is marked
 * {@link SameForEveryAnonymousVisitor} are kept, when they answered 200 with HTML, created no session and set no
 * cookie. The kept copy is taken while the page streams out, so nothing waits for it.
 *
 * <p>Pages covered by a {@link PageVersion} are kept apart, under their version, until it moves on (at most
 * {@code opencommune.public-cache.versioned-max-age}). Copies are kept gzipped: a browser that accepts gzip (nearly all)
 * is sent the kept bytes as they are, without compressing the page again for every visitor; others get them inflated.
 */
@Component
@Order(0)
public class AnonymousPageCache extends OncePerRequestFilter implements HandlerInterceptor {

    private static final String CAPTURE = AnonymousPageCache.class.getName() + ".capture";
    /** Larger pages are not kept; with {@link #MAX_PAGES} this bounds the memory to 64 MB whatever the addresses asked. */
    private static final int MAX_BYTES = 128 * 1024;
    private static final int MAX_PAGES = 500;
    /** Versioned pages kept, each at most {@link #MAX_VERSIONED_GZIP} gzipped: 64 MB at most as well. */
    private static final int MAX_VERSIONED_PAGES = 4_000;
    private static final int MAX_VERSIONED_GZIP = 16 * 1024;

    /** A kept page, gzipped. */
    private record Page(byte[] gzip, String contentType, String contentLanguage) {
    }

    private final ShortLivedCache<String, Page> pages;
    private final ShortLivedCache<String, Page> versionedPages;
    private final List<PageVersion> versions;

    AnonymousPageCache(@Value("${opencommune.public-cache.max-age:10s}") Duration maxAge,
            @Value("${opencommune.public-cache.versioned-max-age:1h}") Duration versionedMaxAge, List<PageVersion> versions) {
        this.pages = new ShortLivedCache<>(maxAge, MAX_PAGES);
        this.versionedPages = new ShortLivedCache<>(maxAge.isZero() ? Duration.ZERO : versionedMaxAge, MAX_VERSIONED_PAGES);
        this.versions = List.copyOf(versions);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!pages.enabled() || !"GET".equals(request.getMethod()) || request.getHeader("Cookie") != null
                || request.getHeader("Authorization") != null || signedIn()) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI();
        PageVersion version = versions.stream().filter(v -> v.covers(path)).findFirst().orElse(null);
        ShortLivedCache<String, Page> store = version == null ? pages : versionedPages;
        String key = (version == null ? "" : version.current() + " ") + path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Page kept = store.peek(key);
        if (kept != null) {
            send(kept, request, response);
            return;
        }
        Capturing capturing = new Capturing(response, request);
        chain.doFilter(request, capturing);
        capturing.flushWriter();
        byte[] body = capturing.captured();
        String type = capturing.getContentType();
        if (body != null && capturing.getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")
                && capturing.getHeaders("Set-Cookie").isEmpty() && request.getSession(false) == null) {
            byte[] gzip = gzip(body);
            if (version == null || gzip.length <= MAX_VERSIONED_GZIP) {
                store.put(key, new Page(gzip, type, capturing.getHeader("Content-Language")));
            }
        }
    }

    private static void send(Page kept, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(kept.contentType());
        if (kept.contentLanguage() != null) {
            response.setHeader("Content-Language", kept.contentLanguage());
        }
        response.addHeader("Vary", "Accept-Encoding");
        byte[] body = kept.gzip();
        if (acceptsGzip(request)) {
            // Already compressed: Tomcat leaves a response with a Content-Encoding as it is.
            response.setHeader("Content-Encoding", "gzip");
        } else {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        java.util.Enumeration<String> headers = request.getHeaders("Accept-Encoding");
        return headers != null && acceptsGzip(String.join(",", java.util.Collections.list(headers)));
    }

    /** Whether an Accept-Encoding header accepts gzip ("gzip;q=0" refuses it). */
    static boolean acceptsGzip(String acceptEncoding) {
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.strip().split(";");
            if (coding[0].strip().equalsIgnoreCase("gzip")) {
                return coding.length < 2 || !coding[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.toByteArray();
    }

    /** Whether the security filters, which ran before this one, found someone signed in (whatever the means). */
    private static boolean signedIn() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && !(who instanceof AnonymousAuthenticationToken) && who.isAuthenticated();
    }

    /** Marks the request when its handler's page may be kept (runs before the handler writes anything). */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(SameForEveryAnonymousVisitor.class)) {
            request.setAttribute(CAPTURE, Boolean.TRUE);
        }
        return true;
    }

    /** Passes the page through and, when its handler allowed it, keeps a copy of up to {@link #MAX_BYTES}. */
    private static final class Capturing extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private ByteArrayOutputStream copy;
        private boolean overflow;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capturing(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (writer != null) {
                throw new IllegalStateException("getWriter() has already been called");
            }
            return stream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                if (stream != null) {
                    throw new IllegalStateException("getOutputStream() has already been called");
                }
                writer = new PrintWriter(new OutputStreamWriter(stream(), getCharacterEncoding()), false);
            }
            return writer;
        }

        private ServletOutputStream stream() throws IOException {
            if (stream == null) {
                ServletOutputStream real = super.getOutputStream();
                if (request.getAttribute(CAPTURE) == null) {
                    stream = real;
                } else {
                    copy = new ByteArrayOutputStream(32 * 1024);
                    stream = new Tee(real);
                }
            }
            return stream;
        }

        void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            flushWriter();
            super.flushBuffer();
        }

        @Override
        public void resetBuffer() {
            super.resetBuffer();
            if (writer != null) {
                // Characters still buffered in the writer belong to the discarded output: start a new writer.
                writer = new PrintWriter(new OutputStreamWriter(stream, java.nio.charset.Charset.forName(getCharacterEncoding())), false);
            }
            forget();
        }

        @Override
        public void reset() {
            super.reset();
            // After a reset either the stream or the writer may be asked for, as on the container's own response.
            writer = null;
            stream = null;
            forget();
        }

        private void forget() {
            if (copy != null) {
                overflow = true;
            }
        }

        byte[] captured() {
            return copy == null || overflow ? null : copy.toByteArray();
        }

        private void keep(byte[] b, int off, int len) {
            if (copy == null || overflow) {
                return;
            }
            if (copy.size() + len > MAX_BYTES) {
                overflow = true;
                copy = new ByteArrayOutputStream(0);
                return;
            }
            copy.write(b, off, len);
        }

        private final class Tee extends ServletOutputStream {

            private final ServletOutputStream real;

            Tee(ServletOutputStream real) {
                this.real = real;
            }

            @Override
            public void write(int b) throws IOException {
                real.write(b);
                keep(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                real.write(b, off, len);
                keep(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                real.flush();
            }

            @Override
            public void close() throws IOException {
                real.close();
            }

            @Override
            public boolean isReady() {
                return real.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                real.setWriteListener(listener);
            }
        }
    }
}
