package ma.opencommune.council.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import ma.opencommune.council.CouncilCodes;
import ma.opencommune.council.CouncilMembers;
import ma.opencommune.council.CouncilSessions;
import ma.opencommune.council.web.CouncilAdminForms.AttendanceForm;
import ma.opencommune.council.web.CouncilAdminForms.CommitteeForm;
import ma.opencommune.council.web.CouncilAdminForms.EmptyForm;
import ma.opencommune.council.web.CouncilAdminForms.ItemForm;
import ma.opencommune.council.web.CouncilAdminForms.MemberForm;
import ma.opencommune.council.web.CouncilAdminForms.MinutesForm;
import ma.opencommune.council.web.CouncilAdminForms.SessionForm;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The council secretary's pages for members, committees and sessions: plan a session (PET-8), publish its agenda, add
 * items (late ones marked), mark it held, record attendance and publish the minutes. Council secretaries and staff
 * administrators of the collectivity in the URL only (403 otherwise), another collectivity's ids answer 404.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/council")
class CouncilAdminController {

    private final Territory territory;
    private final CouncilMembers members;
    private final CouncilSessions sessions;
    private final CouncilAdminPage page;

    CouncilAdminController(Territory territory, CouncilMembers members, CouncilSessions sessions, CouncilAdminPage page) {
        this.territory = territory;
        this.members = members;
        this.sessions = sessions;
        this.page = page;
    }

    @GetMapping({"", "/"})
    String home(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        return page.home(territory.require(slug), user, model);
    }

    @PostMapping("/sessions")
    String create(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user, @ModelAttribute("sessionForm") SessionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check parsed = new Check();
        CouncilCodes.SessionKind kind = CouncilAdminForms.code(parsed, "kind", CouncilCodes.SessionKind.class, form.getKind());
        var heldOn = parsed.date("heldOn", form.getHeldOn(), true);
        var startsAt = CouncilAdminForms.time(parsed, "startsAt", form.getStartsAt());
        parsed.text("place", form.getPlace(), true, 300);
        long[] id = new long[1];
        if (!CouncilAdminPage.run(model, "sessionForm", result, parsed, () -> id[0] = sessions.create(c, user,
                new CouncilSessions.SessionDraft(kind, heldOn, startsAt, form.getPlace()), form.getSubmissionKey()).id())) {
            return page.home(c, user, model);
        }
        redirect.addFlashAttribute("notice", "council.admin.session.created");
        return "redirect:" + sessionUrl(lang, c, id[0]);
    }

    @GetMapping("/sessions/{sessionId}")
    String session(@PathVariable String slug, @PathVariable long sessionId, @AuthenticationPrincipal AccountUser user, Model model) {
        return page.session(territory.require(slug), user, sessionId, model);
    }

    @PostMapping("/sessions/{sessionId}/agenda")
    String addItem(Lang lang, @PathVariable String slug, @PathVariable long sessionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("itemForm") ItemForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        return sessionStep(lang, c, sessionId, user, model, redirect, "itemForm", result, new Check(), "council.admin.item.added", "agenda",
                () -> sessions.addItem(c, user, sessionId, form.getTitleAr(), form.getTitleFr(), form.getExplanation()));
    }

    @PostMapping("/sessions/{sessionId}/agenda/{itemId}/removal")
    String removeItem(Lang lang, @PathVariable String slug, @PathVariable long sessionId, @PathVariable long itemId,
            @AuthenticationPrincipal AccountUser user, @ModelAttribute("stepForm") EmptyForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        return sessionStep(lang, c, sessionId, user, model, redirect, "stepForm", result, new Check(), "council.admin.item.removed", "agenda",
                () -> sessions.removeItem(c, user, sessionId, itemId));
    }

    @PostMapping("/sessions/{sessionId}/agenda-publication")
    String publishAgenda(Lang lang, @PathVariable String slug, @PathVariable long sessionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("stepForm") EmptyForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        return sessionStep(lang, c, sessionId, user, model, redirect, "stepForm", result, new Check(), "council.admin.agenda.published", "status",
                () -> sessions.publishAgenda(c, user, sessionId));
    }

    @PostMapping("/sessions/{sessionId}/held")
    String held(Lang lang, @PathVariable String slug, @PathVariable long sessionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("stepForm") EmptyForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        return sessionStep(lang, c, sessionId, user, model, redirect, "stepForm", result, new Check(), "council.admin.session.held-done", "status",
                () -> sessions.markHeld(c, user, sessionId));
    }

    @PostMapping("/sessions/{sessionId}/attendance")
    String attendance(Lang lang, @PathVariable String slug, @PathVariable long sessionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("attendanceForm") AttendanceForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check parsed = new Check();
        var presence = CouncilAdminForms.perMember(parsed, "presence", CouncilCodes.Presence.class, form.getPresence());
        return sessionStep(lang, c, sessionId, user, model, redirect, "attendanceForm", result, parsed, "council.admin.attendance.done",
                "attendance", () -> sessions.recordAttendance(c, user, sessionId, presence));
    }

