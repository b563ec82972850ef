package ma.opencommune.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The nightly provisional-holidays job takes the database lock, so only one node runs it. */
@IntegrationTest
class ProvisionalHolidaysJobTests {

    @Autowired
    ProvisionalHolidays job;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theNightlyJobRunsUnderADatabaseLock() {
        int before = jdbc.sql("select count(*) from religious_holiday").query(Integer.class).single();
        job.nightly();
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'calendar.provisional-holidays'").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from religious_holiday").query(Integer.class).single()).isEqualTo(before);
    }
}
