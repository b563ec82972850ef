package ma.opencommune.information.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.information.ProactiveRegister;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** ATI-11: the public register of what the collectivity publishes without being asked, by category, late items flagged. */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/information/register")
class RegisterController {

    private final Territory territory;
    private final ProactiveRegister register;

    RegisterController(Territory territory, ProactiveRegister register) {
        this.territory = territory;
        this.register = register;
    }

    @GetMapping
    String register(@PathVariable String slug, Model model) {
        Collectivity c = territory.require(slug);
        model.addAttribute("collectivity", c);
        model.addAttribute("groups", grouped(register.items(c.id())));
        model.addAttribute("today", register.today());
        return "information/register";
    }

    static Map<ProactiveRegister.Category, List<ProactiveRegister.Item>> grouped(List<ProactiveRegister.Item> items) {
        Map<ProactiveRegister.Category, List<ProactiveRegister.Item>> groups = new LinkedHashMap<>();
        for (ProactiveRegister.Category category : ProactiveRegister.Category.values()) {
            List<ProactiveRegister.Item> of = items.stream().filter(i -> i.category() == category).toList();
            if (!of.isEmpty()) {
                groups.put(category, of);
            }
        }
        return groups;
    }

    @GetMapping("/{id}/document")
    ResponseEntity<InputStreamResource> document(@PathVariable String slug, @PathVariable long id) throws IOException {
        Collectivity c = territory.require(slug);
        ProactiveRegister.Document d = register.document(c.id(), id);
        InputStream in = d.content();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(in));
    }
}
