package ma.opencommune.platform.web;

import ma.opencommune.platform.Lang;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Static statements every public-sector site owes its users. */
@Controller
class InfoPagesController {

    @GetMapping(Lang.PATH + "/accessibility")
    String accessibility() {
        return "platform/accessibility";
    }

    @GetMapping(Lang.PATH + "/privacy")
    String privacy() {
        return "platform/privacy";
    }
}
