package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Localized;
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

/** Staff write commitments (OGP-2) and milestones; the council's adoption freezes version 1, later edits make new versions. */
@IntegrationTest
class CommitmentPagesTests {

    static final String STAFF = "staff@taroudant.demo";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Territory territory;
    @Autowired
    Processes processes;
    @Autowired
    Versions versions;

    Collectivity taroudant;
    long monitoring;
    long open;

    @BeforeEach
    void ids() {
        taroudant = territory.require("taroudant");
        List<Process> all = processes.list(taroudant.id(), false).stream().sorted(Comparator.comparing(Process::startsOn)).toList();
        monitoring = all.get(0).id();
        // The demo process open for proposals now (other tests add processes of their own).
        open = all.stream().filter(x -> x.title().fr().contains("2027-2028 (démo)")).findFirst().orElseThrow().id();
    }

    String admin(long process) {
        return "/fr/c/taroudant/admin/program/" + process;
    }

    static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger();

    /** A complete commitment form; {@code overrides} replace fields by name ("endsOn", "2020-01-01", ...). */
    MockHttpServletRequestBuilder commitment(String url, String... overrides) {
        LocalDate start = LocalDate.now(ma.opencommune.platform.Morocco.ZONE).plusDays(10);
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("title", "Registre public des subventions (test " + SERIAL.incrementAndGet() + ")");
        fields.put("problem", "Les subventions aux associations sont opaques.");
        fields.put("baseline", "Aucune liste publiée.");
        fields.put("description", "Publier chaque subvention accordée.");
        fields.put("expectedResults", "Liste publiée chaque trimestre.");
        fields.put("howItSolves", "La liste rend les choix vérifiables.");
        fields.put("leadUnit", "Division financière");
        fields.put("budgetMad", "1 500 000,50");
        fields.put("startsOn", start.toString());
        fields.put("endsOn", start.plusYears(1).toString());
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(url).with(csrf()).with(Logins.as(users, STAFF))
                .param("principles", "TRANSPARENCY").param("principles", "ACCESS_TO_INFORMATION");
        fields.forEach(request::param);
        return request;
    }

