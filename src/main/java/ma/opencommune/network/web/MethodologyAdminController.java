package ma.opencommune.network.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.network.IndexComputation;
import ma.opencommune.network.IndexPeriod;
import ma.opencommune.network.Indicator;
import ma.opencommune.network.Methodologies;
import ma.opencommune.network.Methodology;
import ma.opencommune.network.OpennessIndex;
import ma.opencommune.network.Pillar;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's pages: publishing a new methodology version (nothing saved unless every weight adds up and a note
 * says what changed) and computing the index now. Only the network coordinator or a platform administrator.
 */
@Controller
@RequestMapping(Lang.PATH + "/network/admin")
class MethodologyAdminController {

    static final String FORM = "methodologyForm";
    /** Longest text accepted in a weight field before it is even parsed. */
    private static final int FIELD_MAX = 10;

    private final Access access;
    private final Methodologies methodologies;
    private final IndexComputation computation;
    private final OpennessIndex index;

    MethodologyAdminController(Access access, Methodologies methodologies, IndexComputation computation, OpennessIndex index) {
        this.access = access;
        this.methodologies = methodologies;
        this.computation = computation;
        this.index = index;
    }

    @GetMapping("/methodology")
    String form(Lang lang, @AuthenticationPrincipal AccountUser user, Model model) {
        if (user == null) {
            return "redirect:/" + lang.code() + "/login";
        }
        access.requireCoordinator(user);
        Methodology current = methodologies.current();
        Map<String, String> values = new LinkedHashMap<>();
        for (Pillar p : Pillar.values()) {
            values.put("pillar-" + p.key(), String.valueOf(current.weight(p)));
        }
        for (Indicator i : Indicator.values()) {
            values.put("indicator-" + i.code(), String.valueOf(current.weight(i)));
        }
        values.put("noteAr", "");
        values.put("noteFr", "");
        return show(model, current, values, new MapBindingResult(values, FORM));
    }

    @PostMapping("/methodology")
    String publish(Lang lang, @AuthenticationPrincipal AccountUser user, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/" + lang.code() + "/login";
        }
        access.requireCoordinator(user);
        Map<String, String> values = new LinkedHashMap<>();
        Map<Pillar, Integer> pillarWeights = new EnumMap<>(Pillar.class);
        Map<Indicator, Integer> indicatorWeights = new EnumMap<>(Indicator.class);
        for (Pillar p : Pillar.values()) {
            String v = params.getOrDefault("pillar-" + p.key(), "");
            values.put("pillar-" + p.key(), v);
            Integer w = parse(v);
            if (w != null) {
                pillarWeights.put(p, w);
            }
        }
        for (Indicator i : Indicator.values()) {
            String v = params.getOrDefault("indicator-" + i.code(), "");
            values.put("indicator-" + i.code(), v);
            Integer w = parse(v);
            if (w != null) {
                indicatorWeights.put(i, w);
            }
        }
        String noteAr = params.getOrDefault("noteAr", "");
        String noteFr = params.getOrDefault("noteFr", "");
        values.put("noteAr", noteAr);
        values.put("noteFr", noteFr);
        try {
            Methodology published = methodologies.publish(user.id(), pillarWeights, indicatorWeights, noteAr, noteFr);
            redirect.addFlashAttribute("notice", "network.methodology.admin.published");
            redirect.addFlashAttribute("noticeVersion", published.version());
            return "redirect:/" + lang.code() + "/network/methodology";
        } catch (InvalidInput invalid) {
            MapBindingResult result = new MapBindingResult(values, FORM);
            invalid.errors().forEach((field, key) -> result.rejectValue(field, key, key));
            model.addAttribute("failed", true);
            return show(model, methodologies.current(), values, result);
        }
    }

    private String show(Model model, Methodology current, Map<String, String> values, BindingResult result) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Pillar p : Pillar.values()) {
            labels.put("pillar-" + p.key(), "network.pillar." + p.key());
            labels.put("pillar-" + p.key() + "-indicators", "network.pillar." + p.key());
        }
        for (Indicator i : Indicator.values()) {
            labels.put("indicator-" + i.code(), "network.indicator." + i.code() + ".name");
        }
        labels.put("pillars", "network.methodology.admin.pillars");
        labels.put("note", "network.methodology.admin.note");
        model.addAttribute(FORM, values);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, result);
        model.addAttribute("labels", labels);
        model.addAttribute("current", current);
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("indicatorsByPillar", indicatorsByPillar());
        return "network/methodology/admin";
    }

    static Map<Pillar, List<Indicator>> indicatorsByPillar() {
        Map<Pillar, List<Indicator>> byPillar = new EnumMap<>(Pillar.class);
        for (Pillar p : Pillar.values()) {
            byPillar.put(p, Indicator.of(p));
        }
        return byPillar;
    }

    /** A weight as typed: a whole number, or null (the service then says which field is wrong). */
    static Integer parse(String v) {
        if (v == null || v.isBlank() || v.length() > FIELD_MAX) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/index")
    String indexAdmin(Lang lang, @AuthenticationPrincipal AccountUser user, Model model) {
        if (user == null) {
            return "redirect:/" + lang.code() + "/login";
        }
        access.requireCoordinator(user);
        model.addAttribute("lastComputed", index.lastComputed().orElse(null));
        model.addAttribute("methodology", methodologies.current());
        return "network/index/admin";
    }

    /** Computes the due periods now, synchronously, and says how many periods and members were computed. */
    @PostMapping("/index")
    String computeNow(Lang lang, @AuthenticationPrincipal AccountUser user, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/" + lang.code() + "/login";
        }
        access.requireCoordinator(user);
        List<IndexPeriod> periods = computation.recomputeDue();
        int members = index.ranking(periods.get(0)).size();
        redirect.addFlashAttribute("computedPeriods", periods.size());
        redirect.addFlashAttribute("computedMembers", members);
        return "redirect:/" + lang.code() + "/network/admin/index";
    }
}
