package ma.opencommune.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import ma.opencommune.platform.Lang;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language is part of every page URL ({@code /fr/...}); error pages take it from the URL that failed, and
 * anything else (the API, unknown prefixes) from Accept-Language, Arabic by default.
 */
class PathLocaleResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolveLang(request).locale();
    }

    static Lang resolveLang(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return Lang.fromPath(path).orElseGet(() -> Lang.fromAcceptLanguage(request.getHeader("Accept-Language")));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen by the URL");
    }
}
