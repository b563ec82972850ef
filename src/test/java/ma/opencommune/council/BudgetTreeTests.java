package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The import's rules, without a database: reading the file, each cell, the tree and its sums. */
class BudgetTreeTests {

    static BudgetCsv.Table read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    static BudgetCsv.Table read(byte[] bytes) throws IOException {
        return BudgetCsv.read(new ByteArrayInputStream(bytes), BudgetTree.COLUMNS, BudgetTree.OPTIONAL);
    }

    /** Every problem of a file, as the façade finds them before saving. */
    static List<BudgetProblem> problems(String text) throws IOException {
        BudgetCsv.Table t = read(text);
        if (!t.problems().isEmpty()) {
            return t.problems();
        }
        List<BudgetProblem> problems = new ArrayList<>();
        List<BudgetTree.Node> nodes = BudgetTree.build(BudgetTree.inputs(t.rows(), problems), problems);
        if (problems.isEmpty()) {
            problems.addAll(BudgetTree.sums(nodes));
        }
        return problems;
    }

    static List<String> keys(List<BudgetProblem> problems) {
        return problems.stream().map(p -> p.line() + ":" + p.column() + ":" + p.key().replace("budget.import.error.", "")).toList();
    }

    @Test
    void aValidFileWithBomAndSemicolonsBuildsTheTreeInReadingOrder() throws IOException {
        String text = "\uFEFF" + BudgetFixture.SMALL.replace(',', ';').replace("1500.00", "1500,00");
        BudgetCsv.Table t = read(text);
        assertThat(t.problems()).isEmpty();
        List<BudgetProblem> problems = new ArrayList<>();
        List<BudgetTree.Node> nodes = BudgetTree.build(BudgetTree.inputs(t.rows(), problems), problems);
        assertThat(problems).isEmpty();
        assertThat(nodes).extracting(BudgetTree.Node::code).containsExactly("10", "10.1", "10.2", "20", "20.1", "20.2", "40");
        assertThat(nodes.get(1).parent()).isEqualTo("10");
        assertThat(nodes.get(1).path()).isEqualTo("/10/10.1");
        assertThat(nodes.get(0).leaf()).isFalse();
        assertThat(nodes.get(6).leaf()).isTrue();
        assertThat(BudgetTree.sums(nodes)).isEmpty();
    }

    @Test
    void numericCodesFindTheirParentByTheLongestPrefixAndDottedOnesOnlyAtADot() {
        Map<String, Boolean> codes = Map.of("6", true, "60", true, "601", true, "10", true, "10.1", true);
        assertThat(BudgetTree.prefixParent("6011", codes)).isEqualTo("601");
        assertThat(BudgetTree.prefixParent("60", codes)).isEqualTo("6");
        assertThat(BudgetTree.prefixParent("10.12", codes)).isEqualTo("10");
        assertThat(BudgetTree.prefixParent("10.1.3", codes)).isEqualTo("10.1");
        assertThat(BudgetTree.prefixParent("7", codes)).isNull();
    }

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaks() throws IOException {
        BudgetCsv.Table t = read(BudgetFixture.HEADER + "10,,\"مداخيل, \"\"عامة\"\"\",\"Recettes\nde fonctionnement\",OPERATING,REVENUE,5\n"
                + "20,,نفقات,Dépenses,OPERATING,EXPENSE,5\n");
        assertThat(t.problems()).isEmpty();
        assertThat(t.rows().get(0).get("label_ar")).isEqualTo("مداخيل, \"عامة\"");
        assertThat(t.rows().get(1).line()).isEqualTo(4); // the quoted line break moves the next record's line number
    }

    @Test
    void everyBadCellIsReportedWithItsLineAndColumn() throws IOException {
        String text = BudgetFixture.HEADER + """
                10,,,,OPERATING,REVENUE,100
                10.1,,أ,A,OPERATING,REVENUE,-5
                10.2,,ب,B,OPERATING,REVENUE,douze
                10.3,,ت,T,OPERATING,REVENUE,1.234
                10.4,,ث,T,SOMETHING,REVENUE,1
                10.5,,ج,J,OPERATING,INCOME,1
                bad code!,,ح,H,OPERATING,REVENUE,1
                10.6,,خ,K,OPERATING,REVENUE,
                """;
        assertThat(keys(problems(text))).containsExactly("2:label_ar:label-missing", "3:amount:amount-negative", "4:amount:amount-format",
                "5:amount:amount-format", "6:section:section", "7:direction:direction", "8:code:code-format", "9:amount:amount-missing");
    }

    @Test
    void aLineLeftOutForABadCellIsStillCheckedForARepeatedCode() throws IOException {
        String text = BudgetFixture.HEADER + """
                10,,أ,A,OPERATING,REVENUE,1
                11,,ب,B,OPERATING,REVENUE,abc
                10,,ت,T,OPERATING,REVENUE,-5
                11,,ث,T,OPERATING,REVENUE,1
                12,,ج,J,OPERATING,REVENUE,1
                12,,ح,H,OPERATING,REVENUE,1
                """;
        // Line 4 repeats a kept line, line 5 repeats a line left out, line 7 repeats a kept line (reported once, by the tree).
        assertThat(keys(problems(text))).containsExactlyInAnyOrder("3:amount:amount-format", "4:amount:amount-negative", "4:code:code-twice",
                "5:code:code-twice", "7:code:code-twice");
    }

