package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** A library file's type is read from its content, never from its name or the browser; a name that lies is refused. */
class DocumentFileTests {

    static final byte[] PDF = DocumentFixture.PDF;
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};

    static MockMultipartFile file(String name, byte[] content, String browserType) {
        return new MockMultipartFile("file", name, browserType, content);
    }

    static byte[] zip(String entry, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<doc/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static final String DOCX_TYPES = "<Types><Override PartName=\"/word/document.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    static final String XLSX_TYPES = "<Types><Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
    static final String DOCM_TYPES = "<Types><Override PartName=\"/word/document.xml\" "
            + "ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>";

    @Test
    void pdfPngAndJpegAreKnownByTheirFirstBytes() {
        assertThat(DocumentFile.sniff(PDF, "pdf")).contains(DocumentFile.Type.PDF);
        assertThat(DocumentFile.sniff(PNG, "")).contains(DocumentFile.Type.PNG);
        assertThat(DocumentFile.sniff(JPEG, "jpeg")).contains(DocumentFile.Type.JPEG);
        assertThat(DocumentFile.problem(file("budget.PDF", PDF, "application/octet-stream"))).isEmpty();
        assertThat(DocumentFile.problem(file("photo.jpeg", JPEG, "image/png"))).isEmpty();
    }

    @Test
    void officeFilesAreToldApartByWhatTheirContainerDeclares() throws IOException {
        assertThat(DocumentFile.sniff(zip("mimetype", "application/vnd.oasis.opendocument.text"), "")).contains(DocumentFile.Type.ODT);
        assertThat(DocumentFile.sniff(zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), "")).contains(DocumentFile.Type.ODS);
        assertThat(DocumentFile.sniff(zip("[Content_Types].xml", DOCX_TYPES), "")).contains(DocumentFile.Type.DOCX);
        assertThat(DocumentFile.sniff(zip("[Content_Types].xml", XLSX_TYPES), "")).contains(DocumentFile.Type.XLSX);
        assertThat(DocumentFile.problem(file("minutes.docx", zip("[Content_Types].xml", DOCX_TYPES), "application/pdf"))).isEmpty();
    }

    @Test
    void macroDocumentsOtherZipsAndBrokenZipsAreRefused() throws IOException {
        assertThat(DocumentFile.sniff(zip("[Content_Types].xml", DOCM_TYPES), "docm")).isEmpty();
        assertThat(DocumentFile.sniff(zip("mimetype", "application/vnd.oasis.opendocument.presentation"), "odp")).isEmpty();
        assertThat(DocumentFile.sniff(zip("virus.exe", "MZ"), "zip")).isEmpty();
        assertThat(DocumentFile.sniff(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, "docx")).isEmpty();
        assertThat(DocumentFile.problem(file("archive.zip", zip("a.txt", "x"), "application/zip"))).contains("documents.validation.file.type");
    }

    @Test
    void textIsAcceptedWhenItIsUtf8WithoutControlCharacters() {
        byte[] csv = "code;libellé;montant\n1010;الرسوم;1200\n".getBytes(StandardCharsets.UTF_8);
        assertThat(DocumentFile.sniff(csv, "csv")).contains(DocumentFile.Type.CSV);
        assertThat(DocumentFile.sniff(csv, "txt")).contains(DocumentFile.Type.TEXT);
        assertThat(DocumentFile.sniff(new byte[] {'M', 'Z', 0, 0, 3}, "csv")).isEmpty();
        assertThat(DocumentFile.sniff(new byte[] {'a', (byte) 0xC3, 'b'}, "txt")).isEmpty();
        assertThat(DocumentFile.problem(file("run.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), "text/plain")))
                .contains("documents.validation.file.mismatch");
    }

    @Test
    void aFileWhoseExtensionLiesIsRefused() {
        assertThat(DocumentFile.problem(file("deliberation.pdf", PNG, "application/pdf"))).contains("documents.validation.file.mismatch");
        assertThat(DocumentFile.problem(file("photo.png", PDF, "image/png"))).contains("documents.validation.file.mismatch");
        assertThat(DocumentFile.problem(file("budget.xlsx", PDF, "application/pdf"))).contains("documents.validation.file.mismatch");
        assertThat(DocumentFile.problem(file("budget", PDF, "application/pdf"))).isEmpty();
    }

    @Test
    void missingEmptyAndOversizedFilesAreRefusedWithTheirOwnMessage() {
        assertThat(DocumentFile.problem(null)).contains("documents.validation.file.required");
        assertThat(DocumentFile.problem(file("", new byte[0], "application/octet-stream"))).contains("documents.validation.file.required");
        assertThat(DocumentFile.problem(file("empty.pdf", new byte[0], "application/pdf"))).contains("documents.validation.file.empty");
        byte[] big = new byte[(int) DocumentFile.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThat(DocumentFile.problem(file("big.pdf", big, "application/pdf"))).contains("documents.validation.file.too-large");
    }

    @Test
    void theKeptNameIsTheLastPathSegmentWithoutMarkup() {
        assertThat(DocumentFile.keptName("C:\\Users\\x\\PV session.pdf", DocumentFile.Type.PDF)).isEqualTo("PV session.pdf");
        assertThat(DocumentFile.keptName("../../a<b>\"c.pdf", DocumentFile.Type.PDF)).isEqualTo("a_b__c.pdf");
        assertThat(DocumentFile.keptName("", DocumentFile.Type.PDF)).isEqualTo("document.pdf");
    }
}
