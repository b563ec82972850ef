package ma.opencommune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The four message bundles are complete, translated, and cover every key the templates use. */
class MessageBundlesTests {

    private static final Path DIR = Path.of("src/main/resources/messages");
    private static final List<String> LANGS = List.of("ar", "fr", "zgh", "en");

    static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(DIR.resolve("messages_" + lang + ".properties")), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyKeyExistsInAllFourLanguages() throws IOException {
        Set<String> all = new TreeSet<>();
        for (String lang : LANGS) {
            all.addAll(load(lang).stringPropertyNames());
        }
        List<String> missing = new ArrayList<>();
        for (String lang : LANGS) {
            Properties p = load(lang);
            for (String key : all) {
                if (p.getProperty(key) == null || p.getProperty(key).isBlank()) {
                    missing.add(lang + ": " + key);
                }
            }
        }
        assertThat(missing).as("keys missing or empty").isEmpty();
    }

    @Test
    void arabicAndTamazightValuesAreWrittenInTheirScripts() throws IOException {
        Pattern latinOnly = Pattern.compile("^[\\p{IsLatin}\\p{IsCommon}\\p{IsInherited}]*$");
        List<String> untranslated = new ArrayList<>();
        for (String lang : List.of("ar", "zgh")) {
            Pattern script = Pattern.compile(lang.equals("ar") ? "\\p{IsArabic}" : "[\\u2D30-\\u2D7F]");
            Properties p = load(lang);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                boolean hasLetters = value.codePoints().anyMatch(Character::isLetter);
                if (hasLetters && latinOnly.matcher(value).matches() && !script.matcher(value).find() && !isCodeLike(value)) {
                    untranslated.add(lang + ": " + key + "=" + value);
                }
            }
        }
        assertThat(untranslated).as("values left in Latin script").isEmpty();
    }

    private static boolean isCodeLike(String value) {
        return value.matches("[A-Za-z0-9 ._@:/+()-]{1,12}");
    }

    @Test
    void placeholdersMatchTheEnglishText() throws IOException {
        Pattern placeholder = Pattern.compile("\\{\\d[^}]*}");
        Properties en = load("en");
        List<String> wrong = new ArrayList<>();
        for (String lang : List.of("ar", "fr", "zgh")) {
            Properties p = load(lang);
            for (String key : en.stringPropertyNames()) {
                Set<String> expected = new TreeSet<>();
                Matcher m = placeholder.matcher(en.getProperty(key));
                while (m.find()) {
                    expected.add(m.group().replaceAll(",.*", "}"));
                }
                Set<String> actual = new TreeSet<>();
                Matcher a = placeholder.matcher(p.getProperty(key, ""));
                while (a.find()) {
                    actual.add(a.group().replaceAll(",.*", "}"));
                }
                if (!expected.equals(actual)) {
                    wrong.add(lang + ": " + key + " " + actual + " vs " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyLiteralKeyUsedInTemplatesExists() throws IOException {
        Properties en = load("en");
        Pattern literal = Pattern.compile("#\\{([a-z0-9][a-zA-Z0-9._-]*)[}(]");
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    if (en.getProperty(m.group(1)) == null) {
                        unknown.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }
}
