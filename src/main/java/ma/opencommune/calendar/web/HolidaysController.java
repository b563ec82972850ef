package ma.opencommune.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import ma.opencommune.calendar.Holiday;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public list of a year's holidays (CAL-2, CAL-3), with the Hijri date and whether each date is confirmed. */
@Controller
class HolidaysController {

    /** Past years stay browsable for old deadlines; fixed-date rules are recorded from 2000. */
    static final int YEARS_BACK = 10;

    private final WorkingDays workingDays;
    private final Clock clock;

    HolidaysController(WorkingDays workingDays, Clock clock) {
        this.workingDays = workingDays;
        this.clock = clock;
    }

    @GetMapping(Lang.PATH + "/holidays")
    String holidays(@RequestParam(required = false) String year, Model model) {
        int current = LocalDate.now(clock).getYear();
        int shown = parseYear(year, current);
        int first = current - YEARS_BACK;
        int last = current + WorkingDays.YEARS_AHEAD;
        if (shown < first || shown > last) {
            throw new NotFoundException("holidays of " + shown);
        }
        List<Holiday> holidays = workingDays.holidays(shown);
        model.addAttribute("year", shown);
        model.addAttribute("previous", shown > first ? shown - 1 : null);
        model.addAttribute("next", shown < last ? shown + 1 : null);
        model.addAttribute("holidays", holidays);
        model.addAttribute("hasReligious", holidays.stream().anyMatch(Holiday::religious));
        return "calendar/holidays";
    }

    /** A missing or mistyped year shows the current one rather than an error page. */
    static int parseYear(String year, int current) {
        if (year == null || !year.trim().matches("\\d{4}")) {
            return current;
        }
        return Integer.parseInt(year.trim());
    }
}
