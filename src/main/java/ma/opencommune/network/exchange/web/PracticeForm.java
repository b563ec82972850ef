package ma.opencommune.network.exchange.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import ma.opencommune.network.exchange.Practice;
import ma.opencommune.network.exchange.PracticeTag;
import ma.opencommune.network.exchange.Practices;
import ma.opencommune.platform.Check;

/** The form of a good practice; the cost arrives as text and the principles as codes, read here. */
public class PracticeForm {

    private String textLang;
    private String titleAr;
    private String titleFr;
    private String summaryAr;
    private String summaryFr;
    private String problem;
    private String actions;
    private String results;
    private String costMad;
    private String costText;
    private String period;
    private String contactName;
    private String contactRole;
    private String contactEmail;
    private String contactPhone;
    private List<String> tags = new ArrayList<>();
    private String submissionKey;

    static PracticeForm of(Practice p) {
        PracticeForm f = new PracticeForm();
        f.textLang = p.textLang();
        f.titleAr = p.titleAr();
        f.titleFr = p.titleFr();
        f.summaryAr = p.summaryAr();
        f.summaryFr = p.summaryFr();
        f.problem = p.problem();
        f.actions = p.actions();
        f.results = p.results();
        f.costMad = p.costMad() == null ? null : String.valueOf(p.costMad());
        f.costText = p.costText();
        f.period = p.period();
        f.contactName = p.contactName();
        f.contactRole = p.contactRole();
        f.contactEmail = p.contactEmail();
        f.contactPhone = p.contactPhone();
        f.tags = new ArrayList<>(p.tags().stream().map(Enum::name).toList());
        return f;
    }

    /** The draft as typed; a cost or principle that is not one goes into {@code typed}. */
    Practices.Draft draft(Check typed) {
        Long cost = null;
        if (!Check.blank(costMad)) {
            String digits = costMad.replaceAll("[\\s\\u00A0\\u202F,.]", "");
            cost = Check.number(digits);
            typed.when(cost == null || cost < 0, "costMad", "network.exchange.validation.cost");
        }
        Set<PracticeTag> chosen = EnumSet.noneOf(PracticeTag.class);
        if (tags != null) {
            for (String code : tags) {
                PracticeTag.of(code).ifPresentOrElse(chosen::add, () -> typed.reject("tags", "validation.choose"));
            }
        }
        return new Practices.Draft(textLang == null ? null : textLang.strip(), titleAr, titleFr, summaryAr, summaryFr, problem, actions,
                results, cost, costText, period, contactName, contactRole, contactEmail, contactPhone, chosen);
    }

    public String getTextLang() { return textLang; }
    public void setTextLang(String v) { textLang = v; }
    public String getTitleAr() { return titleAr; }
    public void setTitleAr(String v) { titleAr = v; }
    public String getTitleFr() { return titleFr; }
    public void setTitleFr(String v) { titleFr = v; }
    public String getSummaryAr() { return summaryAr; }
    public void setSummaryAr(String v) { summaryAr = v; }
    public String getSummaryFr() { return summaryFr; }
    public void setSummaryFr(String v) { summaryFr = v; }
    public String getProblem() { return problem; }
    public void setProblem(String v) { problem = v; }
    public String getActions() { return actions; }
    public void setActions(String v) { actions = v; }
    public String getResults() { return results; }
    public void setResults(String v) { results = v; }
    public String getCostMad() { return costMad; }
    public void setCostMad(String v) { costMad = v; }
    public String getCostText() { return costText; }
    public void setCostText(String v) { costText = v; }
    public String getPeriod() { return period; }
    public void setPeriod(String v) { period = v; }
    public String getContactName() { return contactName; }
    public void setContactName(String v) { contactName = v; }
    public String getContactRole() { return contactRole; }
    public void setContactRole(String v) { contactRole = v; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String v) { contactEmail = v; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String v) { contactPhone = v; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> v) { tags = v; }
    public String getSubmissionKey() { return submissionKey; }
    public void setSubmissionKey(String v) { submissionKey = v; }
}
