package ma.opencommune.calendar.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import ma.opencommune.calendar.Holiday;
import ma.opencommune.calendar.ReligiousHolidays;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Access;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Lang;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Platform administration of the religious holidays (CAL-3): the list of provisional and confirmed dates, and a
 * form to record the officially announced first day (the same date confirms, another one moves the holiday).
 */
@Controller
@RequestMapping(Lang.PATH + "/admin/holidays")
class HolidayAdminController {

    /** The official first day, typed as day, month and year (GOV.UK date input: no browser date picker needed). */
    static class DateForm {
        private String day;
        private String month;
        private String year;

        public String getDay() { return day; }
        public void setDay(String v) { day = v; }
        public String getMonth() { return month; }
        public void setMonth(String v) { month = v; }
        public String getYear() { return year; }
        public void setYear(String v) { year = v; }

        static DateForm of(LocalDate date) {
            DateForm form = new DateForm();
            form.day = String.valueOf(date.getDayOfMonth());
            form.month = String.valueOf(date.getMonthValue());
            form.year = String.valueOf(date.getYear());
            return form;
        }

        /** Null unless the three fields make a real date. */
        LocalDate date() {
            try {
                return LocalDate.of(number(year, 4), number(month, 2), number(day, 2));
            } catch (DateTimeException | NumberFormatException notADate) {
                return null;
            }
        }

        private static int number(String value, int maxDigits) {
            String digits = value == null ? "" : value.trim();
            if (!digits.matches("\\d{1," + maxDigits + "}")) {
                throw new NumberFormatException(digits);
            }
            return Integer.parseInt(digits);
        }
    }

    private final ReligiousHolidays religious;
    private final Access access;
    private final Clock clock;

    HolidayAdminController(ReligiousHolidays religious, Access access, Clock clock) {
        this.religious = religious;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping({"", "/"})
    String list(@AuthenticationPrincipal AccountUser user, Model model) {
        access.requirePlatformAdmin(user);
        int current = LocalDate.now(clock).getYear();
        model.addAttribute("holidays", religious.between(LocalDate.of(current, 1, 1), LocalDate.of(current + WorkingDays.YEARS_AHEAD, 12, 31)));
        return "calendar/admin-holidays";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model) {
        access.requirePlatformAdmin(user);
        Holiday holiday = religious.require(id);
        return form(holiday, DateForm.of(holiday.start()), null, model);
    }

    @PostMapping("/{id}")
    String save(Lang lang, @PathVariable long id, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("form") DateForm form, Model model, RedirectAttributes redirect) {
        access.requirePlatformAdmin(user);
        Holiday holiday = religious.require(id);
        LocalDate date = form.date();
        if (date == null) {
            return form(holiday, form, "validation.holiday.date", model);
        }
        try {
            Holiday saved = date.equals(holiday.start()) ? religious.confirm(user.id(), id) : religious.move(user.id(), id, date);
            redirect.addFlashAttribute("notice", saved.start().equals(holiday.start()) ? "holidays.confirmed" : "holidays.moved");
            redirect.addFlashAttribute("changedId", id);
        } catch (ReligiousHolidays.DateRefused refused) {
            return form(holiday, form, refused.messageKey(), model);
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:/" + lang.code() + "/admin/holidays";
    }

    private String form(Holiday holiday, DateForm form, String error, Model model) {
        model.addAttribute("holiday", holiday);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("earliest", religious.earliest(holiday));
        model.addAttribute("latest", religious.latest(holiday));
        model.addAttribute("maxMoveDays", religious.maxMoveDays());
        return "calendar/admin-holiday";
    }
}
