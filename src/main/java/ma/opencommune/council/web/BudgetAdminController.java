package ma.opencommune.council.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ma.opencommune.council.BudgetCsv;
import ma.opencommune.council.BudgetExecutions;
import ma.opencommune.council.BudgetExplorer;
import ma.opencommune.council.BudgetProblem;
import ma.opencommune.council.BudgetRejected;
import ma.opencommune.council.BudgetTree;
import ma.opencommune.council.Budgets;
import ma.opencommune.council.web.BudgetAdminForms.ImportForm;
import ma.opencommune.council.web.BudgetAdminForms.LineForm;
import ma.opencommune.council.web.BudgetAdminForms.NewBudgetForm;
import ma.opencommune.council.web.BudgetAdminForms.SummaryForm;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's budget workspace: the budgets of every year (draft or published), a draft's CSV import with every problem
 * listed, its lines edited online, its publication, and the citizen summary of a year. Council secretaries and staff
 * administrators of the collectivity in the URL only; another collectivity's budget is a 404.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/budget")
class BudgetAdminController {

    static final int PAGE = 200;

    private final Territory territory;
    private final Budgets budgets;
    private final BudgetExecutions executions;
    private final BudgetExplorer explorer;

    BudgetAdminController(Territory territory, Budgets budgets, BudgetExecutions executions, BudgetExplorer explorer) {
        this.territory = territory;
        this.budgets = budgets;
        this.executions = executions;
        this.explorer = explorer;
    }

    @GetMapping({"", "/"})
    String home(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        model.addAttribute("collectivity", c);
        model.addAttribute("budgets", budgets.list(c, user));
        model.addAttribute("executions", executions.list(c, user));
        model.addAttribute("periods", BudgetAdminForms.periods());
        model.addAttribute("thisYear", budgets.today().getYear());
        if (!model.containsAttribute("newBudgetForm")) {
            NewBudgetForm f = new NewBudgetForm();
            f.setYear(String.valueOf(budgets.today().getYear()));
            model.addAttribute("newBudgetForm", f);
        }
        if (!model.containsAttribute("executionForm")) {
            model.addAttribute("executionForm", new BudgetAdminForms.ExecutionForm());
        }
        return "council/budget-admin";
    }

    @PostMapping({"", "/"})
    String draft(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("newBudgetForm") NewBudgetForm form, BindingResult result, Model model) {
        Collectivity c = territory.require(slug);
        Integer year = BudgetAdminForms.year(form.getYear());
        if (year == null) {
            result.rejectValue("year", "budget.validation.year");
            budgets.list(c, user); // staff only, before saying anything about the form
            return home(slug, user, model);
        }
        return "redirect:" + base(lang, c) + "/" + budgets.draft(c, user, year);
    }

    @GetMapping("/{budgetId:\\d+}")
    String budget(@PathVariable String slug, @PathVariable("budgetId") long id, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String after, @RequestParam(required = false) String upload, Model model) {
        Collectivity c = territory.require(slug);
        if ("too-large".equals(upload)) {
            // The file was above the servlet's limit and never reached the import (platform UploadLimit).
            model.addAttribute("rejected", new BudgetRejected(BudgetProblem.of(0, "", "budget.import.error.too-large",
                    String.valueOf(BudgetCsv.MAX_BYTES / (1024 * 1024)))));
        }
        return fill(c, id, user, after, model);
    }

    String fill(Collectivity c, long id, AccountUser user, String after, Model model) {
        Budgets.BudgetRef b = budgets.find(c, user, id);
        Long from = ma.opencommune.platform.Check.number(after);
        int position = from == null ? -1 : from.intValue();
        List<Budgets.StaffLine> page = budgets.lines(c, user, id, position, PAGE + 1);
        boolean more = page.size() > PAGE;
        model.addAttribute("collectivity", c);
        model.addAttribute("budget", b);
        model.addAttribute("lines", more ? page.subList(0, PAGE) : page);
        model.addAttribute("nextAfter", more ? position + PAGE : null);
        model.addAttribute("paged", position >= 0);
        model.addAttribute("sumProblems", b.draft() ? budgets.sumProblems(c, user, id) : List.of());
        if (!model.containsAttribute("importForm")) {
            model.addAttribute("importForm", new ImportForm());
        }
        if (!model.containsAttribute("lineForm")) {
            model.addAttribute("lineForm", new LineForm());
        }
        return "council/budget-admin-budget";
    }

