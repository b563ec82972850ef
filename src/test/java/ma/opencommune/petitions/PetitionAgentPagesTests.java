package ma.opencommune.petitions;

import static ma.opencommune.petitions.PetitionPageFixture.PAGES;
import static ma.opencommune.petitions.PetitionPageFixture.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The agent's pages (PET-3) and an association representative's (PET-4): draft, edit, open, file, documents, my petitions. */
@IntegrationTest
class PetitionAgentPagesTests {

    static final byte[] PDF = "%PDF-1.4\n% statuts de l'association\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired
    MockMvc mvc;
    @Autowired
    Petitions petitions;
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
    String agent;

    @BeforeEach
    void setUp() {
        fx = new PetitionPageFixture(petitions, residents, accounts, jdbc, users, territory.require("taroudant"));
        agent = fx.account("agent");
    }

    MockMultipartHttpServletRequestBuilder form(String path, String kind, String title, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder b = multipart(path);
        for (MockMultipartFile f : files) {
            b.file(f);
        }
        b.param("kind", kind).param("title", title).param("object", "Le stade municipal est fermé depuis deux ans.")
                .param("reasons", "Les jeunes n’ont pas d’autre terrain.").param("requestedAction", "Rouvrir le stade le week-end.")
                .param("lang", "fr");
        b.with(csrf()).with(Logins.as(users, agent));
        return b;
    }

    MockMultipartHttpServletRequestBuilder association(String path, String constitutedOn, MockMultipartFile... files) {
        return (MockMultipartHttpServletRequestBuilder) form(path, "ASSOCIATION", "Rouvrir le stade", files)
                .param("associationName", "Association Tifawt des jeunes").param("associationConstitutedOn", constitutedOn)
                .param("associationSeat", "Derb Sidi Ali, Taroudant").param("associationField", "Sport et jeunesse");
    }

