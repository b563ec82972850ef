package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Every page of the requester's side, in its states, renders in the four languages with no missing label. */
@IntegrationTest
class InformationPagesLanguageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    InformationRequests requests;

    String render(String path, String who) throws Exception {
        var request = get(path);
        if (who != null) {
            request.with(Logins.as(users, who));
        }
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).as(path).doesNotContain("??").doesNotContain("${");
        return html;
    }

    @Test
    void everyPageRendersInArabicFrenchTamazightAndEnglish() throws Exception {
        RequesterFixture requester = new RequesterFixture(mvc, users, jdbc, accounts);
        String open = requester.file("taroudant", "Ouverte en retard");
        jdbc.sql("update info_request set due_on = ? where tracking_number = ?").params(requests.today().minusDays(1), open).update();
        String answered = requester.file("taroudant", "Répondue");
        jdbc.sql("update info_request set status = 'PARTLY_ANSWERED', answer_kind = 'PARTIAL', answer_text = 'Voici une partie.', closed_at = ?,"
                + " closed_on = ? where tracking_number = ?").params(Sql.at(Instant.now()), requests.today(), answered).update();
        jdbc.sql("insert into info_attachment (request_id, collectivity_id, storage_key, file_name, content_type, size_bytes, created_at)"
                + " select id, collectivity_id, 'k', 'budget-2025.pdf', 'application/pdf', 20480, ? from info_request where tracking_number = ?")
                .params(Sql.at(Instant.now()), answered).update();
        String complained = requester.file("taroudant", "Réclamée");
        jdbc.sql("update info_request set due_on = ? where tracking_number = ?").params(requests.today().minusDays(2), complained).update();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/fr/c/taroudant/information/requests/" + complained
                + "/complaints/head").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(Logins.as(users, requester.email)).param("body", "Pas de réponse."));
        for (String lang : new String[] {"ar", "fr", "zgh", "en"}) {
            render("/" + lang + "/c/taroudant/information", null);
            render("/" + lang + "/c/taroudant", null);
            render("/" + lang + "/c/taroudant/information/new", requester.email);
            render("/" + lang + "/account/information", requester.email);
            render("/" + lang + "/account", requester.email);
            assertThat(render("/" + lang + "/c/taroudant/information/requests/" + open, requester.email)).contains("name=\"body\"");
            assertThat(render("/" + lang + "/c/taroudant/information/requests/" + answered, requester.email))
                    .contains("/information/requests/" + answered + "/attachments/").contains("budget-2025.pdf");
            render("/" + lang + "/c/taroudant/information/requests/" + complained, requester.email);
            assertThat(render("/" + lang + "/c/taroudant/admin/information/requests/" + complained + "/complaints", "staff@taroudant.demo"))
                    .contains("name=\"outcome\"");
        }
    }
}
