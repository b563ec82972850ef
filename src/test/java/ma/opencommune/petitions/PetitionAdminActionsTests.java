package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every step of a petition's staff page, through the page (PET-4..PET-8): what it does, that only the steps the status
 * allows are offered, and that a refused one (bad input or a refusal of the aggregate) comes back as a form error in the
 * reader's language and changes nothing.
 */
@IntegrationTest
class PetitionAdminActionsTests {

    static final String HUGE = "x".repeat(1024 * 1024);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Petitions petitions;
    @Autowired PaperSignatures paper;
    @Autowired PersonalNumbers numbers;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;
    @Autowired ma.opencommune.platform.storage.FileStore files;

    PetitionAdminFixture fx;
    Collectivity c;
    String secretary;

    @BeforeEach
    void setUp() {
        fx = new PetitionAdminFixture(jdbc, petitions, paper, numbers, territory, accounts, grants, users);
        c = fx.collectivity();
        secretary = fx.secretary(c);
    }

    String page(long id) {
        return "/fr/c/" + c.slug() + "/admin/petitions/" + id;
    }

    String html(long id) throws Exception {
        return mvc.perform(get(page(id)).with(Logins.as(users, secretary))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    ResultActions act(long id, String action, String... params) throws Exception {
        var request = post(page(id) + "/" + action).with(csrf()).with(Logins.as(users, secretary));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    /** Posts, expects the page again with the error summary and {@code message}, and proves nothing changed. */
    String refused(long id, String message, String action, String... params) throws Exception {
        String before = fx.snapshot(id);
        String body = act(id, action, params).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("error-summary").contains(message);
        assertThat(fx.snapshot(id)).isEqualTo(before);
        return body;
    }

    @Test
    void paperSignaturesAreEnteredCheckedForDuplicatesListedMaskedAndRemovedUntilFiling() throws Exception {
        long id = fx.open(c, "Éclairage public");
        String cin = "JK" + (100_000 + (System.nanoTime() % 800_000));
        act(id, "paper-signatures", "fullName", "Aïcha Bensaïd", "cin", cin, "basis", "RESIDENT").andExpect(status().is3xxRedirection());
        // Arabic-Indic digits are read as the identity module reads them: the same number again is the same person.
        String arabicDigits = cin.substring(0, 2) + cin.substring(2).chars().mapToObj(d -> String.valueOf((char) ('\u0660' + d - '0')))
                .reduce("", String::concat);
        refused(id, "Cette personne a déjà signé", "paper-signatures", "fullName", "Aïcha B.", "cin", arabicDigits, "basis", "ECONOMIC");
        // A double submit of the same sheet line is the same duplicate.
        refused(id, "Cette personne a déjà signé", "paper-signatures", "fullName", "Aïcha Bensaïd", "cin", cin, "basis", "RESIDENT");
        // Already signed online with the same number.
        String online = PetitionAdminFixture.cin();
        fx.online(c, id, "محمد أمزيان", online);
        refused(id, "Cette personne a déjà signé", "paper-signatures", "fullName", "Mohamed Amziane", "cin", online, "basis", "RESIDENT");

        String body = html(id);
        assertThat(body).contains("Aïcha Bensaïd").contains("•".repeat(cin.length() - 3) + cin.substring(cin.length() - 3))
                .doesNotContain(cin).contains("1 en ligne, 1 sur papier");
        long entry = jdbc.sql("select id from petition_signature where petition_id = ? and source = 'PAPER'").param(id).query(Long.class).single();
        act(id, "paper-signatures/" + entry + "/removal").andExpect(status().is3xxRedirection());
        assertThat(fx.count("select count(*) from petition_signature where petition_id = ? and source = 'PAPER'", id)).isZero();
        // Removing it twice (a second click) says it is gone.
        refused(id, "Cette saisie n’existe plus", "paper-signatures/" + entry + "/removal");
        // The log keeps both steps, by the entry's number, never the signatory.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "select action from audit_entry where collectivity_id = ? and action like 'petitions.paper-signature-%' and summary like ?")
                .params(c.id(), "petition " + id + ": paper signature " + entry + " %").query(String.class).list())
                .containsExactlyInAnyOrder("petitions.paper-signature-added", "petitions.paper-signature-removed"));
        assertThat(fx.count("select count(*) from audit_entry where collectivity_id = ? and summary like ?", c.id(), "%Bensaïd%")).isZero();
    }

    @Test
    void malformedPaperEntriesAreRefusedFieldByFieldInTheReadersLanguage() throws Exception {
        long id = fx.open(c, "Marché");
        String body = refused(id, "1 ou 2 lettres latines", "paper-signatures", "fullName", "<b>Ali</b>", "cin", "ABCDEFG", "basis", "SOMETHING");
        assertThat(body).contains("ne peut pas contenir les caractères").contains("Choisissez").contains("href=\"#fullName\"")
                .contains("href=\"#cin\"").contains("&lt;b&gt;Ali&lt;/b&gt;");
        refused(id, "Saisissez", "paper-signatures", "fullName", "", "cin", "", "basis", "");
        refused(id, "1 ou 2 lettres latines", "paper-signatures", "fullName", "Ali", "cin", "JB1234567890123", "basis", "RESIDENT");
        refused(id, "trop long", "paper-signatures", "fullName", HUGE, "cin", PetitionAdminFixture.cin(), "basis", "RESIDENT");
        String arabic = mvc.perform(post("/ar/c/" + c.slug() + "/admin/petitions/" + id + "/paper-signatures").param("fullName", "")
                .param("cin", "12").param("basis", "RESIDENT").with(csrf()).with(Logins.as(users, secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(arabic).contains("dir=\"rtl\"").contains("أدخل الرقم كما هو في البطاقة");
    }

    @Test
    void inadmissibleBeforeSignaturesOnlyWithAGroundAndReasoningShownEscaped() throws Exception {
        long id = fx.open(c, "Antenne");
        assertThat(html(id)).contains("id=\"inadmissible\"").doesNotContain("id=\"filing\"").doesNotContain("id=\"accept\"");
        refused(id, "Saisissez", "inadmissible", "inadmissibleGround", "", "inadmissibleReasoning", " ");
        refused(id, "trop long", "inadmissible", "inadmissibleGround", "EXCLUDED_MATTER", "inadmissibleReasoning", HUGE);
        act(id, "inadmissible", "inadmissibleGround", "EXCLUDED_MATTER", "inadmissibleReasoning",
                "<script>alert(1)</script>'; drop table petition; --").andExpect(status().is3xxRedirection());
        assertThat(fx.status(id)).isEqualTo("INADMISSIBLE");
        String body = html(id);
        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;&#39;; drop table petition; --").doesNotContain("<script>alert(1)")
                .doesNotContain("id=\"inadmissible\"").doesNotContain("id=\"paper-add\"");
        // A second submit (two tabs) is refused by the aggregate and said on the page.
        refused(id, "avant la collecte des signatures", "inadmissible", "inadmissibleGround", "OTHER", "inadmissibleReasoning", "Encore");
    }

    @Test
    void oncePeopleSignedInadmissibilityIsNoLongerOffered() throws Exception {
        long id = fx.open(c, "Parking");
        fx.paper(c, id, secretary, "Youssef Idrissi");
        assertThat(html(id)).doesNotContain("id=\"inadmissible\"");
        refused(id, "ont déjà signé", "inadmissible", "inadmissibleGround", "OTHER", "inadmissibleReasoning", "Trop tard");
    }

    @Test
    void theFilingAtTheOfficeStartsTheBureausClockOnceTheThresholdIsReached() throws Exception {
        long id = fx.open(c, "Bibliothèque");
        assertThat(html(id)).doesNotContain("id=\"filing\"");
        refused(id, "atteint pas encore le seuil", "filing");
        PetitionFixtures.signatures(jdbc, c, id, 100, "PAPER");
        assertThat(html(id)).contains("id=\"filing\"");
        act(id, "filing").andExpect(status().is3xxRedirection());
        assertThat(fx.status(id)).isEqualTo("FILED");
        String body = html(id);
        assertThat(body).contains("jours restants pour la décision").contains("id=\"accept\"").contains("id=\"reject\"")
                .doesNotContain("id=\"paper-add\"").doesNotContain("/removal");
        // Filing twice: the second is refused on the page.
        refused(id, "ne recueille pas de signatures", "filing");
    }

    @Test
    void acceptanceNeedsARealDateInTheNextOrdinarySessionAndACommittee() throws Exception {
        long id = fx.filed(c, "Route");
        assertThat(html(id)).contains("la prochaine session ordinaire du conseil a lieu en");
        refused(id, "Saisissez une date réelle", "acceptance", "sessionOn", "31/02/2027", "committee", "Budget");
        refused(id, "Saisissez", "acceptance", "sessionOn", "", "committee", "");
        refused(id, "trop long", "acceptance", "sessionOn", fx.sessionDay().toString(), "committee", HUGE);
        refused(id, "prochaine session ordinaire", "acceptance", "sessionOn", fx.sessionDay().plusMonths(4).withDayOfMonth(1).plusYears(1).toString(),
                "committee", "Budget");
        act(id, "acceptance", "sessionOn", fx.sessionDay().toString(), "committee", "Commission du budget").andExpect(status().is3xxRedirection());
        assertThat(fx.status(id)).isEqualTo("ACCEPTED");
        refused(id, "qu’après la session", "outcome", "decisionReference", "D-2027-14", "outcomeSummary", "Adoptée");
        jdbc.sql("update petition set session_on = ? where id = ?").params(petitions.today(), id).update();
        refused(id, "trop long", "outcome", "decisionReference", "D-" + "9".repeat(200), "outcomeSummary", "Adoptée");
        act(id, "outcome", "decisionReference", "D-2027-14", "outcomeSummary", "Le conseil a adopté l’éclairage.").andExpect(status().is3xxRedirection());
        assertThat(fx.status(id)).isEqualTo("CONCLUDED");
        assertThat(html(id)).contains("D-2027-14").contains("Aucune étape n’incombe aux services");
    }

    @Test
    void rejectionNeedsAGroundAndWrittenReasoningAndOverdueDecisionsAreFlagged() throws Exception {
        long id = fx.filed(c, "Stade");
        jdbc.sql("update petition set filed_on = ?, decision_due = ? where id = ?")
                .params(petitions.today().minusMonths(4), petitions.today().minusMonths(1), id).update();
        assertThat(html(id)).contains("Décision en retard de").contains("status-bad");
        refused(id, "Choisissez", "rejection", "rejectGround", "NOPE", "rejectReasoning", "Non");
        act(id, "rejection", "rejectGround", "NOT_COUNCIL_COMPETENCE", "rejectReasoning", "Hors compétence.").andExpect(status().is3xxRedirection());
        assertThat(fx.status(id)).isEqualTo("REJECTED");
        refused(id, "déposée et en attente de sa décision", "rejection", "rejectGround", "OTHER", "rejectReasoning", "Encore");
    }

    @Test
    void anAssociationIsCheckedBeforeTheBureauMayAcceptIt() throws Exception {
        long id = fx.association(c, "Oued propre");
        String body = html(id);
        assertThat(body).contains("Association Tifawin").contains("Quartier Talmaklt").contains("id=\"check\"")
                .contains("conditions non remplies").doesNotContain("action=\"" + page(id) + "/acceptance\"").doesNotContain("signatories.csv");
        refused(id, "Vérifiez d’abord l’association", "acceptance", "sessionOn", fx.sessionDay().toString(), "committee", "Environnement");
        act(id, "association-check").andExpect(status().is3xxRedirection());
        assertThat(html(id)).contains("Vérifiée le").doesNotContain("id=\"check\"").contains("action=\"" + page(id) + "/acceptance\"");
        refused(id, "déjà été vérifiée", "association-check");
        act(id, "acceptance", "sessionOn", fx.sessionDay().toString(), "committee", "Environnement").andExpect(status().is3xxRedirection());
        assertThat(fx.status(id)).isEqualTo("ACCEPTED");
    }

    @Test
    void theAssociationsDocumentsDownloadAsAttachmentsForStaffOnly() throws Exception {
        long id = fx.association(c, "Documents");
        long other = fx.association(c, "Autre");
        byte[] pdf = "%PDF-1.4 statuts de l'association".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String key = files.put(new java.io.ByteArrayInputStream(pdf), "statuts.pdf", "application/pdf");
        jdbc.sql("insert into petition_document (petition_id, collectivity_id, storage_key, file_name, content_type, size_bytes, created_at)"
                + " values (?, ?, ?, 'Statuts « Tifawin ».pdf', 'application/pdf', ?, current_timestamp)").params(id, c.id(), key, pdf.length)
                .update();
        long doc = jdbc.sql("select id from petition_document where petition_id = ? and storage_key = ?").params(id, key).query(Long.class).single();
        assertThat(html(id)).contains("Statuts « Tifawin ».pdf").contains(page(id) + "/documents/" + doc);
        mvc.perform(get(page(id) + "/documents/" + doc).with(Logins.as(users, secretary))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Content-Disposition",
                        org.hamcrest.Matchers.startsWith("attachment; filename=\"Statuts")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().bytes(pdf));
        // Through another petition's address, the document does not exist.
        mvc.perform(get(page(other) + "/documents/" + doc).with(Logins.as(users, secretary))).andExpect(status().isNotFound());
        mvc.perform(get(page(id) + "/documents/" + doc).with(Logins.as(users, PetitionAdminFixture.AGADIR_STAFF)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theListGroupsByStageWithCountsOverdueMarksAndAssociationsToCheck() throws Exception {
        long open = fx.open(c, "Ouverte");
        long filed = fx.filed(c, "Déposée");
        long association = fx.association(c, "Association");
        PetitionFixtures.petition(petitions, c, fx.user(PetitionAdminFixture.CITIZEN), "Brouillon secret", false);
        jdbc.sql("update petition set decision_due = ? where id = ?").params(petitions.today().minusDays(1), filed).update();
        String base = "/fr/c/" + c.slug() + "/admin/petitions";
        String all = mvc.perform(get(base).with(Logins.as(users, secretary))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(all).contains("Toutes (3)").contains("En signature (1)").contains("En attente du bureau (2)")
                .contains("Décisions en retard : 1").contains("Associations à vérifier : 1").contains("Association à vérifier")
                .contains("En retard").doesNotContain("Brouillon secret").contains(base + "/" + open);
        String filedOnly = mvc.perform(get(base + "?stage=filed").with(Logins.as(users, secretary))).andReturn().getResponse()
                .getContentAsString();
        assertThat(filedOnly).contains(base + "/" + filed).contains(base + "/" + association).doesNotContain(base + "/" + open + "\"");
        mvc.perform(get(base + "?stage=nonsense&after=abc").with(Logins.as(users, secretary))).andExpect(status().isOk());
    }
}
