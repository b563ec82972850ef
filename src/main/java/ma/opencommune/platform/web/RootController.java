package ma.opencommune.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import ma.opencommune.platform.Lang;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The bare address sends each visitor to the network home in their browser's language. */
@Controller
class RootController {

    @GetMapping("/")
    String root(HttpServletRequest request) {
        Lang lang = Lang.fromAcceptLanguage(request.getHeader("Accept-Language"));
        return "redirect:/" + lang.code() + "/";
    }
}