    /** Where the platform sends a file above the servlet's limit (UploadLimit): the budget's page, with the error. */
    @GetMapping("/{budgetId:\\d+}/import")
    String uploadRefused(@PathVariable String slug, @PathVariable("budgetId") long id, @AuthenticationPrincipal AccountUser user,
            @RequestParam(required = false) String upload, Model model) {
        return budget(slug, id, user, null, upload, model);
    }

    @PostMapping("/{budgetId:\\d+}/import")
    String importFile(Lang lang, @PathVariable String slug, @PathVariable("budgetId") long id, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("importForm") ImportForm form, BindingResult result, Model model, RedirectAttributes redirect) throws IOException {
        Collectivity c = territory.require(slug);
        budgets.find(c, user, id);
        if (form.getFile() == null || form.getFile().isEmpty()) {
            model.addAttribute("rejected", new BudgetRejected(BudgetProblem.of(0, "", "budget.import.error.empty")));
            return fill(c, id, user, null, model);
        }
        try (InputStream in = form.getFile().getInputStream()) {
            int n = budgets.importLines(c, user, id, in);
            redirect.addFlashAttribute("notice", "budget.import.done");
            redirect.addFlashAttribute("noticeCount", String.valueOf(n));
            return "redirect:" + base(lang, c) + "/" + id;
        } catch (BudgetRejected rejected) {
            model.addAttribute("rejected", rejected);
            return fill(c, id, user, null, model);
        } catch (ConflictException e) {
            model.addAttribute("rejected", new BudgetRejected(BudgetProblem.of(0, "", e.messageKey())));
            return fill(c, id, user, null, model);
        }
    }

    @PostMapping("/{budgetId:\\d+}/lines")
    String addLine(Lang lang, @PathVariable String slug, @PathVariable("budgetId") long id, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("lineForm") LineForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        budgets.find(c, user, id);
        if (change(c, user, id, null, form, result, model)) {
            redirect.addFlashAttribute("notice", "budget.line.saved");
            return "redirect:" + base(lang, c) + "/" + id + "?after=" + Math.max(-1, budgets.position(id, form.getCode().strip()) - 1) + "#lines";
        }
        return fill(c, id, user, null, model);
    }

    @GetMapping("/{budgetId:\\d+}/lines/{code}")
    String line(@PathVariable String slug, @PathVariable("budgetId") long id, @PathVariable String code, @AuthenticationPrincipal AccountUser user,
            Model model) {
        Collectivity c = territory.require(slug);
        Budgets.StaffLine line = budgets.line(c, user, id, code);
        if (!model.containsAttribute("lineForm")) {
            model.addAttribute("lineForm", LineForm.of(line));
        }
        model.addAttribute("collectivity", c);
        model.addAttribute("budget", budgets.find(c, user, id));
        model.addAttribute("code", code);
        return "council/budget-admin-line";
    }

    @PostMapping("/{budgetId:\\d+}/lines/{code}")
    String changeLine(Lang lang, @PathVariable String slug, @PathVariable("budgetId") long id, @PathVariable String code,
            @AuthenticationPrincipal AccountUser user, @ModelAttribute("lineForm") LineForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        budgets.line(c, user, id, code);
        if (change(c, user, id, code, form, result, model)) {
            redirect.addFlashAttribute("notice", "budget.line.saved");
            return "redirect:" + base(lang, c) + "/" + id + "?after=" + Math.max(-1, budgets.position(id, form.getCode().strip()) - 1) + "#lines";
        }
        return line(slug, id, code, user, model);
    }

    @PostMapping("/{budgetId:\\d+}/lines/{code}/removal")
    String removeLine(Lang lang, @PathVariable String slug, @PathVariable("budgetId") long id, @PathVariable String code,
            @AuthenticationPrincipal AccountUser user, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        budgets.line(c, user, id, code);
        try {
            budgets.edit(c, user, id, code, null);
            redirect.addFlashAttribute("notice", "budget.line.removed");
            return "redirect:" + base(lang, c) + "/" + id + "#lines";
        } catch (BudgetRejected | ConflictException e) {
            model.addAttribute("rejected", e instanceof BudgetRejected r ? r : new BudgetRejected(BudgetProblem.of(0, "",
                    ((ConflictException) e).messageKey())));
            return line(slug, id, code, user, model);
        }
    }

