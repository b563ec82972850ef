package ma.opencommune.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import ma.opencommune.platform.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar's tables. Nothing is cached: every node reads the same rows, so a move is seen everywhere at once. */
@Repository
class HolidayStore implements HolidaySource {

    /** Religious holidays last one or two days (CAL-3); a range query reaches back this far to catch a second day. */
    static final int MAX_DAYS = 2;

    private static final String RELIGIOUS_COLUMNS = "id, code, hijri_year, start_date, days, status, provisional_date";

    private final JdbcClient jdbc;

    HolidayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One query for both tables: the fixed-date rules in force in those years and the religious occurrences. */
    @Override
    public List<Holiday> between(LocalDate from, LocalDate to) {
        List<Row> rows = jdbc.sql("""
                select 'FIXED' as kind, cast(null as bigint) as id, code, holiday_month, holiday_day, valid_from, valid_to, to_verify,
                       cast(null as integer) as hijri_year, cast(null as date) as start_date, cast(null as integer) as days,
                       cast(null as varchar(20)) as status, cast(null as date) as provisional_date
                  from fixed_holiday_rule
                 where valid_from <= :toYear and (valid_to is null or valid_to >= :fromYear)
                union all
                select 'RELIGIOUS', id, code, cast(null as integer), cast(null as integer), cast(null as integer), cast(null as integer), false,
                       hijri_year, start_date, days, status, provisional_date
                  from religious_holiday
                 where start_date between :reachBack and :to""")
                .param("fromYear", from.getYear())
                .param("toYear", to.getYear())
                .param("reachBack", from.minusDays(MAX_DAYS - 1L))
                .param("to", to)
                .query(HolidayStore::row)
                .list();
        List<Holiday> holidays = new ArrayList<>();
        for (Row row : rows) {
            if (row.religious != null) {
                if (row.religious.overlaps(from, to)) {
                    holidays.add(row.religious);
                }
                continue;
            }
            for (int year = Math.max(from.getYear(), row.validFrom); year <= to.getYear()
                    && (row.validTo == null || year <= row.validTo); year++) {
                LocalDate date = dateOf(year, row.month, row.day);
                if (date != null && !date.isBefore(from) && !date.isAfter(to)) {
                    holidays.add(Holiday.fixed(row.code, date, row.toVerify));
                }
            }
        }
        holidays.sort(Comparator.comparing(Holiday::start).thenComparing(Holiday::code));
        return holidays;
    }

    Optional<Holiday> religious(long id) {
        return jdbc.sql("select " + RELIGIOUS_COLUMNS + " from religious_holiday where id = ?")
                .param(id).query((rs, n) -> religious(rs)).optional();
    }

    /**
     * Inserts a provisional occurrence unless one exists for this code and Hijri year. {@code on conflict do
     * nothing} keeps a concurrent start-up of two nodes from failing (and, on PostgreSQL, from aborting the
     * transaction) on the unique key: the loser's insert is simply a no-op. Returns whether a row was written.
     */
    boolean insertProvisional(String code, int hijriYear, LocalDate start, int days, Instant now) {
        return jdbc.sql("""
                insert into religious_holiday (code, hijri_year, start_date, days, status, provisional_date, updated_at, updated_by)
                values (?, ?, ?, ?, 'PROVISIONAL', ?, ?, null)
                on conflict do nothing""")
                .params(code, hijriYear, start, days, start, Sql.at(now))
                .update() == 1;
    }

    /**
     * Confirms an occurrence on {@code start}, only if nobody changed it since it was read (compare and set), so
     * two admins acting at once cannot both believe their change was the one applied.
     */
    boolean confirm(Holiday read, LocalDate start, long actorId, Instant now) {
        return jdbc.sql("""
                update religious_holiday set start_date = ?, status = 'CONFIRMED', updated_at = ?, updated_by = ?
                 where id = ? and start_date = ? and status = ?""")
                .params(start, Sql.at(now), actorId, read.id(), read.start(), read.status().name())
                .update() == 1;
    }

    private static LocalDate dateOf(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException noSuchDay) {
            return null;
        }
    }

    private static Holiday religious(ResultSet rs) throws SQLException {
        return new Holiday(rs.getLong("id"), rs.getString("code"), Holiday.Kind.RELIGIOUS, rs.getObject("start_date", LocalDate.class),
                rs.getInt("days"), Holiday.Status.valueOf(rs.getString("status")), rs.getInt("hijri_year"),
                rs.getObject("provisional_date", LocalDate.class), false);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        if ("RELIGIOUS".equals(rs.getString("kind").trim())) {
            return new Row(religious(rs), null, 0, 0, 0, null, false);
        }
        int validTo = rs.getInt("valid_to");
        Integer until = rs.wasNull() ? null : validTo;
        return new Row(null, rs.getString("code"), rs.getInt("holiday_month"), rs.getInt("holiday_day"), rs.getInt("valid_from"),
                until, rs.getBoolean("to_verify"));
    }

    /** Either a religious occurrence or a fixed-date rule still to expand into the years asked for. */
    private record Row(Holiday religious, String code, int month, int day, int validFrom, Integer validTo, boolean toVerify) {
    }
}
