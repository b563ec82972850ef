package ma.opencommune.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The calendar end to end, on H2 and PostgreSQL: provisional religious holidays written at start-up (CAL-3), the
 * public holidays page, a platform admin confirming or moving a holiday, the {@link HolidayChanged} event, and
 * working-day arithmetic that follows the move at once (CAL-1).
 */
@IntegrationTest
@RecordApplicationEvents
class CalendarIntegrationTests {

    static final String ADMIN = "admin@opencommune.demo";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationEvents events;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    ReligiousHolidays religious;
    @Autowired
    ProvisionalHolidays provisional;
    @Autowired
    Clock clock;

    Long touched;

    @AfterEach
    void putTheHolidayBack() {
        if (touched != null) {
            jdbc.sql("update religious_holiday set start_date = provisional_date, status = 'PROVISIONAL', updated_by = null where id = ?")
                    .param(touched).update();
        }
    }

    int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    RequestPostProcessor admin() {
        return Logins.as(users, ADMIN);
    }

    long adminId() {
        return jdbc.sql("select id from account where email_normalized = ?").param(ADMIN).query(Long.class).single();
    }

    /**
     * A two-day religious holiday of the coming years starting on a Monday or Tuesday, with no other holiday in its
     * week, so that moving it by one day changes the working days in a way the test can state exactly.
     */
    Holiday aTwoDayHolidayEarlyInAQuietWeek() {
        List<Holiday> candidates = religious.between(LocalDate.of(currentYear() + 1, 1, 1), LocalDate.of(currentYear() + 3, 12, 31));
        for (Holiday h : candidates) {
            boolean early = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY).contains(h.start().getDayOfWeek());
            boolean alone = workingDays.holidays(h.start().getYear()).stream()
                    .filter(other -> !other.equals(h)).noneMatch(other -> other.overlaps(h.start().minusDays(3), h.start().plusDays(3)));
            if (h.days() == 2 && h.provisional() && early && alone) {
                touched = h.id();
                return h;
            }
        }
        throw new AssertionError("no two-day holiday on a quiet Monday or Tuesday in " + candidates);
    }

    @Test
    void provisionalReligiousHolidaysAreGeneratedForThisYearAndTheNextThree_CAL3() {
        for (int year = currentYear(); year <= currentYear() + WorkingDays.YEARS_AHEAD; year++) {
            List<Holiday> religiousOfYear = workingDays.holidays(year).stream().filter(Holiday::religious).toList();
            assertThat(religiousOfYear).as("year " + year).extracting(Holiday::code)
                    .contains("ISLAMIC_NEW_YEAR", "MAWLID", "EID_AL_FITR", "EID_AL_ADHA");
            assertThat(religiousOfYear).allMatch(h -> h.hijriYear() != null && h.provisionalDate() != null);
            assertThat(religiousOfYear).filteredOn(h -> h.code().equals("ISLAMIC_NEW_YEAR")).allMatch(h -> h.days() == 1);
            assertThat(religiousOfYear).filteredOn(h -> !h.code().equals("ISLAMIC_NEW_YEAR")).allMatch(h -> h.days() == 2);
        }
        int before = jdbc.sql("select count(*) from religious_holiday").query(Integer.class).single();
        assertThat(provisional.generate(currentYear())).as("a second start writes nothing").isZero();
        assertThat(jdbc.sql("select count(*) from religious_holiday").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void twoNodesStartingAtOnceWriteEachHolidayOnce() throws Exception {
        int lastYear = currentYear() + WorkingDays.YEARS_AHEAD;
        int before = jdbc.sql("select count(*) from religious_holiday").query(Integer.class).single();
        int removed = jdbc.sql("delete from religious_holiday where start_date >= ? and status = 'PROVISIONAL'")
                .param(LocalDate.of(lastYear, 1, 1)).update();
        assertThat(removed).isPositive();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> starts = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return provisional.generate(currentYear());
            }, nodes)).toList();
            go.countDown();
            int written = 0;
            for (CompletableFuture<Integer> start : starts) {
                written += start.get(30, TimeUnit.SECONDS);
            }
            assertThat(written).isEqualTo(removed);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from religious_holiday").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void fixedHolidaysApplyFromTheirYearOfEffect_CAL2() {
        assertThat(workingDays.holidays(2023)).extracting(Holiday::code).doesNotContain("AMAZIGH_NEW_YEAR", "UNITY_DAY").contains("NEW_YEAR");
        assertThat(workingDays.holidays(2024)).extracting(Holiday::code).contains("AMAZIGH_NEW_YEAR").doesNotContain("UNITY_DAY");
        Holiday unity = workingDays.holidays(2025).stream().filter(h -> h.code().equals("UNITY_DAY")).findFirst().orElseThrow();
        assertThat(unity.start()).isEqualTo(LocalDate.of(2025, 10, 31));
        assertThat(unity.toVerify()).as("announced 2025, not yet checked against the Official Bulletin").isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 1, 15))).as("Monday after Amazigh New Year").isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 1, 14))).as("Amazigh New Year 2025, a Tuesday").isFalse();
    }

    @Test
    void thePublicPageListsTheYearInArabicAndFrenchWithOneCalendarQuery() throws Exception {
        String year = String.valueOf(currentYear() + 1);
        mvc.perform(get("/ar/holidays").param("year", year)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("dir=\"rtl\""),
                        org.hamcrest.Matchers.containsString("عيد الفطر"),
                        org.hamcrest.Matchers.containsString("رأس السنة الأمازيغية"),
                        org.hamcrest.Matchers.containsString("<th scope=\"col\">التاريخ الهجري</th>"),
                        org.hamcrest.Matchers.containsString("مؤقت"))));
        mvc.perform(get("/fr/holidays").param("year", year)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("lang=\"fr\""),
                        org.hamcrest.Matchers.containsString("Aïd al-Fitr"),
                        org.hamcrest.Matchers.containsString("Nouvel An amazigh"),
                        org.hamcrest.Matchers.containsString("Provisoire"),
                        org.hamcrest.Matchers.containsString("year=" + (currentYear() + 2)),
                        org.hamcrest.Matchers.containsString("year=" + currentYear()))));
        QueryCounting.reset();
        mvc.perform(get("/fr/holidays").param("year", year)).andExpect(status().isOk());
        assertThat(QueryCounting.statements()).isLessThanOrEqualTo(1);
    }

    @Test
    void aMistypedYearShowsTheCurrentYearAndAYearOutOfRangeIsNotFound() throws Exception {
        String current = String.valueOf(currentYear());
        mvc.perform(get("/fr/holidays").param("year", "abc")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Jours fériés en " + current)));
        mvc.perform(get("/fr/holidays").param("year", "99999999999")).andExpect(status().isOk());
        mvc.perform(get("/fr/holidays")).andExpect(status().isOk());
        mvc.perform(get("/fr/holidays").param("year", "1800")).andExpect(status().isNotFound());
        mvc.perform(get("/fr/holidays").param("year", String.valueOf(currentYear() + WorkingDays.YEARS_AHEAD + 1))).andExpect(status().isNotFound());
    }

    @Test
    void aPlatformAdminMovesAHolidayAndWorkingDaysFollowAtOnce_CAL3() throws Exception {
        Holiday eid = aTwoDayHolidayEarlyInAQuietWeek();
        LocalDate start = eid.start();
        assertThat(workingDays.isWorkingDay(start)).isFalse();
        assertThat(workingDays.addWorkingDays(start, 1)).isEqualTo(start.plusDays(2));

        mvc.perform(get("/fr/admin/holidays").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/fr/admin/holidays/" + eid.id())));
        mvc.perform(get("/fr/admin/holidays/" + eid.id()).with(admin())).andExpect(status().isOk());
        LocalDate announced = start.plusDays(1);
        mvc.perform(post("/fr/admin/holidays/" + eid.id()).with(admin()).with(csrf())
                        .param("day", String.valueOf(announced.getDayOfMonth()))
                        .param("month", String.valueOf(announced.getMonthValue()))
                        .param("year", String.valueOf(announced.getYear())))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/fr/admin/holidays"));

        Holiday moved = religious.require(eid.id());
        assertThat(moved.start()).isEqualTo(announced);
        assertThat(moved.status()).isEqualTo(Holiday.Status.CONFIRMED);
        assertThat(moved.provisionalDate()).as("the provisional date stays on record").isEqualTo(start);
        assertThat(jdbc.sql("select updated_by from religious_holiday where id = ?").param(eid.id()).query(Long.class).single()).isEqualTo(adminId());

        assertThat(events.stream(HolidayChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("calendar.holiday-moved");
            assertThat(e.actorId()).isEqualTo(adminId());
            assertThat(e.collectivityId()).isNull();
            assertThat(e.previousStart()).isEqualTo(start);
            assertThat(e.start()).isEqualTo(announced);
            assertThat(e.affectedFrom()).isEqualTo(start);
            assertThat(e.summary()).contains(eid.code(), start.toString(), announced.toString());
        });
        String eventId = events.stream(HolidayChanged.class).findFirst().orElseThrow().eventId().toString();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.sql("select action from audit_entry where event_id = ?").param(eventId).query(String.class).optional())
                .as("the action log records the move").contains("calendar.holiday-moved"));

        assertThat(workingDays.isWorkingDay(start)).as("no longer a holiday").isTrue();
        assertThat(workingDays.isWorkingDay(start.plusDays(2))).as("the new second day").isFalse();
        assertThat(workingDays.addWorkingDays(start, 1)).isEqualTo(start.plusDays(3));
        mvc.perform(get("/fr/holidays").param("year", String.valueOf(start.getYear())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Confirmée")));
    }

    @Test
    void savingTheShownDateConfirmsItOnceAndPublishesAConfirmation() throws Exception {
        Holiday eid = aTwoDayHolidayEarlyInAQuietWeek();
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(post("/fr/admin/holidays/" + eid.id()).with(admin()).with(csrf())
                            .param("day", String.valueOf(eid.start().getDayOfMonth()))
                            .param("month", String.valueOf(eid.start().getMonthValue()))
                            .param("year", String.valueOf(eid.start().getYear())))
                    .andExpect(status().is3xxRedirection());
        }
        Holiday confirmed = religious.require(eid.id());
        assertThat(confirmed.start()).isEqualTo(eid.start());
        assertThat(confirmed.status()).isEqualTo(Holiday.Status.CONFIRMED);
        assertThat(events.stream(HolidayChanged.class)).as("the second save changed nothing").singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("calendar.holiday-confirmed"));
    }

    @Test
    void aDateMoreThanThreeDaysFromTheProvisionalOneOrNotADateIsRefusedWithAFormError() throws Exception {
        Holiday eid = aTwoDayHolidayEarlyInAQuietWeek();
        LocalDate tooFar = eid.provisionalDate().plusDays(4);
        mvc.perform(post("/fr/admin/holidays/" + eid.id()).with(admin()).with(csrf())
                        .param("day", String.valueOf(tooFar.getDayOfMonth()))
                        .param("month", String.valueOf(tooFar.getMonthValue()))
                        .param("year", String.valueOf(tooFar.getYear())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("class=\"error-summary\""),
                        org.hamcrest.Matchers.containsString("à 3 jours au plus de la date provisoire"),
                        org.hamcrest.Matchers.containsString("aria-invalid=\"true\""))));
        mvc.perform(post("/fr/admin/holidays/" + eid.id()).with(admin()).with(csrf())
                        .param("day", "31").param("month", "2").param("year", String.valueOf(eid.start().getYear())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Saisissez une date réelle")));
        mvc.perform(post("/fr/admin/holidays/" + eid.id()).with(admin()).with(csrf())
                        .param("day", "x").param("month", "").param("year", "20266"))
                .andExpect(status().isOk());
        assertThat(religious.require(eid.id())).isEqualTo(eid);
        assertThat(events.stream(HolidayChanged.class)).isEmpty();
    }

    @Test
    void onlyAPlatformAdminReachesTheHolidayAdministration() throws Exception {
        Holiday eid = aTwoDayHolidayEarlyInAQuietWeek();
        RequestPostProcessor staff = Logins.as(users, "staff@taroudant.demo");
        mvc.perform(get("/fr/admin/holidays").with(staff)).andExpect(status().isForbidden());
        mvc.perform(get("/fr/admin/holidays/" + eid.id()).with(staff)).andExpect(status().isForbidden());
        mvc.perform(post("/fr/admin/holidays/" + eid.id()).with(staff).with(csrf())
                        .param("day", String.valueOf(eid.start().plusDays(1).getDayOfMonth()))
                        .param("month", String.valueOf(eid.start().plusDays(1).getMonthValue()))
                        .param("year", String.valueOf(eid.start().plusDays(1).getYear())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/fr/admin/holidays")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/fr/admin/holidays/" + eid.id()).with(admin()).param("day", "1"))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(religious.require(eid.id())).isEqualTo(eid);
        assertThat(events.stream(HolidayChanged.class)).isEmpty();
    }
}