    /** Saves a line typed online; false with the problems in {@code result} when it is refused. */
    private boolean change(Collectivity c, AccountUser user, long id, String replacing, LineForm form, BindingResult result, Model model) {
        BudgetTree.Input input = form.input(result);
        try {
            if (input != null) {
                budgets.edit(c, user, id, replacing, input);
                return true;
            }
        } catch (BudgetRejected rejected) {
            BudgetAdminForms.reject(rejected, result);
        } catch (ConflictException e) {
            result.reject(e.messageKey());
        }
        FormErrors.tidy(model, "lineForm", result);
        return false;
    }

    @PostMapping("/{budgetId:\\d+}/publication")
    String publish(Lang lang, @PathVariable String slug, @PathVariable("budgetId") long id, @AuthenticationPrincipal AccountUser user, Model model,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        try {
            budgets.publish(c, user, id);
            redirect.addFlashAttribute("notice", "budget.publish.done");
            return "redirect:" + base(lang, c) + "/" + id;
        } catch (BudgetRejected rejected) {
            model.addAttribute("rejected", rejected);
        } catch (ConflictException e) {
            model.addAttribute("rejected", new BudgetRejected(BudgetProblem.of(0, "", e.messageKey())));
        }
        return fill(c, id, user, null, model);
    }

    @GetMapping("/summaries/{year:\\d+}")
    String summary(@PathVariable String slug, @PathVariable int year, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        budgets.list(c, user);
        if (!model.containsAttribute("summaryForm")) {
            String[] s = explorer.summary(c.id(), year);
            SummaryForm f = new SummaryForm();
            f.setSummaryAr(s[0]);
            f.setSummaryFr(s[1]);
            model.addAttribute("summaryForm", f);
        }
        model.addAttribute("collectivity", c);
        model.addAttribute("year", year);
        return "council/budget-admin-summary";
    }

    @PostMapping("/summaries/{year:\\d+}")
    String writeSummary(Lang lang, @PathVariable String slug, @PathVariable int year, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("summaryForm") SummaryForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        try {
            budgets.writeSummary(c, user, year, form.getSummaryAr(), form.getSummaryFr());
            redirect.addFlashAttribute("notice", "budget.summary.saved");
            return "redirect:" + base(lang, c);
        } catch (InvalidInput invalid) {
            invalid.errors().forEach((field, key) -> result.rejectValue("year".equals(field) ? "summaryAr" : field, key));
            FormErrors.tidy(model, "summaryForm", result);
            return summary(slug, year, user, model);
        }
    }

    /** The import's template: the columns in order and a few lines showing a parent and its children. */
    @GetMapping("/template.csv")
    void template(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, HttpServletResponse response) throws IOException {
        budgets.list(territory.require(slug), user);
        send(response, "budget-template.csv", """
                code,parent_code,label_ar,label_fr,section,direction,amount
                10,,مداخيل التسيير,Recettes de fonctionnement,OPERATING,REVENUE,1500000.00
                10.1,,حصة الجماعة من الضريبة على القيمة المضافة,Part de la TVA,OPERATING,REVENUE,1000000.00
                10.2,,الرسوم المحلية,Taxes locales,OPERATING,REVENUE,500000.00
                20,,نفقات التسيير,Dépenses de fonctionnement,OPERATING,EXPENSE,1500000.00
                20.1,,أجور الموظفين,Salaires du personnel,OPERATING,EXPENSE,900000.00
                20.2,,الإنارة العمومية,Éclairage public,OPERATING,EXPENSE,600000.00
                """);
    }

    @GetMapping("/execution-template.csv")
    void executionTemplate(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, HttpServletResponse response) throws IOException {
        budgets.list(territory.require(slug), user);
        send(response, "budget-execution-template.csv", """
                code,committed,paid,collected
                10.1,,,250000.00
                10.2,,,90000.50
                20.1,225000.00,225000.00,
                20.2,160000.00,120000.00,
                """);
    }

    private static void send(HttpServletResponse response, String name, String body) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(("\uFEFF" + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
    }

    /** What the forms' fragments need besides the form: the choices of a line and the bounds of a file. */
    @org.springframework.web.bind.annotation.ModelAttribute
    void formChoices(Model model) {
        model.addAttribute("sections", ma.opencommune.council.BudgetSection.values());
        model.addAttribute("directions", ma.opencommune.council.BudgetDirection.values());
        model.addAttribute("maxMegabytes", String.valueOf(BudgetCsv.MAX_BYTES / (1024 * 1024)));
        model.addAttribute("maxLines", BudgetCsv.MAX_LINES);
    }

    static String base(Lang lang, Collectivity c) {
        return "/" + lang.code() + "/c/" + c.slug() + "/admin/budget";
    }
}
