package ma.opencommune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 4180 quoting, the formula-injection guard and the byte-order mark every CSV download relies on. */
class CsvWriterTests {

    @Test
    void plainValuesAreWrittenAsTheyAre() {
        assertThat(CsvWriter.cell("تارودانت")).isEqualTo("تارودانت");
        assertThat(CsvWriter.cell("12.50")).isEqualTo("12.50");
        assertThat(CsvWriter.cell(null)).isEmpty();
    }

    @Test
    void quotesCommasSemicolonsAndLineBreaksAreQuoted() {
        assertThat(CsvWriter.cell("a \"b\"")).isEqualTo("\"a \"\"b\"\"\"");
        assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(CsvWriter.cell("a\nb")).isEqualTo("\"a\nb\"");
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaGetsAnApostrophe() {
        assertThat(CsvWriter.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvWriter.cell("-5")).isEqualTo("'-5");
        assertThat(CsvWriter.cell("+212")).isEqualTo("'+212");
        assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.cell("\tcmd")).isEqualTo("'\tcmd");
    }

    @Test
    void aFileStartsWithTheByteOrderMarkAndEndsRowsWithCrlf() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvWriter csv = CsvWriter.withBom(bytes);
        csv.row("id", "nom");
        csv.rowUnchecked("1", "Aït Iaaza, centre");
        csv.flush();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFid,nom\r\n1,\"Aït Iaaza, centre\"\r\n");
        assertThat(bytes.toByteArray()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    }

    @Test
    void aFailedWriteInACallbackLeavesUnchecked() throws IOException {
        CsvWriter csv = CsvWriter.withBom(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("gone");
            }
        });
        assertThatThrownBy(() -> {
            csv.rowUnchecked("x".repeat(100_000));
        }).isInstanceOf(UncheckedIOException.class);
    }
}
