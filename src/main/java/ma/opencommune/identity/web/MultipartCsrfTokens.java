package ma.opencommune.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * The form token of an upload form is read from its address ({@code ?_csrf=}, which those forms carry), never by
 * parsing its body: reading the body here would make the servlet container refuse a file above its limit with a bare
 * 413 before any controller runs, and the person would lose the form. Read from the address, the upload reaches
 * Spring's multipart handling, whose refusal brings the person back to the form that says why (UploadLimit). A
 * multipart form without the token in its address is checked from its body as before.
 */
class MultipartCsrfTokens implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        tokens.handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            String fromAddress = fromQuery(request.getQueryString(), csrfToken.getParameterName());
            if (fromAddress != null) {
                return tokens.resolveCsrfTokenValue(new AddressOnly(request, csrfToken.getParameterName(), fromAddress), csrfToken);
            }
        }
        return tokens.resolveCsrfTokenValue(request, csrfToken);
    }

    static String fromQuery(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Answers the token's parameter from the address, and never touches the body. */
    private static final class AddressOnly extends HttpServletRequestWrapper {

        private final String name;
        private final String value;

        AddressOnly(HttpServletRequest request, String name, String value) {
            super(request);
            this.name = name;
            this.value = value;
        }

        @Override
        public String getParameter(String parameter) {
            return name.equals(parameter) ? value : null;
        }
    }
}
