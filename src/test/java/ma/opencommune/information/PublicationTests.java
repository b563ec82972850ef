package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * PDP-2 publication: the redaction view marks what looks like personal data, publishing is refused while a mark
 * remains unless staff confirm, the public page never shows the requester, and only the collectivity's officers act.
 */
@IntegrationTest
class PublicationTests {

    static final String DESCRIPTION = "Je suis Fatima Ezzahra Benali, CIN JB123456, joignable au 06 12 34 56 78 ou fatima@example.ma."
            + " Je demande le budget de l'éclairage public.";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Territory territory;
    @Autowired
    InformationRequests requests;
    @Autowired
    Publication publication;

    Collectivity taroudant;

    @BeforeEach
    void setUp() {
        taroudant = territory.require("taroudant");
    }

    String answered(String subject) {
        return InformationFixtures.answered(requests, users, taroudant, subject, DESCRIPTION,
                "Le budget 2026 de l'éclairage public est de 1 200 000 dirhams. Cordialement, Mme Benali.");
    }

    String reviewUrl(String tn) {
        return "/fr/c/taroudant/admin/information/requests/" + tn + "/publication";
    }

    MockHttpServletRequestBuilder publish(String tn, String subject, String description, String answer, boolean confirmed) {
        MockHttpServletRequestBuilder b = post(reviewUrl(tn)).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                .param("subject", subject).param("description", description).param("answer", answer);
        return confirmed ? b.param("confirmed", "true") : b;
    }

    String column(String tn, String column) {
        return jdbc.sql("select " + column + " from info_request where tracking_number = ?").param(tn).query((rs, i) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }

    @Test
    void theReviewMarksPersonalDataAndProposesRedactedTexts() throws Exception {
        String tn = answered("Éclairage public " + InformationFixtures.unique());
        String page = HtmlUtils.htmlUnescape(mvc.perform(get(reviewUrl(tn)).with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page).contains("<mark title=\"Numéro d’identité\">JB123456</mark>", ">06 12 34 56 78</mark>", ">fatima@example.ma</mark>",
                ">Benali</mark>", ">Fatima</mark>",
                "Je suis [nom retiré] [nom retiré] [nom retiré], CIN [numéro d’identité retiré], joignable au [numéro de téléphone retiré]"
                        + " ou [e-mail retiré]. Je demande le budget de l'éclairage public.</textarea>",
                "Cordialement, Mme [nom retiré].</textarea>");
    }

    @Test
    void publishingIsRefusedWhileAMarkRemainsUnlessStaffConfirm() throws Exception {
        String tn = answered("Budget " + InformationFixtures.unique());
        mvc.perform(publish(tn, "Budget de l'éclairage", DESCRIPTION, "Réponse pour Benali", false))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "description", "information.redaction.validation.remaining"))
                .andExpect(model().attributeHasFieldErrorCode("form", "answer", "information.redaction.validation.remaining"))
                .andExpect(model().attributeHasFieldErrorCode("form", "confirmed", "information.redaction.validation.confirm"));
        assertThat(column(tn, "published_at")).isNull();
        assertThat(jdbc.sql("select count(*) from info_request_event e join info_request r on r.id = e.request_id where r.tracking_number = ?"
                + " and e.kind = 'PUBLISHED'").param(tn).query(Integer.class).single()).isZero();

        // A false positive (a reference that looks like a CIN) is published once staff confirm it is not personal data.
        mvc.perform(publish(tn, "Budget de l'éclairage", "Demande du budget, marché AB12345.", "Le budget est de 1 200 000 dirhams.", true))
                .andExpect(status().is3xxRedirection());
        assertThat(column(tn, "published_at")).isNotNull();
        assertThat(column(tn, "published_description")).isEqualTo("Demande du budget, marché AB12345.");
        assertThat(column(tn, "search_text")).isEqualTo("budget de l'eclairage demande du budget, marche ab12345. le budget est de 1 200 000 dirhams.");
    }