    @Test
    void duplicateCodesUnknownParentsLoopsAndMixedKindsAreRefused() throws IOException {
        String text = BudgetFixture.HEADER + """
                10,,أ,A,OPERATING,REVENUE,1
                10,,أ,A,OPERATING,REVENUE,1
                11,99,ب,B,OPERATING,REVENUE,1
                12,13,ت,T,OPERATING,REVENUE,1
                13,12,ث,T,OPERATING,REVENUE,1
                14,,ج,J,OPERATING,EXPENSE,1
                14.1,,ح,H,INVESTMENT,EXPENSE,1
                """;
        assertThat(keys(problems(text))).containsExactlyInAnyOrder("3:code:code-twice", "4:parent_code:parent-unknown", "5:parent_code:parent-loop",
                "6:parent_code:parent-loop", "8:section:parent-kind");
    }

    @Test
    void aParentThatIsNotTheSumOfItsChildrenIsReportedWithBothFigures() throws IOException {
        List<BudgetProblem> problems = problems(BudgetFixture.SMALL.replace("20,,نفقات التسيير,Dépenses de fonctionnement,OPERATING,EXPENSE,1500.00",
                "20,,نفقات التسيير,Dépenses de fonctionnement,OPERATING,EXPENSE,1400.00"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("budget.import.error.sum");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.args()).containsExactly("20", "1400.00", "1500.00");
        });
    }

    @Test
    void wrongMissingOrRepeatedColumnsStopTheReadingWithEveryColumnNamed() throws IOException {
        assertThat(keys(problems("code,label,section,direction,amount,amount\n10,x,OPERATING,REVENUE,1\n")))
                .containsExactly("1:label:column-unknown", "1:amount:column-twice", "1:label_ar:column-missing", "1:label_fr:column-missing");
    }

    @Test
    void emptyFilesFilesWithoutLinesAndNonUtf8FilesAreRefused() throws IOException {
        assertThat(keys(problems(""))).containsExactly("0::empty");
        assertThat(keys(problems("\uFEFF  \n"))).containsExactly("0::empty");
        assertThat(keys(problems(BudgetFixture.HEADER + "\n\n"))).containsExactly("0::no-lines");
        assertThat(read(new byte[] {'c', 'o', 'd', 'e', '\n', (byte) 0xE9, '\n'}).problems()).extracting(BudgetProblem::key)
                .containsExactly("budget.import.error.encoding");
    }

    @Test
    void filesAboveTheLineOrSizeBoundAreRefusedBeforeBeingParsed() throws IOException {
        StringBuilder many = new StringBuilder(BudgetFixture.HEADER);
        for (int i = 0; i <= BudgetCsv.MAX_LINES; i++) {
            many.append(i).append(",,أ,A,OPERATING,REVENUE,1\n");
        }
        assertThat(read(many.toString()).problems()).extracting(BudgetProblem::key).containsExactly("budget.import.error.too-many-lines");
        byte[] huge = new byte[BudgetCsv.MAX_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(read(huge).problems()).extracting(BudgetProblem::key).containsExactly("budget.import.error.too-large");
    }

    @Test
    void htmlAndSqlInLabelsAreKeptAsTextAndFormulaCellsAreDefusedOnExport() throws IOException {
        BudgetCsv.Table t = read(BudgetFixture.HEADER + "10,,<script>alert(1)</script>,'; drop table budget; --,OPERATING,REVENUE,1\n");
        List<BudgetProblem> problems = new ArrayList<>();
        List<BudgetTree.Input> inputs = BudgetTree.inputs(t.rows(), problems);
        assertThat(problems).isEmpty();
        assertThat(inputs.get(0).labelAr()).isEqualTo("<script>alert(1)</script>");
        assertThat(ma.opencommune.platform.CsvWriter.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ma.opencommune.platform.CsvWriter.cell("-5")).isEqualTo("'-5");
    }

    @Test
    void amountsAcceptDecimalCommasAndThousandSpaces() {
        assertThat(BudgetCsv.amountProblem("1 250 000,50", true)).isNull();
        assertThat(BudgetCsv.parseAmount("1 250 000,50")).isEqualByComparingTo("1250000.50");
        assertThat(BudgetCsv.amountProblem("1e5", true)).isEqualTo("budget.import.error.amount-format");
        assertThat(BudgetCsv.amountProblem("99999999999999", true)).isEqualTo("budget.import.error.amount-format");
        assertThat(BudgetCsv.amountProblem("", false)).isNull();
        assertThat(BudgetCsv.parseAmount("")).isEqualByComparingTo("0");
    }
}
