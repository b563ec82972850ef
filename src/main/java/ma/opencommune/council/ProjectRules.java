package ma.opencommune.council;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.regex.Pattern;
import ma.opencommune.platform.Check;

/**
 * The checks of a project's fields and of typed numbers, shared by the staff pages and the façade: every broken rule
 * is reported at once, nothing is saved before all pass.
 */
public final class ProjectRules {

    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 20_000;
    public static final int MAX_CONTRACTOR = 300;
    public static final int MAX_FUNDING_ROWS = 10;
    public static final int MAX_UPDATE_TEXT = 4_000;
    public static final int MAX_PHOTOS = 5;
    /** numeric(15, 2): below ten thousand billion dirhams, far above any commune's project. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");

    private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,13}([.,][0-9]{1,2})?");
    private static final Pattern COORDINATE = Pattern.compile("-?[0-9]{1,3}([.,][0-9]{1,8})?");

    private ProjectRules() {
    }

    /**
     * An amount in dirhams as people type it (1 250 000,50 or 1250000.5), or null when blank; what cannot be read,
     * a negative amount or one too large is reported on {@code field}.
     */
    public static BigDecimal amount(Check check, String field, String value) {
        String v = compact(value);
        if (v == null) {
            return null;
        }
        if (!AMOUNT.matcher(v).matches()) {
            check.reject(field, v.length() > 16 && v.matches("-?[0-9]+([.,][0-9]+)?") ? "projects.validation.amount.too-large"
                    : "projects.validation.amount");
            return null;
        }
        BigDecimal amount = new BigDecimal(v.replace(',', '.'));
        if (amount.signum() < 0) {
            check.reject(field, "projects.validation.amount.negative");
            return null;
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            check.reject(field, "projects.validation.amount.too-large");
            return null;
        }
        return amount;
    }

    /** A latitude or longitude in decimal degrees, or null (reported) when it cannot be read. */
    public static BigDecimal coordinate(Check check, String field, String value) {
        String v = compact(value);
        if (v == null) {
            return null;
        }
        if (!COORDINATE.matcher(v).matches()) {
            check.reject(field, "projects.validation.coordinate");
            return null;
        }
        return new BigDecimal(v.replace(',', '.'));
    }

    /** A whole percentage from 0 to 100, or null (reported) when blank or out of range. */
    public static Integer percent(Check check, String field, String value) {
        String v = compact(value);
        Long n = Check.number(v == null ? null : v.replace("%", ""));
        if (v != null && (n == null || n < 0 || n > 100)) {
            check.reject(field, "projects.validation.percent");
            return null;
        }
        return n == null ? null : n.intValue();
    }

    /** A date typed as yyyy-mm-dd (a date field), or null (reported) when it cannot be read. */
    public static LocalDate date(Check check, String field, String value) {
        String v = compact(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            check.reject(field, "validation.date");
            return null;
        }
    }

    private static String compact(String value) {
        if (Check.blank(value)) {
            return null;
        }
        // Spaces (plain, no-break, narrow no-break) group thousands as people write them.
        String v = value.strip().replaceAll("[\\s\\u00A0\\u202F]", "");
        return v.length() > 40 ? v.substring(0, 40) + "x" : v;
    }

    /**
     * Checks every field; {@code commitmentChoices} are the commitment ids this collectivity may link and
     * {@code decisionChoices} its published council decisions among those the form sent.
     */
    public static void check(Check check, ProjectFields f, Collection<Long> commitmentChoices, Collection<Long> decisionChoices) {
        boolean noTitle = Check.blank(f.titleAr()) && Check.blank(f.titleFr());
        check.when(noTitle, "titleAr", "projects.validation.title-one");
        check.text("titleAr", f.titleAr(), false, MAX_TITLE)
                .text("titleFr", f.titleFr(), false, MAX_TITLE)
                .text("descriptionAr", f.descriptionAr(), false, MAX_DESCRIPTION)
                .text("descriptionFr", f.descriptionFr(), false, MAX_DESCRIPTION)
                .required("sector", f.sector())
                .required("latitude", f.latitude())
                .required("longitude", f.longitude());
        check.when(f.latitude() != null && (f.latitude().doubleValue() < ProjectGeometry.MIN_LAT
                || f.latitude().doubleValue() > ProjectGeometry.MAX_LAT), "latitude", "projects.validation.outside-morocco");
        check.when(f.longitude() != null && (f.longitude().doubleValue() < ProjectGeometry.MIN_LON
                || f.longitude().doubleValue() > ProjectGeometry.MAX_LON), "longitude", "projects.validation.outside-morocco");
        ProjectGeometry.Area area = ProjectGeometry.area(f.area());
        check.when(area.problem() != null, "area", area.problem() == null ? "" : area.problem());
        check.text("contractor", f.contractor(), false, MAX_CONTRACTOR);
        check.when(f.startsOn() != null && f.endsOn() != null && f.endsOn().isBefore(f.startsOn()), "endsOn", "validation.period.order");
        check.when(f.funding().size() > MAX_FUNDING_ROWS, "funding", "projects.validation.funding.too-many");
        for (int i = 0; i < f.funding().size(); i++) {
            ProjectFields.Funding row = f.funding().get(i);
            String prefix = "funding[" + i + "].";
            boolean named = !Check.blank(row.name());
            check.when(!named && row.amountMad() != null, prefix + "name", "validation.required");
            check.when(named && row.amountMad() == null, prefix + "amountMad", "validation.required");
            check.when(row.amountMad() != null && row.amountMad().signum() == 0, prefix + "amountMad", "projects.validation.amount.zero");
            check.text(prefix + "name", row.name(), false, MAX_CONTRACTOR);
        }
        for (Long id : f.commitmentIds()) {
            check.when(!commitmentChoices.contains(id), "commitmentIds", "validation.choose");
        }
        for (Long id : f.decisionIds()) {
            check.when(!decisionChoices.contains(id), "decisionIds", "projects.validation.decision");
        }
    }
}
