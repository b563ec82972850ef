package ma.opencommune.petitions;

import static ma.opencommune.petitions.PetitionPageFixture.PAGES;
import static ma.opencommune.petitions.PetitionPageFixture.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The public petition pages: the list, a petition's page and timeline, and signing from the page (PET-1, PDP-2). */
@IntegrationTest
class PetitionPagesTests {

    static final String AGENT = "citizen@opencommune.demo";

    @Autowired
    MockMvc mvc;
    @Autowired
    Petitions petitions;
    @Autowired
    Signatures signatures;
    @Autowired
    ResidentVerifications residents;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Territory territory;

    PetitionPageFixture fx;

    @BeforeEach
    void setUp() {
        fx = new PetitionPageFixture(petitions, residents, accounts, jdbc, users, territory.require("taroudant"));
    }

    String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    MockHttpServletRequestBuilder sign(long id, String email, boolean declaration) {
        MockHttpServletRequestBuilder b = post(page(id) + "/signature").with(csrf()).with(Logins.as(users, email)).param("keepInformed", "true");
        return declaration ? b.param("confirmEligibility", "true") : b;
    }

    @Test
    void theListShowsPublicPetitionsNewestFirstWithTheirCountsAndNeverADraft() throws Exception {
        long older = fx.petition(AGENT, "Un abri pour l’arrêt du souk", true);
        long newer = fx.petition(AGENT, "<b>Des bancs</b> au jardin", true);
        fx.paper(newer, 3);
        long draft = fx.petition(AGENT, "Brouillon secret de la liste", false);
        String list = html(get(PAGES));
        assertThat(list).contains("&lt;b&gt;Des bancs&lt;/b&gt; au jardin").doesNotContain("<b>Des bancs")
                .doesNotContain("Brouillon secret de la liste")
                .contains("Signatures : 3 sur " + fx.threshold(newer))
                .contains("Ouverte aux signatures")
                .contains("lang=\"fr\"")
                .contains(PAGES + "/new").contains(PAGES + "/mine")
                .contains(fx.threshold(newer) + " signatures valables");
        assertThat(list.indexOf(PAGES + "/" + newer + "\"")).isLessThan(list.indexOf(PAGES + "/" + older + "\""));
        assertThat(list).doesNotContain(PAGES + "/" + draft + "\"");

        String before = html(get(PAGES).param("before", String.valueOf(newer)));
        assertThat(before).contains(PAGES + "/" + older + "\"").doesNotContain(PAGES + "/" + newer + "\"");
        mvc.perform(get(PAGES).param("before", "x' or 1=1 --").param("stage", "<script>")).andExpect(status().isOk());
        mvc.perform(get("/fr/c/nowhere/petitions")).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/taroudant")).andExpect(content().string(containsString(PAGES)));
    }

    @Test
    void theStageFilterKeepsToItsStage() throws Exception {
        long collecting = fx.petition(AGENT, "Filtre : en recueil", true);
        long filed = fx.filed(AGENT, "Filtre : déposée");
        String awaiting = html(get(PAGES).param("stage", "awaiting"));
        assertThat(awaiting).contains(page(filed) + "\"").doesNotContain(page(collecting) + "\"");
        String open = html(get(PAGES).param("stage", "collecting"));
        assertThat(open).contains(page(collecting) + "\"").doesNotContain(page(filed) + "\"");
        assertThat(html(get(PAGES).param("stage", "decided"))).doesNotContain(page(filed) + "\"");
    }

    @Test
    void theListCostsTheSameNumberOfQueriesWithMorePetitions() throws Exception {
        fx.petition(AGENT, "Compte des requêtes 1", true);
        html(get(PAGES));
        QueryCounting.reset();
        html(get(PAGES));
        long one = QueryCounting.statements();
        for (int i = 2; i <= 4; i++) {
            fx.paper(fx.petition(AGENT, "Compte des requêtes " + i, true), i);
        }
        QueryCounting.reset();
        html(get(PAGES));
        assertThat(QueryCounting.statements()).isEqualTo(one).isLessThanOrEqualTo(6);
    }

