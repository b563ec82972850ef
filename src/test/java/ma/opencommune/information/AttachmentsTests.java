package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.TestAccounts;
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

/** Documents of an answer: saved with it or not at all, checked by content and size, downloaded only by who may. */
@IntegrationTest
class AttachmentsTests {

    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired InformationRequests requests;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    OfficerFixture fx;
    Collectivity c;
    String officer;
    String tn;

    @BeforeEach
    void setUp() {
        fx = new OfficerFixture(jdbc, requests, territory, accounts, grants, users);
        c = fx.collectivity();
        officer = fx.officer(c);
        tn = fx.file(c, "Budget 2026");
    }

    String page() {
        return "/fr/c/" + c.slug() + "/admin/information/requests/" + tn;
    }

    MockMultipartHttpServletRequestBuilder answer(MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder b = multipart(page() + "/answer");
        for (MockMultipartFile f : files) {
            b.file(f);
        }
        b.param("answerKind", "FULL").param("answerText", "Voici le budget détaillé.").param("publishable", "true");
        return (MockMultipartHttpServletRequestBuilder) b.with(csrf()).with(Logins.as(users, officer));
    }

    long attachment() {
        return jdbc.sql("select a.id from info_attachment a join info_request r on r.id = a.request_id where r.tracking_number = ?")
                .param(tn).query(Long.class).list().get(0);
    }

    String download(long id) {
        return "/fr/c/" + c.slug() + "/information/requests/" + tn + "/attachments/" + id;
    }

    @Test
    void theAnswerAndItsDocumentsAreSavedTogether() throws Exception {
        mvc.perform(answer(new MockMultipartFile("files", "budget 2026.pdf", "application/pdf", PDF),
                new MockMultipartFile("files", "plan.png", "image/png", PNG))).andExpect(status().is3xxRedirection());

        assertThat(fx.status(tn)).isEqualTo("ANSWERED");
        assertThat(fx.count("select count(*) from info_attachment a join info_request r on r.id = a.request_id where r.tracking_number = ?"
                + " and a.publishable = true", tn)).isEqualTo(2);
        mvc.perform(get(page()).with(Logins.as(users, officer))).andExpect(content().string(containsString("budget_2026.pdf")));
    }

