package ma.opencommune.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Lang;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the shared layout needs (language, direction, language switch links) into every page's model. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAdvice {

    /** One entry of the language switch: the same page in another language. */
    public record LangLink(String code, String nativeName, String href, boolean current) {
    }

    private static final List<String> NATIVE_NAMES = List.of("العربية", "Français", "ⵜⴰⵎⴰⵣⵉⵖⵜ", "English");

    private final DemoMode demo;

    LayoutAdvice(DemoMode demo) {
        this.demo = demo;
    }

    @ModelAttribute("lang")
    Lang lang(HttpServletRequest request) {
        return PathLocaleResolver.resolveLang(request);
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo.enabled();
    }

    @ModelAttribute("langLinks")
    List<LangLink> langLinks(HttpServletRequest request) {
        Lang current = PathLocaleResolver.resolveLang(request);
        String path = currentPath(request);
        String rest = Lang.fromPath(path).map(l -> path.substring(1 + l.code().length())).orElse("/");
        if (rest.isEmpty()) {
            rest = "/";
        }
        String query = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null ? request.getQueryString() : null;
        String suffix = rest + (query == null || query.isBlank() ? "" : "?" + query);
        Lang[] langs = Lang.values();
        return Arrays.stream(langs)
                .map(l -> new LangLink(l.code(), NATIVE_NAMES.get(l.ordinal()), "/" + l.code() + suffix, l == current))
                .toList();
    }

    /** The path of this page (for an error page, the path that failed), without the context path. */
    static String currentPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && uri.startsWith(context)) {
            uri = uri.substring(context.length());
        }
        return uri;
    }
}
