package ma.opencommune.council.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import ma.opencommune.council.BudgetCsv;
import ma.opencommune.council.BudgetExecutions;
import ma.opencommune.council.BudgetProblem;
import ma.opencommune.council.BudgetRejected;
import ma.opencommune.council.web.BudgetAdminForms.ExecutionForm;
import ma.opencommune.council.web.BudgetAdminForms.FiguresForm;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.FormErrors;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
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
 * The staff's execution periods: a period's CSV import (refused whole with every problem listed), a detailed line's
 * figures changed online, and the period's publication. Same staff and tenancy rules as the budget itself.
 */
@Controller
@RequestMapping(Lang.PATH + "/c/{slug}/admin/budget/executions")
class BudgetExecutionAdminController {

    private final Territory territory;
    private final BudgetExecutions executions;
    private final BudgetAdminController budgetPages;

    BudgetExecutionAdminController(Territory territory, BudgetExecutions executions, BudgetAdminController budgetPages) {
        this.territory = territory;
        this.executions = executions;
        this.budgetPages = budgetPages;
    }

    @org.springframework.web.bind.annotation.ModelAttribute
    void formChoices(Model model) {
        budgetPages.formChoices(model);
    }

    /** Where the platform sends a file above the servlet's limit (UploadLimit), and where a bare address leads: the workspace. */
    @GetMapping({"", "/"})
    String refused(@PathVariable String slug, @AuthenticationPrincipal AccountUser user, @RequestParam(required = false) String upload,
            Model model) {
        executions.list(territory.require(slug), user);
        if ("too-large".equals(upload)) {
            model.addAttribute("rejected", new BudgetRejected(BudgetProblem.of(0, "", "budget.import.error.too-large",
                    String.valueOf(BudgetCsv.MAX_BYTES / (1024 * 1024)))));
        }
        return budgetPages.home(slug, user, model);
    }

    @PostMapping({"", "/"})
    String importFile(Lang lang, @PathVariable String slug, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("executionForm") ExecutionForm form, BindingResult result, Model model, RedirectAttributes redirect) throws IOException {
        Collectivity c = territory.require(slug);
        executions.list(c, user);
        Integer year = BudgetAdminForms.year(form.getExecutionYear());
        if (year == null) {
            result.rejectValue("executionYear", "budget.validation.year");
        }
        if (BudgetExecutions.parsePeriod(form.getPeriod()) == null) {
            result.rejectValue("period", "budget.execution.error.period");
        }
        if (form.getFile() == null || form.getFile().isEmpty()) {
            result.rejectValue("file", "budget.import.error.empty");
        }
        if (!result.hasErrors()) {
            try (InputStream in = form.getFile().getInputStream()) {
                long id = executions.importFigures(c, user, year, form.getPeriod(), in);
                redirect.addFlashAttribute("notice", "budget.execution.imported");
                return "redirect:" + BudgetAdminController.base(lang, c) + "/executions/" + id;
            } catch (BudgetRejected rejected) {
                model.addAttribute("rejected", rejected);
            } catch (ConflictException e) {
                result.reject(e.messageKey());
            }
        }
        FormErrors.tidy(model, "executionForm", result);
        return budgetPages.home(slug, user, model);
    }

    @GetMapping("/{executionId:\\d+}")
    String period(@PathVariable String slug, @PathVariable("executionId") long id, @AuthenticationPrincipal AccountUser user, Model model) {
        Collectivity c = territory.require(slug);
        BudgetExecutions.ExecutionRef e = executions.find(c, user, id);
        model.addAttribute("collectivity", c);
        model.addAttribute("execution", e);
        model.addAttribute("figures", executions.figures(c, id));
        if (!model.containsAttribute("figuresForm")) {
            model.addAttribute("figuresForm", new FiguresForm());
        }
        return "council/budget-admin-execution";
    }

    @PostMapping("/{executionId:\\d+}/lines")
    String change(Lang lang, @PathVariable String slug, @PathVariable("executionId") long id, @AuthenticationPrincipal AccountUser user,
            @ModelAttribute("figuresForm") FiguresForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        executions.find(c, user, id);
        String code = BudgetAdminForms.strip(form.getCode());
        if (code.isEmpty()) {
            result.rejectValue("code", "validation.required");
        }
        BigDecimal committed = BudgetAdminForms.amount(result, "committed", form.getCommitted(), false);
        BigDecimal paid = BudgetAdminForms.amount(result, "paid", form.getPaid(), false);
        BigDecimal collected = BudgetAdminForms.amount(result, "collected", form.getCollected(), false);
        if (!result.hasErrors()) {
            try {
                executions.change(c, user, id, new BudgetExecutions.Figures(code, committed, paid, collected));
                redirect.addFlashAttribute("notice", "budget.line.saved");
                return "redirect:" + BudgetAdminController.base(lang, c) + "/executions/" + id;
            } catch (BudgetRejected rejected) {
                BudgetAdminForms.reject(rejected, result);
            } catch (ConflictException e) {
                // A published period shows no form: the refusal is said where the page says what happened.
                model.addAttribute("notice", e.messageKey());
            }
        }
        FormErrors.tidy(model, "figuresForm", result);
        return period(slug, id, user, model);
    }

    @PostMapping("/{executionId:\\d+}/publication")
    String publish(Lang lang, @PathVariable String slug, @PathVariable("executionId") long id, @AuthenticationPrincipal AccountUser user,
            RedirectAttributes redirect) {
        Collectivity c = territory.require(slug);
        try {
            executions.publish(c, user, id);
            redirect.addFlashAttribute("notice", "budget.execution.published");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", e.messageKey());
        }
        return "redirect:" + BudgetAdminController.base(lang, c) + "/executions/" + id;
    }
}
