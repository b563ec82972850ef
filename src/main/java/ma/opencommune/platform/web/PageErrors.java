package ma.opencommune.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import ma.opencommune.platform.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused state transition on an HTML page (e.g. supporting twice with two tabs open) answers 409 with the
 * reason in the reader's language and a way back, instead of a generic error.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final LayoutAdvice layout;

    PageErrors(LayoutAdvice layout) {
        this.layout = layout;
    }

    @ExceptionHandler(ma.opencommune.platform.TooManyRequests.class)
    ModelAndView tooMany(ma.opencommune.platform.TooManyRequests e, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        return page("error/429", HttpStatus.TOO_MANY_REQUESTS, request);
    }

    /** An error page with the layout's model: {@code @ModelAttribute} methods do not run for exception handlers. */
    private ModelAndView page(String name, HttpStatus status, HttpServletRequest request) {
        ModelAndView view = new ModelAndView(name, status);
        view.addObject("lang", layout.lang(request));
        view.addObject("demoMode", layout.demoMode());
        view.addObject("langLinks", layout.langLinks(request));
        return view;
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletRequest request) {
        ModelAndView view = page("error/409", HttpStatus.CONFLICT, request);
        view.addObject("reason", e.messageKey());
        String referer = request.getHeader("Referer");
        // Only a link back into this site, never an arbitrary address taken from a header.
        if (referer != null) {
            try {
                java.net.URI uri = java.net.URI.create(referer);
                if (request.getServerName().equalsIgnoreCase(uri.getHost()) && uri.getRawPath() != null && uri.getRawPath().startsWith("/")) {
                    view.addObject("back", uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                }
            } catch (IllegalArgumentException malformed) {
                // no way back offered
            }
        }
        return view;
    }
}
