package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Staff pages: creating and editing projects, status changes, progress with photos, bad input and tenancy. */
@IntegrationTest
class ProjectAdminTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    ProjectFixture fx;
    Collectivity c;
    String secretary;

    @BeforeEach
    void setUp() {
        fx = new ProjectFixture(jdbc, projects, territory, accounts, grants, users);
        c = fx.collectivity();
        secretary = fx.secretary(c);
    }

    String admin() {
        return "/fr/c/" + c.slug() + "/admin/projects";
    }

    /** The filled staff form; {@code changes} are name/value pairs replacing its values. */
    MockHttpServletRequestBuilder form(String url, String... changes) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("titleAr", "تهيئة <b>الساحة</b>");
        values.put("titleFr", "Place '; drop table x;--");
        values.put("sector", "ROADS");
        values.put("latitude", "30,4703");
        values.put("longitude", "-8.8770");
        values.put("costMad", "1 250 000");
        values.put("startsOn", "2026-01-01");
        values.put("endsOn", "2026-12-31");
        values.put("funding[0].name", "Commune");
        values.put("funding[0].amountMad", "1000000");
        values.put("funding[1].name", "INDH");
        values.put("funding[1].amountMad", "250000");
        values.put("published", "true");
        for (int i = 0; i + 1 < changes.length; i += 2) {
            values.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder b = post(url).with(csrf()).with(Logins.as(users, secretary));
        values.forEach(b::param);
        return b;
    }

    /** The action log records events after the transaction, on another thread: wait for it. */
    void audited(String action) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from audit_entry where action = ? and collectivity_id = ?").params(action, c.id()).query(Integer.class).single() == 1);
    }

    int count() {
        return jdbc.sql("select count(*) from council_project where collectivity_id = ?").param(c.id()).query(Integer.class).single();
    }

    @Test
    void staffCreateAProjectOnceEvenWhenTheFormIsSentTwice() throws Exception {
        String key = UUID.randomUUID().toString();
        String location = mvc.perform(form(admin() + "/new").param("submissionKey", key)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(form(admin() + "/new").param("submissionKey", key)).andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(1);
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String page = mvc.perform(get("/fr/c/" + c.slug() + "/projects/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        // Markup and SQL typed in titles are plain text on the page.
        assertThat(page).contains("Place &#39;; drop table x;--").contains("INDH").doesNotContain("<b>الساحة</b>");
        audited("projects.created");
    }

    @Test
    void badInputIsListedFieldByFieldAndNothingIsSaved() throws Exception {
        mvc.perform(form(admin() + "/new", "titleAr", "", "titleFr", "", "latitude", "48.85", "longitude", "abc", "costMad", "-5",
                        "endsOn", "2025-01-01", "area", "{\"type\":\"Polygon\"}", "funding[1].amountMad", "beaucoup",
                        "descriptionFr", "x".repeat(1_000_000)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "titleAr", "projects.validation.title-one"))
                .andExpect(model().attributeHasFieldErrorCode("form", "latitude", "projects.validation.outside-morocco"))
                .andExpect(model().attributeHasFieldErrorCode("form", "longitude", "projects.validation.coordinate"))
                .andExpect(model().attributeHasFieldErrorCode("form", "costMad", "projects.validation.amount.negative"))
                .andExpect(model().attributeHasFieldErrorCode("form", "endsOn", "validation.period.order"))
                .andExpect(model().attributeHasFieldErrorCode("form", "area", "projects.validation.area.polygon"))
                .andExpect(model().attributeHasFieldErrorCode("form", "funding[1].amountMad", "projects.validation.amount"))
                .andExpect(model().attributeHasFieldErrorCode("form", "descriptionFr", "validation.text.too-long"));
        assertThat(count()).isZero();
    }

    @Test
    void statusMovesAsTheAggregateAllowsAndARefusedMoveIsAConflict() throws Exception {
        long id = fx.project(c, secretary, "Route", true);
        mvc.perform(post(admin() + "/" + id + "/status").with(csrf()).with(Logins.as(users, secretary)).param("status", "COMPLETED"))
                .andExpect(status().isConflict());
        mvc.perform(post(admin() + "/" + id + "/status").with(csrf()).with(Logins.as(users, secretary)).param("status", "IN_PROGRESS")
                .param("note", "Ordre de service")).andExpect(status().is3xxRedirection());
        mvc.perform(post(admin() + "/" + id + "/status").with(csrf()).with(Logins.as(users, secretary)).param("status", ""))
                .andExpect(status().isOk()).andExpect(model().attribute("statusError", "validation.required"));
        assertThat(jdbc.sql("select status from council_project where id = ?").param(id).query(String.class).single()).isEqualTo("IN_PROGRESS");
        audited("projects.status-changed");
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    MockMultipartHttpServletRequestBuilder update(long id, MockMultipartFile... photos) {
        return update(id, projects.today().toString(), "35", photos);
    }

    MockMultipartHttpServletRequestBuilder update(long id, String reportedOn, String progress, MockMultipartFile... photos) {
        MockMultipartHttpServletRequestBuilder b = multipart(admin() + "/" + id + "/updates");
        for (MockMultipartFile p : photos) {
            b.file(p);
        }
        b.with(csrf()).with(Logins.as(users, secretary)).param("reportedOn", reportedOn).param("progress", progress)
                .param("text", "Les fondations sont coulées.");
        return b;
    }

    @Test
    void aProgressUpdateWithPhotosJoinsTheTimelineOnce() throws Exception {
        long id = fx.project(c, secretary, "École", true);
        fx.projects().changeStatus(c, fx.user(secretary), id, ProjectStatus.IN_PROGRESS, null);
        String key = UUID.randomUUID().toString();
        mvc.perform(update(id, new MockMultipartFile("photos", "chantier.png", "image/png", PNG),
                new MockMultipartFile("photos", "vue.jpeg", "image/jpeg", JPEG)).param("submissionKey", key)).andExpect(status().is3xxRedirection());
        mvc.perform(update(id, new MockMultipartFile("photos", "chantier.png", "image/png", PNG)).param("submissionKey", key))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from council_project_update where project_id = ? and kind = 'PROGRESS'").param(id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select content_type from council_project_photo where project_id = ? order by id").param(id).query(String.class).list())
                .containsExactly("image/png", "image/jpeg");
        assertThat(jdbc.sql("select progress from council_project where id = ?").param(id).query(Integer.class).single()).isEqualTo(35);
        String page = mvc.perform(get("/ar/c/" + c.slug() + "/projects/" + id)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Les fondations sont coulées.").contains("/photos/");
        audited("projects.progress-reported");
    }

    @Test
    void aPhotoWhoseExtensionLiesOrThatIsNotAnImageIsRefused() throws Exception {
        long id = fx.running(c, secretary, "Éclairage", 10);
        mvc.perform(update(id, new MockMultipartFile("photos", "photo.jpg", "image/jpeg", PNG))).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "photos", "projects.validation.photo.name"));
        mvc.perform(update(id, new MockMultipartFile("photos", "photo.png", "image/png", "%PDF-1.7 not a photo".getBytes())))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrorCode("form", "photos", "projects.validation.photo.type"));
        mvc.perform(update(id, new MockMultipartFile("photos", "photo.png", "image/png", "<html><script>".getBytes())))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrorCode("form", "photos", "projects.validation.photo.type"));
        assertThat(jdbc.sql("select count(*) from council_project_photo where project_id = ?").param(id).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select progress from council_project where id = ?").param(id).query(Integer.class).single()).isEqualTo(10);
    }

    @Test
    void aFiftyMegabytePhotoIsAClearErrorAndAboveTheServletLimitTheFormSaysSo() throws Exception {
        long id = fx.running(c, secretary, "Marché", 10);
        byte[] big = new byte[50 * 1024 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        mvc.perform(update(id, new MockMultipartFile("photos", "enorme.png", "image/png", big))).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "photos", "validation.file.too-large"));
        String page = mvc.perform(get(admin() + "/" + id + "/updates").param("upload", "too-large").with(Logins.as(users, secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("error-summary").contains("10 Mo");
        assertThat(jdbc.sql("select count(*) from council_project_update where project_id = ? and kind = 'PROGRESS'").param(id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void progressBackwardsOrInTheFutureIsRefused() throws Exception {
        long id = fx.running(c, secretary, "Jardin", 50);
        mvc.perform(update(id, projects.today().toString(), "20")).andExpect(status().isConflict());
        mvc.perform(update(id, projects.today().plusDays(1).toString(), "abc"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "reportedOn", "projects.validation.future"))
                .andExpect(model().attributeHasFieldErrorCode("form", "progress", "projects.validation.percent"));
    }

    @Test
    void staffOfAnotherCollectivityCannotReadOrChangeItsProjects() throws Exception {
        long id = fx.project(c, secretary, "Route privée", false);
        String agadir = ProjectFixture.AGADIR_STAFF;
        mvc.perform(get(admin()).with(Logins.as(users, agadir))).andExpect(status().isForbidden());
        mvc.perform(get(admin() + "/" + id).with(Logins.as(users, agadir))).andExpect(status().isForbidden());
        mvc.perform(form(admin() + "/" + id).with(Logins.as(users, agadir))).andExpect(status().isForbidden());
        mvc.perform(post(admin() + "/" + id + "/status").with(csrf()).with(Logins.as(users, agadir)).param("status", "CANCELLED"))
                .andExpect(status().isForbidden());
        mvc.perform(form(admin() + "/new").with(Logins.as(users, agadir))).andExpect(status().isForbidden());
        // Taroudant's own staff asking for this project under Taroudant's address: not found.
        mvc.perform(get("/fr/c/taroudant/admin/projects/" + id).with(Logins.as(users, ProjectFixture.TAROUDANT_STAFF)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/fr/c/taroudant/admin/projects/" + id + "/status").with(csrf()).with(Logins.as(users, ProjectFixture.TAROUDANT_STAFF))
                .param("status", "CANCELLED")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select status || title_fr from council_project where id = ?").param(id).query(String.class).single())
                .isEqualTo("PLANNEDRoute privée");
        mvc.perform(get(admin()).with(Logins.as(users, "citizen@opencommune.demo"))).andExpect(status().isForbidden());
    }

    @Test
    void editingKeepsStatusAndReplacesFunding() throws Exception {
        long id = fx.running(c, secretary, "Bibliothèque", 20);
        mvc.perform(form(admin() + "/" + id, "funding[1].name", "", "funding[1].amountMad", "")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select name from council_project_funding where project_id = ?").param(id).query(String.class).list())
                .containsExactly("Commune");
        assertThat(jdbc.sql("select status from council_project where id = ?").param(id).query(String.class).single()).isEqualTo("IN_PROGRESS");
        String page = mvc.perform(get(admin() + "/" + id).with(Logins.as(users, secretary))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"project-status-form\"").contains("value=\"SUSPENDED\"").doesNotContain("value=\"PLANNED\"");
    }
}