    @Test
    void thePageShowsTheCountInItsPartsAndTheTimelineButNoSignatory_PDP2() throws Exception {
        long id = fx.petition(AGENT, "Éclairage de la rue des remparts", true);
        String signer = fx.verifiedResident();
        signatures.sign(fx.commune(), id, fx.user(signer), true, false);
        String cin = "QA" + (10_000_000 + (int) (Math.random() * 89_999_999));
        signatures.addPaper(fx.commune(), id, fx.staff(), "Fatima Ait Lhaj", cin, SignatureBasis.RESIDENT);
        String before = html(get(page(id)));
        assertThat(before).contains("Signatures : 2 sur " + fx.threshold(id)).contains("1 en ligne, 1 sur papier")
                .contains("Ouverte aux signatures").contains("Se connecter pour signer")
                .doesNotContain("Fatima").doesNotContain(cin).doesNotContain(signer).doesNotContain("Compte de test")
                .doesNotContain("name=\"_csrf\"");

        fx.paper(id, fx.threshold(id));
        petitions.file(fx.commune(), id, fx.user(AGENT));
        petitions.accept(fx.commune(), id, fx.staff(), fx.nextSession(), "Commission de l’urbanisme");
        String accepted = html(get(page(id)));
        assertThat(accepted).contains("Acceptée par le bureau").contains("Commission de l’urbanisme")
                .contains("Déposée auprès du conseil").contains("ne recueille plus de signatures");

        jdbc.sql("update petition set status = 'CONCLUDED', concluded_on = session_on, council_decision_reference = 'DL-2026-17',"
                + " outcome_summary = 'Le conseil a voté <i>les travaux</i>.' where id = ?").param(id).update();
        assertThat(html(get(page(id)))).contains("Tranchée par le conseil").contains("DL-2026-17")
                .contains("&lt;i&gt;les travaux&lt;/i&gt;");
    }

    @Test
    void aRejectionShowsItsGroundAndReasoningAndAnOverdueDecisionIsFlagged_PET6() throws Exception {
        long rejected = fx.filed(AGENT, "Une pétition rejetée");
        petitions.reject(fx.commune(), rejected, fx.staff(), RejectionGround.BEFORE_THE_COURTS, "<script>alert(1)</script> Affaire pendante.");
        assertThat(html(get(page(rejected)))).contains("Rejetée par le bureau").contains("une affaire pendante devant la justice")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Affaire pendante.").doesNotContain("<script>alert(1)");

        long late = fx.filed(AGENT, "Une décision en retard");
        jdbc.sql("update petition set filed_on = ?, decision_due = ? where id = ?")
                .params(petitions.today().minusMonths(4), petitions.today().minusMonths(1), late).update();
        assertThat(html(get(page(late)))).contains("La décision du bureau est en retard");
        assertThat(html(get(PAGES).param("stage", "awaiting"))).contains(page(late) + "\"");
    }

