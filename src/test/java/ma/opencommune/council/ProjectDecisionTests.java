package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import ma.opencommune.council.CouncilCodes.Topic;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.petitions.PaperSignatures;
import ma.opencommune.petitions.PetitionAdminFixture;
import ma.opencommune.petitions.Petitions;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.InvalidInput;
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

/**
 * Projects linked to the council decisions they carry out: only published decisions of the same collectivity, saved
 * with the project, shown on both public pages, in the API and the CSV, at a constant number of statements.
 */
@IntegrationTest
class ProjectDecisionTests {

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
    @Autowired Projects projects;

    CouncilFixture fx;
    Collectivity c;
    String secretary;
    AccountUser staff;
    long session;

    @BeforeEach
    void setUp() {
        PetitionAdminFixture base = new PetitionAdminFixture(jdbc, petitions, paper, numbers, territory, accounts, grants, users);
        fx = new CouncilFixture(base, members, sessions, decisions);
        c = fx.collectivity();
        secretary = base.secretary(c);
        staff = base.user(secretary);
        session = fx.heldSession(c, staff, fx.members(c, staff, 3));
    }

    String admin() {
        return "/fr/c/" + c.slug() + "/admin/projects";
    }

    MockHttpServletRequestBuilder form(String url, Long... decisionIds) {
        MockHttpServletRequestBuilder b = post(url).with(csrf()).with(Logins.as(users, secretary)).param("titleFr", "Réfection de la piste")
                .param("sector", "ROADS").param("latitude", "30.4703").param("longitude", "-8.8770").param("published", "true")
                .param("submissionKey", UUID.randomUUID().toString());
        for (Long id : decisionIds) {
            b.param("decisionIds", String.valueOf(id));
        }
        return b;
    }

