package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CAL-3: a religious holiday confirmed on another date while requests are open moves their due dates at once, with a
 * DUE_RECOMPUTED step giving the previous and the new date; closed requests keep theirs; running it again changes
 * nothing. The holiday moved is a real provisional one years ahead, where no other request runs, and is put back.
 */
@IntegrationTest
class DueDatesTests {

    @Autowired
    DueDates dueDates;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    JdbcClient jdbc;

    final LegalClock clock = new LegalClock(InformationRules.defaults());

    record Religious(long id, LocalDate start, int days) {
    }

    long insert(long collectivity, LocalDate received, LocalDate due, boolean closed) {
        String tracking = "DUE-" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.sql("""
                insert into info_request (collectivity_id, tracking_number, first_name, last_name, postal_address, cin_cipher, cin_hash,
                    cin_hint, subject, description, delivery, urgent, lang, status, received_at, received_on, due_on, closed_at, closed_on)
                values (?, ?, 'Test', 'Test', 'Taroudant', 'x', 'x', '**', 'Sujet', 'Description', 'POSTAL', false, 'fr', ?, ?, ?, ?, ?, ?)""")
                .params(collectivity, tracking, closed ? "ANSWERED" : "RECEIVED", java.sql.Timestamp.valueOf(received.atTime(10, 0)), received, due,
                        closed ? java.sql.Timestamp.valueOf(received.plusDays(3).atTime(10, 0)) : null, closed ? received.plusDays(3) : null)
                .update();
        return jdbc.sql("select id from info_request where tracking_number = ?").param(tracking).query(Long.class).single();
    }

    LocalDate dueOf(long id) {
        return jdbc.sql("select due_on from info_request where id = ?").param(id).query(LocalDate.class).single();
    }

    @Test
    void aMovedHolidayMovesOpenDueDatesWritesTheirHistoryLeavesClosedOnesAndIsIdempotent() {
        // The latest provisional occurrence that falls on weekdays only; it moves to the Saturday after.
        Religious holiday = jdbc.sql("select id, start_date, days from religious_holiday order by start_date desc")
                .query((rs, i) -> new Religious(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3))).list().stream()
                .filter(h -> h.start().plusDays(h.days() - 1L).getDayOfWeek().getValue() <= 5 && h.start().getDayOfWeek().getValue() <= 5)
                .findFirst().orElseThrow();
        LocalDate saturday = holiday.start().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        long collectivity = jdbc.sql("select id from collectivity where slug = 'taroudant'").query(Long.class).single();
        LocalDate received = holiday.start().minusDays(10);
        LocalDate before = clock.due(new LegalClock.Inputs(received, false, false, List.of()), workingDays);
        long open = insert(collectivity, received, before, false);
        long closed = insert(collectivity, received, before, true);
        try {
            jdbc.sql("update religious_holiday set start_date = ? where id = ?").params(saturday, holiday.id()).update();
            DueDates.Result first = dueDates.recompute(holiday.start(), "test: holiday moved");
            LocalDate after = clock.due(new LegalClock.Inputs(received, false, false, List.of()), workingDays);
            assertThat(after).as("the weekdays off became working days").isBefore(before);
            assertThat(dueOf(open)).isEqualTo(after);
            assertThat(dueOf(closed)).isEqualTo(before);
            assertThat(first.changed()).isPositive();
            List<LocalDate[]> steps = jdbc.sql("select previous_due_on, due_on from info_request_event where request_id = ? and kind = 'DUE_RECOMPUTED'")
                    .param(open).query((rs, i) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}).list();
            assertThat(steps).hasSize(1);
            assertThat(steps.get(0)).containsExactly(before, after);
            assertThat(jdbc.sql("select count(*) from info_request_event where request_id = ?").param(closed).query(Integer.class).single()).isZero();

            DueDates.Result again = dueDates.recompute(holiday.start(), "test: again");
            assertThat(again.changed()).isZero();
            assertThat(jdbc.sql("select count(*) from info_request_event where request_id = ? and kind = 'DUE_RECOMPUTED'").param(open)
                    .query(Integer.class).single()).isEqualTo(1);
        } finally {
            jdbc.sql("update religious_holiday set start_date = ? where id = ?").params(holiday.start(), holiday.id()).update();
            jdbc.sql("delete from info_request where id in (?, ?)").params(open, closed).update();
        }
    }
}
