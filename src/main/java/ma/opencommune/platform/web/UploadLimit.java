package ma.opencommune.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Second line of defence: the application itself refuses documents above 10 MB with a form error, and the servlet
 * limit sits well above that. When Spring reports a body above the servlet limit (a parse it attempts itself), the
 * request never reaches a controller (the request cannot be parsed). Instead
 * of a stack trace, the person is sent back (303) to the form with {@code ?upload=too-large}; form pages with an
 * upload field show it in their error summary. API requests get a 413.
 */
@ControllerAdvice
class UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.substring(request.getContextPath().length()).startsWith("/api/")) {
            ModelAndView refused = new ModelAndView("error/409", HttpStatus.PAYLOAD_TOO_LARGE);
            refused.addObject("reason", "validation.file.too-large");
            return refused;
        }
        // The request body could not be read, so neither could its session-bound flash data be trusted: the form
        // learns what happened from the address.
        RedirectView back = new RedirectView(path + "?upload=too-large", false);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(back);
    }
}