    @Test
    void draftsAndAnotherCollectivitysIdsAreNotFound() throws Exception {
        long draft = fx.petition(AGENT, "Un brouillon privé", false);
        long open = fx.petition(AGENT, "Une pétition de Taroudant", true);
        mvc.perform(get(page(draft))).andExpect(status().isNotFound());
        mvc.perform(get(page(draft)).with(Logins.as(users, fx.account("other")))).andExpect(status().isNotFound());
        mvc.perform(get(page(draft)).with(Logins.as(users, "staff@taroudant.demo"))).andExpect(status().isNotFound());
        mvc.perform(get(page(draft)).with(Logins.as(users, AGENT))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ceci est votre brouillon")));
        mvc.perform(get("/fr/c/agadir/petitions/" + open)).andExpect(status().isNotFound());
        mvc.perform(get(page(999_999_999))).andExpect(status().isNotFound());
        String resident = fx.verifiedResident();
        mvc.perform(sign(draft, resident, true)).andExpect(status().isNotFound());
        mvc.perform(post("/fr/c/agadir/petitions/" + open + "/signature").with(csrf()).with(Logins.as(users, resident))
                .param("confirmEligibility", "true")).andExpect(status().isNotFound());
        assertThat(fx.signatures(draft) + fx.signatures(open)).isZero();
    }

    @Test
    void aVerifiedResidentSignsOnceWithTheDeclarationAndADoubleSubmitSaysAlreadySigned_PET1() throws Exception {
        long id = fx.petition(AGENT, "Un passage piéton devant l’école", true);
        String resident = fx.verifiedResident();
        assertThat(html(get(page(id)).with(Logins.as(users, resident)))).contains("name=\"confirmEligibility\"").contains("Signer la pétition");

        mvc.perform(sign(id, resident, false)).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#confirmEligibility\"")))
                .andExpect(content().string(containsString("Confirmez que vous remplissez")));
        assertThat(fx.signatures(id)).isZero();

        mvc.perform(sign(id, resident, true)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page(id) + "#sign"));
        mvc.perform(sign(id, resident, true)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("Vous avez déjà signé cette pétition")))
                .andExpect(content().string(containsString("Retirer ma signature")));
        assertThat(fx.signatures(id)).isEqualTo(1);
        assertThat(jdbc.sql("select notify from petition_signature where petition_id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(html(get(page(id)).with(Logins.as(users, resident)))).contains("Vous avez signé cette pétition")
                .doesNotContain("name=\"confirmEligibility\"").contains("Signatures : 1 sur");
    }

    @Test
    void someoneNotVerifiedHereIsToldHowToGetVerifiedAndAnonymousVisitorsHowToSign() throws Exception {
        long id = fx.petition(AGENT, "Un marché couvert", true);
        String unverified = fx.account("unverified");
        assertThat(html(get(page(id)).with(Logins.as(users, unverified)))).contains("/fr/account/residence")
                .doesNotContain("name=\"confirmEligibility\"");
        mvc.perform(sign(id, unverified, true)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Vous ne pouvez pas signer cette pétition")))
                .andExpect(content().string(containsString("dans la commune a été vérifiée")))
                .andExpect(content().string(containsString("/fr/account/residence")));
        assertThat(fx.signatures(id)).isZero();

        assertThat(html(get(page(id)))).contains(page(id) + "/signature").contains("Se connecter pour signer");
        mvc.perform(get(page(id) + "/signature")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/fr/login"));
        mvc.perform(get(page(id) + "/signature").with(Logins.as(users, unverified))).andExpect(redirectedUrl(page(id) + "#sign"));
        mvc.perform(post(page(id) + "/signature").with(csrf()).param("confirmEligibility", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/fr/login"));
        assertThat(html(get("/ar/c/taroudant/petitions/" + id))).contains("dir=\"rtl\"").contains("مفتوحة للتوقيع")
                .contains("سجّل الدخول للتوقيع");
    }

    @Test
    void theSignatoryWithdrawsUntilFilingAndNoLonger() throws Exception {
        long id = fx.petition(AGENT, "Des poubelles au quartier", true);
        String resident = fx.verifiedResident();
        mvc.perform(sign(id, resident, true)).andExpect(status().is3xxRedirection());
        mvc.perform(post(page(id) + "/signature/withdraw").with(csrf()).with(Logins.as(users, resident)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page(id) + "#sign"));
        assertThat(fx.signatures(id)).isZero();
        mvc.perform(post(page(id) + "/signature/withdraw").with(csrf()).with(Logins.as(users, resident)))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Vous n’avez pas signé cette pétition")));

        mvc.perform(sign(id, resident, true)).andExpect(status().is3xxRedirection());
        fx.paper(id, fx.threshold(id));
        petitions.file(fx.commune(), id, fx.user(AGENT));
        mvc.perform(get(page(id)).with(Logins.as(users, resident))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vous avez signé cette pétition")))
                .andExpect(content().string(containsString("ne recueille plus de signatures")))
                .andExpect(content().string(not(containsString("Retirer ma signature"))));
        mvc.perform(post(page(id) + "/signature/withdraw").with(csrf()).with(Logins.as(users, resident)))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("ne recueille plus de signatures")));
        mvc.perform(sign(id, fx.verifiedResident(), true)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("ne recueille plus de signatures")));
        assertThat(fx.signatures(id)).isEqualTo(fx.threshold(id) + 1);
    }
}
