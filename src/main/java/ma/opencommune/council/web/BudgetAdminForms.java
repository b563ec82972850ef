package ma.opencommune.council.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import ma.opencommune.council.BudgetDirection;
import ma.opencommune.council.BudgetProblem;
import ma.opencommune.council.BudgetRejected;
import ma.opencommune.council.BudgetSection;
import ma.opencommune.council.BudgetTree;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/** The budget staff's forms: plain strings bound from the request, parsed here so a wrong value is a field error. */
final class BudgetAdminForms {

    private BudgetAdminForms() {
    }

    /** File columns as the form's fields: a problem found in the tree is shown next to the field it is about. */
    static final Map<String, String> FIELDS = Map.of("code", "code", "parent_code", "parentCode", "label_ar", "labelAr", "label_fr", "labelFr",
            "section", "section", "direction", "direction", "amount", "amount", "committed", "committed", "paid", "paid", "collected", "collected");

    /** A new draft budget for a year. */
    static class NewBudgetForm {
        private String year;

        public String getYear() {
            return year;
        }

        public void setYear(String year) {
            this.year = year;
        }
    }

    /** A CSV file for a draft budget. */
    static class ImportForm {
        private MultipartFile file;

        public MultipartFile getFile() {
            return file;
        }

        public void setFile(MultipartFile file) {
            this.file = file;
        }
    }

    /** A budget line typed online. */
    static class LineForm {
        private String code;
        private String parentCode;
        private String labelAr;
        private String labelFr;
        private String section;
        private String direction;
        private String amount;

        static LineForm of(ma.opencommune.council.Budgets.StaffLine l) {
            LineForm f = new LineForm();
            f.code = l.code();
            f.parentCode = l.parentCode();
            f.labelAr = l.labelAr();
            f.labelFr = l.labelFr();
            f.section = l.section().name();
            f.direction = l.direction().name();
            f.amount = l.amount().toPlainString();
            return f;
        }

        /** The line, or null with field errors in {@code result} when a value cannot be read. */
        BudgetTree.Input input(BindingResult result) {
            BudgetSection s = BudgetTree.section(section);
            BudgetDirection d = BudgetTree.direction(direction);
            if (s == null) {
                result.rejectValue("section", "validation.required");
            }
            if (d == null) {
                result.rejectValue("direction", "validation.required");
            }
            BigDecimal a = amount(result, "amount", amount, true);
            return result.hasErrors() ? null : new BudgetTree.Input(0, strip(code), blankToNull(parentCode), blankToNull(labelAr),
                    blankToNull(labelFr), s, d, a);
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getParentCode() {
            return parentCode;
        }

        public void setParentCode(String parentCode) {
            this.parentCode = parentCode;
        }

        public String getLabelAr() {
            return labelAr;
        }

        public void setLabelAr(String labelAr) {
            this.labelAr = labelAr;
        }

        public String getLabelFr() {
            return labelFr;
        }

        public void setLabelFr(String labelFr) {
            this.labelFr = labelFr;
        }

        public String getSection() {
            return section;
        }

        public void setSection(String section) {
            this.section = section;
        }

        public String getDirection() {
            return direction;
        }

        public void setDirection(String direction) {
            this.direction = direction;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }
    }

    /** A period's CSV file: the year and the period come with it. */
    static class ExecutionForm {
        private String executionYear;
        private String period;
        private MultipartFile file;

        public String getExecutionYear() {
            return executionYear;
        }

        public void setExecutionYear(String executionYear) {
            this.executionYear = executionYear;
        }

        public String getPeriod() {
            return period;
        }

        public void setPeriod(String period) {
            this.period = period;
        }

        public MultipartFile getFile() {
            return file;
        }

        public void setFile(MultipartFile file) {
            this.file = file;
        }
    }

    /** The figures of one detailed line of a period. */
    static class FiguresForm {
        private String code;
        private String committed;
        private String paid;
        private String collected;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getCommitted() {
            return committed;
        }

        public void setCommitted(String committed) {
            this.committed = committed;
        }

        public String getPaid() {
            return paid;
        }

        public void setPaid(String paid) {
            this.paid = paid;
        }

        public String getCollected() {
            return collected;
        }

        public void setCollected(String collected) {
            this.collected = collected;
        }
    }

    /** The year's citizen summary in Arabic and French. */
    static class SummaryForm {
        private String summaryAr;
        private String summaryFr;

        public String getSummaryAr() {
            return summaryAr;
        }

        public void setSummaryAr(String summaryAr) {
            this.summaryAr = summaryAr;
        }

        public String getSummaryFr() {
            return summaryFr;
        }

        public void setSummaryFr(String summaryFr) {
            this.summaryFr = summaryFr;
        }
    }

    /** An amount typed in a form, read as a file's amount is; a field error when it is not one. */
    static BigDecimal amount(BindingResult result, String field, String value, boolean required) {
        String problem = ma.opencommune.council.BudgetCsv.amountProblem(value, required);
        if (problem != null) {
            result.rejectValue(field, problem, new Object[] {ma.opencommune.council.BudgetCsv.shown(value == null ? "" : value)}, null);
            return null;
        }
        return ma.opencommune.council.BudgetCsv.parseAmount(value);
    }

    /** Puts the problems of a refused change next to their fields; those about no field go to the summary. */
    static void reject(BudgetRejected rejected, BindingResult result) {
        for (BudgetProblem p : rejected.problems()) {
            String field = FIELDS.get(p.column());
            if (field != null) {
                result.rejectValue(field, p.key(), p.arguments(), null);
            } else {
                result.reject(p.key(), p.arguments(), null);
            }
        }
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The year typed in a form, or null when it is not a year. */
    static Integer year(String s) {
        Long n = ma.opencommune.platform.Check.number(s);
        return n == null || n < 2000 || n > 2100 ? null : n.intValue();
    }

    static List<String> periods() {
        return List.of("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11", "M12", "Q1", "Q2", "Q3", "Q4");
    }
}
