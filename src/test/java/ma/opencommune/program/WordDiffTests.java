package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import ma.opencommune.program.WordDiff.Kind;
import ma.opencommune.program.WordDiff.Segment;
import org.junit.jupiter.api.Test;

/** Word-level differences read back as both texts and mark only the words that changed. */
class WordDiffTests {

    static String side(List<Segment> segments, Kind skipped) {
        StringBuilder text = new StringBuilder();
        segments.stream().filter(s -> s.kind() != skipped).forEach(s -> text.append(s.text()));
        return text.toString();
    }

    @Test
    void onlyTheChangedWordIsMarked() {
        List<Segment> diff = WordDiff.diff("Publier le budget annuel en ligne", "Publier le budget trimestriel en ligne");
        assertThat(diff).containsExactly(new Segment(Kind.SAME, "Publier le budget "), new Segment(Kind.REMOVED, "annuel"),
                new Segment(Kind.ADDED, "trimestriel"), new Segment(Kind.SAME, " en ligne"));
    }

    @Test
    void bothTextsReadBackUnchanged() {
        String before = "نشر الميزانية\nكل سنة";
        String after = "نشر الميزانية وتنفيذها\nكل ثلاثة أشهر";
        List<Segment> diff = WordDiff.diff(before, after);
        assertThat(side(diff, Kind.ADDED)).isEqualTo(before);
        assertThat(side(diff, Kind.REMOVED)).isEqualTo(after);
    }

    @Test
    void emptySidesAreAdditionsOrRemovals() {
        assertThat(WordDiff.diff(null, "Nouveau texte")).containsExactly(new Segment(Kind.ADDED, "Nouveau texte"));
        assertThat(WordDiff.diff("Ancien", "")).containsExactly(new Segment(Kind.REMOVED, "Ancien"));
        assertThat(WordDiff.diff("Même", "Même")).containsExactly(new Segment(Kind.SAME, "Même"));
    }

    @Test
    void hugeTextsFallBackToOneRemovalAndOneAddition() {
        String before = "mot ".repeat(1200);
        String after = "autre ".repeat(1200);
        assertThat(WordDiff.diff(before, after)).extracting(Segment::kind).containsExactly(Kind.REMOVED, Kind.ADDED);
    }
}
