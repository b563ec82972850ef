package ma.opencommune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldTests {

    @Test
    void arabicAlefFormsAndHamzaCarriersReadAsTheirBaseLetter() {
        assertThat(TextFold.fold("أإآٱا")).isEqualTo("ااااا");
        assertThat(TextFold.fold("مسؤول")).isEqualTo("مسوول");
        assertThat(TextFold.fold("هيئة")).isEqualTo("هييه");
        assertThat(TextFold.fold("مستشفى")).isEqualTo("مستشفي");
    }

    @Test
    void arabicDiacriticsAndTatweelAreRemoved() {
        assertThat(TextFold.fold("الْمَدْرَسَةُ")).isEqualTo("المدرسه");
        assertThat(TextFold.fold("الميـــزانية")).isEqualTo("الميزانيه");
        assertThat(TextFold.fold("هٰذا")).isEqualTo("هذا");
    }

    @Test
    void taMarbutaFoldsToHaSoBothSpellingsMatch() {
        assertThat(TextFold.fold("الإدارة")).isEqualTo(TextFold.fold("الاداره")).isEqualTo(TextFold.fold("الادارة"));
    }

    @Test
    void latinAccentsAndCaseAreRemovedAndLigaturesSpelledOut() {
        assertThat(TextFold.fold("Équipement Éducatif À Côté")).isEqualTo("equipement educatif a cote");
        assertThat(TextFold.fold("Œuvre et Æsthétique cœur")).isEqualTo("oeuvre et aesthetique coeur");
        assertThat(TextFold.fold("ÇA")).isEqualTo("ca");
    }

    @Test
    void spacesCollapseAndEnds() {
        assertThat(TextFold.fold("  a \t\n  b\u00A0 c  ")).isEqualTo("a b c");
        assertThat(TextFold.fold(null)).isEmpty();
        assertThat(TextFold.fold("   ")).isEmpty();
    }

    @Test
    void tifinaghAndDigitsAreKept() {
        assertThat(TextFold.fold("ⵜⴰⵎⴰⵣⵉⵖⵜ 2026")).isEqualTo("ⵜⴰⵎⴰⵣⵉⵖⵜ 2026");
    }

    @Test
    void originPointsBackToTheOriginalCharacters() {
        String original = "M. Élodie  Benali";
        TextFold.Folded folded = TextFold.foldWithOrigin(original);
        int at = folded.text().indexOf("elodie");
        int[] range = folded.originalRange(original, at, at + "elodie".length());
        assertThat(original.substring(range[0], range[1])).isEqualTo("Élodie");
        String arabic = "السيد مُحَمَّد";
        TextFold.Folded f = TextFold.foldWithOrigin(arabic);
        int i = f.text().indexOf("محمد");
        int[] r = f.originalRange(arabic, i, i + 4);
        assertThat(arabic.substring(r[0], r[1])).isEqualTo("مُحَمَّد");
    }

    @Test
    void lettersThatDecomposeIntoSeveralCharactersNeverOverflowTheOriginMap() {
        // Each Hangul syllable decomposes into three jamo: six of them fill the map exactly before the space.
        assertThat(TextFold.fold("각각각각각각 a")).endsWith(" a");
        assertThat(TextFold.foldWithOrigin("각 ".repeat(50)).text()).isNotEmpty();
    }
}