    long created(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1).replaceAll("#.*", ""));
    }

    /** A published process whose ADOPTION phase began yesterday, without commitments. */
    long adoptable() {
        AccountUser staff = (AccountUser) users.loadUserByUsername(STAFF);
        LocalDate today = processes.today();
        Localized none = new Localized(null, null, null);
        long id = processes.create(taroudant, staff, new Processes.Draft(new Localized("برنامج للمصادقة", "Programme à adopter", "ⴰⵖⴰⵡⴰⵙ"), none,
                today.minusDays(60), today.plusYears(2), List.of(new Process.Phase(PhaseKind.OPINIONS, today.minusDays(30), today.minusDays(2), none),
                new Process.Phase(PhaseKind.ADOPTION, today.minusDays(1), today.plusDays(20), none))));
        processes.publish(taroudant, staff, id);
        return id;
    }

    @Test
    void staffCreateACommitmentWithEveryOgp2FieldAndNoVersionBeforeAdoption() throws Exception {
        String location = mvc.perform(commitment(admin(open) + "/commitments")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "program.commitment.created")).andReturn().getResponse().getRedirectedUrl();
        long id = created(location);
        assertThat(jdbc.sql("select budget_mad from program_commitment where id = ?").param(id).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("1500000.50");
        assertThat(jdbc.sql("select count(*) from program_commitment_principle where commitment_id = ?").param(id).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from program_version where process_id = ?").param(open).query(Integer.class).single()).isZero();
        String title = jdbc.sql("select title from program_commitment where id = ?").param(id).query(String.class).single();
        mvc.perform(commitment(admin(open) + "/commitments", "title", title)).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "program.commitment.duplicate"));
        mvc.perform(get(admin(open) + "/commitments/" + id).with(Logins.as(users, STAFF))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Registre public des subventions")));
    }

    @Test
    void badInputIsReportedFieldByFieldAndNothingIsSaved() throws Exception {
        int before = jdbc.sql("select count(*) from program_commitment").query(Integer.class).single();
        mvc.perform(commitment(admin(open) + "/commitments", "title", "<b>Titre</b>", "budgetMad", "abc", "endsOn", LocalDate.now(ma.opencommune.platform.Morocco.ZONE).toString(),
                        "leadUnit", "12345").param("principles", "NOPE"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "validation.characters"))
                .andExpect(model().attributeHasFieldErrorCode("form", "budgetMad", "program.commitment.budget.format"))
                .andExpect(model().attributeHasFieldErrorCode("form", "endsOn", "validation.period.order"))
                .andExpect(model().attributeHasFieldErrorCode("form", "principles", "validation.choose"))
                .andExpect(model().attributeHasFieldErrorCode("form", "leadUnit", "program.validation.letters"))
                .andExpect(content().string(containsString("href=\"#budgetMad\"")));
        mvc.perform(post(admin(open) + "/commitments").with(csrf()).with(Logins.as(users, STAFF)).param("budgetMad", "-5"))
                .andExpect(model().attributeHasFieldErrorCode("form", "budgetMad", "program.commitment.budget.negative"))
                .andExpect(model().attributeHasFieldErrorCode("form", "principles", "program.commitment.principles.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "title", "validation.required"));
        mvc.perform(commitment(admin(open) + "/commitments", "budgetMad", "1".repeat(20)))
                .andExpect(model().attributeHasFieldErrorCode("form", "budgetMad", "program.commitment.budget.too-large"));
        assertThat(jdbc.sql("select count(*) from program_commitment").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void milestonesFallWithinTheCommitmentsPeriod() throws Exception {
        long id = created(mvc.perform(commitment(admin(open) + "/commitments")).andReturn().getResponse().getRedirectedUrl());
        String url = admin(open) + "/commitments/" + id + "/milestones";
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, STAFF)).param("output", "Liste en ligne")
                        .param("dueOn", LocalDate.now(ma.opencommune.platform.Morocco.ZONE).toString()).param("position", "abc"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("milestoneForm", "dueOn", "program.milestone.outside"))
                .andExpect(model().attributeHasFieldErrorCode("milestoneForm", "position", "program.milestone.position.invalid"));
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, STAFF)).param("output", "Liste en ligne")
                .param("dueOn", LocalDate.now(ma.opencommune.platform.Morocco.ZONE).plusDays(40).toString()).param("responsibleUnit", "Division financière"))
                .andExpect(status().is3xxRedirection());
        long milestone = jdbc.sql("select id from program_milestone where commitment_id = ?").param(id).query(Long.class).single();
        // Shortening the period past the milestone is refused; editing the milestone outside the period too.
        mvc.perform(commitment(admin(open) + "/commitments/" + id, "endsOn", LocalDate.now(ma.opencommune.platform.Morocco.ZONE).plusDays(20).toString()))
                .andExpect(model().attributeHasFieldErrorCode("form", "endsOn", "program.commitment.milestones-outside"));
        mvc.perform(post(url + "/" + milestone).with(csrf()).with(Logins.as(users, STAFF)).param("output", "Liste")
                        .param("dueOn", LocalDate.now(ma.opencommune.platform.Morocco.ZONE).plusYears(3).toString()))
                .andExpect(status().isOk()).andExpect(model().attribute("milestoneErrors", java.util.Map.of("dueOn", "program.milestone.outside")))
                .andExpect(content().string(containsString("id=\"m" + milestone + "-dueOn\"")));
        mvc.perform(post(url + "/" + milestone + "/remove").with(csrf()).with(Logins.as(users, STAFF))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from program_milestone where commitment_id = ?").param(id).query(Integer.class).single()).isZero();
    }

    @Test
    void adoptionIsGuardedThenFreezesVersionOneAndLaterEditsMakeNewVersions() throws Exception {
        // Before the adoption phase.
        mvc.perform(post(admin(open) + "/adoption").with(csrf()).with(Logins.as(users, STAFF))
                .param("deliberationRef", "Délibération 1").param("deliberationOn", LocalDate.now(ma.opencommune.platform.Morocco.ZONE).toString())).andExpect(status().isConflict());
        long p = adoptable();
        // Without any commitment.
        mvc.perform(post(admin(p) + "/adoption").with(csrf()).with(Logins.as(users, STAFF))
                .param("deliberationRef", "Délibération 1").param("deliberationOn", LocalDate.now(ma.opencommune.platform.Morocco.ZONE).toString())).andExpect(status().isConflict())
                .andExpect(content().string(containsString("au moins un engagement")));
        long id = created(mvc.perform(commitment(admin(p) + "/commitments")).andReturn().getResponse().getRedirectedUrl());
        // Bad reference and date: form errors, nothing adopted.
        mvc.perform(post(admin(p) + "/adoption").with(csrf()).with(Logins.as(users, STAFF))
                        .param("deliberationRef", "").param("deliberationOn", LocalDate.now(ma.opencommune.platform.Morocco.ZONE).plusDays(1).toString()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("adoption", "deliberationRef", "validation.required"))
                .andExpect(model().attributeHasFieldErrorCode("adoption", "deliberationOn", "program.validation.future-date"));
        mvc.perform(post(admin(p) + "/adoption").with(csrf()).with(Logins.as(users, STAFF))
                .param("deliberationRef", "Délibération 7/2027").param("deliberationOn", LocalDate.now(ma.opencommune.platform.Morocco.ZONE).toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(admin(p) + "/adoption").with(csrf()).with(Logins.as(users, STAFF))
                .param("deliberationRef", "Délibération 8/2027").param("deliberationOn", LocalDate.now(ma.opencommune.platform.Morocco.ZONE).toString())).andExpect(status().isConflict());
        String v1 = jdbc.sql("select snapshot from program_version where process_id = ? and number = 1").param(p).query(String.class).single();

        // After adoption a change needs its reason, then makes version 2; version 1 never changes.
        mvc.perform(commitment(admin(p) + "/commitments/" + id, "title", "Registre des subventions et des conventions"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrorCode("form", "changeNote", "validation.required"));
        mvc.perform(commitment(admin(p) + "/commitments/" + id, "title", "Registre des subventions et des conventions",
                        "changeNote", "Le conseil a demandé d’y ajouter les conventions."))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("noticeArg", 2));
        // Saving again without a change makes no empty version.
        mvc.perform(commitment(admin(p) + "/commitments/" + id, "title", "Registre des subventions et des conventions",
                "changeNote", "Rien")).andExpect(flash().attribute("notice", "program.commitment.saved"));
        // A new milestone after adoption is a version too.
        mvc.perform(post(admin(p) + "/commitments/" + id + "/milestones").with(csrf()).with(Logins.as(users, STAFF)).param("output", "Première liste")
                .param("dueOn", LocalDate.now(ma.opencommune.platform.Morocco.ZONE).plusDays(60).toString()).param("milestoneNote", "Jalon demandé par l’instance."))
                .andExpect(flash().attribute("noticeArg", 3));
        assertThat(jdbc.sql("select snapshot from program_version where process_id = ? and number = 1").param(p).query(String.class).single()).isEqualTo(v1);
        var diff = versions.compare(taroudant, p, 1, 3);
        assertThat(diff.changed()).hasSize(1);
        assertThat(diff.changed().get(0).fields()).extracting(VersionDiff.FieldChange::field).containsExactly("title");
        assertThat(diff.changed().get(0).milestonesAdded()).extracting(Snapshot.Step::output).containsExactly("Première liste");
        mvc.perform(get("/fr/c/taroudant/program/" + p + "/versions/compare?from=1&to=3")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<del dir=\"auto\" class=\"pre-line\">Registre public des subventions (test ")))
                .andExpect(content().string(containsString("Première liste")));
        mvc.perform(get("/fr/c/taroudant/program/" + p + "/versions")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Délibération 7/2027")))
                .andExpect(content().string(containsString("Le conseil a demandé d’y ajouter les conventions.")));
    }

    @Test
    void theDemoProgramShowsItsMovedMilestoneBetweenVersionOneAndTwo() throws Exception {
        mvc.perform(get("/ar/c/taroudant/program/" + monitoring + "/versions")).andExpect(status().isOk());
        mvc.perform(get("/fr/c/taroudant/program/" + monitoring + "/versions/compare?from=1&to=2")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jalon modifié")))
                .andExpect(content().string(containsString("ajouté :</span><span>dès la deuxième année")))
                .andExpect(content().string(containsString("Échéance")));
        mvc.perform(get("/fr/c/taroudant/program/" + monitoring + "/versions/compare?from=1&to=99")).andExpect(status().isNotFound());
        mvc.perform(get("/fr/c/taroudant/program/" + monitoring + "/versions/compare?from=x")).andExpect(status().isNotFound());
    }

    @Test
    void anotherCollectivitysStaffCannotTouchTheCommitments() throws Exception {
        long commitment = jdbc.sql("select min(id) from program_commitment where process_id = ?").param(monitoring).query(Long.class).single();
        String before = jdbc.sql("select title || ':' || coalesce(budget_mad, 0) from program_commitment where id = ?").param(commitment).query(String.class).single();
        for (String path : List.of("/commitments", "/commitments/" + commitment, "/commitments/" + commitment + "/milestones", "/adoption",
                "/commitments/" + commitment + "/sources")) {
            mvc.perform(commitment(admin(monitoring) + path).with(Logins.as(users, "staff@agadir.demo"))).andExpect(status().isForbidden());
            mvc.perform(commitment("/fr/c/agadir/admin/program/" + monitoring + path).with(Logins.as(users, "staff@agadir.demo")))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get(admin(monitoring) + "/commitments").with(Logins.as(users, "body@taroudant.demo"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select title || ':' || coalesce(budget_mad, 0) from program_commitment where id = ?").param(commitment).query(String.class).single())
                .isEqualTo(before);
    }

    @Test
    void sourcesLinkOnlyThisProcesssAcceptedProposalsAndRecommendations() throws Exception {
        long id = created(mvc.perform(commitment(admin(monitoring) + "/commitments", "changeNote", "Nouvel engagement (test).")).andReturn().getResponse().getRedirectedUrl());
        long rec = jdbc.sql("select min(r.id) from program_recommendation r join program_opinion o on o.id = r.opinion_id where o.process_id = ?")
                .param(monitoring).query(Long.class).single();
        String url = admin(monitoring) + "/commitments/" + id + "/sources";
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, STAFF)).param("source", "R" + rec)).andExpect(status().is3xxRedirection());
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, STAFF)).param("source", "R" + rec)).andExpect(status().isOk())
                .andExpect(model().attribute("sourceError", "program.source.already"));
        mvc.perform(post(url).with(csrf()).with(Logins.as(users, STAFF)).param("source", "R999999999")).andExpect(status().isOk())
                .andExpect(model().attribute("sourceError", "validation.choose"));
        long source = jdbc.sql("select id from program_commitment_source where commitment_id = ?").param(id).query(Long.class).single();
        mvc.perform(get(admin(monitoring) + "/commitments/" + id).with(Logins.as(users, STAFF))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/sources/" + source + "/remove")));
        mvc.perform(post(url + "/" + source + "/remove").with(csrf()).with(Logins.as(users, STAFF))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from program_commitment_source where commitment_id = ?").param(id).query(Integer.class).single()).isZero();
    }

    @Test
    void theCommitmentsListTakesAFixedNumberOfStatements() throws Exception {
        QueryCounting.reset();
        mvc.perform(get(admin(monitoring) + "/commitments").with(Logins.as(users, STAFF))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Délibération n° 31 (démo)")));
        long before = QueryCounting.statements();
        mvc.perform(commitment(admin(monitoring) + "/commitments", "changeNote", "Encore un (test)."));
        QueryCounting.reset();
        mvc.perform(get(admin(monitoring) + "/commitments").with(Logins.as(users, STAFF))).andExpect(status().isOk());
        assertThat(QueryCounting.statements()).isEqualTo(before);
    }
}
