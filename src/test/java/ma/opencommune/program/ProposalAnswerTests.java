package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Staff answer every proposal with a reason (OGP-1); accepted ones point at a commitment; the author is mailed. */
@IntegrationTest
class ProposalAnswerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    ProgramFixtures fixtures;
    long process;
    long proposal;
    String admin;

    @BeforeEach
    void setUp() {
        fixtures = new ProgramFixtures(jdbc);
        LocalDate today = ProgramFixtures.today();
        process = fixtures.process(today.minusDays(40), today.minusDays(5));
        proposal = fixtures.proposal(process, "citizen@opencommune.demo", "À répondre");
        admin = "/fr/c/taroudant/admin/program/" + process + "/proposals/" + proposal;
    }

    MockHttpServletRequestBuilder answer(String status, String text, String commitment) {
        return post(admin).with(csrf()).with(Logins.as(users, "staff@taroudant.demo"))
                .param("status", status).param("text", text).param("commitmentId", commitment);
    }

    @Test
    void eachDecisionAsksForWhatItNeeds() throws Exception {
        mvc.perform(answer("NOT_RETAINED", "", "")).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "text", "program.proposal.answer.validation.reason"));
        mvc.perform(answer("ALREADY_COVERED", " ", "")).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "text", "program.proposal.answer.validation.covered"));
        mvc.perform(answer("ACCEPTED", "Bonne idée.", "")).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "commitmentId", "program.proposal.answer.validation.commitment"));
        mvc.perform(answer("OPEN", "x".repeat(4001), "abc")).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "status", "program.proposal.answer.validation.status"))
                .andExpect(model().attributeHasFieldErrorCode("form", "text", "validation.text.too-long"));
        long foreign = jdbc.sql("select min(id) from program_commitment where process_id <> ?").param(process).query(Long.class).single();
        mvc.perform(answer("PARTLY_ACCEPTED", "En partie.", String.valueOf(foreign))).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "commitmentId", "program.proposal.answer.validation.commitment-unknown"));
        mvc.perform(answer("NOT_RETAINED", "Non.", "new")).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "commitmentId", "program.proposal.answer.validation.new-only-accepted"));
        assertThat(fixtures.count("select count(*) from program_proposal where id = ? and status = 'OPEN' and answered_at is null", proposal)).isEqualTo(1);
    }

    @Test
    void acceptingIntoANewCommitmentCreatesItFromTheProposalAndSendsStaffToComplete() throws Exception {
        String location = mvc.perform(answer("ACCEPTED", "Retenue : nouvel engagement.", "new")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "program.proposal.answer.commitment-created"))
                .andReturn().getResponse().getRedirectedUrl();
        long commitment = jdbc.sql("select answer_commitment_id from program_proposal where id = ?").param(proposal).query(Long.class).single();
        assertThat(location).isEqualTo("/fr/c/taroudant/admin/program/" + process + "/commitments/" + commitment);
        assertThat(jdbc.sql("select title from program_commitment where id = ? and process_id = ? and number = 1")
                .params(commitment, process).query(String.class).single()).isEqualTo("À répondre");
        assertThat(fixtures.count("select count(*) from program_commitment_source where commitment_id = ? and proposal_id = ?", commitment, proposal))
                .isEqualTo(1);
        mvc.perform(get("/fr/c/taroudant/program/" + process + "/proposals/" + proposal)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Retenue : nouvel engagement.")))
                .andExpect(content().string(containsString("/program/" + process + "/commitments/" + commitment)));
    }

    @Test
    void aCorrectionKeepsTheFirstAnswerTimeAndTheAuthorIsMailedInTheirLanguage() throws Exception {
        String email = "citizen@opencommune.demo";
        int before = fixtures.count("select count(*) from dev_mailbox where recipient = ?", email);
        mvc.perform(answer("NOT_RETAINED", "Hors du champ du programme.", "")).andExpect(redirectedUrl("/fr/c/taroudant/admin/program/" + process + "/proposals"));
        OffsetDateTime first = jdbc.sql("select answered_at from program_proposal where id = ?").param(proposal).query(OffsetDateTime.class).single();
        Thread.sleep(20);
        mvc.perform(answer("ALREADY_COVERED", "Déjà couvert par le plan d’action.", "")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select answered_at from program_proposal where id = ?").param(proposal).query(OffsetDateTime.class).single()).isEqualTo(first);
        assertThat(jdbc.sql("select status from program_proposal where id = ?").param(proposal).query(String.class).single()).isEqualTo("ALREADY_COVERED");
        String lang = jdbc.sql("select preferred_lang from account where email_normalized = ?").param(email).query(String.class).single();
        String expected = switch (lang) {
            case "fr" -> "a répondu à votre proposition";
            case "en" -> "answered your proposal";
            case "zgh" -> "ⵅⴼ ⵓⵙⵓⵎⵔ ⵏⵏⴽ";
            default -> "عن مقترحك";
        };
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(fixtures.count("select count(*) from dev_mailbox where recipient = ?", email)).isEqualTo(before + 2));
        String body = jdbc.sql("select body from dev_mailbox where recipient = ? order by id desc limit 1").param(email).query(String.class).single();
        assertThat(body).contains(expected).contains("/program/" + process + "/proposals/" + proposal);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fixtures.count(
                "select count(*) from audit_entry where action = 'program.proposal-answer-corrected' and summary like ?", "proposal " + proposal + " %"))
                .isEqualTo(1));
    }

    @Test
    void theQueueShowsUnansweredProposalsFirstAndOtherStaffCannotAnswer() throws Exception {
        mvc.perform(get("/fr/c/taroudant/admin/program/" + process + "/proposals").with(Logins.as(users, "staff@taroudant.demo")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("À répondre")))
                .andExpect(content().string(containsString("Attend depuis")));
        mvc.perform(answer("NOT_RETAINED", "Non.", "").with(Logins.as(users, "staff@agadir.demo"))).andExpect(status().isForbidden());
        mvc.perform(get(admin).with(Logins.as(users, "citizen@opencommune.demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/fr/c/agadir/admin/program/" + process + "/proposals/" + proposal).with(Logins.as(users, "staff@agadir.demo")))
                .andExpect(status().isNotFound());
        assertThat(fixtures.count("select count(*) from program_proposal where id = ? and status = 'OPEN'", proposal)).isEqualTo(1);
    }
}
