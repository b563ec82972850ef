package ma.opencommune.network.web;

import jakarta.servlet.http.HttpServletRequest;
import ma.opencommune.platform.Lang;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A malformed or future period on an index page: a 400 page saying which periods exist, with a way back. Forwarded to
 * a page of its own so that it gets the layout's model like any page.
 */
@ControllerAdvice(assignableTypes = {IndexPagesController.class, IndexCompareController.class})
class IndexPageErrors {

    @ExceptionHandler(IndexReader.BadPeriod.class)
    String badPeriod(HttpServletRequest request) {
        Lang lang = Lang.fromPath(request.getRequestURI()).orElse(Lang.AR);
        return "forward:/" + lang.code() + "/network/index/period-error";
    }
}
