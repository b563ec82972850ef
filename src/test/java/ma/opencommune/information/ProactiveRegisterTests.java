package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** ATI-11: officers keep the proactive register; the public sees it by category with late items flagged. */
@IntegrationTest
class ProactiveRegisterTests {

    static final String ADMIN = "/fr/c/taroudant/admin/information/register";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Territory territory;
    @Autowired
    ProactiveRegister register;

    Collectivity taroudant;
    AccountUser officer;

    @BeforeEach
    void setUp() {
        taroudant = territory.require("taroudant");
        officer = InformationFixtures.user(users, "staff@taroudant.demo");
    }

    ProactiveRegister.Draft draft(String fr, LocalDate last, ProactiveRegister.Frequency frequency) {
        return new ProactiveRegister.Draft(ProactiveRegister.Category.BUDGET, "الميزانية " + fr, fr, null, "https://taroudant.ma/budget", last,
                frequency, null, null);
    }

    @Test
    void theNextUpdateIsTheLastUpdatePlusTheFrequency() {
        LocalDate last = LocalDate.of(2026, 1, 31);
        assertThat(ProactiveRegister.Frequency.MONTHLY.next(last)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(ProactiveRegister.Frequency.QUARTERLY.next(last)).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(ProactiveRegister.Frequency.HALF_YEARLY.next(last)).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(ProactiveRegister.Frequency.YEARLY.next(last)).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(ProactiveRegister.Frequency.ON_CHANGE.next(last)).isNull();
    }

    @Test
    void anItemDueTodayIsNotFlaggedButOneDueYesterdayIs() throws Exception {
        LocalDate today = register.today();
        String marker = InformationFixtures.unique();
        long dueToday = register.add(taroudant, officer, draft("Budget à jour " + marker, today.minusMonths(1), ProactiveRegister.Frequency.MONTHLY));
        long late = register.add(taroudant, officer, draft("Budget en retard " + marker, today.minusMonths(1).minusDays(1), ProactiveRegister.Frequency.MONTHLY));
        long onChange = register.add(taroudant, officer, draft("Budget au fil " + marker, today.minusYears(3), ProactiveRegister.Frequency.ON_CHANGE));
        // Months differ in length: whatever the day, "due today" is a month after the last update.
        assertThat(register.item(taroudant.id(), dueToday).nextUpdateDue()).isEqualTo(today.minusMonths(1).plusMonths(1));
        assertThat(register.item(taroudant.id(), dueToday).overdue(today)).isEqualTo(today.minusMonths(1).plusMonths(1).isBefore(today));
        assertThat(register.item(taroudant.id(), late).overdue(today)).isTrue();
        assertThat(register.item(taroudant.id(), onChange).overdue(today)).isFalse();
        ProactiveRegister.Item exact = new ProactiveRegister.Item(1, ProactiveRegister.Category.BUDGET, null, null, null, null, today,
                ProactiveRegister.Frequency.MONTHLY, today, null);
        assertThat(exact.overdue(today)).isFalse();
        assertThat(exact.overdue(today.plusDays(1))).isTrue();

        String page = mvc.perform(get("/fr/c/taroudant/information/register")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String lateRow = page.substring(page.indexOf("Budget en retard " + marker));
        assertThat(lateRow.substring(0, lateRow.indexOf("</tr>"))).contains("Mise à jour en retard", "<svg");
        String onChangeRow = page.substring(page.indexOf("Budget au fil " + marker));
        assertThat(onChangeRow.substring(0, onChangeRow.indexOf("</tr>"))).contains("À chaque changement").doesNotContain("en retard");
    }

    @Test
    void officersAddChangeAndRemoveItemsAndEachChangeIsLogged() throws Exception {
        String title = "Contact du chargé " + InformationFixtures.unique();
        MockMultipartFile pdf = new MockMultipartFile("document", "contact.pdf", "application/pdf", "%PDF-1.4 contact".getBytes());
        mvc.perform(multipart(ADMIN).file(pdf).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                        .param("category", "OFFICER_CONTACT").param("titleAr", "الاتصال بالمكلف").param("titleFr", title)
                        .param("titleZgh", "ⴰⵎⵢⴰⵡⴰⴹ").param("lastUpdatedOn", register.today().toString()).param("frequency", "YEARLY"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from info_proactive_item where title_fr = ?").param(title).query(Long.class).single();
        assertThat(register.item(taroudant.id(), id).nextUpdateDue()).isEqualTo(register.today().plusYears(1));
        mvc.perform(get("/fr/c/taroudant/information/register/" + id + "/document")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get("/fr/c/agadir/information/register/" + id + "/document")).andExpect(status().isNotFound());

        mvc.perform(multipart(ADMIN + "/" + id).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                        .param("category", "OFFICER_CONTACT").param("titleAr", "الاتصال بالمكلف").param("titleFr", title + " (modifié)")
                        .param("lastUpdatedOn", register.today().toString()).param("frequency", "ON_CHANGE"))
                .andExpect(status().is3xxRedirection());
        ProactiveRegister.Item changed = register.item(taroudant.id(), id);
        assertThat(changed.nextUpdateDue()).isNull();
        assertThat(changed.hasDocument()).isTrue();

        mvc.perform(post(ADMIN + "/" + id + "/delete").with(csrf()).with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from info_proactive_item where id = ?").param(id).query(Integer.class).single()).isZero();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("select count(*) from audit_entry where action = 'information.register-changed' and summary like ?")
                        .param("register item " + id + " %").query(Integer.class).single()).isEqualTo(3));
    }

    @Test
    void badInputGivesFieldErrorsAndSavesNothing() throws Exception {
        int before = jdbc.sql("select count(*) from info_proactive_item").query(Integer.class).single();
        mvc.perform(multipart(ADMIN).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                        .param("category", "NOPE").param("titleAr", "Budget").param("titleFr", "<script>x</script>")
                        .param("lastUpdatedOn", "2026-02-30").param("frequency", "DAILY"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "category", "validation.choose"))
                .andExpect(model().attributeHasFieldErrorCode("form", "frequency", "validation.choose"))
                .andExpect(model().attributeHasFieldErrorCode("form", "lastUpdatedOn", "validation.date"));
        mvc.perform(multipart(ADMIN).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                        .param("category", "BUDGET").param("titleAr", "Budget").param("titleFr", "<b>Budget</b>")
                        .param("url", "javascript:alert(1)").param("lastUpdatedOn", register.today().plusDays(1).toString()).param("frequency", "YEARLY"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "titleAr", "validation.script.arabic"))
                .andExpect(model().attributeHasFieldErrorCode("form", "titleFr", "validation.characters"))
                .andExpect(model().attributeHasFieldErrorCode("form", "url", "validation.website"))
                .andExpect(model().attributeHasFieldErrorCode("form", "lastUpdatedOn", "information.register.validation.future"))
                .andExpect(content().string(containsString("error-summary")));
        MockMultipartFile fake = new MockMultipartFile("document", "budget.pdf", "application/pdf", "<html>not a pdf</html>".getBytes());
        mvc.perform(multipart(ADMIN).file(fake).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                        .param("category", "BUDGET").param("titleAr", "الميزانية").param("titleFr", "Budget")
                        .param("lastUpdatedOn", register.today().toString()).param("frequency", "YEARLY"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "document", "validation.file.type"));
        mvc.perform(multipart(ADMIN).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                        .param("category", "BUDGET").param("titleAr", "الميزانية").param("titleFr", "Budget")
                        .param("lastUpdatedOn", register.today().toString()).param("frequency", "YEARLY"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "url", "information.register.validation.link-or-document"));
        assertThat(jdbc.sql("select count(*) from info_proactive_item").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void anotherCollectivitysStaffCannotReachTheRegisterAdministration() throws Exception {
        long id = register.add(taroudant, officer, draft("Budget tenancy " + InformationFixtures.unique(), register.today(), ProactiveRegister.Frequency.YEARLY));
        var agadir = Logins.as(users, "staff@agadir.demo");
        mvc.perform(get(ADMIN).with(agadir)).andExpect(status().isForbidden());
        mvc.perform(get(ADMIN + "/" + id).with(agadir)).andExpect(status().isForbidden());
        mvc.perform(multipart(ADMIN + "/" + id).with(csrf()).with(agadir).param("category", "OTHER").param("titleAr", "أخرى")
                .param("titleFr", "Pirate").param("url", "https://x.ma").param("lastUpdatedOn", "2026-01-01").param("frequency", "YEARLY"))
                .andExpect(status().isForbidden());
        mvc.perform(post(ADMIN + "/" + id + "/delete").with(csrf()).with(agadir)).andExpect(status().isForbidden());
        // Taroudant's item is not Agadir's, even through Agadir's own URL.
        mvc.perform(get("/fr/c/agadir/admin/information/register/" + id).with(agadir)).andExpect(status().isNotFound());
        mvc.perform(post("/fr/c/agadir/admin/information/register/" + id + "/delete").with(csrf()).with(agadir)).andExpect(status().isNotFound());
        mvc.perform(get(ADMIN).with(Logins.as(users, "citizen@opencommune.demo"))).andExpect(status().isForbidden());
        assertThat(register.item(taroudant.id(), id).title().fr()).startsWith("Budget tenancy");
    }

    @Test
    void theRegisterPagesRunAConstantNumberOfQueries() throws Exception {
        var staff = Logins.as(users, "staff@taroudant.demo");
        long publicPage = statements(get("/fr/c/taroudant/information/register"));
        long adminPage = statements(get(ADMIN).with(staff));
        for (int i = 0; i < 5; i++) {
            register.add(taroudant, officer, draft("Budget compte " + i + " " + InformationFixtures.unique(), register.today(), ProactiveRegister.Frequency.YEARLY));
        }
        assertThat(statements(get("/fr/c/taroudant/information/register"))).isEqualTo(publicPage).isLessThanOrEqualTo(6);
        assertThat(statements(get(ADMIN).with(staff))).isEqualTo(adminPage).isLessThanOrEqualTo(12);
    }

    long statements(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(request).andExpect(status().isOk());
        return QueryCounting.statements();
    }
}
