package ma.opencommune.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates as forms send them: read, missing or unreadable, each with its own field error. */
class CheckTests {

    @Test
    void aDateFromADateInputIsRead() {
        Check check = new Check();
        assertThat(check.date("heldOn", " 2027-05-04 ", true)).isEqualTo(LocalDate.of(2027, 5, 4));
        assertThat(check.ok()).isTrue();
    }

    @Test
    void aBlankDateIsNullAndAnErrorOnlyWhenRequired() {
        Check check = new Check();
        assertThat(check.date("termEnd", " ", false)).isNull();
        assertThat(check.date("termStart", "", true)).isNull();
        assertThat(check.errors()).containsExactly(java.util.Map.entry("termStart", "validation.required"));
    }

    @Test
    void anUnreadableDateIsRefused() {
        Check check = new Check();
        assertThat(check.date("sessionOn", "04/05/2027", false)).isNull();
        assertThat(check.date("dueOn", "2027-02-30", true)).isNull();
        assertThat(check.errors()).containsEntry("sessionOn", "validation.date").containsEntry("dueOn", "validation.date");
    }
}
