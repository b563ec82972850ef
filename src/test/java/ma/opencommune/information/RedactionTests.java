package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTests {

    static final List<String> NAMES = List.of("Élodie", "Benali");
    static final Map<Redaction.Kind, String> PLACEHOLDERS = Map.of(Redaction.Kind.CIN, "[CIN]", Redaction.Kind.PHONE, "[TEL]",
            Redaction.Kind.EMAIL, "[MAIL]", Redaction.Kind.NAME, "[NOM]");

    static List<Redaction.Kind> kinds(String text) {
        return Redaction.marks(text, NAMES).stream().map(Redaction.Mark::kind).toList();
    }

    @Test
    void cinLikeNumbersAreMarked() {
        assertThat(kinds("Ma CIN est JB123456.")).containsExactly(Redaction.Kind.CIN);
        assertThat(kinds("carte a12345 et titre de séjour E123456")).containsExactly(Redaction.Kind.CIN, Redaction.Kind.CIN);
    }

    @Test
    void trackingNumbersYearsAndLawNumbersAreNotMarked() {
        assertThat(kinds("Demande TRD-2026-000123 de 2026, loi 31-13, article 7, en 2024")).isEmpty();
    }

    @Test
    void moroccanPhoneNumbersInTheirUsualFormsAreMarked() {
        assertThat(kinds("0612345678")).containsExactly(Redaction.Kind.PHONE);
        assertThat(kinds("appelez le 06 12 34 56 78 ou le 05.28.85.00.00")).containsExactly(Redaction.Kind.PHONE, Redaction.Kind.PHONE);
        assertThat(kinds("+212 6 12 34 56 78")).containsExactly(Redaction.Kind.PHONE);
        assertThat(kinds("+212612345678 / 00212712345678")).containsExactly(Redaction.Kind.PHONE, Redaction.Kind.PHONE);
        assertThat(kinds("le budget est de 0812345678 dirhams")).isEmpty();
    }

    @Test
    void emailsAreMarked() {
        assertThat(kinds("écrire à elo.b+info@example.ma svp")).containsExactly(Redaction.Kind.EMAIL);
    }

    @Test
    void theRequesterNameIsMarkedWhateverItsCaseAndAccents() {
        String text = "Réponse à ELODIE benali et à Mme Elodie BENALI.";
        List<Redaction.Mark> marks = Redaction.marks(text, NAMES);
        assertThat(marks).extracting(m -> text.substring(m.start(), m.end()))
                .containsExactly("ELODIE", "benali", "Elodie", "BENALI");
        assertThat(kinds("Benalia n'est pas le nom")).isEmpty();
    }

    @Test
    void arabicNamesAreMarkedAcrossHamzaAndDiacritics() {
        String text = "السيدة فاطمة الزهراء بنعلي، السيد أحمد";
        List<Redaction.Mark> marks = Redaction.marks(text, List.of("فاطِمة", "بنعلي"));
        assertThat(marks).extracting(m -> text.substring(m.start(), m.end())).containsExactly("فاطمة", "بنعلي");
        String withHamza = "إلى أحمد";
        assertThat(Redaction.marks(withHamza, List.of("احمد", "x"))).extracting(m -> withHamza.substring(m.start(), m.end())).containsExactly("أحمد");
    }

    @Test
    void redactReplacesEachMarkWithItsPlaceholder() {
        assertThat(Redaction.redact("Élodie Benali, JB123456, 0612345678, e@x.ma : budget 2026.", NAMES, PLACEHOLDERS))
                .isEqualTo("[NOM] [NOM], [CIN], [TEL], [MAIL] : budget 2026.");
        assertThat(Redaction.hasMarks(Redaction.redact("Benali 0612345678", NAMES, PLACEHOLDERS), NAMES)).isFalse();
    }

    @Test
    void segmentsCoverTheWholeTextInOrder() {
        String text = "a JB123456 b";
        List<Redaction.Segment> segments = Redaction.segments(text, NAMES);
        assertThat(segments).extracting(Redaction.Segment::text).containsExactly("a ", "JB123456", " b");
        assertThat(segments).extracting(Redaction.Segment::marked).containsExactly(false, true, false);
        assertThat(Redaction.segments(null, NAMES)).isEmpty();
    }

    @Test
    void thePostalAddressIsMarkedWhereCopiedWholeAndItsTownAloneIsNot() {
        List<String> identity = List.of("Élodie", "Benali", "12 rue de l'Atlas, Taroudant");
        assertThat(Redaction.marks("Envoyez au 12 Rue de l'Atlas,  Taroudant svp", identity)).extracting(Redaction.Mark::kind)
                .containsExactly(Redaction.Kind.NAME);
        assertThat(Redaction.marks("Le marché de Taroudant", identity)).isEmpty();
    }
}
