package ma.opencommune.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** RFC 9457 problem details for every JSON API error, titled in the caller's language (Accept-Language). */
@org.springframework.core.annotation.Order(0)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(HttpServletRequest request, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "404", null, request, locale, null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(HttpServletRequest request, Locale locale) {
        return problem(HttpStatus.FORBIDDEN, "403", null, request, locale, null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request, Locale locale) {
        return problem(HttpStatus.CONFLICT, "409", e.messageKey(), request, locale, null);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request, Locale locale) {
        return problem(HttpStatus.BAD_REQUEST, "400", null, request, locale, null);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalid(BindException e, HttpServletRequest request, Locale locale) {
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", messages.getMessage(f, locale))).toList();
        return problem(HttpStatus.BAD_REQUEST, "400", null, request, locale, errors);
    }

    @ExceptionHandler(ma.opencommune.platform.InvalidInput.class)
    ResponseEntity<ProblemDetail> invalidInput(ma.opencommune.platform.InvalidInput e, HttpServletRequest request, Locale locale) {
        List<Map<String, String>> errors = e.errors().entrySet().stream()
                .map(f -> Map.of("field", f.getKey(), "message", messages.getMessage(f.getValue(), null, f.getValue(), locale))).toList();
        return problem(HttpStatus.BAD_REQUEST, "400", null, request, locale, errors);
    }

    @ExceptionHandler(ma.opencommune.platform.TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(ma.opencommune.platform.TooManyRequests e, HttpServletRequest request, Locale locale) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.TOO_MANY_REQUESTS, "429", null, request, locale, null);
        return ResponseEntity.status(problem.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem.getBody());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e, HttpServletRequest request, Locale locale) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        String detailKey = e.getReason() == null ? null : "problem.param." + e.getReason();
        return problem(status, String.valueOf(status.value()), detailKey, request, locale, null);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detailKey,
            HttpServletRequest request, Locale locale, Object errors) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage("error." + code + ".title", null, status.getReasonPhrase(), locale));
        String detail = detailKey == null ? null : messages.getMessage(detailKey, null, null, locale);
        problem.setDetail(detail != null ? detail : messages.getMessage("error." + code + ".text", null, null, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
