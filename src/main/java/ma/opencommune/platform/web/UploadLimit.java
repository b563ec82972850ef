package ma.opencommune.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A file above the servlet's multipart limit never reaches a controller (the request cannot be parsed). Instead
 * of a stack trace, a page form is shown again with a flash attribute {@code uploadError} holding the message
 * key; form pages with an upload field show it in their error summary. Other requests get a plain 413.
 */
@ControllerAdvice
class UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/")) {
            ModelAndView refused = new ModelAndView("error/409", HttpStatus.PAYLOAD_TOO_LARGE);
            refused.addObject("reason", "validation.file.too-large");
            return refused;
        }
        RequestContextUtils.getOutputFlashMap(request).put("uploadError", "validation.file.too-large");
        RedirectView back = new RedirectView(path, true);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(back);
    }
}
