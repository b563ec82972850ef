package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.petitions.PaperSignatures;
import ma.opencommune.petitions.PetitionAdminFixture;
import ma.opencommune.petitions.Petitions;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** The council secretary's pages: plan, publish, hold, record and correct, with every bad input refused whole and other communes kept out. */
@IntegrationTest
class CouncilAdminTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Petitions petitions;
    @Autowired PaperSignatures paper;
    @Autowired PersonalNumbers numbers;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;
    @Autowired CouncilMembers members;
    @Autowired CouncilSessions sessions;
    @Autowired CouncilDecisions decisions;

    CouncilFixture fx;
    Collectivity c;
    AccountUser staff;
    String base;

    @BeforeEach
    void setUp() {
        fx = new CouncilFixture(new PetitionAdminFixture(jdbc, petitions, paper, numbers, territory, accounts, grants, users), members, sessions,
                decisions);
        c = fx.collectivity();
        staff = fx.secretary(c);
        base = "/fr/c/" + c.slug() + "/admin/council";
    }

    RequestBuilder as(AbstractMockHttpServletRequestBuilder<?> request) {
        return request.with(Logins.as(users, staff.getUsername())).with(csrf());
    }

    String html(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(as(request)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    int sessions() {
        return jdbc.sql("select count(*) from council_session where collectivity_id = ?").param(c.id()).query(Integer.class).single();
    }

    @Test
    void theSameSessionFormSubmittedTwiceCreatesOneSession() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(as(post(base + "/sessions").param("kind", "ORDINARY").param("heldOn", "2027-05-04").param("startsAt", "10:00")
                    .param("place", "Hôtel de ville").param("submissionKey", key))).andExpect(status().is3xxRedirection());
        }
        assertThat(sessions()).isEqualTo(1);
    }

    @Test
    void anOrdinarySessionOnJanuary31IsRefusedOnTheFormAndNothingIsSaved() throws Exception {
        String page = html(post(base + "/sessions").param("kind", "ORDINARY").param("heldOn", "2027-01-31").param("startsAt", "10:00")
                .param("place", "Hôtel de ville"));
        assertThat(page).contains("error-summary").contains("PET-8");
        String empty = html(post(base + "/sessions").param("kind", "").param("heldOn", "31/01").param("startsAt", "dix").param("place", ""));
        assertThat(empty).contains("href=\"#kind\"").contains("href=\"#heldOn\"").contains("href=\"#startsAt\"").contains("href=\"#place\"");
        // Each line of the summary is named by its field's label, not three bare "Enter this information."
        assertThat(empty).contains(">Lieu : ");
        assertThat(sessions()).isZero();
    }

    @Test
    void hugeTextIsRefusedAndMarkupIsShownEscaped() throws Exception {
        long id = sessions.create(c, staff, new CouncilSessions.SessionDraft(CouncilCodes.SessionKind.ORDINARY, LocalDate.of(2027, Month.OCTOBER, 5),
                java.time.LocalTime.NOON, "Salle"), null).id();
        String huge = "x".repeat(1_000_000);
        assertThat(html(post(base + "/sessions/" + id + "/agenda").param("titleFr", "Point").param("explanation", huge)))
                .contains("href=\"#explanation\"");
        assertThat(sessions.staffSession(c, staff, id).agenda()).isEmpty();
        mvc.perform(as(post(base + "/sessions/" + id + "/agenda").param("titleFr", "<script>alert(1)</script>' OR 1=1 --")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as(post(base + "/sessions/" + id + "/agenda-publication"))).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/fr/c/" + c.slug() + "/council/sessions/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void theSecretaryRunsASessionFromAgendaToCorrectedDecisionThroughThePages() throws Exception {
        List<Long> people = fx.members(c, staff, 4);
        long id = sessions.create(c, staff, new CouncilSessions.SessionDraft(CouncilCodes.SessionKind.EXTRAORDINARY, sessions.today(),
                java.time.LocalTime.of(9, 0), "Salle"), null).id();
        String s = base + "/sessions/" + id;
        assertThat(html(post(s + "/agenda-publication"))).contains("Ajoutez au moins un point");
        mvc.perform(as(post(s + "/agenda").param("titleAr", "نقطة فريدة"))).andExpect(status().is3xxRedirection());
        mvc.perform(as(post(s + "/agenda-publication"))).andExpect(status().is3xxRedirection());
        long item = fx.item(c, staff, id);
        assertThat(html(post(s + "/agenda/" + item + "/removal"))).contains("ne peut être vidé");
        mvc.perform(as(post(s + "/agenda").param("titleFr", "Point tardif"))).andExpect(status().is3xxRedirection());
        assertThat(sessions.staffSession(c, staff, id).agenda().get(1).addedLateOn()).isEqualTo(sessions.today());
        mvc.perform(as(post(s + "/held"))).andExpect(status().is3xxRedirection());
        mvc.perform(as(post(s + "/attendance").param("presence[" + people.get(0) + "]", "PRESENT").param("presence[" + people.get(1) + "]", "PRESENT")
                .param("presence[" + people.get(2) + "]", "EXCUSED"))).andExpect(status().is3xxRedirection());
        assertThat(html(get(s + "/decisions/new"))).contains("id=\"decision-form\"");
        assertThat(html(post(s + "/decisions").param("agendaItemId", "" + item).param("number", "1/2027").param("titleFr", "Délibération")
                .param("textFr", "Texte").param("topic", "BUDGET").param("outcome", "ADOPTED").param("votesFor", "3")))
                .contains("dépasse le nombre de membres présents");
        assertThat(html(post(s + "/decisions").param("agendaItemId", "" + item).param("number", "1/2027").param("titleFr", "Délibération")
                .param("textFr", "Texte").param("topic", "BUDGET").param("outcome", "ADOPTED").param("vote[" + people.get(0) + "]", "FOR")
                .param("vote[" + people.get(2) + "]", "FOR"))).contains("Seuls les membres présents");
        mvc.perform(as(post(s + "/decisions").param("agendaItemId", "" + item).param("number", "1/2027").param("titleFr", "Délibération")
                .param("textFr", "Texte").param("topic", "BUDGET").param("outcome", "ADOPTED").param("vote[" + people.get(0) + "]", "FOR")
                .param("vote[" + people.get(1) + "]", "AGAINST"))).andExpect(status().is3xxRedirection());
        long decision = jdbc.sql("select id from council_decision where collectivity_id = ?").param(c.id()).query(Long.class).single();
        mvc.perform(get("/fr/c/" + c.slug() + "/council/decisions/" + decision)).andExpect(status().isNotFound());
        mvc.perform(as(post(base + "/decisions/" + decision + "/publication"))).andExpect(status().is3xxRedirection());
        assertThat(html(post(base + "/decisions/" + decision + "/publication"))).contains("corrigez-la avec un motif");
        assertThat(html(post(base + "/decisions/" + decision).param("agendaItemId", "" + item).param("number", "1/2027")
                .param("titleFr", "Délibération corrigée").param("textFr", "Texte").param("topic", "BUDGET").param("outcome", "ADOPTED")
                .param("vote[" + people.get(0) + "]", "FOR").param("vote[" + people.get(1) + "]", "AGAINST"))).contains("href=\"#reason\"");
        mvc.perform(as(post(base + "/decisions/" + decision).param("agendaItemId", "" + item).param("number", "1/2027")
                .param("titleFr", "Délibération corrigée").param("textFr", "Texte").param("topic", "BUDGET").param("outcome", "ADOPTED")
                .param("vote[" + people.get(0) + "]", "FOR").param("vote[" + people.get(1) + "]", "AGAINST").param("reason", "Coquille dans le titre")))
                .andExpect(status().is3xxRedirection());
        String pub = mvc.perform(get("/fr/c/" + c.slug() + "/council/decisions/" + decision)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(pub).contains("Délibération corrigée").contains("Coquille dans le titre").contains("id=\"member-votes\"");
        MockMultipartFile lying = new MockMultipartFile("minutesFile", "pv.pdf", "application/pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        assertThat(html(multipart(s + "/minutes").file(lying).param("minutesText", "Procès-verbal"))).contains("href=\"#minutesFile\"");
        MockMultipartFile pdf = new MockMultipartFile("minutesFile", "pv.pdf", "application/pdf", "%PDF-1.4 minutes".getBytes(StandardCharsets.US_ASCII));
        mvc.perform(as(multipart(s + "/minutes").file(pdf).param("minutesText", "Procès-verbal de la séance"))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/fr/c/" + c.slug() + "/council/sessions/" + id + "/minutes.pdf")).andExpect(status().isOk());
    }

    @Test
    void membersAndCommitteesAreManagedAndAForgedCommitteeOfAnotherCommuneIsRefused() throws Exception {
        mvc.perform(as(post(base + "/committees").param("committeeNameFr", "Commission des finances"))).andExpect(status().is3xxRedirection());
        long committee = jdbc.sql("select id from council_committee where collectivity_id = ?").param(c.id()).query(Long.class).single();
        mvc.perform(as(post(base + "/members").param("nameAr", "فاطمة أوبلا").param("role", "VICE_PRESIDENT").param("viceRank", "1")
                .param("termStart", "2021-09-21").param("active", "true").param("committeeIds", "" + committee))).andExpect(status().is3xxRedirection());
        long other = jdbc.sql("select min(id) from council_committee where collectivity_id <> ?").param(c.id()).query(Long.class).single();
        assertThat(html(post(base + "/members").param("nameFr", "Intrus").param("role", "MEMBER").param("termStart", "2021-09-21")
                .param("committeeIds", "" + other))).contains("error-summary");
        assertThat(html(post(base + "/members").param("role", "VICE_PRESIDENT").param("termStart", "2021-09-21").param("termEnd", "2020-01-01")))
                .contains("href=\"#nameAr\"").contains("href=\"#viceRank\"").contains("href=\"#termEnd\"");
        assertThat(members.members(c, false)).singleElement().satisfies(m -> assertThat(m.committeeIds()).containsExactly(committee));
        assertThat(html(get(base + "/members"))).contains("فاطمة أوبلا");
    }

    @Test
    void agadirStaffGetForbiddenOnTaroudantsCouncilAdministrationWithRealIds() throws Exception {
        Collectivity taroudant = territory.require("taroudant");
        long session = jdbc.sql("select min(id) from council_session where collectivity_id = ?").param(taroudant.id()).query(Long.class).single();
        long decision = jdbc.sql("select min(id) from council_decision where collectivity_id = ?").param(taroudant.id()).query(Long.class).single();
        long member = jdbc.sql("select min(id) from council_member where collectivity_id = ?").param(taroudant.id()).query(Long.class).single();
        String before = jdbc.sql("select count(*) || '/' || sum(revision) from council_decision where collectivity_id = ?").param(taroudant.id())
                .query(String.class).single();
        String t = "/fr/c/taroudant/admin/council";
        for (String url : List.of(t, t + "/members", t + "/members/" + member, t + "/sessions/" + session, t + "/sessions/" + session + "/decisions/new",
                t + "/decisions/" + decision)) {
            mvc.perform(get(url).with(Logins.as(users, PetitionAdminFixture.AGADIR_STAFF))).andExpect(status().isForbidden());
        }
        for (String url : List.of(t + "/sessions", t + "/committees", t + "/members", t + "/sessions/" + session + "/agenda-publication",
                t + "/decisions/" + decision + "/publication", t + "/decisions/" + decision)) {
            mvc.perform(post(url).param("reason", "x").param("titleFr", "x").with(Logins.as(users, PetitionAdminFixture.AGADIR_STAFF)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        // Taroudant's own staff reach a Taroudant id only under Taroudant: under their other commune it does not exist.
        mvc.perform(get(base + "/decisions/" + decision).with(Logins.as(users, staff.getUsername()))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/sessions/" + session).with(Logins.as(users, staff.getUsername()))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) || '/' || sum(revision) from council_decision where collectivity_id = ?").param(taroudant.id())
                .query(String.class).single()).isEqualTo(before);
    }

    long statements(String url, boolean asStaff) throws Exception {
        RequestBuilder r = asStaff ? as(get(url)) : get(url);
        mvc.perform(r).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(asStaff ? as(get(url)) : get(url)).andExpect(status().isOk());
        return QueryCounting.statements();
    }

    @Test
    void theListPagesCostTheSameStatementsFor3And30Decisions() throws Exception {
        List<Long> people = fx.members(c, staff, 3);
        long session = fx.heldSession(c, staff, people);
        for (int i = 0; i < 3; i++) {
            fx.decision(c, staff, session, i + "/2026", CouncilCodes.Topic.BUDGET, 3);
        }
        String pub = "/fr/c/" + c.slug() + "/council";
        long[] few = {statements(pub + "/decisions", false), statements(pub + "/sessions/" + session, false), statements(pub, false),
            statements(base + "/sessions/" + session, true), statements("/api/v1/collectivities/" + c.slug() + "/council/decisions", false)};
        for (int i = 3; i < 30; i++) {
            fx.decision(c, staff, session, i + "/2026", i % 2 == 0 ? CouncilCodes.Topic.BUDGET : CouncilCodes.Topic.OTHER, 3);
        }
        fx.members(c, staff, 10);
        long[] many = {statements(pub + "/decisions", false), statements(pub + "/sessions/" + session, false), statements(pub, false),
            statements(base + "/sessions/" + session, true), statements("/api/v1/collectivities/" + c.slug() + "/council/decisions", false)};
        assertThat(many).containsExactly(few);
    }
}
