package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public search folds the query and the published texts alike: Arabic regardless of hamza and alef forms,
 * diacritics, tatweel and ta marbuta; French regardless of accents and case; {@code %} and {@code _} are literal.
 */
@IntegrationTest
class PublishedSearchTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Territory territory;
    @Autowired
    InformationRequests requests;
    @Autowired
    Publication publication;

    Collectivity taroudant;
    AccountUser officer;

    @BeforeEach
    void setUp() {
        taroudant = territory.require("taroudant");
        officer = InformationFixtures.user(users, "staff@taroudant.demo");
    }

    String published(String subject, String answer) {
        String tn = InformationFixtures.answered(requests, users, taroudant, subject, "Demande " + subject, answer);
        publication.publish(taroudant, tn, officer, new Publication.Draft(subject, "Demande " + subject, answer, List.of(), true));
        return tn;
    }

    List<String> found(String q) {
        return publication.published(taroudant.id(), q, 1).items().stream().map(Publication.Listed::trackingNumber).toList();
    }

    @Test
    void arabicSearchMatchesAcrossHamzaDiacriticsTatweelAndTaMarbuta() {
        String marker = "رمز" + InformationFixtures.unique().replaceAll("[0-9]", "");
        String tn = published("ميزانية الإدارة " + marker, "أُعِدَّت الميـــزانية من طرف المصلحة المسؤولة");
        assertThat(found("الاداره " + marker)).containsExactly(tn);
        assertThat(found("الادارة " + marker)).containsExactly(tn);
        assertThat(found("الإدارة " + marker)).containsExactly(tn);
        assertThat(found("اعدت الميزانيه")).contains(tn);
        assertThat(found("المسوولة")).contains(tn);
        assertThat(found("الْمِيزَانِيَّة")).contains(tn);
    }

    @Test
    void aTextWrittenWithHaIsFoundByTheTaMarbutaSpellingToo() {
        String marker = "علامه" + InformationFixtures.unique().replaceAll("[0-9]", "");
        String tn = published("طلب حول الاداره " + marker, "الجواب");
        assertThat(found("الإدارة " + marker)).containsExactly(tn);
    }

    @Test
    void frenchSearchIgnoresAccentsAndCase() {
        String marker = "repere" + InformationFixtures.unique();
        String tn = published("Équipement sportif " + marker, "Le terrain est prévu en 2027.");
        assertThat(found("equipement SPORTIF " + marker)).containsExactly(tn);
        assertThat(found("Équipement " + marker)).containsExactly(tn);
        assertThat(found("prevu en 2027")).contains(tn);
        assertThat(found(marker + " sportif ÉQUIPEMENT")).as("every word, in any order").containsExactly(tn);
        assertThat(found("équipement culturel " + marker)).isEmpty();
    }

    @Test
    void percentAndUnderscoreInTheQueryAreLiteral() {
        String marker = "lit" + InformationFixtures.unique();
        String tn = published("Taux de 50% pour " + marker, "réponse");
        assertThat(found("50% pour " + marker)).containsExactly(tn);
        assertThat(found("5_% pour " + marker)).isEmpty();
        assertThat(found("%" + marker)).isEmpty();
        assertThat(found("!" + marker)).isEmpty();
    }

    @Test
    void theListIsNewestFirstAndPaginated() throws Exception {
        String marker = "page" + InformationFixtures.unique();
        for (int i = 0; i < Publication.PAGE_SIZE + 1; i++) {
            published("Sujet " + i + " " + marker, "réponse");
        }
        Publication.Page first = publication.published(taroudant.id(), marker, 1);
        assertThat(first.items()).hasSize(Publication.PAGE_SIZE);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.items().get(0).subject()).startsWith("Sujet " + Publication.PAGE_SIZE + " ");
        Publication.Page second = publication.published(taroudant.id(), marker, 2);
        assertThat(second.items()).extracting(Publication.Listed::subject).containsExactly("Sujet 0 " + marker);
        assertThat(second.hasNext()).isFalse();
        mvc.perform(get("/fr/c/taroudant/information/published").param("q", marker).param("page", "abc")).andExpect(status().isOk());
        mvc.perform(get("/ar/c/taroudant/information/published").param("q", "x".repeat(5000)).param("page", "999999")).andExpect(status().isOk());
        mvc.perform(get("/fr/c/taroudant/information/published").param("q", "' or 1=1 --")).andExpect(status().isOk());
    }
}
