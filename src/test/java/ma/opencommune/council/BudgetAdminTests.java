package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.territory.Collectivity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The staff's budget workspace: a bad file is refused whole with every problem listed, nothing saved; edits; publication. */
@IntegrationTest
class BudgetAdminTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Budgets budgets;
    @Autowired BudgetExecutions executions;
    @Autowired UserDetailsService users;

    @Autowired BudgetFixture fx;
    Collectivity c;
    String staff;
    long draft;

    @BeforeEach
    void setUp() {
        c = fx.collectivity();
        staff = fx.secretary(c);
        draft = budgets.draft(c, fx.user(staff), 2026);
    }

    String base() {
        return "/fr/c/" + c.slug() + "/admin/budget";
    }

    ResultActions upload(String lang, String text) throws Exception {
        return mvc.perform(multipart("/" + lang + "/c/" + c.slug() + "/admin/budget/" + draft + "/import")
                .file(new MockMultipartFile("file", "budget.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).with(Logins.as(users, staff)));
    }

    int lines() {
        return jdbc.sql("select count(*) from budget_line where budget_id = ?").param(draft).query(Integer.class).single();
    }

    @Test
    void aGoodFileReplacesTheDraftsLinesAndSaysHowMany() throws Exception {
        upload("fr", BudgetFixture.SMALL).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base() + "/" + draft));
        assertThat(lines()).isEqualTo(7);
        upload("fr", BudgetFixture.SMALL.replace("40,,نفقات التجهيز,Dépenses d’investissement,INVESTMENT,EXPENSE,300.00\n", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(lines()).isEqualTo(6);
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryProblemInTheReadersLanguageAndNothingSaved() throws Exception {
        fx.importText(c, staff, draft, BudgetFixture.SMALL);
        String bad = BudgetFixture.HEADER + """
                10,,مداخيل,Recettes,OPERATING,REVENUE,100.00
                10.1,,حصة,Part,OPERATING,REVENUE,-5
                10.2,,,,OPERATING,REVENUE,abc
                10,,رسوم,Taxes,OPERATING,REVENUE,10
                11,99,أخرى,Autres,OPERATING,REVENUE,10
                """;
        String page = upload("fr", bad).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Le fichier n’a pas été importé : 5 problèmes", "Rien n’a été enregistré", "Ligne 3, colonne « amount »",
                "Ligne 4, colonne « label_ar »", "Ligne 4, colonne « amount »", "Le code 10 figure déjà à la ligne 2",
                "Le code parent 99 n’est pas dans le budget");
        assertThat(lines()).isEqualTo(7); // the previous import stands
        String arabic = upload("ar", bad).andReturn().getResponse().getContentAsString();
        assertThat(arabic).contains("لم يُستورد الملف", "السطر 3، العمود «amount»");
    }

    @Test
    void aTreeWhoseChildrenDoNotAddUpIsRefusedWithTheFigures() throws Exception {
        String page = upload("en", BudgetFixture.SMALL.replace("20.2,,الإنارة العمومية,Éclairage public,OPERATING,EXPENSE,600.00",
                "20.2,,الإنارة العمومية,Éclairage public,OPERATING,EXPENSE,650.00")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The line 20 has 1500.00 but its children add up to 1550.00.");
        assertThat(lines()).isZero();
    }

    @Test
    void anEmptyUploadAWrongHeaderAndAnOversizedUploadGetClearErrors() throws Exception {
        assertThat(upload("en", "").andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("The file is empty.");
        assertThat(upload("en", "code;amount\n1;2\n").andReturn().getResponse().getContentAsString())
                .contains("The column “label_ar” is missing from the header.", "The column “section” is missing");
        // Past the servlet's limit the platform sends the person back to the form's address (UploadLimit).
        assertThat(mvc.perform(get(base() + "/" + draft + "/import").param("upload", "too-large").with(Logins.as(users, staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Le fichier dépasse 5 Mo");
        assertThat(mvc.perform(get(base() + "/executions").param("upload", "too-large").with(Logins.as(users, staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Le fichier dépasse 5 Mo");
        assertThat(lines()).isZero();
    }

    @Test
    void linesAreAddedChangedAndRemovedOnlineWithTheSameChecks() throws Exception {
        fx.importText(c, staff, draft, BudgetFixture.SMALL);
        mvc.perform(post(base() + "/" + draft + "/lines").with(csrf()).with(Logins.as(users, staff)).param("code", "40.1")
                .param("labelFr", "Routes").param("section", "INVESTMENT").param("direction", "EXPENSE").param("amount", "300,00"))
                .andExpect(status().is3xxRedirection());
        assertThat(budgets.line(c, fx.user(staff), draft, "40.1").parentCode()).isEqualTo("40");
        String refused = mvc.perform(post(base() + "/" + draft + "/lines").with(csrf()).with(Logins.as(users, staff)).param("code", "40.1")
                .param("labelFr", "").param("labelAr", "").param("section", "INVESTMENT").param("direction", "EXPENSE").param("amount", "-3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Le montant « -3 » est négatif.");
        mvc.perform(post(base() + "/" + draft + "/lines/20.2").with(csrf()).with(Logins.as(users, staff)).param("code", "20.2")
                .param("labelFr", "Éclairage").param("section", "OPERATING").param("direction", "EXPENSE").param("amount", "700"))
                .andExpect(status().is3xxRedirection());
        assertThat(budgets.sumProblems(c, fx.user(staff), draft)).extracting(BudgetProblem::key).containsExactly("budget.import.error.sum");
        String publish = mvc.perform(post(base() + "/" + draft + "/publication").with(csrf()).with(Logins.as(users, staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(publish).contains("La ligne 20 porte 1500.00 mais ses enfants totalisent 1600.00.");
        mvc.perform(post(base() + "/" + draft + "/lines/20.2").with(csrf()).with(Logins.as(users, staff)).param("code", "20.2")
                .param("labelFr", "Éclairage").param("section", "OPERATING").param("direction", "EXPENSE").param("amount", "600"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base() + "/" + draft + "/lines/40.1/removal").with(csrf()).with(Logins.as(users, staff)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base() + "/" + draft + "/publication").with(csrf()).with(Logins.as(users, staff)))
                .andExpect(status().is3xxRedirection());
        assertThat(budgets.find(c, fx.user(staff), draft).draft()).isFalse();
    }

    @Test
    void aPublishedBudgetIsNeverEditedAndTheNextDraftIsAnAmendingCopy() throws Exception {
        fx.importText(c, staff, draft, BudgetFixture.SMALL);
        budgets.publish(c, fx.user(staff), draft);
        assertThat(upload("fr", BudgetFixture.SMALL).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Ce budget est publié et ne peut plus être modifié");
        mvc.perform(post(base()).with(csrf()).with(Logins.as(users, staff)).param("year", "2026")).andExpect(status().is3xxRedirection());
        long amending = jdbc.sql("select id from budget where collectivity_id = ? and number = 1").param(c.id()).query(Long.class).single();
        // A second click on the same form makes no second draft.
        mvc.perform(post(base()).with(csrf()).with(Logins.as(users, staff)).param("year", "2026"))
                .andExpect(redirectedUrl(base() + "/" + amending));
        assertThat(jdbc.sql("select count(*) from budget_line where budget_id = ?").param(amending).query(Integer.class).single()).isEqualTo(7);
        assertThat(mvc.perform(post(base()).with(csrf()).with(Logins.as(users, staff)).param("year", "deux mille"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Saisissez une année entre 2000 et 2100.");
    }

    @Test
    void importsPublicationsAndEditsAreInTheActionLog() throws Exception {
        upload("fr", BudgetFixture.SMALL);
        mvc.perform(post(base() + "/" + draft + "/publication").with(csrf()).with(Logins.as(users, staff)));
        await(() -> jdbc.sql("select count(*) from audit_entry where collectivity_id = ? and action in ('budget.drafted', 'budget.imported', 'budget.published')")
                .param(c.id()).query(Integer.class).single() == 3);
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void anotherCollectivitysStaffCannotSeeImportOrPublishHere() throws Exception {
        String agadir = "staff@agadir.demo";
        mvc.perform(get(base()).with(Logins.as(users, agadir))).andExpect(status().isForbidden());
        mvc.perform(multipart(base() + "/" + draft + "/import")
                .file(new MockMultipartFile("file", "b.csv", "text/csv", BudgetFixture.SMALL.getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).with(Logins.as(users, agadir))).andExpect(status().isForbidden());
        mvc.perform(post(base() + "/" + draft + "/publication").with(csrf()).with(Logins.as(users, agadir))).andExpect(status().isForbidden());
        assertThat(lines()).isZero();
        // This commune's draft under another commune's address does not exist, even for its own staff.
        Collectivity other = fx.collectivity();
        String otherStaff = fx.secretary(other);
        mvc.perform(get("/fr/c/" + other.slug() + "/admin/budget/" + draft).with(Logins.as(users, otherStaff))).andExpect(status().isNotFound());
        mvc.perform(post("/fr/c/" + other.slug() + "/admin/budget/" + draft + "/publication").with(csrf()).with(Logins.as(users, otherStaff)))
                .andExpect(status().isNotFound());
        mvc.perform(get(base() + "/template.csv").with(Logins.as(users, staff))).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
    }

    @Test
    void aPeriodIsImportedCheckedChangedOnlineAndPublishedFromTheWorkspace() throws Exception {
        fx.importText(c, staff, draft, BudgetFixture.SMALL);
        budgets.publish(c, fx.user(staff), draft);
        assertThat(mvc.perform(get(base()).with(Logins.as(users, staff))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("budget-new-form", "budget-execution-form", "Budget initial");
        String refused = mvc.perform(multipart(base() + "/executions").file(new MockMultipartFile("file", "q1.csv", "text/csv",
                "code,committed,paid,collected\n20,1,1,\n".getBytes(StandardCharsets.UTF_8))).param("executionYear", "2026").param("period", "Q1")
                .with(csrf()).with(Logins.as(users, staff))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("La ligne 20 a des lignes détaillées");
        String missing = mvc.perform(multipart(base() + "/executions").param("executionYear", "1850").param("period", "Q9")
                .with(csrf()).with(Logins.as(users, staff))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("Saisissez une année entre 2000 et 2100.", "Choisissez un mois ou un trimestre.", "Le fichier est vide.");
        String location = mvc.perform(multipart(base() + "/executions").file(new MockMultipartFile("file", "q1.csv", "text/csv",
                "code,committed,paid,collected\n20.1,100,90,\n10.1,,,50\n".getBytes(StandardCharsets.UTF_8))).param("executionYear", "2026")
                .param("period", "Q1").with(csrf()).with(Logins.as(users, staff))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(mvc.perform(get(location).with(Logins.as(users, staff))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("budget-figures-form", "90,00");
        mvc.perform(post(location + "/lines").with(csrf()).with(Logins.as(users, staff)).param("code", "20.2").param("committed", "10")
                .param("paid", "5")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(post(location + "/lines").with(csrf()).with(Logins.as(users, staff)).param("code", "20.2").param("paid", "-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Le montant « -1 » est négatif.");
        mvc.perform(post(location + "/publication").with(csrf()).with(Logins.as(users, staff))).andExpect(status().is3xxRedirection());
        assertThat(explorer().publication(c.id(), 2026).executionPublished()).isTrue();
        assertThat(mvc.perform(post(location + "/lines").with(csrf()).with(Logins.as(users, staff)).param("code", "20.2").param("paid", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Cette période est publiée");
        assertThat(mvc.perform(get(base() + "/" + draft + "/lines/20.1").with(Logins.as(users, staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("budget-line-edit-form");
    }

    @Test
    void theCitizenSummaryIsWrittenInArabicAndFrench() throws Exception {
        assertThat(mvc.perform(get(base() + "/summaries/2026").with(Logins.as(users, staff))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("budget-summary-form");
        assertThat(mvc.perform(post(base() + "/summaries/2026").with(csrf()).with(Logins.as(users, staff)).param("summaryAr", " ")
                .param("summaryFr", "")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Rédigez le résumé en arabe, en français ou dans les deux langues.");
        mvc.perform(post(base() + "/summaries/2026").with(csrf()).with(Logins.as(users, staff)).param("summaryAr", "ملخص <b>الميزانية</b>")
                .param("summaryFr", "Résumé")).andExpect(status().is3xxRedirection());
        assertThat(explorer().summary(c.id(), 2026)).containsExactly("ملخص <b>الميزانية</b>", "Résumé");
    }

    @Autowired BudgetExplorer explorerBean;

    BudgetExplorer explorer() {
        return explorerBean;
    }
}
