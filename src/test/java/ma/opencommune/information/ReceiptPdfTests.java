package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ma.opencommune.identity.Accounts;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The PDF receipt: Arabic shaped and in logical order once extracted (fonts embedded with ToUnicode), Tifinagh too, no full CIN. */
@IntegrationTest
class ReceiptPdfTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    RequesterFixture requester;

    @BeforeEach
    void setUp() {
        requester = new RequesterFixture(mvc, users, jdbc, accounts);
    }

    String text(String lang, String tn) throws Exception {
        byte[] pdf = mvc.perform(get("/" + lang + "/c/taroudant/information/requests/" + tn + "/receipt.pdf").with(Logins.as(users, requester.email)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void anArabicReceiptReadsBackInLogicalOrder() throws Exception {
        String tn = requester.file("taroudant", "ميزانية الجماعة");
        String text = text("ar", tn);
        assertThat(text).contains(tn);
        assertThat(text).contains("وصل طلب الحصول على المعلومات");
        assertThat(text).contains("تارودانت");
        assertThat(text).contains("ميزانية الجماعة");
        assertThat(text).doesNotContain("JB123456");
    }

    @Test
    void aTifinaghReceiptCarriesTheTamazightText() throws Exception {
        String tn = requester.file("taroudant", "Budget");
        String text = text("zgh", tn);
        assertThat(text).contains(tn);
        assertThat(text).contains("ⴰⵡⵚⵍ ⵏ ⵓⵙⵓⵜⵔ");
        assertThat(text).contains("ⵜⴰⵔⵓⴷⴰⵏⵜ");
    }

    @Test
    void aFrenchReceiptNamesTheRequesterAndTheDueDate() throws Exception {
        String tn = requester.file("taroudant", "Budget 2025");
        String text = text("fr", tn);
        assertThat(text).contains(tn).contains("Fatima Ait Lahcen").contains("Budget 2025").contains("Réponse attendue le");
        assertThat(text).doesNotContain("JB123456");
    }
}
