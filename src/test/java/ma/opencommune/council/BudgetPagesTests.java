package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public budget: years, the explorer and its drill-down in four languages, the CSV, the API, and published items only. */
@IntegrationTest
class BudgetPagesTests {

    static final String EXECUTION = """
            code,committed,paid,collected
            10.1,,,400.00
            10.2,,,100.00
            20.1,450.00,450.00,
            20.2,300.00,150.00,
            """;

    @Autowired MockMvc mvc;
    @Autowired Budgets budgets;
    @Autowired BudgetExplorer explorer;

    @Autowired BudgetFixture fx;
    Collectivity c;
    String staff;

    @BeforeEach
    void setUp() {
        c = fx.collectivity();
        staff = fx.secretary(c);
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theYearsPageSaysWhenNothingIsPublishedAndDraftsStayPrivate() throws Exception {
        budgets.draft(c, fx.user(staff), 2026);
        assertThat(page("/fr/c/" + c.slug() + "/budget")).contains("Aucun budget n’a encore été publié.");
        mvc.perform(get("/fr/c/" + c.slug() + "/budget/2026")).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/" + c.slug() + "/budget/2026.csv")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/collectivities/" + c.slug() + "/budgets/2026")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void theExplorerShowsTotalsExecutionRatesAndTheSummaryInFourLanguages() throws Exception {
        fx.published(c, staff, 2025, BudgetFixture.SMALL);
        fx.published(c, staff, 2026, BudgetFixture.SMALL.replace("300.00", "800.00"));
        fx.execution(c, staff, 2026, "Q1", EXECUTION);
        budgets.writeSummary(c, fx.user(staff), 2026, "الميزانية تموّل الإنارة.", "Le budget paie l’éclairage.\nEt les salaires.");
        String fr = page("/fr/c/" + c.slug() + "/budget/2026");
        assertThat(fr).contains("Budget 2026", "Le budget paie l’éclairage.", "Recettes de fonctionnement", "1.500,00", "33,3\u00A0%",
                "Comparaison avec les années précédentes", "<svg", "Exécution jusqu’au 31 mars 2026");
        assertThat(fr).contains("/fr/c/" + c.slug() + "/budget/2026/lines/20");
        String ar = page("/ar/c/" + c.slug() + "/budget/2026");
        assertThat(ar).contains("dir=\"rtl\"", "ميزانية 2026", "الميزانية تموّل الإنارة.", "1.500,00").doesNotContain("١");
        assertThat(page("/zgh/c/" + c.slug() + "/budget/2026")).contains("ⵜⴰⵙⵎⵉⴳⵉⵜ ⵏ 2026");
        assertThat(page("/en/c/" + c.slug() + "/budget/2026")).contains("Operating expenses", "1,500.00", "Follow a heading to see its detail.", "Comparison")
                .doesNotContain("??budget");
    }

    @Test
    void aLinesPageShowsItsAncestorsAndChildrenAndAnUnknownLineIs404() throws Exception {
        fx.published(c, staff, 2026, BudgetFixture.SMALL);
        fx.execution(c, staff, 2026, "M1", EXECUTION);
        String line = page("/fr/c/" + c.slug() + "/budget/2026/lines/20");
        assertThat(line).contains("Dépenses de fonctionnement", "Salaires", "Éclairage public", "Détail de cette rubrique", "750,00");
        String leaf = page("/ar/c/" + c.slug() + "/budget/2026/lines/20.2");
        assertThat(leaf).contains("نفقات التسيير", "لا تفاصيل أخرى لهذا البند.", "150,00", "25,0");
        mvc.perform(get("/fr/c/" + c.slug() + "/budget/2026/lines/99")).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/" + c.slug() + "/budget/2024")).andExpect(status().isNotFound());
    }

    @Test
    void theCsvStreamsEveryLineWithItsExecution() throws Exception {
        fx.published(c, staff, 2026, BudgetFixture.SMALL.replace("Salaires", "=Salaires"));
        fx.execution(c, staff, 2026, "Q1", EXECUTION);
        var response = mvc.perform(get("/fr/c/" + c.slug() + "/budget/2026.csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv")).andReturn().getResponse();
        String csv = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFcode,parent_code,depth,label_ar,label_fr,section,direction,amount,initial_amount,committed,paid,collected\r\n");
        assertThat(csv).contains("20.2,20,1,الإنارة العمومية,Éclairage public,OPERATING,EXPENSE,600.00,,300.00,150.00,0.00\r\n", "'=Salaires");
        assertThat(csv.split("\r\n")).hasSize(8);
    }

    @Test
    void theApiGivesTheFlatTreeWithParentCodesAmountsAndExecution() throws Exception {
        fx.published(c, staff, 2026, BudgetFixture.SMALL);
        long amending = budgets.draft(c, fx.user(staff), 2026);
        fx.importText(c, staff, amending, BudgetFixture.SMALL.replace("300.00", "350.00"));
        budgets.publish(c, fx.user(staff), amending);
        fx.execution(c, staff, 2026, "Q1", EXECUTION);
        mvc.perform(get("/api/v1/collectivities/" + c.slug() + "/budgets/2026")).andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026)).andExpect(jsonPath("$.amendingNumber").value(1))
                .andExpect(jsonPath("$.lines.length()").value(7))
                .andExpect(jsonPath("$.lines[1].code").value("10.1")).andExpect(jsonPath("$.lines[1].parentCode").value("10"))
                .andExpect(jsonPath("$.lines[1].collected").value(400.00))
                .andExpect(jsonPath("$.lines[6].amount").value(350.00)).andExpect(jsonPath("$.lines[6].initialAmount").value(300.00))
                .andExpect(jsonPath("$.executionPeriods[0].kind").value("Q"))
                .andExpect(jsonPath("$.totals[1].paid").value(600.00));
    }

    @Test
    void theExplorerCostsTheSameStatementsForSevenAndTwoThousandLines() throws Exception {
        fx.published(c, staff, 2025, BudgetFixture.SMALL);
        fx.published(c, staff, 2026, BudgetFixture.SMALL);
        fx.execution(c, staff, 2026, "Q1", EXECUTION);
        long small = statements("/fr/c/" + c.slug() + "/budget/2026");
        long smallLine = statements("/fr/c/" + c.slug() + "/budget/2026/lines/20");
        Collectivity big = fx.collectivity();
        String bigStaff = fx.secretary(big);
        fx.published(big, bigStaff, 2025, BudgetFixture.large(2_000));
        fx.published(big, bigStaff, 2026, BudgetFixture.large(2_000));
        fx.execution(big, bigStaff, 2026, "Q1", "code,committed,paid\n20.3.4,10,5\n20.7.1,3,3\n");
        assertThat(statements("/fr/c/" + big.slug() + "/budget/2026")).isEqualTo(small);
        assertThat(statements("/fr/c/" + big.slug() + "/budget/2026/lines/20")).isEqualTo(smallLine);
        assertThat(statements("/fr/c/" + big.slug() + "/budget/2026/lines/20.3")).isEqualTo(smallLine);
    }

    long statements(String url) throws Exception {
        mvc.perform(get(url)).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(get(url)).andExpect(status().isOk());
        return QueryCounting.statements();
    }

    @Test
    void anotherCollectivitysAddressShowsNothingOfThisOne() throws Exception {
        fx.published(c, staff, 2026, BudgetFixture.SMALL);
        Collectivity other = fx.collectivity();
        mvc.perform(get("/fr/c/" + other.slug() + "/budget/2026")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/collectivities/" + other.slug() + "/budgets/2026")).andExpect(status().isNotFound());
    }
}
