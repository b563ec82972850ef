package ma.opencommune.platform.web;

import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.mail.DevMailbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The developer mailbox: the mails the platform sent, readable only while demo data is on. */
@Controller
class DevMailboxController {

    private final DevMailbox mailbox;
    private final DemoMode demo;

    DevMailboxController(DevMailbox mailbox, DemoMode demo) {
        this.mailbox = mailbox;
        this.demo = demo;
    }

    @GetMapping(Lang.PATH + "/dev/mailbox")
    String mailbox(@RequestParam(required = false) String to, Model model) {
        if (!demo.enabled()) {
            throw new NotFoundException("mailbox");
        }
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("mails", mailbox.latest(to, 50));
        return "platform/mailbox";
    }
}
