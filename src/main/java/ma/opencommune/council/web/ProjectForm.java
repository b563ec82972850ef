package ma.opencommune.council.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ma.opencommune.council.ProjectDetail;
import ma.opencommune.council.ProjectFields;
import ma.opencommune.council.ProjectRules;
import ma.opencommune.council.ProjectSector;
import ma.opencommune.platform.Check;

/**
 * The staff form of a project, as typed: numbers and dates stay text until {@link #fields} reads them, so a mistyped
 * amount comes back in the form with its error instead of a binding failure. Fields in the order the page shows them
 * (the error summary follows it).
 */
public class ProjectForm {

    /** A row of the funding table. */
    public static class FundingRow {
        private String name;
        private String amountMad;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getAmountMad() {
            return amountMad;
        }

        public void setAmountMad(String amountMad) {
            this.amountMad = amountMad;
        }
    }

    /** Empty funding rows offered on the form (no JavaScript to add rows). */
    static final int SPARE_ROWS = 3;
    static final int MIN_ROWS = 4;

    private String titleAr;
    private String titleFr;
    private String descriptionAr;
    private String descriptionFr;
    private String sector;
    private String latitude;
    private String longitude;
    private String area;
    private String costMad;
    private String contractor;
    private String startsOn;
    private String endsOn;
    private List<FundingRow> funding = new ArrayList<>();
    private List<String> commitmentIds = new ArrayList<>();
    private List<String> decisionIds = new ArrayList<>();
    private boolean published;
    private String submissionKey;

    /** A blank form with its submission key (a double click saves one project). */
    static ProjectForm blank() {
        ProjectForm form = new ProjectForm();
        form.submissionKey = java.util.UUID.randomUUID().toString();
        form.padFunding();
        return form;
    }

    /** The form of an existing project. */
    static ProjectForm of(ProjectDetail d, List<Long> linked, List<Long> decisions) {
        ProjectForm form = new ProjectForm();
        form.titleAr = d.line().titleAr();
        form.titleFr = d.line().titleFr();
        form.descriptionAr = d.descriptionAr();
        form.descriptionFr = d.descriptionFr();
        form.sector = d.line().sector().name();
        form.latitude = d.line().latitude().stripTrailingZeros().toPlainString();
        form.longitude = d.line().longitude().stripTrailingZeros().toPlainString();
        form.area = d.area();
        form.costMad = d.line().costMad() == null ? null : d.line().costMad().stripTrailingZeros().toPlainString();
        form.contractor = d.contractor();
        form.startsOn = Objects.toString(d.line().startsOn(), null);
        form.endsOn = Objects.toString(d.line().endsOn(), null);
        for (ProjectDetail.Funding f : d.funding()) {
            FundingRow row = new FundingRow();
            row.name = f.name();
            row.amountMad = f.amountMad().stripTrailingZeros().toPlainString();
            form.funding.add(row);
        }
        form.commitmentIds = new ArrayList<>(linked.stream().map(String::valueOf).toList());
        form.decisionIds = new ArrayList<>(decisions.stream().map(String::valueOf).toList());
        form.published = d.line().published();
        form.padFunding();
        return form;
    }

    /** Adds empty rows so there is room for new sources, up to the limit. */
    void padFunding() {
        int target = Math.min(ProjectRules.MAX_FUNDING_ROWS, Math.max(MIN_ROWS, filledRows() + SPARE_ROWS));
        while (funding.size() < target) {
            funding.add(new FundingRow());
        }
    }

    private int filledRows() {
        return (int) funding.stream().filter(r -> !Check.blank(r.name) || !Check.blank(r.amountMad)).count();
    }

    /** The typed fields; what cannot be read is reported in {@code typed} and left null. */
    ProjectFields fields(Check typed) {
        List<ProjectFields.Funding> rows = new ArrayList<>();
        int i = 0;
        for (FundingRow row : funding) {
            if (!Check.blank(row.name) || !Check.blank(row.amountMad)) {
                rows.add(new ProjectFields.Funding(row.name, ProjectRules.amount(typed, "funding[" + i + "].amountMad", row.amountMad)));
            }
            i++;
        }
        List<Long> commitments = ids(typed, "commitmentIds", commitmentIds, "validation.choose");
        List<Long> decisions = ids(typed, "decisionIds", decisionIds, "projects.validation.decision");
        ProjectSector s = ProjectSector.parse(sector).orElse(null);
        typed.when(!Check.blank(sector) && s == null, "sector", "validation.choose");
        return new ProjectFields(titleAr, titleFr, descriptionAr, descriptionFr, s, ProjectRules.coordinate(typed, "latitude", latitude),
                ProjectRules.coordinate(typed, "longitude", longitude), area, ProjectRules.amount(typed, "costMad", costMad), contractor,
                ProjectRules.date(typed, "startsOn", startsOn), ProjectRules.date(typed, "endsOn", endsOn), rows, commitments, published,
                decisions);
    }

    private static List<Long> ids(Check typed, String field, List<String> values, String problem) {
        List<Long> ids = new ArrayList<>();
        for (String id : values) {
            Long n = Check.number(id);
            typed.when(n == null, field, problem);
            if (n != null) {
                ids.add(n);
            }
        }
        return ids;
    }

    public String getTitleAr() { return titleAr; }
    public void setTitleAr(String v) { titleAr = v; }
    public String getTitleFr() { return titleFr; }
    public void setTitleFr(String v) { titleFr = v; }
    public String getDescriptionAr() { return descriptionAr; }
    public void setDescriptionAr(String v) { descriptionAr = v; }
    public String getDescriptionFr() { return descriptionFr; }
    public void setDescriptionFr(String v) { descriptionFr = v; }
    public String getSector() { return sector; }
    public void setSector(String v) { sector = v; }
    public String getLatitude() { return latitude; }
    public void setLatitude(String v) { latitude = v; }
    public String getLongitude() { return longitude; }
    public void setLongitude(String v) { longitude = v; }
    public String getArea() { return area; }
    public void setArea(String v) { area = v; }
    public String getCostMad() { return costMad; }
    public void setCostMad(String v) { costMad = v; }
    public String getContractor() { return contractor; }
    public void setContractor(String v) { contractor = v; }
    public String getStartsOn() { return startsOn; }
    public void setStartsOn(String v) { startsOn = v; }
    public String getEndsOn() { return endsOn; }
    public void setEndsOn(String v) { endsOn = v; }
    public List<FundingRow> getFunding() { return funding; }
    public void setFunding(List<FundingRow> v) { funding = v == null ? new ArrayList<>() : v; }
    public List<String> getCommitmentIds() { return commitmentIds; }
    public void setCommitmentIds(List<String> v) { commitmentIds = v == null ? new ArrayList<>() : v; }
    public List<String> getDecisionIds() { return decisionIds; }
    public void setDecisionIds(List<String> v) { decisionIds = v == null ? new ArrayList<>() : v; }
    public boolean isPublished() { return published; }
    public void setPublished(boolean v) { published = v; }
    public String getSubmissionKey() { return submissionKey; }
    public void setSubmissionKey(String v) { submissionKey = v; }
}