    /** Where a minutes file above the servlet's limit lands (ErrorPageController, UploadLimit): the session page, saying why. */
    @GetMapping("/sessions/{sessionId}/minutes")
    String minutesRefused(@PathVariable String slug, @PathVariable long sessionId, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String upload, Model model) {
        String view = page.session(territory.require(slug), user, sessionId, model);
        if ("too-large".equals(upload)) {
            BindingResult refused = new BeanPropertyBindingResult(model.getAttribute("minutesForm"), "minutesForm");
            refused.rejectValue("minutesFile", "validation.file.too-large");
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "minutesForm", refused);
        }
        return view;
    }

    @PostMapping("/sessions/{sessionId}/minutes")
    String minutes(Lang lang, @PathVariable String slug, @PathVariable long sessionId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("minutesForm") MinutesForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check parsed = new Check();
        Upload.check(form.getMinutesFile()).ifPresent(key -> parsed.reject("minutesFile", key));
        if (parsed.ok() && form.getMinutesFile() != null && !form.getMinutesFile().isEmpty() && !Upload.nameMatches(form.getMinutesFile())) {
            parsed.reject("minutesFile", "council.validation.name-lies");
        }
        return sessionStep(lang, c, sessionId, user, model, redirect, "minutesForm", result, parsed, "council.admin.minutes.done", "minutes",
                () -> {
                    try {
                        sessions.publishMinutes(c, user, sessionId, form.getMinutesText(), Upload.of(form.getMinutesFile()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private String sessionStep(Lang lang, Collectivity c, long sessionId, AccountUser user, Model model, RedirectAttributes redirect, String formName,
            BindingResult result, Check parsed, String notice, String anchor, Runnable action) {
        // 403 or 404 before anything is parsed: the session must be this collectivity's and the person its staff.
        sessions.require(c, user, sessionId);
        if (!CouncilAdminPage.run(model, formName, result, parsed, action)) {
            return page.session(c, user, sessionId, model);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + sessionUrl(lang, c, sessionId) + "#" + anchor;
    }

    static String sessionUrl(Lang lang, Collectivity c, long id) {
        return "/" + lang.code() + "/c/" + c.slug() + "/admin/council/sessions/" + id;
    }

    @GetMapping("/members")
    String memberList(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        return page.memberList(territory.require(slug), user, model);
    }

    @PostMapping("/members")
    String addMember(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user, @ModelAttribute("memberForm") MemberForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        Check parsed = new Check();
        CouncilMembers.MemberDraft draft = draft(parsed, form);
        if (!CouncilAdminPage.run(model, "memberForm", result, parsed, () -> members.addMember(c, user, draft))) {
            return page.memberList(c, user, model);
        }
        redirect.addFlashAttribute("notice", "council.admin.member.added");
        return "redirect:/" + lang.code() + "/c/" + c.slug() + "/admin/council/members";
    }

    @GetMapping("/members/{memberId}")
    String editMember(@PathVariable String slug, @PathVariable long memberId, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        CouncilMembers.Member m = members.member(c, user, memberId);
        MemberForm form = new MemberForm();
        form.setNameAr(m.nameAr());
        form.setNameFr(m.nameFr());
        form.setRole(m.role().name());
        form.setViceRank(m.viceRank() == null ? null : m.viceRank().toString());
        form.setTermStart(m.termStart().toString());
        form.setTermEnd(m.termEnd() == null ? null : m.termEnd().toString());
        form.setActive(m.active());
        form.setCommitteeIds(new java.util.ArrayList<>(m.committeeIds()));
        model.addAttribute("memberForm", form);
        model.addAttribute("editing", m);
        return page.memberList(c, user, model);
    }

    @PostMapping("/members/{memberId}")
    String updateMember(Lang lang, @PathVariable String slug, @PathVariable long memberId, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("memberForm") MemberForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        CouncilMembers.Member m = members.member(c, user, memberId);
        Check parsed = new Check();
        CouncilMembers.MemberDraft draft = draft(parsed, form);
        if (!CouncilAdminPage.run(model, "memberForm", result, parsed, () -> members.updateMember(c, user, memberId, draft))) {
            model.addAttribute("editing", m);
            return page.memberList(c, user, model);
        }
        redirect.addFlashAttribute("notice", "council.admin.member.saved");
        return "redirect:/" + lang.code() + "/c/" + c.slug() + "/admin/council/members";
    }

    private static CouncilMembers.MemberDraft draft(Check parsed, MemberForm form) {
        CouncilCodes.MemberRole role = CouncilAdminForms.code(parsed, "role", CouncilCodes.MemberRole.class, form.getRole());
        Long rank = Check.number(form.getViceRank());
        parsed.when(!Check.blank(form.getViceRank()) && rank == null, "viceRank", "council.validation.vice-rank");
        var start = parsed.date("termStart", form.getTermStart(), true);
        var end = parsed.date("termEnd", form.getTermEnd(), false);
        return new CouncilMembers.MemberDraft(form.getNameAr(), form.getNameFr(), role, rank == null || rank > 100 ? null : rank.intValue(), start,
                end, form.isActive(), form.getCommitteeIds());
    }

    @PostMapping("/committees")
    String addCommittee(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("committeeForm") CommitteeForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        if (!CouncilAdminPage.run(model, "committeeForm", result, new Check(),
                () -> members.addCommittee(c, user, form.getCommitteeNameAr(), form.getCommitteeNameFr()))) {
            return page.memberList(c, user, model);
        }
        redirect.addFlashAttribute("notice", "council.admin.committee.added");
        return "redirect:/" + lang.code() + "/c/" + c.slug() + "/admin/council/members#committees";
    }

}
