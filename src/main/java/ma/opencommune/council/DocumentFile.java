package ma.opencommune.council;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.storage.Upload;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file for the library, its type read from its content and never from its name or the browser: PDF, PNG and JPEG by
 * their magic bytes (platform {@link Upload}); OpenDocument text and spreadsheet by the {@code mimetype} entry of their
 * zip container, Word and Excel (OOXML) by the main part their {@code [Content_Types].xml} declares (macro-enabled
 * variants declare another part and are refused); CSV and plain text when the whole file is UTF-8 without control
 * characters. A name whose extension says another type is refused, not renamed: the person meant another file.
 */
public record DocumentFile(byte[] content, Type type) {

    /** The largest document accepted (20 MB), said on the form; the servlet refuses whole requests above 25 MB. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** Zip entries read to find the declaration of an office file; a real document declares itself in the first few. */
    private static final int MAX_ENTRIES = 50;
    /** Bytes of a declaring entry read at most (a zip bomb never inflates further). */
    private static final int MAX_DECLARATION = 64 * 1024;

    /** The accepted types, the extensions their names may carry, and the type sent with a download. */
    public enum Type {
        PDF("application/pdf", "pdf"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg"),
        ODT("application/vnd.oasis.opendocument.text", "odt"),
        ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        CSV("text/csv;charset=UTF-8", "csv"),
        TEXT("text/plain;charset=UTF-8", "txt");

        public final String contentType;
        private final String[] extensions;

        Type(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = extensions;
        }

        public String extension() {
            return extensions[0];
        }

        boolean named(String extension) {
            for (String e : extensions) {
                if (e.equals(extension)) {
                    return true;
                }
            }
            return false;
        }

        public static Optional<Type> ofExtension(String extension) {
            for (Type t : values()) {
                if (t.named(extension)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** The problem with an uploaded file as a message key (missing, empty, too large, type not accepted, name lying), or empty. */
    public static Optional<String> problem(MultipartFile file) {
        // A form sent without choosing a file still carries an empty part with no name.
        if (file == null || file.isEmpty() && Check.blank(file.getOriginalFilename())) {
            return Optional.of("documents.validation.file.required");
        }
        if (file.isEmpty()) {
            return Optional.of("documents.validation.file.empty");
        }
        if (file.getSize() > MAX_BYTES) {
            return Optional.of("documents.validation.file.too-large");
        }
        try {
            Optional<Type> type = sniff(file.getBytes(), extension(file.getOriginalFilename()));
            if (type.isEmpty()) {
                return Optional.of("documents.validation.file.type");
            }
            String extension = extension(file.getOriginalFilename());
            return extension.isEmpty() || type.get().named(extension) ? Optional.empty() : Optional.of("documents.validation.file.mismatch");
        } catch (IOException e) {
            return Optional.of("documents.validation.file.type");
        }
    }

    /** Reads a file that has no {@link #problem}. */
    public static DocumentFile of(MultipartFile file) throws IOException {
        byte[] bytes = file.getBytes();
        Type type = sniff(bytes, extension(file.getOriginalFilename())).orElseThrow(() -> new IllegalArgumentException("unchecked file"));
        return new DocumentFile(bytes, type);
    }

    /**
     * The type the bytes are. The name is consulted only between the two text types (CSV and plain text are both
     * harmless text; only the name says which one the author meant).
     */
    public static Optional<Type> sniff(byte[] bytes, String extension) {
        Optional<Upload.FileType> basic = Upload.FileType.sniff(bytes.length > 16 ? java.util.Arrays.copyOf(bytes, 16) : bytes);
        if (basic.isPresent()) {
            return Optional.of(switch (basic.get()) {
                case PDF -> Type.PDF;
                case PNG -> Type.PNG;
                case JPEG -> Type.JPEG;
            });
        }
        if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return office(bytes);
        }
        if (text(bytes)) {
            return Optional.of("csv".equals(extension) ? Type.CSV : Type.TEXT);
        }
        return Optional.empty();
    }

    /** An OpenDocument or OOXML file by what its container declares; any other zip is not accepted. */
    private static Optional<Type> office(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            for (int i = 0; i < MAX_ENTRIES && (entry = zip.getNextEntry()) != null; i++) {
                if (entry.getName().equals("mimetype")) {
                    String declared = read(zip).strip();
                    return declared.equals("application/vnd.oasis.opendocument.text") ? Optional.of(Type.ODT)
                            : declared.equals("application/vnd.oasis.opendocument.spreadsheet") ? Optional.of(Type.ODS) : Optional.empty();
                }
                if (entry.getName().equals("[Content_Types].xml")) {
                    String declared = read(zip);
                    return declared.contains("\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"")
                            ? Optional.of(Type.DOCX)
                            : declared.contains("\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"")
                                    ? Optional.of(Type.XLSX) : Optional.empty();
                }
            }
        } catch (IOException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String read(InputStream entry) throws IOException {
        return new String(entry.readNBytes(MAX_DECLARATION), StandardCharsets.UTF_8);
    }

    /** Well-formed UTF-8 (a byte order mark allowed) with no control character but tab, line feed and carriage return. */
    static boolean text(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.chars().noneMatch(ch -> (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7F);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The lower-case extension of a name ("" when it has none). */
    static String extension(String name) {
        if (name == null) {
            return "";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    /** The uploaded name reduced to what staff need to recognise it: last path segment, at most 150 characters. */
    public static String keptName(String original, Type type) {
        String name = original == null ? "" : original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}<>\"]", "_").strip();
        if (name.isEmpty()) {
            name = "document." + type.extension();
        }
        return name.length() > 150 ? name.substring(name.length() - 150) : name;
    }
}