    @Test
    void aFileWhoseExtensionLiesIsRefusedAndTheAnswerIsNotSaved() throws Exception {
        String before = fx.snapshot(tn);
        mvc.perform(answer(new MockMultipartFile("files", "rapport.pdf", "application/pdf", PNG))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"files-error\"")));
        mvc.perform(answer(new MockMultipartFile("files", "script.pdf", "application/pdf", "<html><script>".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"files-error\"")));
        assertThat(fx.snapshot(tn)).isEqualTo(before);
        assertThat(fx.status(tn)).isEqualTo("RECEIVED");
    }

    @Test
    void aTwentyFiveMegabyteFileGetsAClearErrorAndNothingIsSaved() throws Exception {
        byte[] big = new byte[25 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        String before = fx.snapshot(tn);
        mvc.perform(answer(new MockMultipartFile("files", "gros.pdf", "application/pdf", big))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Le fichier dépasse 10 Mo")));
        assertThat(fx.snapshot(tn)).isEqualTo(before);
        // Above the servlet's limit the platform sends the officer back to the page with the same error.
        mvc.perform(get(page() + "/answer").param("upload", "too-large").with(Logins.as(users, officer)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page()).param("upload", "too-large").with(Logins.as(users, officer)))
                .andExpect(content().string(containsString("id=\"files-error\"")));
    }

    @Test
    void theRequesterAndTheOfficersMayDownloadAndOthersGetNotFound() throws Exception {
        mvc.perform(answer(new MockMultipartFile("files", "budget.pdf", "application/pdf", PDF))).andExpect(status().is3xxRedirection());
        long id = attachment();
        jdbc.sql("update info_attachment set publishable = false where id = ?").param(id).update();

        mvc.perform(get(download(id)).with(Logins.as(users, OfficerFixture.CITIZEN))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get(download(id)).with(Logins.as(users, officer))).andExpect(status().isOk());
        mvc.perform(get(download(id))).andExpect(status().isNotFound());
        String stranger = TestAccounts.confirmed(accounts, jdbc, "stranger");
        mvc.perform(get(download(id)).with(Logins.as(users, stranger))).andExpect(status().isNotFound());
        mvc.perform(get(download(id)).with(Logins.as(users, OfficerFixture.AGADIR_STAFF))).andExpect(status().isNotFound());

        // Published, but the document is not publishable: still hidden; and while published, what is public changes
        // only through the publication review (PDP-2).
        jdbc.sql("update info_request set published_at = current_timestamp where tracking_number = ?").param(tn).update();
        mvc.perform(get(download(id))).andExpect(status().isNotFound());
        mvc.perform(post(page() + "/attachments/" + id + "/publishable").param("publishable", "true").with(csrf())
                .with(Logins.as(users, officer))).andExpect(status().isConflict());
        mvc.perform(get(download(id))).andExpect(status().isNotFound());
        // Before publication the officer marks it publishable: once published, anyone may download it, under a neutral name.
        jdbc.sql("update info_request set published_at = null where tracking_number = ?").param(tn).update();
        mvc.perform(post(page() + "/attachments/" + id + "/publishable").param("publishable", "true").with(csrf())
                .with(Logins.as(users, officer))).andExpect(status().is3xxRedirection());
        mvc.perform(get(download(id))).andExpect(status().isNotFound());
        jdbc.sql("update info_request set published_at = current_timestamp where tracking_number = ?").param(tn).update();
        mvc.perform(get(download(id))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(tn + "-" + id + ".pdf")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.not(containsString("budget"))));
        // Under another collectivity's address, or another request's number, it does not exist.
        Collectivity other = fx.collectivity();
        mvc.perform(get("/fr/c/" + other.slug() + "/information/requests/" + tn + "/attachments/" + id)).andExpect(status().isNotFound());
        String otherTn = fx.file(c, "Autre");
        mvc.perform(get("/fr/c/" + c.slug() + "/information/requests/" + otherTn + "/attachments/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void documentsCanBeAddedBeforeTheAnswerButNotEmptyOrTooMany() throws Exception {
        String before = fx.snapshot(tn);
        MockMultipartHttpServletRequestBuilder none = multipart(page() + "/attachments");
        mvc.perform(none.with(csrf()).with(Logins.as(users, officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"moreFiles-error\"")));
        MockMultipartHttpServletRequestBuilder many = multipart(page() + "/attachments");
        for (int i = 0; i <= Attachments.MAX_FILES; i++) {
            many.file(new MockMultipartFile("moreFiles", "p" + i + ".pdf", "application/pdf", PDF));
        }
        mvc.perform(many.with(csrf()).with(Logins.as(users, officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"moreFiles-error\"")));
        assertThat(fx.snapshot(tn)).isEqualTo(before);

        MockMultipartHttpServletRequestBuilder one = multipart(page() + "/attachments");
        one.file(new MockMultipartFile("moreFiles", "photo.JPEG", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        mvc.perform(one.with(csrf()).with(Logins.as(users, officer))).andExpect(status().is3xxRedirection());
        assertThat(fx.status(tn)).isEqualTo("RECEIVED");
        assertThat(fx.count("select count(*) from info_attachment a join info_request r on r.id = a.request_id where r.tracking_number = ?",
                tn)).isEqualTo(1);
    }

    @Test
    void uploadChecksFollowTheContentNotTheName() {
        assertThat(Attachments.problem(new MockMultipartFile("f", "a.pdf", "application/pdf", PDF))).isEmpty();
        assertThat(Attachments.problem(new MockMultipartFile("f", "a.png", "image/png", PDF))).contains("information.admin.files.mismatch");
        assertThat(Attachments.problem(new MockMultipartFile("f", "noext", "application/pdf", PDF))).isEmpty();
        assertThat(Attachments.problem(new MockMultipartFile("f", "a.jpg", "image/jpeg", PNG))).contains("information.admin.files.mismatch");
        assertThat(Attachments.problem(new MockMultipartFile("f", "a.pdf", "application/pdf", new byte[(int) Upload.MAX_BYTES + 1])))
                .contains("validation.file.too-large");
    }
}
