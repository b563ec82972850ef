package ma.opencommune.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;

/** Uploads are checked by content and size, names are made safe, and the file store cannot be led outside its folder. */
class UploadTests {

    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    @TempDir
    Path dataDir;

    @Test
    void aRealPdfIsAccepted() throws Exception {
        MockMultipartFile file = new MockMultipartFile("document", "rapport.pdf", "application/pdf", PDF);
        assertThat(Upload.check(file)).isEmpty();
        assertThat(Upload.of(file).type()).isEqualTo(Upload.FileType.PDF);
    }

    @Test
    void anExecutableDisguisedAsAPdfIsRefused() {
        MockMultipartFile file = new MockMultipartFile("document", "rapport.pdf", "application/pdf", "MZ\u0090\u0000 this is not a pdf".getBytes());
        assertThat(Upload.check(file)).contains("validation.file.type");
        MockMultipartFile html = new MockMultipartFile("document", "page.pdf", "application/pdf", "<html><script>alert(1)</script>".getBytes());
        assertThat(Upload.check(html)).contains("validation.file.type");
    }

    @Test
    void aFileAboveTenMegabytesIsRefused() {
        byte[] big = new byte[(int) Upload.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThat(Upload.check(new MockMultipartFile("document", "big.pdf", "application/pdf", big))).contains("validation.file.too-large");
        byte[] exact = java.util.Arrays.copyOf(big, (int) Upload.MAX_BYTES);
        assertThat(Upload.check(new MockMultipartFile("document", "ok.pdf", "application/pdf", exact))).isEmpty();
    }

    @Test
    void namesLoseTheirPathsAndTakeTheRealExtension() {
        assertThat(Upload.safeName("../../etc/passwd", Upload.FileType.PDF)).isEqualTo("passwd.pdf");
        assertThat(Upload.safeName("..\\..\\windows\\evil.exe", Upload.FileType.PNG)).isEqualTo("evil.png");
        assertThat(Upload.safeName("تقرير المرحلة 1.pdf", Upload.FileType.PDF)).isEqualTo("تقرير_المرحلة_1.pdf");
        assertThat(Upload.safeName("a\"b;c\r\nd.jpg", Upload.FileType.JPEG)).isEqualTo("a_b_c__d.jpg");
        assertThat(Upload.safeName("...", Upload.FileType.PDF)).isEqualTo("document.pdf");
        assertThat(Upload.safeName(null, Upload.FileType.PDF)).isEqualTo("document.pdf");
    }

    @Test
    void theStoreKeepsFilesUnderRandomKeysInsideItsFolder() throws Exception {
        LocalFileStore store = new LocalFileStore(dataDir.toString());
        String key = store.put(new ByteArrayInputStream(PDF), "../../outside.pdf", "application/pdf");
        assertThat(key).matches("[0-9a-f]{32}");
        assertThat(store.open(key)).isPresent();
        assertThat(store.open(key).get().readAllBytes()).isEqualTo(PDF);
        try (var files = Files.walk(dataDir)) {
            assertThat(files.filter(Files::isRegularFile).allMatch(p -> p.startsWith(dataDir.resolve("files")))).isTrue();
        }
        assertThat(Files.exists(dataDir.resolve("outside.pdf"))).isFalse();
        store.delete(key);
        assertThat(store.open(key)).isEmpty();
    }

    @Test
    void keysThatAreNotRandomHexReachNothing() throws Exception {
        LocalFileStore store = new LocalFileStore(dataDir.resolve("data").toString());
        Files.writeString(dataDir.resolve("secret.txt"), "secret");
        assertThat(store.open("../../secret.txt")).isEmpty();
        assertThat(store.open("..")).isEmpty();
        assertThat(store.open(null)).isEmpty();
        store.delete("../../secret.txt");
        assertThat(Files.exists(dataDir.resolve("secret.txt"))).isTrue();
    }
}
