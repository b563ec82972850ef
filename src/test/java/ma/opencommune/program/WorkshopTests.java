package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Localized;
import ma.opencommune.platform.Morocco;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Workshops (OGP-1, PAC-2): announced by staff with checked input, registration until the start within the
 * capacity even under concurrency, cancellation mails, attendance and minutes at the right moments, iCalendar.
 */
@IntegrationTest
class WorkshopTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Territory territory;
    @Autowired
    Processes processes;
    @Autowired
    Workshops workshops;
    @Autowired
    Accounts accounts;

    Collectivity taroudant;
    AccountUser staff;
    long process;

    @BeforeEach
    void setUp() {
        taroudant = territory.require("taroudant");
        staff = PhaseEdgeFixtures.user(users, "staff@taroudant.demo");
        process = PhaseEdgeFixtures.process(processes, users, taroudant, PhaseKind.WORKSHOPS, -5, 30);
    }

    LocalDateTime inMorocco(Duration fromNow) {
        return LocalDateTime.ofInstant(workshops.now().plus(fromNow), Morocco.ZONE).withSecond(0).withNano(0);
    }

    long workshop(Duration startsIn, Integer capacity) {
        LocalDateTime start = inMorocco(startsIn);
        return workshops.create(taroudant, staff, process, new Workshops.Draft(new Localized("ورشة", "Atelier", "ⴰⵙⵎⵓⵏ"),
                "Ordre du jour", "IN_PERSON", "Salle des fêtes", null, start, start.plusHours(2), capacity));
    }

    AccountUser newPerson() {
        return PhaseEdgeFixtures.user(users, TestAccounts.confirmed(accounts, jdbc, "ws"));
    }

    int registrations(long workshop) {
        return jdbc.sql("select count(*) from program_registration where workshop_id = ?").param(workshop).query(Integer.class).single();
    }

    MockHttpServletRequestBuilder form(String url) {
        return post(url).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                .param("titleAr", "ورشة الماء").param("titleFr", "Atelier sur l’eau").param("titleZgh", "ⴰⵙⵎⵓⵏ ⵏ ⵡⴰⵎⴰⵏ")
                .param("mode", "IN_PERSON").param("place", "Salle des fêtes")
                .param("startsAt", "2031-03-31T10:00").param("endsAt", "2031-03-31T12:00");
    }

    @Test
    void staffAnnounceAWorkshopAndTheAgendaIsShownEscaped() throws Exception {
        String location = mvc.perform(form("/fr/c/taroudant/admin/program/" + process + "/workshops")
                        .param("agenda", "<script>alert(1)</script>\n1. Accueil").param("capacity", "40"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Workshop w = workshops.require(taroudant.id(), process, id);
        assertThat(w.startsAt()).isEqualTo(java.time.Instant.parse("2031-03-31T09:00:00Z"));
        assertThat(w.capacity()).isEqualTo(40);
        mvc.perform(get("/fr/c/taroudant/program/" + process + "/workshops/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(containsString("40 places restantes sur 40")));
        mvc.perform(get("/fr/c/taroudant/program/" + process + "/workshops")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Atelier sur l’eau")));
    }

    @Test
    void badWorkshopInputIsReportedAtOnceAndNothingIsSaved() throws Exception {
        int before = jdbc.sql("select count(*) from program_workshop").query(Integer.class).single();
        String url = "/ar/c/taroudant/admin/program/" + process + "/workshops";
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                        .param("titleAr", "Atelier").param("titleFr", "ورشة").param("titleZgh", "")
                        .param("mode", "ONLINE").param("onlineUrl", "http://visio.example.ma/x")
                        .param("startsAt", "2031-03-31T12:00").param("endsAt", "2031-03-31T10:00").param("capacity", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "titleAr", "validation.script.arabic"))
                .andExpect(model().attributeHasFieldErrorCode("form", "titleFr", "validation.script.latin"))
                .andExpect(model().attributeHasFieldErrorCode("form", "titleZgh", "validation.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "onlineUrl", "program.workshop.https"))
                .andExpect(model().attributeHasFieldErrorCode("form", "endsAt", "program.workshop.end-before-start"))
                .andExpect(model().attributeHasFieldErrorCode("form", "capacity", "program.workshop.capacity"))
                .andExpect(content().string(containsString("href=\"#capacity\"")));
        for (String capacity : List.of("-1", "99999999999", "abc", "100001")) {
            mvc.perform(form(url).param("capacity", capacity))
                    .andExpect(model().attributeHasFieldErrorCode("form", "capacity", "program.workshop.capacity"));
        }
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                        .param("titleAr", "ورشة").param("titleFr", "Atelier").param("titleZgh", "ⴰⵙⵎⵓⵏ").param("mode", "IN_PERSON")
                        .param("startsAt", "31/03/2031 10h").param("endsAt", "2031-02-30 10:00"))
                .andExpect(model().attributeHasFieldErrorCode("form", "startsAt", "program.workshop.time"))
                .andExpect(model().attributeHasFieldErrorCode("form", "endsAt", "program.workshop.time"))
                .andExpect(model().attributeHasFieldErrorCode("form", "place", "validation.required"));
        mvc.perform(form(url).param("agenda", "x".repeat(4001)))
                .andExpect(model().attributeHasFieldErrorCode("form", "agenda", "validation.text.too-long"));
        assertThat(jdbc.sql("select count(*) from program_workshop").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void twoPeopleRacingForTheLastSeatDoNotBothGetIt() throws Exception {
        long id = workshop(Duration.ofDays(3), 3);
        workshops.register(taroudant, newPerson(), process, id);
        List<AccountUser> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            racers.add(newPerson());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (AccountUser racer : racers) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        workshops.register(taroudant, racer, process, id);
                        return "seat";
                    } catch (ConflictException e) {
                        return e.messageKey();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).filteredOn("seat"::equals).hasSize(2);
            assertThat(results).filteredOn("program.workshop.full"::equals).hasSize(4);
        } finally {
            pool.shutdown();
        }
        assertThat(registrations(id)).isEqualTo(3);
    }

    @Test
    void peopleRegisterAndWithdrawUntilTheStartAndDoubleClicksChangeNothing() throws Exception {
        long id = workshop(Duration.ofDays(2), null);
        String email = TestAccounts.confirmed(accounts, jdbc, "reg");
        String page = "/fr/c/taroudant/program/" + process + "/workshops/" + id;
        mvc.perform(post(page + "/register").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(registrations(id)).isZero();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(page + "/register").with(csrf()).with(Logins.as(users, email))).andExpect(status().is3xxRedirection());
        }
        assertThat(registrations(id)).isEqualTo(1);
        mvc.perform(get(page).with(Logins.as(users, email))).andExpect(content().string(containsString("Vous êtes inscrit·e.")))
                .andExpect(content().string(containsString("Annuler mon inscription")));
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(page + "/unregister").with(csrf()).with(Logins.as(users, email))).andExpect(status().is3xxRedirection());
        }
        assertThat(registrations(id)).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from audit_entry where action = 'program.workshop-unregistered'").query(Integer.class).single()).isPositive());

        // Once it has started (or for a cancelled one) registration is refused with the reason.
        jdbc.sql("update program_workshop set starts_at = ? where id = ?")
                .params(ma.opencommune.platform.Sql.at(workshops.now().minusSeconds(60)), id).update();
        mvc.perform(post(page + "/register").with(csrf()).with(Logins.as(users, email))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("déjà commencé")));
        long cancelled = workshop(Duration.ofDays(4), null);
        workshops.cancel(taroudant, staff, process, cancelled);
        assertThatThrownBy(() -> workshops.register(taroudant, newPerson(), process, cancelled))
                .isInstanceOf(ConflictException.class).hasMessage("program.workshop.cancelled");
    }

    @Test
    void registrationDoesNotDependOnTheWorkshopsPhaseDates() {
        long closedPhase = PhaseEdgeFixtures.process(processes, users, taroudant, PhaseKind.WORKSHOPS, 20, 40);
        LocalDateTime start = inMorocco(Duration.ofDays(3));
        long id = workshops.create(taroudant, staff, closedPhase, new Workshops.Draft(new Localized("ورشة", "Atelier", "ⴰⵙⵎⵓⵏ"),
                null, "ONLINE", null, "https://visio.example.ma/a", start, start.plusHours(1), null));
        assertThat(workshops.register(taroudant, newPerson(), closedPhase, id)).isTrue();
    }

    @Test
    void cancellingEmailsEveryRegistrantAndMarksTheCalendarEvent() throws Exception {
        long id = workshop(Duration.ofDays(5), 10);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String email = TestAccounts.confirmed(accounts, jdbc, "cancel");
            emails.add(email);
            workshops.register(taroudant, PhaseEdgeFixtures.user(users, email), process, id);
        }
        mvc.perform(post("/fr/c/taroudant/admin/program/" + process + "/workshops/" + id + "/cancel").with(csrf())
                .with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().is3xxRedirection());
        for (String email : emails) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(jdbc.sql("select subject from dev_mailbox where recipient = ?").param(email).query(String.class).list())
                            .anyMatch(s -> s.startsWith("Atelier annulé")));
        }
        mvc.perform(post("/fr/c/taroudant/admin/program/" + process + "/workshops/" + id + "/cancel").with(csrf())
                .with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().isConflict());
        mvc.perform(get("/fr/c/taroudant/program/" + process + "/workshops/" + id + ".ics")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/calendar")))
                .andExpect(content().string(containsString("STATUS:CANCELLED\r\n")))
                .andExpect(content().string(containsString("UID:workshop-" + id + "@opencommune\r\n")));
    }

    @Test
    void attendanceOnlyOnceStartedAndMinutesOnlyOnceEnded() throws Exception {
        long id = workshop(Duration.ofDays(1), null);
        String admin = "/fr/c/taroudant/admin/program/" + process + "/workshops/" + id;
        assertThatThrownBy(() -> workshops.recordAttendance(taroudant, staff, process, id, 3, "WOMAN", null))
                .isInstanceOf(ConflictException.class).hasMessage("program.workshop.not-started");
        jdbc.sql("update program_workshop set starts_at = ?, ends_at = ? where id = ?")
                .params(ma.opencommune.platform.Sql.at(workshops.now().minusSeconds(3600)), ma.opencommune.platform.Sql.at(workshops.now().plusSeconds(3600)), id)
                .update();
        mvc.perform(post(admin + "/attendance").with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                .param("count", "12").param("gender", "WOMAN").param("ageBand", "25_34")).andExpect(status().is3xxRedirection());
        mvc.perform(post(admin + "/attendance").with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                .param("count", "1").param("gender", "MAN")).andExpect(status().is3xxRedirection());
        mvc.perform(post(admin + "/attendance").with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                .param("count", "abc").param("gender", "X")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Saisissez un nombre de personnes de 1 à 1 000.")));
        mvc.perform(post(admin + "/attendance").with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                .param("count", "7").param("gender", "MAN")).andExpect(status().is3xxRedirection());
        // A mistyped group is taken back (and that correction is logged).
        mvc.perform(post(admin + "/attendance/undo").with(csrf()).with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(status().is3xxRedirection());
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from audit_entry where action = 'program.workshop-attendance-corrected'").query(Integer.class).single()).isPositive());
        Workshop.Attendance a = workshops.require(taroudant.id(), process, id).attendance();
        assertThat(a.total()).isEqualTo(13);
        assertThat(a.women()).isEqualTo(12);
        assertThat(a.men()).isEqualTo(1);
        assertThat(a.age("25_34")).isEqualTo(12);
        mvc.perform(post(admin + "/minutes").with(csrf()).with(Logins.as(users, "staff@taroudant.demo")).param("minutes", "Compte rendu"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("une fois l’atelier terminé")));
        jdbc.sql("update program_workshop set ends_at = ? where id = ?").params(ma.opencommune.platform.Sql.at(workshops.now().minusSeconds(60)), id).update();
        mvc.perform(post(admin + "/minutes").with(csrf()).with(Logins.as(users, "staff@taroudant.demo")).param("minutes", "x".repeat(20_001)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ce texte est trop long.")));
        mvc.perform(post(admin + "/minutes").with(csrf()).with(Logins.as(users, "staff@taroudant.demo")).param("minutes", "<i>Compte rendu</i> : 13 personnes"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/fr/c/taroudant/program/" + process + "/workshops/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;i&gt;Compte rendu&lt;/i&gt; : 13 personnes")))
                .andExpect(content().string(containsString("12 (92 %)")));
    }

    @Test
    void theOnlineLinkIsForRegisteredPeopleAndTheRegistrantsListForStaffOnly() throws Exception {
        LocalDateTime start = inMorocco(Duration.ofDays(3));
        long id = workshops.create(taroudant, staff, process, new Workshops.Draft(new Localized("ورشة", "Atelier en ligne", "ⴰⵙⵎⵓⵏ"),
                null, "ONLINE", null, "https://visio.example.ma/secret-room", start, start.plusHours(1), null));
        String email = TestAccounts.confirmed(accounts, jdbc, "online");
        String page = "/fr/c/taroudant/program/" + process + "/workshops/" + id;
        mvc.perform(get(page)).andExpect(content().string(not(containsString("secret-room"))));
        mvc.perform(get(page + ".ics")).andExpect(content().string(not(containsString("secret-room"))));
        workshops.register(taroudant, PhaseEdgeFixtures.user(users, email), process, id);
        mvc.perform(get(page).with(Logins.as(users, email))).andExpect(content().string(containsString("https://visio.example.ma/secret-room")));
        mvc.perform(get(page)).andExpect(content().string(not(containsString(email))));
        // Staff see who registered by display name; the email stays out of pages (PDP-1).
        mvc.perform(get("/fr/c/taroudant/admin/program/" + process + "/workshops/" + id).with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Compte de test")))
                .andExpect(content().string(containsString("1 inscrits")))
                .andExpect(content().string(not(containsString(email))));
        mvc.perform(get("/fr/c/taroudant/admin/program/" + process + "/workshops/" + id).with(Logins.as(users, "staff@agadir.demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void participationFiguresCountTheCollectivitysAttendeesByGender() {
        Workshop.Attendance before = workshops.participation(taroudant.id());
        // Agadir has workshops of its own in the demo: Taroudant's attendance must not change its figures.
        int agadirBefore = workshops.participation(territory.require("agadir").id()).total();
        long id = workshop(Duration.ofDays(1), null);
        jdbc.sql("update program_workshop set starts_at = ? where id = ?").params(ma.opencommune.platform.Sql.at(workshops.now().minusSeconds(60)), id).update();
        workshops.recordAttendance(taroudant, staff, process, id, 3, "WOMAN", null);
        workshops.recordAttendance(taroudant, staff, process, id, 1, null, "65_PLUS");
        Workshop.Attendance after = workshops.participation(taroudant.id());
        assertThat(after.total() - before.total()).isEqualTo(4);
        assertThat(after.women() - before.women()).isEqualTo(3);
        assertThat(after.men()).isEqualTo(before.men());
        assertThat(workshops.participation(territory.require("agadir").id()).total()).isEqualTo(agadirBefore);
    }

    @Test
    void everyDiagnosisAndWorkshopPageAnswersInTheFourLanguages() throws Exception {
        long first = jdbc.sql("select min(id) from program_process where collectivity_id = ? and starts_on = "
                + "(select min(starts_on) from program_process where collectivity_id = ?)").params(taroudant.id(), taroudant.id())
                .query(Long.class).single();
        long ws = jdbc.sql("select min(id) from program_workshop where process_id = ?").param(first).query(Long.class).single();
        long area = jdbc.sql("select min(id) from program_area where process_id = ?").param(first).query(Long.class).single();
        for (String lang : List.of("ar", "fr", "zgh", "en")) {
            for (String path : List.of("/program/" + first + "/diagnosis", "/program/" + first + "/workshops", "/program/" + first + "/workshops/" + ws)) {
                mvc.perform(get("/" + lang + "/c/taroudant" + path)).andExpect(status().isOk());
            }
            for (String path : List.of("/diagnosis", "/diagnosis/" + area, "/workshops", "/workshops/new", "/workshops/" + ws)) {
                mvc.perform(get("/" + lang + "/c/taroudant/admin/program/" + first + path).with(Logins.as(users, "staff@taroudant.demo")))
                        .andExpect(status().isOk());
            }
        }
    }

    @Test
    void theCollectivityFeedListsPublicWorkshopsInIcalendar() throws Exception {
        String ics = mvc.perform(get("/ar/c/taroudant/program/workshops.ics")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT\r\n").contains("SUMMARY:ورشة");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void theWorkshopsPageRunsTheSameNumberOfStatementsWhateverTheNumberOfWorkshops() throws Exception {
        String url = "/fr/c/taroudant/program/" + process + "/workshops";
        workshop(Duration.ofDays(2), 5);
        mvc.perform(get(url)).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(get(url)).andExpect(status().isOk());
        long few = QueryCounting.statements();
        for (int i = 0; i < 5; i++) {
            long id = workshop(Duration.ofDays(3 + i), 50);
            workshops.register(taroudant, newPerson(), process, id);
        }
        QueryCounting.reset();
        mvc.perform(get(url)).andExpect(status().isOk());
        assertThat(QueryCounting.statements()).isEqualTo(few);
    }

    @Test
    void agadirStaffCannotChangeTaroudantsWorkshopsAndNothingChanges() throws Exception {
        long id = workshop(Duration.ofDays(6), 20);
        workshops.register(taroudant, newPerson(), process, id);
        String snapshot = "select title_fr || ':' || coalesce(cancelled_at, starts_at) || ':' || coalesce(minutes, '-') || ':'"
                + " || (select count(*) from program_attendance a where a.workshop_id = w.id) from program_workshop w where id = ?";
        String before = jdbc.sql(snapshot).param(id).query(String.class).single();
        String base = "/fr/c/taroudant/admin/program/" + process + "/workshops";
        for (String path : List.of(base, base + "/" + id, base + "/" + id + "/cancel", base + "/" + id + "/attendance",
                base + "/" + id + "/attendance/undo", base + "/" + id + "/minutes")) {
            int code = mvc.perform(form(path).with(Logins.as(users, "staff@agadir.demo")).param("count", "5").param("minutes", "Piraté"))
                    .andReturn().getResponse().getStatus();
            assertThat(code).as(path).isIn(403, 404);
        }
        mvc.perform(form("/fr/c/agadir/admin/program/" + process + "/workshops/" + id + "/cancel").with(Logins.as(users, "staff@agadir.demo")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql(snapshot).param(id).query(String.class).single()).isEqualTo(before);
    }
}
