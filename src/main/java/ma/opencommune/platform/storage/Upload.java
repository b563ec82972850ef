package ma.opencommune.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A checked document upload: its real type is read from its first bytes (never trusted from the name or the
 * browser), only PDF, PNG and JPEG are accepted, the size is bounded, and the original name is reduced to a safe
 * display name. {@link #check} returns the message key of the problem, or empty when the file is acceptable.
 */
public record Upload(byte[] content, String name, FileType type) {

    /** The largest document accepted (10 MB); the servlet's multipart limit sits well above it (application.properties). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** Accepted document types, told apart by their magic bytes. */
    public enum FileType {
        PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
        PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
        JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

        public final String contentType;
        public final String extension;
        private final byte[] magic;

        FileType(String contentType, String extension, byte[] magic) {
            this.contentType = contentType;
            this.extension = extension;
            this.magic = magic;
        }

        /** The type the bytes really are, whatever the name says. */
        public static Optional<FileType> sniff(byte[] head) {
            for (FileType t : values()) {
                if (head.length >= t.magic.length && Arrays.equals(Arrays.copyOf(head, t.magic.length), t.magic)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }

        public static Optional<FileType> ofContentType(String contentType) {
            return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
        }
    }

    /** The problem with this file as a message key (too large, empty, not a PDF/PNG/JPEG), or empty when fine. */
    public static Optional<String> check(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return Optional.empty();
        }
        if (file.getSize() > MAX_BYTES) {
            return Optional.of("validation.file.too-large");
        }
        try (InputStream in = file.getInputStream()) {
            return FileType.sniff(in.readNBytes(8)).isPresent() ? Optional.empty() : Optional.of("validation.file.type");
        } catch (IOException e) {
            return Optional.of("validation.file.type");
        }
    }

    /**
     * Whether the file's name says the type its content really is: a "report.pdf" that is a picture does not (it is
     * refused, not renamed, so the person picks the file they meant). A name without an extension says nothing.
     * Only for a file that passed {@link #check}.
     */
    public static boolean nameMatches(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return true;
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        try (InputStream in = file.getInputStream()) {
            Optional<FileType> type = FileType.sniff(in.readNBytes(8));
            return type.isPresent() && (extension.equals(type.get().extension) || (type.get() == FileType.JPEG && extension.equals("jpeg")));
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a file that passed {@link #check}; null when none was sent. */
    public static Upload of(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        byte[] bytes = file.getBytes();
        FileType type = FileType.sniff(bytes).orElseThrow(() -> new IllegalArgumentException("unchecked upload"));
        return new Upload(bytes, safeName(file.getOriginalFilename(), type), type);
    }

    /**
     * A display name safe in a header and on any file system: the last path segment only, letters of any script,
     * digits, dot, dash and underscore; other characters become '_'; the extension of the real type is enforced.
     */
    public static String safeName(String original, FileType type) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(cp -> out.appendCodePoint(Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '.' ? cp : '_'));
        String base = out.toString().replaceAll("\\.{2,}", ".").replaceAll("^[._]+", "");
        int dot = base.lastIndexOf('.');
        if (dot >= 0) {
            base = base.substring(0, dot);
        }
        if (base.isBlank()) {
            base = "document";
        }
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        return base + "." + type.extension.toLowerCase(Locale.ROOT);
    }
}
