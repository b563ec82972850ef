package ma.opencommune.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error ends here: API paths get an RFC 9457 problem detail, pages get a page in the visitor's
 * language (taken from the URL that failed). Never a stack trace.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final MessageSource messages;

    ErrorPageController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, Model model, Locale locale) {
        HttpStatus status = status(request);
        String path = LayoutAdvice.currentPath(request);
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatus(status);
            problem.setTitle(messages.getMessage("error." + view(status) + ".title", null, status.getReasonPhrase(), locale));
            problem.setDetail(messages.getMessage("error." + view(status) + ".text", null, null, locale));
            problem.setInstance(URI.create(path));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        model.addAttribute("status", status.value());
        return new org.springframework.web.servlet.ModelAndView("error/" + view(status), model.asMap(), status);
    }

    private static String view(HttpStatus status) {
        return switch (status.value()) {
            case 403, 404, 429 -> String.valueOf(status.value());
            case 400, 405, 409, 413, 415 -> "400";
            default -> status.is4xxClientError() ? "400" : "500";
        };
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer i) {
            HttpStatus resolved = HttpStatus.resolve(i);
            if (resolved != null) {
                return resolved;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