    long created(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    List<Long> linked(long projectId) {
        return jdbc.sql("select decision_id from council_project_decision where project_id = ? order by decision_id").param(projectId)
                .query(Long.class).list();
    }

    int projectCount() {
        return jdbc.sql("select count(*) from council_project where collectivity_id = ?").param(c.id()).query(Integer.class).single();
    }

    @Test
    void aProjectCarriesOutPublishedDecisionsShownOnBothPagesTheApiAndTheCsv() throws Exception {
        long first = fx.decision(c, staff, session, "DEC-7/2025", Topic.SERVICES, 3);
        long second = fx.decision(c, staff, session, "DEC-8/2025", Topic.URBANISM, 2);
        String form = mvc.perform(get(admin() + "/new").with(Logins.as(users, secretary))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("id=\"decision-" + first + "\"").contains("DEC-8/2025");
        long id = created(mvc.perform(form(admin() + "/new", first, second)).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl());
        assertThat(linked(id)).containsExactly(first, second);

        String page = mvc.perform(get("/ar/c/" + c.slug() + "/projects/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("href=\"/ar/c/" + c.slug() + "/council/decisions/" + first + "\"").contains("DEC-8/2025").contains("مقرر DEC-7/2025");
        String decision = mvc.perform(get("/fr/c/" + c.slug() + "/council/decisions/" + first)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(decision).contains("Projets qui mettent en œuvre cette délibération").contains("href=\"/fr/c/" + c.slug() + "/projects/" + id + "\"")
                .contains("Réfection de la piste");
        mvc.perform(get("/api/v1/collectivities/" + c.slug() + "/projects/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.decisions[0].id").value(first)).andExpect(jsonPath("$.decisions[0].number").value("DEC-7/2025"))
                .andExpect(jsonPath("$.decisions[1].titleFr").value("Délibération DEC-8/2025"));
        String csv = mvc.perform(get("/fr/c/" + c.slug() + "/projects.csv")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("council_decisions").contains("DEC-7/2025; DEC-8/2025");

        // Editing rewrites the links; the staff form shows the linked decision ticked.
        mvc.perform(form(admin() + "/" + id, second)).andExpect(status().is3xxRedirection());
        assertThat(linked(id)).containsExactly(second);
        assertThat(mvc.perform(get(admin() + "/" + id).with(Logins.as(users, secretary))).andReturn().getResponse().getContentAsString())
                .containsPattern("id=\"decision-" + second + "\"[^>]*checked");
        assertThat(mvc.perform(get("/fr/c/" + c.slug() + "/council/decisions/" + first)).andReturn().getResponse().getContentAsString())
                .doesNotContain("/projects/" + id + "\"");
    }

    @Test
    void aDraftProjectIsNotShownOnTheDecisionPage() throws Exception {
        long decision = fx.decision(c, staff, session, "DEC-9/2025", Topic.SERVICES, 3);
        ProjectFields draft = new ProjectFields(null, "Projet en préparation", null, null, ProjectSector.WATER, new java.math.BigDecimal("30.47"),
                new java.math.BigDecimal("-8.87"), null, null, null, null, null, List.of(), List.of(), false, List.of(decision));
        long id = projects.create(c, staff, draft, new Check(), null).id();
        assertThat(linked(id)).containsExactly(decision);
        assertThat(mvc.perform(get("/fr/c/" + c.slug() + "/council/decisions/" + decision)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).doesNotContain("Projet en préparation").doesNotContain("decision-projects");
    }

    @Test
    void anotherCollectivitysDecisionIsAFormErrorAndNothingIsSaved() throws Exception {
        Collectivity other = fx.collectivity();
        String otherSecretary = fx.base().secretary(other);
        AccountUser otherStaff = fx.base().user(otherSecretary);
        long otherSession = fx.heldSession(other, otherStaff, fx.members(other, otherStaff, 3));
        long foreign = fx.decision(other, otherStaff, otherSession, "AUTRE-1", Topic.SERVICES, 3);
        long own = fx.decision(c, staff, session, "DEC-10/2025", Topic.SERVICES, 3);

        String page = mvc.perform(form(admin() + "/new", own, foreign)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("error-summary").contains("href=\"#decisionIds\"").contains("Choisissez parmi les délibérations publiées");
        mvc.perform(form(admin() + "/new", 999_999_999L)).andExpect(status().isOk());
        mvc.perform(form(admin() + "/new").param("decisionIds", "abc")).andExpect(status().isOk());
        assertThat(projectCount()).isZero();
        assertThat(jdbc.sql("select count(*) from council_project_decision where collectivity_id = ?").param(c.id()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void anUnpublishedDecisionIsRefusedByTheFacadeAndAnEditKeepsTheOldLinks() {
        long own = fx.decision(c, staff, session, "DEC-11/2025", Topic.SERVICES, 3);
        long unpublished = decisions.draft(c, staff, session, fx.draft(c, staff, session, "DEC-12/2025", Topic.SERVICES, "Texte"),
                new CouncilDecisions.VoteInput(3, 0, 0, Map.of()));
        ProjectFields f = ProjectFixture.fields("Piste", ProjectSector.ROADS, true);
        ProjectFields withDraft = new ProjectFields(f.titleAr(), f.titleFr(), f.descriptionAr(), f.descriptionFr(), f.sector(), f.latitude(),
                f.longitude(), f.area(), f.costMad(), f.contractor(), f.startsOn(), f.endsOn(), f.funding(), f.commitmentIds(), true,
                List.of(own, unpublished));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> projects.create(c, staff, withDraft, new Check(), null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsEntry("decisionIds", "projects.validation.decision"));
        assertThat(projectCount()).isZero();

        ProjectFields withOwn = new ProjectFields(f.titleAr(), f.titleFr(), f.descriptionAr(), f.descriptionFr(), f.sector(), f.latitude(),
                f.longitude(), f.area(), f.costMad(), f.contractor(), f.startsOn(), f.endsOn(), f.funding(), f.commitmentIds(), true, List.of(own));
        long id = projects.create(c, staff, withOwn, new Check(), null).id();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> projects.edit(c, staff, id, withDraft, new Check()))
                .isInstanceOf(InvalidInput.class);
        assertThat(linked(id)).containsExactly(own);
    }

    long statements(String url) throws Exception {
        var request = url.contains("/admin/") ? get(url).with(Logins.as(users, secretary)) : get(url);
        mvc.perform(request).andExpect(status().isOk());
        QueryCounting.reset();
        mvc.perform(request).andExpect(status().isOk());
        return QueryCounting.statements();
    }

    @Test
    void bothPagesCostTheSameWithOneOrSixLinks() throws Exception {
        long decision = fx.decision(c, staff, session, "DEC-20/2025", Topic.SERVICES, 3);
        ProjectFields f = ProjectFixture.fields("Piste", ProjectSector.ROADS, true);
        long project = projects.create(c, staff, new ProjectFields(f.titleAr(), f.titleFr(), f.descriptionAr(), f.descriptionFr(), f.sector(),
                f.latitude(), f.longitude(), f.area(), f.costMad(), f.contractor(), f.startsOn(), f.endsOn(), f.funding(), f.commitmentIds(), true,
                List.of(decision)), new Check(), null).id();
        String projectPage = "/fr/c/" + c.slug() + "/projects/" + project;
        String decisionPage = "/fr/c/" + c.slug() + "/council/decisions/" + decision;
        String api = "/api/v1/collectivities/" + c.slug() + "/projects/" + project;
        String form = admin() + "/" + project;
        long[] one = {statements(projectPage), statements(decisionPage), statements(api), statements(form)};
        List<Long> all = new java.util.ArrayList<>(List.of(decision));
        for (int i = 0; i < 5; i++) {
            all.add(fx.decision(c, staff, session, "DEC-2" + (i + 1) + "/2025", Topic.SERVICES, 3));
            projects.create(c, staff, new ProjectFields(null, "Autre " + i, null, null, ProjectSector.WATER, f.latitude(), f.longitude(), null,
                    null, null, null, null, List.of(), List.of(), true, List.of(decision)), new Check(), null);
        }
        projects.edit(c, staff, project, new ProjectFields(f.titleAr(), f.titleFr(), f.descriptionAr(), f.descriptionFr(), f.sector(),
                f.latitude(), f.longitude(), f.area(), f.costMad(), f.contractor(), f.startsOn(), f.endsOn(), f.funding(), f.commitmentIds(), true,
                all), new Check());
        assertThat(new long[] {statements(projectPage), statements(decisionPage), statements(api), statements(form)}).containsExactly(one);
    }

    @Test
    void demoProjectsOfTaroudantCarryOutItsPublishedDecisions() throws Exception {
        Collectivity taroudant = territory.require("taroudant");
        List<long[]> links = jdbc.sql("select l.project_id, l.decision_id from council_project_decision l join council_decision d on d.id = l.decision_id"
                        + " where l.collectivity_id = ? and d.collectivity_id = ? and d.status = 'PUBLISHED' order by l.project_id")
                .params(taroudant.id(), taroudant.id()).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        assertThat(links).hasSizeGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select count(*) from council_project_decision where collectivity_id = ?").param(taroudant.id()).query(Integer.class)
                .single()).isEqualTo(links.size());
        String decision = mvc.perform(get("/ar/c/taroudant/council/decisions/" + links.get(0)[1])).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(decision).contains("المشاريع المنفذة لهذا المقرر").contains("/ar/c/taroudant/projects/" + links.get(0)[0] + "\"");
    }
}
