package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
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
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Staff pages of the library: upload (checked whole, nothing half-saved, once per form), publish and withdraw with the
 * action log, and tenancy: staff of another collectivity can neither upload nor publish here.
 */
@IntegrationTest
class DocumentAdminTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DocumentLibrary library;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    DocumentFixture fx;
    Collectivity c;
    String secretary;
    String admin;

    @BeforeEach
    void setUp() {
        fx = new DocumentFixture(jdbc, library, territory, accounts, grants, users);
        c = fx.collectivity();
        secretary = fx.secretary(c);
        admin = "/fr/c/" + c.slug() + "/admin/documents";
    }

    MockMultipartHttpServletRequestBuilder upload(MockMultipartFile file, String as) {
        MockMultipartHttpServletRequestBuilder b = multipart(admin + "/new");
        b.file(file).param("kind", "DECISION").param("titleAr", "مقرر بشأن السوق الأسبوعي").param("titleFr", "Délibération sur le souk")
                .param("date", "2025-06-02").param("reference", "21/2025").with(csrf()).with(Logins.as(users, as));
        return b;
    }

    long documents() {
        return jdbc.sql("select count(*) from council_document where collectivity_id = ?").param(c.id()).query(Long.class).single();
    }

    long audit(String action) {
        return jdbc.sql("select count(*) from audit_entry where collectivity_id = ? and action = ?").params(c.id(), action).query(Long.class).single();
    }

    String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aSecretaryUploadsADraftPublishesItAndWithdrawsItWithAReason() throws Exception {
        assertThat(page(get(admin + "/new").with(Logins.as(users, secretary)))).contains("20 Mo au plus").contains("id=\"document-upload-form\"");
        String location = mvc.perform(upload(DocumentFixture.pdf("délibération 21.pdf"), secretary))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern(admin + "/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(page(get(location).with(Logins.as(users, secretary)))).contains("Brouillon").contains("délibération 21.pdf")
                .contains("id=\"document-publish\"");
        mvc.perform(get("/fr/c/" + c.slug() + "/documents/" + id)).andExpect(status().isNotFound());
        mvc.perform(get(location + "/file").with(Logins.as(users, secretary))).andExpect(status().isOk());

        mvc.perform(post(location + "/publication").with(csrf()).with(Logins.as(users, secretary))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/fr/c/" + c.slug() + "/documents/" + id)).andExpect(status().isOk());
        mvc.perform(post(location + "/publication").with(csrf()).with(Logins.as(users, secretary))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from council_document where id = ?").param(id).query(String.class).single()).isEqualTo("PUBLISHED");

        assertThat(page(post(location + "/withdrawal").param("reason", " ").with(csrf()).with(Logins.as(users, secretary))))
                .contains("error-summary").contains("href=\"#reason\"");
        mvc.perform(post(location + "/withdrawal").param("reason", "Remplacé par la délibération 22/2025").with(csrf())
                .with(Logins.as(users, secretary))).andExpect(status().is3xxRedirection());
        assertThat(page(get("/fr/c/" + c.slug() + "/documents/" + id))).contains("Remplacé par la délibération 22/2025");
        // The action log records after commit, on its own thread.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(audit("council.document-uploaded")).isEqualTo(1);
            assertThat(audit("council.document-published")).isEqualTo(1);
            assertThat(audit("council.document-withdrawn")).isEqualTo(1);
        });
    }

    @Test
    void theSameFormSentTwiceStoresOneDocument() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(upload(DocumentFixture.pdf("a.pdf"), secretary).param("submissionKey", key)).andExpect(status().is3xxRedirection());
        mvc.perform(upload(DocumentFixture.pdf("a.pdf"), secretary).param("submissionKey", key)).andExpect(status().is3xxRedirection());
        assertThat(documents()).isEqualTo(1);
    }

    @Test
    void aBadFormIsAnsweredWithEveryErrorAndNothingIsSaved() throws Exception {
        String empty = page(multipart(admin + "/new").file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
                .param("kind", "").param("date", "31/02/2025").param("year", "deux mille").with(csrf()).with(Logins.as(users, secretary)));
        assertThat(empty).contains("error-summary").contains("href=\"#kind\"").contains("href=\"#titleAr\"").contains("href=\"#date\"")
                .contains("href=\"#year\"").contains("href=\"#file\"").contains("Choisissez le fichier du document");
        String lying = page(upload(new MockMultipartFile("file", "budget.pdf", "application/pdf", DocumentFileTests.PNG), secretary));
        assertThat(lying).contains("son contenu en est un autre");
        String emptyFile = page(upload(new MockMultipartFile("file", "vide.pdf", "application/pdf", new byte[0]), secretary));
        assertThat(emptyFile).contains("Le fichier est vide");
        String huge = page(upload(DocumentFixture.pdf("a.pdf"), secretary).param("titleFr", "<b>x</b>" + "é".repeat(1_000_000))
                .param("kind", "'; drop table council_document; --"));
        assertThat(huge).contains("Ce texte est trop long").contains("href=\"#kind\"");
        assertThat(documents()).isZero();
    }

    @Test
    void aFiftyMegabyteUploadGetsAClearErrorAndNothingIsStored() throws Exception {
        byte[] big = new byte[50 * 1024 * 1024];
        System.arraycopy(DocumentFixture.PDF, 0, big, 0, DocumentFixture.PDF.length);
        long files = storedFiles();
        String answer = page(upload(new MockMultipartFile("file", "budget.pdf", "application/pdf", big), secretary));
        assertThat(answer).contains("Le fichier dépasse 20 Mo").contains("Rien n’a été enregistré");
        assertThat(documents()).isZero();
        assertThat(storedFiles()).isEqualTo(files);
        // Above the servlet's limit the request never reaches the controller: platform UploadLimit sends it back here.
        assertThat(page(get(admin + "/new").param("upload", "too-large").with(Logins.as(users, secretary)))).contains("Le fichier dépasse 20 Mo");
    }

    long storedFiles() throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Path.of("target/test-data/files");
        if (!java.nio.file.Files.exists(root)) {
            return 0;
        }
        try (var walk = java.nio.file.Files.walk(root)) {
            return walk.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    @Test
    void staffOfAnotherCollectivityCanNeitherUploadNorPublishHere() throws Exception {
        long draft = fx.draft(c, secretary, DocumentFixture.metadata(DocumentKind.BUDGET, "ميزانية", null, java.time.LocalDate.of(2025, 1, 2)));
        Collectivity other = fx.collectivity();
        String stranger = fx.secretary(other);
        mvc.perform(upload(DocumentFixture.pdf("x.pdf"), stranger)).andExpect(status().isForbidden());
        mvc.perform(get(admin + "/new").with(Logins.as(users, stranger))).andExpect(status().isForbidden());
        mvc.perform(post(admin + "/" + draft + "/publication").with(csrf()).with(Logins.as(users, stranger))).andExpect(status().isForbidden());
        mvc.perform(get(admin + "/" + draft + "/file").with(Logins.as(users, stranger))).andExpect(status().isForbidden());
        // Their own administration does not know this id either.
        mvc.perform(post("/fr/c/" + other.slug() + "/admin/documents/" + draft + "/publication").with(csrf()).with(Logins.as(users, stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/taroudant/admin/documents/new").with(Logins.as(users, "staff@agadir.demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/fr/c/taroudant/admin/documents/new").with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().isOk());
        assertThat(documents()).isEqualTo(1);
        assertThat(jdbc.sql("select status from council_document where id = ?").param(draft).query(String.class).single()).isEqualTo("DRAFT");
        assertThat(jdbc.sql("select count(*) from council_document where collectivity_id = ?").param(other.id()).query(Long.class).single()).isZero();
    }
}
