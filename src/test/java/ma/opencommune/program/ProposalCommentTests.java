package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Threaded comments, reports once per person, and hidden comments whose text never shows again. */
@IntegrationTest
class ProposalCommentTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProposalDiscussion discussion;
    @Autowired
    Territory territory;

    ProgramFixtures fixtures;
    long process;
    long proposal;
    String url;

    @BeforeEach
    void setUp() {
        fixtures = new ProgramFixtures(jdbc);
        LocalDate today = ProgramFixtures.today();
        process = fixtures.process(today.minusDays(2), today.plusDays(20));
        proposal = fixtures.proposal(process, "resident@opencommune.demo", "Commentée");
        url = "/fr/c/taroudant/program/" + process + "/proposals/" + proposal;
    }

    long comment(String email, Long parent, String body) throws Exception {
        var request = post(url + "/comments").with(csrf()).with(Logins.as(users, email)).param("body", body);
        if (parent != null) {
            request.param("parentId", parent.toString());
        }
        mvc.perform(request).andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "program.comment.posted"));
        return jdbc.sql("select max(id) from program_comment where proposal_id = ?").param(proposal).query(Long.class).single();
    }

    @Test
    void repliesNestUnderTheirParentAndDeepRepliesStayAtTheThirdLevel() throws Exception {
        long a = comment("citizen@opencommune.demo", null, "Premier");
        long b = comment("resident@opencommune.demo", a, "Réponse");
        long c = comment("citizen@opencommune.demo", b, "Réponse à la réponse");
        long d = comment("resident@opencommune.demo", c, "Quatrième niveau");
        long e = comment("body@taroudant.demo", null, "Second fil");
        List<ProposalDiscussion.Comment> thread = discussion.comments(territory.require("taroudant"), proposal);
        assertThat(thread).extracting(ProposalDiscussion.Comment::id).containsExactly(a, b, c, d, e);
        assertThat(thread).extracting(ProposalDiscussion.Comment::depth).containsExactly(1, 2, 3, 3, 1);
        mvc.perform(get(url)).andExpect(content().string(containsString("comment depth-3")))
                .andExpect(content().string(containsString("id=\"comment-" + d + "\"")));
    }

    @Test
    void aCommentMustHaveTextAndNoMoreThan2000CharactersAndAReplyStaysInItsProposal() throws Exception {
        mvc.perform(post(url + "/comments").with(csrf()).with(Logins.as(users, "citizen@opencommune.demo")).param("body", "  "))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrorCode("commentForm", "body", "validation.required"));
        mvc.perform(post(url + "/comments").with(csrf()).with(Logins.as(users, "citizen@opencommune.demo")).param("body", "x".repeat(2001)))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrorCode("commentForm", "body", "validation.text.too-long"));
        long elsewhere = fixtures.comment(fixtures.proposal(process, "resident@opencommune.demo", "Autre"), null, "resident@opencommune.demo", "Ailleurs");
        mvc.perform(post(url + "/comments").with(csrf()).with(Logins.as(users, "citizen@opencommune.demo"))
                .param("body", "Réponse égarée").param("parentId", String.valueOf(elsewhere))).andExpect(status().isNotFound());
        mvc.perform(post(url + "/comments").with(csrf()).param("body", "Anonyme")).andExpect(status().is3xxRedirection());
        assertThat(fixtures.count("select count(*) from program_comment where proposal_id = ?", proposal)).isZero();
    }

    @Test
    void aHiddenCommentShowsOnlyTheModeratorsReasonEverywhere() throws Exception {
        long rude = comment("resident@opencommune.demo", null, "Texte injurieux à masquer");
        long reply = comment("citizen@opencommune.demo", rude, "Réponse qui reste lisible");
        // Reporting: once per person, a second report changes nothing.
        mvc.perform(post(url + "/comments/" + rude + "/report").with(csrf()).with(Logins.as(users, "citizen@opencommune.demo")).param("reason", "Insulte"))
                .andExpect(flash().attribute("notice", "program.comment.reported"));
        mvc.perform(post(url + "/comments/" + rude + "/report").with(csrf()).with(Logins.as(users, "citizen@opencommune.demo")).param("reason", "Encore"))
                .andExpect(flash().attribute("notice", "program.comment.already-reported"));
        assertThat(fixtures.count("select count(*) from program_comment_report where comment_id = ?", rude)).isEqualTo(1);

        String moderation = "/fr/c/taroudant/admin/program/" + process + "/comments";
        mvc.perform(get(moderation).with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Texte injurieux à masquer"))).andExpect(content().string(containsString("Insulte")));
        // Staff of another commune cannot hide it; a reason is required.
        mvc.perform(post("/fr/c/taroudant/admin/program/" + process + "/comments/" + rude + "/hide").with(csrf())
                .with(Logins.as(users, "staff@agadir.demo")).param("reason", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/fr/c/taroudant/admin/program/" + process + "/comments/" + rude + "/hide").with(csrf())
                .with(Logins.as(users, "staff@taroudant.demo")).param("reason", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("error-message")));
        mvc.perform(post("/fr/c/taroudant/admin/program/" + process + "/comments/" + rude + "/hide").with(csrf())
                .with(Logins.as(users, "staff@taroudant.demo")).param("reason", "propos injurieux"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "program.comment.hidden"));
        mvc.perform(post("/fr/c/taroudant/admin/program/" + process + "/comments/" + rude + "/hide").with(csrf())
                .with(Logins.as(users, "staff@taroudant.demo")).param("reason", "encore")).andExpect(status().isConflict());

        mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Texte injurieux"))))
                .andExpect(content().string(containsString("Commentaire masqué par les modérateurs (propos injurieux).")))
                .andExpect(content().string(containsString("Réponse qui reste lisible")));
        mvc.perform(get(url + "?report=" + rude).with(Logins.as(users, "citizen@opencommune.demo")))
                .andExpect(content().string(not(containsString("Texte injurieux"))));
        mvc.perform(get(moderation).with(Logins.as(users, "staff@taroudant.demo"))).andExpect(content().string(not(containsString("Texte injurieux"))));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fixtures.count(
                "select count(*) from audit_entry where action = 'program.comment-hidden' and summary like ?", "%comment " + rude + " %")).isEqualTo(1));
        assertThat(reply).isPositive();
    }
}
