package ma.opencommune.network.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The network's events: capacity at its edge (also under concurrency), registration on its closing day and after it,
 * coordinator-only pages, and the registrants never shown to the public.
 */
@IntegrationTest
class NetworkEventTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired NetworkEvents events;
    @Autowired Practices practices;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    ExchangeFixture fx;
    AccountUser coordinator;

    @BeforeEach
    void setUp() {
        fx = new ExchangeFixture(jdbc, practices, territory, accounts, grants, users);
        coordinator = fx.user("coordinator@opencommune.demo");
    }

    NetworkEvents.Details details(Integer capacity, LocalDate closes) {
        LocalDateTime start = LocalDateTime.of(events.today().plusDays(10), LocalTime.of(9, 0));
        return new NetworkEvents.Details(NetworkEvent.Kind.WORKSHOP, "ورشة", "Atelier", null, null, start, start.plusHours(3), "Taroudant", null,
                null, capacity, closes);
    }

    @Test
    void theLastPlaceIsTakenAndTheNextPersonIsRefused() {
        long id = events.create(coordinator, details(2, events.today().plusDays(5)), null);
        AccountUser a = fx.user(fx.account());
        assertThat(events.register(a, id, "Commune test")).isTrue();
        assertThat(events.register(a, id, null)).isFalse();
        assertThat(events.register(fx.user(fx.account()), id, null)).isTrue();
        assertThatThrownBy(() -> events.register(fx.user(fx.account()), id, null)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("messageKey", "network.exchange.conflict.full");
        assertThat(events.event(id).placesLeft()).isZero();
        events.unregister(a, id);
        assertThat(events.event(id).placesLeft()).isEqualTo(1);
        assertThatThrownBy(() -> events.edit(coordinator, id, details(0, events.today()))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void registeringAtOnceNeverOverfillsTheEvent() throws Exception {
        long id = events.create(coordinator, details(3, events.today().plusDays(5)), null);
        List<AccountUser> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(fx.user(fx.account()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (AccountUser p : people) {
                Callable<Boolean> task = () -> {
                    try {
                        return events.register(p, id, null);
                    } catch (ConflictException full) {
                        return false;
                    }
                };
                results.add(pool.submit(task));
            }
            int taken = 0;
            for (Future<Boolean> r : results) {
                taken += r.get() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(3);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from exchange_registration where event_id = ?").param(id).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void registrationIsOpenOnItsClosingDayAndRefusedTheDayAfter() {
        long onTheDay = events.create(coordinator, details(null, events.today()), null);
        long dayAfter = events.create(coordinator, details(null, events.today().minusDays(1)), null);
        assertThat(events.register(fx.user(fx.account()), onTheDay, null)).isTrue();
        assertThatThrownBy(() -> events.register(fx.user(fx.account()), dayAfter, null)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("messageKey", "network.exchange.conflict.closed");
    }

    @Test
    void badDetailsAreAllReportedAndOnlyTheCoordinatorWrites() {
        LocalDateTime start = LocalDateTime.of(events.today().plusDays(3), LocalTime.of(9, 0));
        NetworkEvents.Details bad = new NetworkEvents.Details(null, "Atelier", "ورشة", null, null, start, start.minusHours(1), null,
                "javascript:alert(1)", null, 0, start.toLocalDate().plusDays(1));
        assertThatThrownBy(() -> events.create(coordinator, bad, null)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).containsEntry("kind", "validation.required").containsEntry("titleAr", "validation.script.arabic")
                        .containsEntry("titleFr", "validation.script.latin").containsEntry("endsAt", "validation.period.order")
                        .containsEntry("onlineUrl", "validation.website").containsEntry("capacity", "network.exchange.validation.capacity")
                        .containsEntry("registrationClosesOn", "network.exchange.validation.closes"));
        assertThatThrownBy(() -> events.create(fx.user("staff@taroudant.demo"), details(null, events.today()), null))
                .isInstanceOf(AccessDeniedException.class);
        long id = events.create(coordinator, details(null, events.today()), null);
        events.cancel(coordinator, id, "Reportée");
        assertThatThrownBy(() -> events.register(fx.user(fx.account()), id, null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> events.cancel(coordinator, id, "encore")).isInstanceOf(ConflictException.class);
    }

    @Test
    void coordinatorPagesAreRefusedToStaffAndAnonymousAndRegistrantsAreNeverPublic() throws Exception {
        long id = events.create(coordinator, details(10, events.today().plusDays(2)), null);
        String reader = fx.account();
        mvc.perform(post("/fr/network/events/" + id + "/registration").with(csrf()).with(Logins.as(users, reader))
                .param("organisation", "Association Tamount")).andExpect(status().is3xxRedirection());
        for (String path : new String[] {"/fr/network/admin/events", "/fr/network/admin/events/new", "/ar/network/admin/events/" + id}) {
            mvc.perform(get(path).with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/fr/network/admin/events/" + id + "/cancellation").with(csrf()).with(Logins.as(users, "staff@agadir.demo"))
                .param("reason", "x")).andExpect(status().isForbidden());
        String admin = mvc.perform(get("/fr/network/admin/events/" + id).with(Logins.as(users, "coordinator@opencommune.demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(admin).contains("Association Tamount").contains("Compte de test");
        String pub = mvc.perform(get("/fr/network/events/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(pub).contains("9 places restantes").doesNotContain("Association Tamount").doesNotContain("Compte de test");
        assertThat(mvc.perform(get("/fr/network/events")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .doesNotContain("Association Tamount");
        assertThat(mvc.perform(get("/fr/network/events.ics")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("BEGIN:VCALENDAR").contains("network-event-" + id).doesNotContain("Tamount");
    }

    @Test
    void theCoordinatorCreatesAnEventThroughTheFormOnceAndSeesErrorsInArabic() throws Exception {
        String key = UUID.randomUUID().toString();
        String start = events.today().plusDays(20) + "T09:00";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/fr/network/admin/events/new").with(csrf()).with(Logins.as(users, "coordinator@opencommune.demo"))
                    .param("kind", "WEBINAR").param("titleFr", "Webinaire test " + key).param("startsAt", start)
                    .param("endsAt", events.today().plusDays(20) + "T10:30").param("onlineUrl", "https://visio.example.ma/x")
                    .param("registrationClosesOn", events.today().plusDays(19).toString()).param("submissionKey", key))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(jdbc.sql("select count(*) from exchange_event where title_fr = ?").param("Webinaire test " + key).query(Integer.class).single())
                .isEqualTo(1);
        String ar = mvc.perform(post("/ar/network/admin/events/new").with(csrf()).with(Logins.as(users, "coordinator@opencommune.demo"))
                .param("kind", "PARTY").param("startsAt", "demain").param("host", "nowhere").param("capacity", "-3")
                .param("submissionKey", UUID.randomUUID().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ar).contains("error-summary").contains("href=\"#kind\"").contains("href=\"#startsAt\"").contains("href=\"#host\"")
                .contains("href=\"#capacity\"").contains("href=\"#titleAr\"").contains("dir=\"rtl\"");
    }
}