    @Test
    void emptyAndHugeTextsAreFieldErrorsAndNothingIsSaved() throws Exception {
        String tn = answered("Vide " + InformationFixtures.unique());
        mvc.perform(publish(tn, "", " ", "x".repeat(20_001), false))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "subject", "validation.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "description", "validation.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "answer", "validation.text.too-long"))
                .andExpect(content().string(containsString("error-summary")));
        assertThat(column(tn, "published_at")).isNull();
    }

    @Test
    void aSecondPublishIsAConflictAndChangesNothing() throws Exception {
        String tn = answered("Double " + InformationFixtures.unique());
        mvc.perform(publish(tn, "Sujet publié", "Demande publiée", "Réponse publiée", false)).andExpect(status().is3xxRedirection());
        mvc.perform(publish(tn, "Autre sujet", "Autre demande", "Autre réponse", false)).andExpect(status().isConflict());
        assertThat(column(tn, "published_subject")).isEqualTo("Sujet publié");
    }

    @Test
    void anOpenRequestCannotBePublished() throws Exception {
        String tn = InformationFixtures.open(requests, users, taroudant, "Ouverte " + InformationFixtures.unique());
        mvc.perform(get(reviewUrl(tn)).with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().isConflict());
        mvc.perform(publish(tn, "Sujet", "Demande", "Réponse", true)).andExpect(status().isConflict());
        assertThat(column(tn, "published_at")).isNull();
    }

    @Test
    void thePublicPageShowsTheRedactedTextsAndNeverTheRequester() throws Exception {
        String tn = answered("Page publique " + InformationFixtures.unique());
        mvc.perform(publish(tn, "Éclairage <script>alert(1)</script>", "Demande du budget de l'éclairage.", "Le budget est de 1 200 000 dirhams.", false))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/fr/c/taroudant/information/published/" + tn))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Éclairage &lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("Le budget est de 1 200 000 dirhams.")))
                .andExpect(content().string(containsString("Réponse publiée")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Benali", "Fatima", "JB123456", "…56", "Orangers", "fatima@example.ma", "Agent", "staff@");
    }

    @Test
    void unpublishedOrOtherCollectivityRequestsAreNotFoundPublicly() throws Exception {
        String tn = answered("Non publiée " + InformationFixtures.unique());
        mvc.perform(get("/fr/c/taroudant/information/published/" + tn)).andExpect(status().isNotFound());
        mvc.perform(publish(tn, "Sujet", "Demande", "Réponse", false)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/fr/c/taroudant/information/published/" + tn)).andExpect(status().isOk());
        mvc.perform(get("/fr/c/agadir/information/published/" + tn)).andExpect(status().isNotFound());

        mvc.perform(post(reviewUrl(tn) + "/withdraw").with(csrf()).with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/fr/c/taroudant/information/published/" + tn)).andExpect(status().isNotFound());
        assertThatConflict(() -> publication.unpublish(taroudant, tn, InformationFixtures.user(users, "staff@taroudant.demo")));
    }

    static void assertThatConflict(Runnable action) {
        try {
            action.run();
            throw new AssertionError("expected a conflict");
        } catch (ConflictException expected) {
            assertThat(expected.messageKey()).isEqualTo("information.conflict.not-published");
        }
    }

    @Test
    void anotherCollectivitysStaffCannotReviewPublishOrWithdraw() throws Exception {
        String tn = answered("Tenancy " + InformationFixtures.unique());
        var agadir = Logins.as(users, "staff@agadir.demo");
        mvc.perform(get(reviewUrl(tn)).with(agadir)).andExpect(status().isForbidden());
        mvc.perform(post(reviewUrl(tn)).with(csrf()).with(agadir).param("subject", "S").param("description", "D").param("answer", "A")
                .param("confirmed", "true")).andExpect(status().isForbidden());
        // Through their own collectivity's URL, Taroudant's tracking number does not exist.
        mvc.perform(get("/fr/c/agadir/admin/information/requests/" + tn + "/publication").with(agadir)).andExpect(status().isNotFound());
        mvc.perform(get(reviewUrl(tn)).with(Logins.as(users, "citizen@opencommune.demo"))).andExpect(status().isForbidden());
        mvc.perform(get(reviewUrl(tn))).andExpect(status().is3xxRedirection());
        assertThat(column(tn, "published_at")).isNull();
    }

    @Test
    void chosenAttachmentsArePublishedAndOthersNot() throws Exception {
        String tn = answered("Pièces " + InformationFixtures.unique());
        long requestId = jdbc.sql("select id from info_request where tracking_number = ?").param(tn).query(Long.class).single();
        long other = jdbc.sql("select id from info_request where tracking_number <> ? and collectivity_id = ? order by id limit 1")
                .params(tn, taroudant.id()).query(Long.class).single();
        for (String name : List.of("budget.pdf", "cin-scan.pdf")) {
            jdbc.sql("insert into info_attachment (request_id, collectivity_id, storage_key, file_name, content_type, size_bytes, created_at)"
                    + " values (?,?,?,?,'application/pdf',2048,current_timestamp)").params(requestId, taroudant.id(), "0".repeat(32), name).update();
        }
        jdbc.sql("insert into info_attachment (request_id, collectivity_id, storage_key, file_name, content_type, size_bytes, created_at)"
                + " values (?,?,?,'autre.pdf','application/pdf',10,current_timestamp)").params(other, taroudant.id(), "0".repeat(32)).update();
        long budget = jdbc.sql("select id from info_attachment where request_id = ? and file_name = 'budget.pdf'").param(requestId).query(Long.class).single();
        long foreign = jdbc.sql("select max(id) from info_attachment where request_id = ?").param(other).query(Long.class).single();
        mvc.perform(publish(tn, "Sujet", "Demande", "Réponse", false).param("attachments", String.valueOf(budget), String.valueOf(foreign)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select file_name from info_attachment where request_id = ? and publishable = true").param(requestId)
                .query(String.class).list()).containsExactly("budget.pdf");
        assertThat(jdbc.sql("select publishable from info_attachment where id = ?").param(foreign).query(Boolean.class).single()).isFalse();
        mvc.perform(get("/fr/c/taroudant/information/published/" + tn))
                .andExpect(content().string(containsString("/fr/c/taroudant/information/requests/" + tn + "/attachments/" + budget)))
                .andExpect(content().string(not(containsString("cin-scan.pdf"))));
    }

    @Test
    void thePublicListAndPageRunAConstantNumberOfQueries() throws Exception {
        String first = answered("Compte " + InformationFixtures.unique());
        mvc.perform(publish(first, "Sujet compte", "Demande", "Réponse", false)).andExpect(status().is3xxRedirection());
        long list = statements(get("/fr/c/taroudant/information/published"));
        long page = statements(get("/fr/c/taroudant/information/published/" + first));
        for (int i = 0; i < 4; i++) {
            String tn = answered("Compte " + i + " " + InformationFixtures.unique());
            mvc.perform(publish(tn, "Sujet compte " + i, "Demande", "Réponse", false)).andExpect(status().is3xxRedirection());
        }
        assertThat(statements(get("/fr/c/taroudant/information/published"))).isEqualTo(list).isLessThanOrEqualTo(6);
        assertThat(statements(get("/fr/c/taroudant/information/published?q=compte"))).isEqualTo(list);
        assertThat(statements(get("/fr/c/taroudant/information/published/" + first))).isEqualTo(page).isLessThanOrEqualTo(8);
    }

    long statements(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(request).andExpect(status().isOk());
        return QueryCounting.statements();
    }
}
