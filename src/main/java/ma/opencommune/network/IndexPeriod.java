package ma.opencommune.network;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period the index is computed for: the twelve months ending with a month ({@code R2026-11}: 1 December 2025 to 30
 * November 2026), or a calendar year ({@code Y2025}). A period still running ends today. Monthly rolling periods are
 * the snapshots the trends are drawn from.
 */
public record IndexPeriod(String key, LocalDate from, LocalDate to) {

    private static final Pattern ROLLING = Pattern.compile("R(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("Y(\\d{4})");
    private static final Pattern PARAM_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern PARAM_YEAR = Pattern.compile("\\d{4}");
    /** The first period the index can speak of. */
    static final LocalDate EARLIEST = LocalDate.of(2015, 1, 1);

    /** The twelve months ending with {@code month}, cut at {@code today} while the month runs. */
    public static IndexPeriod rolling(YearMonth month, LocalDate today) {
        LocalDate end = month.atEndOfMonth();
        return new IndexPeriod("R" + month, month.minusMonths(11).atDay(1), end.isAfter(today) ? today : end);
    }

    /** The calendar year, cut at {@code today} while it runs. */
    public static IndexPeriod year(int year, LocalDate today) {
        LocalDate end = LocalDate.of(year, 12, 31);
        return new IndexPeriod("Y" + year, LocalDate.of(year, 1, 1), end.isAfter(today) ? today : end);
    }

    /** The period of a stored key, or empty when the key is malformed or in the future. */
    public static Optional<IndexPeriod> ofKey(String key, LocalDate today) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = ROLLING.matcher(key);
        if (m.matches()) {
            return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), today);
        }
        m = YEAR.matcher(key);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            return y < EARLIEST.getYear() || y > today.getYear() ? Optional.empty() : Optional.of(year(y, today));
        }
        return Optional.empty();
    }

    /**
     * The period an address asks for: {@code 12m} or nothing for the current twelve months, {@code 2025} for a calendar
     * year, {@code 2026-11} for the twelve months ending with that month; empty when malformed or in the future.
     */
    public static Optional<IndexPeriod> ofParam(String param, LocalDate today) {
        if (param == null || param.isBlank() || "12m".equals(param.trim())) {
            return Optional.of(rolling(YearMonth.from(today), today));
        }
        String p = param.trim();
        if (PARAM_YEAR.matcher(p).matches()) {
            return ofKey("Y" + p, today);
        }
        Matcher m = PARAM_MONTH.matcher(p);
        if (m.matches()) {
            return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), today);
        }
        return ofKey(p, today);
    }

    private static Optional<IndexPeriod> month(int year, int month, LocalDate today) {
        if (month < 1 || month > 12 || year < EARLIEST.getYear()) {
            return Optional.empty();
        }
        YearMonth ym = YearMonth.of(year, month);
        return ym.isAfter(YearMonth.from(today)) ? Optional.empty() : Optional.of(rolling(ym, today));
    }

    public boolean isRolling() {
        return key.startsWith("R");
    }

    /** The month a rolling period ends with, or the year's December. */
    public YearMonth lastMonth() {
        return YearMonth.from(isRolling() ? from.plusMonths(11) : LocalDate.of(from.getYear(), 12, 1));
    }

    /** The value an address takes for this period ({@code 2025} or {@code 2026-11}). */
    public String param() {
        return key.substring(1);
    }

    /** The last day of the period once it has ended: the month's or the year's last day. */
    public LocalDate naturalEnd() {
        return isRolling() ? lastMonth().atEndOfMonth() : LocalDate.of(from.getYear(), 12, 31);
    }

    /** Still running on {@code today}: its results change until it ends. */
    public boolean isOpen(LocalDate today) {
        return !today.isAfter(naturalEnd());
    }

    /** Length in months, for targets expressed per month (a running period counts its started months). */
    public int months() {
        return (int) java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
    }
}
