package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The legal file (issue point 7): every signatory once, names and numbers in clear, for the bureau's staff of that
 * collectivity; a CSV that Excel opens (BOM, RFC 4180) and that cannot run formulas; a PDF with Arabic shaped right to
 * left over as many pages as it takes; and each download in the action log without any signatory.
 */
@IntegrationTest
class LegalFileTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Petitions petitions;
    @Autowired PaperSignatures paper;
    @Autowired PersonalNumbers numbers;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    PetitionAdminFixture fx;
    Collectivity c;
    String secretary;
    long id;
    List<String[]> signed;

    @BeforeEach
    void setUp() {
        fx = new PetitionAdminFixture(jdbc, petitions, paper, numbers, territory, accounts, grants, users);
        c = fx.collectivity();
        secretary = fx.secretary(c);
        id = fx.open(c, "Éclairage de la place, \"vite\"");
        signed = new ArrayList<>();
        // Names a spreadsheet would mistake for formulas, names with the CSV's own delimiters, Arabic, Tifinagh.
        for (String name : List.of("=HYPERLINK(\"http://evil\")", "+212600000000", "-2+3", "@SUM(A1)", "Ben Ali, Karim", "Saïd \"Le Sage\"",
                "فاطمة الزهراء أيت باها", "ⵎⴰⵙⵉⵏⵉⵙⴰ ⵜⴰⵎⴰⵣⵉⵖⵜ", "Hassan Ouakrim")) {
            String cin = PetitionAdminFixture.cin();
            fx.online(c, id, name, cin);
            signed.add(new String[] {name, cin});
        }
        for (int i = 0; i < 60; i++) {
            String name = "Signataire papier " + i;
            signed.add(new String[] {name, fx.paper(c, id, secretary, name)});
        }
    }

    byte[] download(String lang, String format) throws Exception {
        return mvc.perform(get("/" + lang + "/c/" + c.slug() + "/admin/petitions/" + id + "/signatories." + format)
                .with(Logins.as(users, secretary)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"petition-" + id)))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    void logged(String format, int rows) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select summary from audit_entry where collectivity_id = ? and action = ? and actor_id = ?")
                .params(c.id(), "petitions.legal-file-" + format, fx.user(secretary).id()).query(String.class).list())
                .singleElement().asString().contains("petition " + id + ":").contains(rows + " rows")
                .doesNotContain("Hassan").doesNotContain(signed.get(0)[1]));
    }

    @Test
    void theCsvHasABomQuotesAsRfc4180GuardsFormulasAndListsEverySignatureOnce() throws Exception {
        byte[] body = download("fr", "csv");
        assertThat(body[0] & 0xFF).isEqualTo(0xEF);
        assertThat(body[1] & 0xFF).isEqualTo(0xBB);
        assertThat(body[2] & 0xFF).isEqualTo(0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("N°,Nom complet,CIN,Qualité,Mode,Signée le");
        assertThat(lines).hasSize(1 + signed.size() + 1);
        assertThat(lines[lines.length - 1]).isEmpty();
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"").contains(",'+212600000000,").contains(",'-2+3,").contains(",'@SUM(A1),")
                .contains(",\"Ben Ali, Karim\",").contains(",\"Saïd \"\"Le Sage\"\"\",").contains(",فاطمة الزهراء أيت باها,")
                .contains(",ⵎⴰⵙⵉⵏⵉⵙⴰ ⵜⴰⵎⴰⵣⵉⵖⵜ,").contains(",Sur papier,").contains(",En ligne,").contains(",Activité économique,");
        for (String[] s : signed) {
            assertThat(csv.split(s[1], -1)).as("CIN %s once", s[1]).hasSize(2);
        }
        assertThat(lines[1]).startsWith("1,");
        logged("csv", signed.size());
    }

    @Test
    void thePdfParsesOverSeveralPagesWithEveryNameAndTheHeader() throws Exception {
        byte[] body = download("ar", "pdf");
        try (PDDocument pdf = Loader.loadPDF(body)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            String text = Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFKC);
            assertThat(text).contains("Hassan Ouakrim").contains("Signataire papier 59").contains("Ben Ali, Karim").contains("=HYPERLINK")
                    .contains("لائحة الموقعين").contains(String.valueOf(id));
            // Shaped Arabic extracts back to its letters (PDFBox reorders right-to-left runs into reading order).
            assertThat(text.replace(" ", "")).containsAnyOf("فاطمةالزهراءأيتباها", new StringBuilder("فاطمةالزهراءأيتباها").reverse().toString());
            for (String[] s : signed) {
                assertThat(text).contains(s[1]);
            }
            assertThat(pdf.getDocumentInformation().getTitle()).doesNotContain("Hassan");
        }
        logged("pdf", signed.size());
    }

    @Test
    void aPetitionWithoutSignaturesGivesAnEmptyListAndADraftNone() throws Exception {
        long empty = fx.open(c, "Vide");
        byte[] csv = mvc.perform(get("/en/c/" + c.slug() + "/admin/petitions/" + empty + "/signatories.csv").with(Logins.as(users, secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFFNo.,Full name,CIN,Basis,Source,Signed on\r\n");
        byte[] pdf = mvc.perform(get("/zgh/c/" + c.slug() + "/admin/petitions/" + empty + "/signatories.pdf").with(Logins.as(users, secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
        long draft = PetitionFixtures.petition(petitions, c, fx.user(PetitionAdminFixture.CITIZEN), "Brouillon", false);
        mvc.perform(get("/fr/c/" + c.slug() + "/admin/petitions/" + draft + "/signatories.csv").with(Logins.as(users, secretary)))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePageOffersTheDownloadsOnlyOnceSignaturesExist() throws Exception {
        String page = mvc.perform(get("/fr/c/" + c.slug() + "/admin/petitions/" + id).with(Logins.as(users, secretary)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/signatories.csv").contains("/signatories.pdf").contains("journal des actions");
        long empty = fx.open(c, "Sans signature");
        assertThat(mvc.perform(get("/fr/c/" + c.slug() + "/admin/petitions/" + empty).with(Logins.as(users, secretary)))
                .andReturn().getResponse().getContentAsString()).doesNotContain("/signatories.csv");
    }
}
