package ma.opencommune.network.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The practices' pages: staff forms (bad input in ar and fr, nothing half-saved, double submit), tenancy by the URL,
 * drafts hidden from the public, the library and a practice's page in a constant number of statements, comments escaped.
 */
@IntegrationTest
class PracticePagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Practices practices;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    ExchangeFixture fx;
    Collectivity c;
    String staff;
    String admin;

    @BeforeEach
    void setUp() {
        fx = new ExchangeFixture(jdbc, practices, territory, accounts, grants, users);
        c = fx.collectivity(true);
        staff = fx.staff(c, Role.STAFF_ADMIN);
        admin = "/fr/c/" + c.slug() + "/admin/practices";
    }

    String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    long count() {
        return jdbc.sql("select count(*) from exchange_practice where collectivity_id = ?").param(c.id()).query(Long.class).single();
    }

    MockHttpServletRequestBuilder form(String lang, String key) {
        return post("/" + lang + "/c/" + c.slug() + "/admin/practices/new").with(csrf()).with(Logins.as(users, staff))
                .param("textLang", "ar").param("titleAr", "جلسة استماع عمومية").param("titleFr", "Audience publique")
                .param("problem", "المشكلة").param("actions", "ما تم إنجازه").param("results", "النتائج").param("costMad", "18 000")
                .param("period", "2024").param("contactName", "Fatima Zahra").param("contactEmail", "information@commune.ma")
                .param("tags", "BUDGET", "TRANSPARENCY").param("submissionKey", key);
    }

    @Test
    void staffWriteADraftOnceEvenWhenTheFormIsSentTwiceAndPublishIt() throws Exception {
        assertThat(page(get(admin + "/new").with(Logins.as(users, staff)))).contains("id=\"practice-form\"").contains("Contact professionnel");
        String key = UUID.randomUUID().toString();
        String location = mvc.perform(form("fr", key)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/fr/c/*/admin/practices/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(form("fr", key)).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(location));
        assertThat(count()).isEqualTo(1);
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select cost_mad from exchange_practice where id = ?").param(id).query(Long.class).single()).isEqualTo(18_000L);
        mvc.perform(get("/fr/network/practices/" + id)).andExpect(status().isNotFound());
        mvc.perform(post(location + "/publication").with(csrf()).with(Logins.as(users, staff))).andExpect(status().is3xxRedirection());
        assertThat(page(get("/ar/network/practices/" + id))).contains("جلسة استماع عمومية").contains("information@commune.ma");
        assertThat(page(get("/fr/network/practices/" + id))).contains("Audience publique");
    }

    @Test
    void badInputComesBackWithEveryErrorInTheFormsLanguageAndNothingIsSaved() throws Exception {
        String fr = page(post("/fr/c/" + c.slug() + "/admin/practices/new").with(csrf()).with(Logins.as(users, staff))
                .param("textLang", "fr").param("titleFr", "عنوان").param("costMad", "beaucoup").param("problem", "")
                .param("tags", "NOT_A_TAG").param("submissionKey", UUID.randomUUID().toString()));
        assertThat(fr).contains("error-summary").contains("href=\"#titleFr\"").contains("href=\"#costMad\"").contains("href=\"#problem\"")
                .contains("href=\"#tags\"").contains("Saisissez");
        String ar = page(post("/ar/c/" + c.slug() + "/admin/practices/new").with(csrf()).with(Logins.as(users, staff))
                .param("textLang", "ar").param("titleAr", "عنوان").param("actions", "x".repeat(9_000)).param("contactEmail", "<script>")
                .param("submissionKey", UUID.randomUUID().toString()));
        assertThat(ar).contains("error-summary").contains("href=\"#actions\"").contains("href=\"#contactEmail\"").doesNotContain("<script>")
                .contains("dir=\"rtl\"");
        assertThat(count()).isZero();
    }

    @Test
    void staffOfAnotherCollectivityCannotReachAPracticeByItsIdInTheUrl() throws Exception {
        long draft = practices.create(c, fx.user(staff), ExchangeFixture.draft(null, "Brouillon secret", "P", PracticeTag.DIGITAL), null).id();
        Collectivity other = fx.collectivity(true);
        String otherStaff = fx.staff(other, Role.STAFF_ADMIN);
        // Their own slug with our id: not found. Our slug: refused.
        mvc.perform(get("/fr/c/" + other.slug() + "/admin/practices/" + draft).with(Logins.as(users, otherStaff))).andExpect(status().isNotFound());
        mvc.perform(post("/fr/c/" + other.slug() + "/admin/practices/" + draft + "/publication").with(csrf()).with(Logins.as(users, otherStaff)))
                .andExpect(status().isNotFound());
        mvc.perform(get(admin + "/" + draft).with(Logins.as(users, otherStaff))).andExpect(status().isForbidden());
        mvc.perform(post(admin + "/" + draft + "/publication").with(csrf()).with(Logins.as(users, otherStaff))).andExpect(status().isForbidden());
        mvc.perform(get(admin + "/" + draft)).andExpect(status().is3xxRedirection());
        assertThat(practices.practice(c, fx.user(staff), draft).status()).isEqualTo(PracticeStatus.DRAFT);
        mvc.perform(get("/fr/network/practices/" + draft)).andExpect(status().isNotFound());
        assertThat(page(get("/fr/network/practices?q=secret"))).doesNotContain("Brouillon secret");
    }

    @Test
    void aCollectivityOutsideTheNetworkIsToldWhy() throws Exception {
        Collectivity outside = fx.collectivity(false);
        String outsider = fx.staff(outside, Role.STAFF_ADMIN);
        String body = mvc.perform(get("/fr/c/" + outside.slug() + "/admin/practices").with(Logins.as(users, outsider)))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("Seules les collectivités membres du réseau");
    }

    @Test
    void documentsAreUploadedWithTheTokenInTheAddressAndDownloadedFromThePublicPage() throws Exception {
        long id = fx.published(c, staff, ExchangeFixture.draft(null, "Avec guide", "P", PracticeTag.DIGITAL));
        mvc.perform(multipart(admin + "/" + id + "/documents").file(ExchangeFixture.pdf("guide.pdf")).with(csrf()).with(Logins.as(users, staff)))
                .andExpect(status().is3xxRedirection());
        String fake = page(multipart(admin + "/" + id + "/documents")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "x.pdf", "application/pdf", new byte[] {0x4D, 0x5A, 0x00, 0x01, 0x02}))
                .with(csrf()).with(Logins.as(users, staff)));
        assertThat(fake).contains("Ce type de fichier n’est pas accepté");
        long doc = jdbc.sql("select id from exchange_document where practice_id = ?").param(id).query(Long.class).single();
        mvc.perform(get("/fr/network/practices/" + id + "/documents/" + doc)).andExpect(status().isOk());
        Collectivity other = fx.collectivity(true);
        long otherId = fx.published(other, fx.staff(other, Role.STAFF_ADMIN), ExchangeFixture.draft(null, "Autre", "P", PracticeTag.DIGITAL));
        mvc.perform(get("/fr/network/practices/" + otherId + "/documents/" + doc)).andExpect(status().isNotFound());
    }

    @Test
    void commentsAreShownEscapedWithTheAuthorsDisplayNameAndAnonymousVisitorsAreAskedToLogIn() throws Exception {
        long id = fx.published(c, staff, ExchangeFixture.draft(null, "Commentée", "P", PracticeTag.DIGITAL));
        String reader = fx.account();
        mvc.perform(post("/fr/network/practices/" + id + "/comments").with(csrf()).param("kind", "QUESTION").param("body", "Anonyme"))
                .andExpect(status().is3xxRedirection()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/fr/login"));
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/fr/network/practices/" + id + "/comments").with(csrf()).with(Logins.as(users, reader)).param("kind", "QUESTION")
                    .param("body", "<script>alert(1)</script> Combien ?").param("submissionKey", key)).andExpect(status().is3xxRedirection());
        }
        assertThat(page(post("/ar/network/practices/" + id + "/comments").with(csrf()).with(Logins.as(users, reader)).param("kind", "COMMENT")
                .param("body", " "))).contains("error-summary");
        String html = page(get("/fr/network/practices/" + id).with(Logins.as(users, staff)));
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; Combien ?").doesNotContain("<script>alert(1)")
                .contains("Compte de test").contains("/questions/").doesNotContain(reader);
        assertThat(jdbc.sql("select count(*) from exchange_comment where practice_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theLibraryAndAPracticesPageRunAConstantNumberOfStatements() throws Exception {
        long one = fx.published(c, staff, ExchangeFixture.draft(null, "Une", "P", PracticeTag.DIGITAL));
        new PracticeDiscussionAccess(jdbc).comment(one, c.id(), fx.user(fx.account()).id(), "Premier");
        page(get("/fr/network/practices"));
        page(get("/fr/network/practices/" + one));
        QueryCounting.reset();
        page(get("/fr/network/practices"));
        long library = QueryCounting.statements();
        QueryCounting.reset();
        page(get("/fr/network/practices/" + one));
        long practice = QueryCounting.statements();
        String reader = fx.account();
        for (int i = 0; i < 5; i++) {
            long more = fx.published(c, staff, ExchangeFixture.draft(null, "Plus " + i, "P", PracticeTag.BUDGET, PracticeTag.YOUTH));
            practices.attach(c, fx.user(staff), one, ExchangeFixture.pdf("doc" + i + ".pdf"));
            fx.account();
            new PracticeDiscussionAccess(jdbc).comment(one, c.id(), fx.user(fx.account()).id(), "Commentaire " + i + " " + more);
        }
        QueryCounting.reset();
        page(get("/fr/network/practices"));
        assertThat(QueryCounting.statements()).isEqualTo(library);
        QueryCounting.reset();
        page(get("/fr/network/practices/" + one));
        assertThat(QueryCounting.statements()).isEqualTo(practice);
        assertThat(library).isLessThanOrEqualTo(6);
        assertThat(practice).isLessThanOrEqualTo(8);
        assertThat(reader).isNotBlank();
    }

    @Test
    void theDemoLibraryShowsMembersPracticesAnAnsweredQuestionAndTheNetworksEvents() throws Exception {
        assertThat(page(get("/fr/network/practices?c=marrakech"))).contains("Le budget participatif de Marrakech");
        assertThat(page(get("/ar/network/practices").param("q", "استماع")))
                .contains("جلسة استماع عمومية حول مشروع الميزانية");
        long hearing = jdbc.sql("select id from exchange_practice where title_fr = 'Audience publique sur le projet de budget'")
                .query(Long.class).single();
        assertThat(page(get("/fr/network/practices/" + hearing))).contains("Réponse de Taroudant").contains("Répondu");
        String events = page(get("/fr/network/events"));
        assertThat(events).contains("Atelier de Taroudant").contains("Webinaire : les demandes d’information en ligne");
        assertThat(page(get("/ar/network/practices?tag=INCLUSION_GENDER&c=tafraout"))).contains("حصص للنساء في ورشات التشخيص التشاركي");
    }

    /** Writes comments straight into the table, so the query count is measured on the page alone. */
    record PracticeDiscussionAccess(JdbcClient jdbc) {
        void comment(long practice, long collectivity, long author, String body) {
            jdbc.sql("insert into exchange_comment (practice_id, collectivity_id, kind, author_id, body, created_at) values (?, ?, 'COMMENT', ?, ?, current_timestamp)")
                    .params(practice, collectivity, author, body).update();
        }
    }
}
