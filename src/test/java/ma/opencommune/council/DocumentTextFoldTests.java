package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;

import ma.opencommune.platform.TextFold;
import org.junit.jupiter.api.Test;

/** What the library added to the platform's fold: references typed with Eastern digits, Persian letter forms. */
class DocumentTextFoldTests {

    @Test
    void arabicIndicAndPersianDigitsReadAsWesternDigits() {
        assertThat(TextFold.fold("مقرر رقم ١٢/٢٠٢٥")).isEqualTo("مقرر رقم 12/2025");
        assertThat(TextFold.fold("۱۲/۲۰۲۵")).isEqualTo("12/2025");
        assertThat(TextFold.fold("0123456789")).isEqualTo("0123456789");
    }

    @Test
    void persianYehAndKehehReadAsArabicYaAndKaf() {
        assertThat(TextFold.fold("مدیر")).isEqualTo(TextFold.fold("مدير"));
        assertThat(TextFold.fold("کتاب")).isEqualTo("كتاب");
    }

    @Test
    void originsStillPointBackAfterADigit() {
        String original = "رقم ١٢ Élodie";
        TextFold.Folded folded = TextFold.foldWithOrigin(original);
        int at = folded.text().indexOf("12");
        int[] range = folded.originalRange(original, at, at + 2);
        assertThat(original.substring(range[0], range[1])).isEqualTo("١٢");
    }
}