    static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("documents", name, "application/pdf", content);
    }

    long created(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith(PAGES + "/");
        return Long.parseLong(location.substring(PAGES.length() + 1));
    }

    String oldEnough() {
        return petitions.today().minusYears(5).toString();
    }

    @Test
    void anAgentDraftsEditsAndOpensACitizensPetitionWhoseTextIsThenFixed() throws Exception {
        mvc.perform(get(PAGES + "/new")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/fr/login"));
        mvc.perform(multipart(PAGES + "/new").with(csrf()).with(Logins.as(users, agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#kind\""))).andExpect(content().string(containsString("href=\"#title\"")))
                .andExpect(content().string(containsString("href=\"#object\""))).andExpect(content().string(containsString("href=\"#reasons\"")))
                .andExpect(content().string(containsString("href=\"#requestedAction\"")))
                .andExpect(content().string(containsString("href=\"#title\">Titre : Saisissez cette information.</a>")));
        assertThat(fx.petitionsOf(agent)).isZero();

        long id = created(mvc.perform(form(PAGES + "/new", "CITIZENS", "Rouvrir le stade municipal")).andExpect(status().is3xxRedirection())
                .andReturn());
        assertThat(fx.status(id)).isEqualTo("DRAFT");
        mvc.perform(get(page(id)).with(Logins.as(users, agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ceci est votre brouillon")))
                .andExpect(content().string(containsString(page(id) + "/edit")))
                .andExpect(content().string(containsString("Ouvrir aux signatures")));
        mvc.perform(get(page(id) + "/edit").with(Logins.as(users, agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Rouvrir le stade municipal\"")));
        mvc.perform(form(page(id) + "/edit", "CITIZENS", "Rouvrir le stade municipal le week-end"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page(id)));
        mvc.perform(get(page(id)).with(Logins.as(users, agent)))
                .andExpect(content().string(containsString("Rouvrir le stade municipal le week-end")));

        String other = fx.account("other");
        mvc.perform(get(page(id) + "/edit").with(Logins.as(users, other))).andExpect(status().isNotFound());
        mvc.perform(post(page(id) + "/open").with(csrf()).with(Logins.as(users, other))).andExpect(status().isNotFound());
        mvc.perform(post("/fr/c/agadir/petitions/" + id + "/open").with(csrf()).with(Logins.as(users, agent))).andExpect(status().isNotFound());
        assertThat(fx.status(id)).isEqualTo("DRAFT");

        mvc.perform(post(page(id) + "/open").with(csrf()).with(Logins.as(users, agent)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page(id)));
        assertThat(fx.status(id)).isEqualTo("OPEN");
        mvc.perform(post(page(id) + "/open").with(csrf()).with(Logins.as(users, agent))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("n’est plus un brouillon")))
                .andExpect(content().string(containsString("Vos démarches de mandataire")));
        mvc.perform(get(page(id) + "/edit").with(Logins.as(users, agent))).andExpect(status().isConflict());
        mvc.perform(form(page(id) + "/edit", "CITIZENS", "Changé après l’ouverture")).andExpect(status().isConflict());
        mvc.perform(get(page(id))).andExpect(status().isOk()).andExpect(content().string(containsString("Rouvrir le stade municipal le week-end")));
    }

    @Test
    void theSameFormSentTwiceSavesOneDraftWithItsDocumentsOnce() throws Exception {
        String html = mvc.perform(get(PAGES + "/new").with(Logins.as(users, agent))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"submission\" value=\"([0-9a-f-]{36})\"").matcher(html);
        assertThat(m.find()).as("the form carries a submission key").isTrue();
        String key = m.group(1);
        long first = created(mvc.perform(association(PAGES + "/new", oldEnough(), file("statuts.pdf", PDF)).param("submission", key))
                .andExpect(status().is3xxRedirection()).andReturn());
        long second = created(mvc.perform(association(PAGES + "/new", oldEnough(), file("statuts.pdf", PDF)).param("submission", key))
                .andExpect(status().is3xxRedirection()).andReturn());
        assertThat(second).isEqualTo(first);
        assertThat(fx.petitionsOf(agent)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from petition_document where petition_id = ?").param(first).query(Integer.class).single())
                .isEqualTo(1);
        long fresh = created(mvc.perform(form(PAGES + "/new", "CITIZENS", "Une autre pétition").param("submission", java.util.UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection()).andReturn());
        assertThat(fresh).isNotEqualTo(first);
    }

    @Test
    void hugeTextIsRefusedWholeAndMarkupOrSqlIsKeptAsTextAndShownEscaped() throws Exception {
        mvc.perform(form(PAGES + "/new", "CITIZENS", "Très long").param("reasons", "a".repeat(1024 * 1024)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#reasons\"")))
                .andExpect(content().string(containsString("Ce texte est trop long")));
        mvc.perform(form(PAGES + "/new", "CITIZENS", "Titre").param("lang", "xx")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#lang\"")));
        assertThat(fx.petitionsOf(agent)).isZero();

        long id = created(mvc.perform(form(PAGES + "/new", "CITIZENS", "<script>alert('x')</script>")
                .param("object", "'; drop table petition; --")).andExpect(status().is3xxRedirection()).andReturn());
        mvc.perform(post(page(id) + "/open").with(csrf()).with(Logins.as(users, agent))).andExpect(status().is3xxRedirection());
        mvc.perform(get(page(id))).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(containsString("&#39;; drop table petition; --")));
    }

    @Test
    void anAssociationDraftsWithItsDocumentsWhichOnlyItsAgentDownloadsAndFilesDirectly_PET4() throws Exception {
        long id = created(mvc.perform(association(PAGES + "/new", oldEnough(), file("statuts 2019.pdf", PDF)))
                .andExpect(status().is3xxRedirection()).andReturn());
        long document = jdbc.sql("select id from petition_document where petition_id = ?").param(id).query(Long.class).single();
        String documentUrl = page(id) + "/documents/" + document;
        mvc.perform(get(page(id)).with(Logins.as(users, agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString(documentUrl)))
                .andExpect(content().string(containsString("Association Tifawt des jeunes")))
                .andExpect(content().string(containsString("Déposer auprès du conseil")))
                .andExpect(content().string(not(containsString("Ouvrir aux signatures"))));
        mvc.perform(get(documentUrl).with(Logins.as(users, agent))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(PDF));
        mvc.perform(get(documentUrl)).andExpect(status().isNotFound());
        mvc.perform(get(documentUrl).with(Logins.as(users, fx.account("other")))).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/agadir/petitions/" + id + "/documents/" + document).with(Logins.as(users, agent))).andExpect(status().isNotFound());

        mvc.perform(post(page(id) + "/file").with(csrf()).with(Logins.as(users, agent)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page(id)));
        assertThat(fx.status(id)).isEqualTo("FILED");
        mvc.perform(get(page(id))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Pétition d’une association")))
                .andExpect(content().string(containsString("Association Tifawt des jeunes")))
                .andExpect(content().string(not(containsString(documentUrl))))
                .andExpect(content().string(not(containsString("Signer cette pétition"))));
        mvc.perform(post(page(id) + "/file").with(csrf()).with(Logins.as(users, agent))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("n’est plus un brouillon")));
    }

    @Test
    void aLyingMissingOrTooManyDocumentOrAYoungAssociationRefusesTheWholeDraft() throws Exception {
        mvc.perform(association(PAGES + "/new", oldEnough(), file("statuts.pdf", PNG))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"documents-error\"")))
                .andExpect(content().string(containsString("Le nom d’un fichier indique un autre type")));
        mvc.perform(association(PAGES + "/new", oldEnough(), file("statuts.pdf", "<html><script>".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Le fichier doit être un document PDF, PNG ou JPEG")));
        mvc.perform(association(PAGES + "/new", oldEnough())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Joignez au moins un document")));
        MockMultipartFile[] many = new MockMultipartFile[AgentPetitions.MAX_DOCUMENTS + 1];
        java.util.Arrays.setAll(many, i -> file("p" + i + ".pdf", PDF));
        mvc.perform(association(PAGES + "/new", oldEnough(), many)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Joignez 10 documents au plus")));
        mvc.perform(association(PAGES + "/new", petitions.today().minusYears(2).toString(), file("statuts.pdf", PDF)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"#associationConstitutedOn\"")))
                .andExpect(content().string(containsString("depuis plus de trois ans")));
        mvc.perform(association(PAGES + "/new", "31/02/2019", file("statuts.pdf", PDF))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Saisissez une date réelle")));
        assertThat(fx.petitionsOf(agent)).isZero();
        assertThat(jdbc.sql("select count(*) from petition_document where created_by = ?").param(fx.user(agent).id()).query(Long.class).single())
                .isZero();
        mvc.perform(get(PAGES + "/new").param("upload", "too-large").with(Logins.as(users, agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"documents-error\"")));
    }

    @Test
    void aDraftThatBecomesACitizensPetitionLosesTheAssociationsDocuments_PDP1() throws Exception {
        long id = created(mvc.perform(association(PAGES + "/new", oldEnough(), file("statuts.pdf", PDF)))
                .andExpect(status().is3xxRedirection()).andReturn());
        mvc.perform(association(page(id) + "/edit", oldEnough(), file("recu.pdf", PDF))).andExpect(status().is3xxRedirection());
        assertThat(documents(id)).isEqualTo(2);
        mvc.perform(form(page(id) + "/edit", "CITIZENS", "Rouvrir le stade, avec les habitants")).andExpect(status().is3xxRedirection());
        assertThat(documents(id)).isZero();
        mvc.perform(get(page(id)).with(Logins.as(users, agent))).andExpect(content().string(containsString("Ouvrir aux signatures")));
    }

    long documents(long petitionId) {
        return jdbc.sql("select count(*) from petition_document where petition_id = ?").param(petitionId).query(Long.class).single();
    }

    @Test
    void theAgentFilesACitizensPetitionOnlyOnceTheThresholdIsReached_PET3() throws Exception {
        long id = fx.petition(agent, "Un dispensaire au douar", true);
        fx.paper(id, fx.threshold(id) - 1);
        mvc.perform(get(page(id)).with(Logins.as(users, agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vous pourrez la déposer auprès du conseil dès qu’elle aura")))
                .andExpect(content().string(not(containsString(page(id) + "/file"))));
        mvc.perform(post(page(id) + "/file").with(csrf()).with(Logins.as(users, agent))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("n’atteint pas encore le seuil légal")));
        mvc.perform(post(page(id) + "/file").with(csrf()).with(Logins.as(users, fx.account("other")))).andExpect(status().isNotFound());
        fx.paper(id, 1);
        mvc.perform(get(page(id)).with(Logins.as(users, agent))).andExpect(content().string(containsString(page(id) + "/file")));
        mvc.perform(post(page(id) + "/file").with(csrf()).with(Logins.as(users, agent))).andExpect(status().is3xxRedirection());
        assertThat(fx.status(id)).isEqualTo("FILED");
        mvc.perform(get(page(id))).andExpect(content().string(containsString("Le bureau doit se prononcer au plus tard le")));
    }

    @Test
    void myPetitionsListsMineDraftsIncludedAndNothingOfOthers() throws Exception {
        mvc.perform(get(PAGES + "/mine")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/fr/login"));
        long draft = fx.petition(agent, "Mon brouillon à moi", false);
        long open = fx.petition(agent, "Ma pétition ouverte", true);
        long others = fx.petition("citizen@opencommune.demo", "La pétition de quelqu’un d’autre", false);
        mvc.perform(get(PAGES + "/mine").with(Logins.as(users, agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString(page(draft) + "\"")))
                .andExpect(content().string(containsString(page(open) + "\"")))
                .andExpect(content().string(containsString("Brouillon")))
                .andExpect(content().string(not(containsString(page(others) + "\""))));
        mvc.perform(get("/fr/c/agadir/petitions/mine").with(Logins.as(users, agent)))
                .andExpect(content().string(not(containsString("Mon brouillon à moi"))));
    }
}
