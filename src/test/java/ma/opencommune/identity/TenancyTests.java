package ma.opencommune.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenancy is sacred: staff of Agadir get 403 or 404 on every administration page and API route of Taroudant,
 * whatever the HTTP method, and nothing of Taroudant changes. The routes are read from the application's
 * own handler mappings, so a route added later is walked too.
 */
@IntegrationTest
class TenancyTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)(:[^}]*)?}");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ma.opencommune.petitions.Petitions petitions;
    @Autowired
    ma.opencommune.petitions.PaperSignatures paperSignatures;
    @Autowired
    ma.opencommune.platform.storage.FileStore files;
    @Autowired
    ma.opencommune.territory.Territory territory;
    @Autowired
    ma.opencommune.network.cohort.CohortApplications applications;
    @Autowired
    ma.opencommune.network.exchange.Practices practices;

    record Route(HttpMethod method, String pattern) {
    }

    List<Route> adminRoutes() {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.contains("/c/{slug}/admin") || pattern.contains("/collectivities/{slug}/admin")) {
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                        routes.add(new Route(HttpMethod.valueOf(m.name()), pattern));
                    }
                }
            }
        }
        return routes;
    }

    String expand(String pattern, Map<String, String> given) {
        Map<String, String> values = new java.util.HashMap<>(given);
        // {id} names a different record on different pages.
        if (pattern.contains("/information/register/")) {
            values.put("id", given.getOrDefault("registerItemId", "1"));
        } else if (pattern.contains("/attachments/{id}")) {
            values.put("id", given.getOrDefault("attachmentId", "1"));
        } else if (pattern.contains("/admin/calls/")) {
            values.put("documentId", given.getOrDefault("callDocumentId", "1"));
            values.put("callId", given.getOrDefault("callId", "1"));
        } else if (pattern.contains("/admin/practices/")) {
            values.put("documentId", given.getOrDefault("practiceDocumentId", "1"));
            values.put("commentId", given.getOrDefault("practiceCommentId", "1"));
        }
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, values.getOrDefault(m.group(1), "1"));
        }
        m.appendTail(out);
        return out.toString();
    }

    Map<String, String> taroudantIds() {
        long taroudant = jdbc.sql("select id from collectivity where slug = 'taroudant'").query(Long.class).single();
        String grant = jdbc.sql("select min(id) from role_grant where collectivity_id = ?").param(taroudant).query(String.class).single();
        String declaration = jdbc.sql("select min(id) from resident_declaration where collectivity_id = ?").param(taroudant).query(String.class).single();
        Map<String, String> ids = new java.util.HashMap<>(Map.of("lang", "fr", "slug", "taroudant", "grantId", grant, "id", declaration));
        // Program routes: Taroudant's first (demo) process and the first of each kind of record inside it.
        String process = first("select min(id) from program_process where collectivity_id = ? and starts_on = "
                + "(select min(starts_on) from program_process where collectivity_id = ?)", taroudant, taroudant);
        ids.put("processId", process);
        // PostgreSQL compares bigint with a number, not with text.
        long pid = Long.parseLong(process);
        ids.put("areaId", first("select min(id) from program_area where process_id = ?", pid));
        ids.put("proposalId", first("select min(id) from program_proposal where process_id = ?", pid));
        ids.put("commentId", first("select min(m.id) from program_comment m join program_proposal p on p.id = m.proposal_id where p.process_id = ?", pid));
        ids.put("workshopId", first("select min(id) from program_workshop where process_id = ?", pid));
        ids.put("opinionId", first("select min(id) from program_opinion where process_id = ?", pid));
        ids.put("recommendationId", first("select min(r.id) from program_recommendation r join program_opinion o on o.id = r.opinion_id where o.process_id = ?", pid));
        ids.put("commitmentId", first("select min(id) from program_commitment where process_id = ?", pid));
        ids.put("milestoneId", first("select min(m.id) from program_milestone m join program_commitment c on c.id = m.commitment_id where c.process_id = ?", pid));
        ids.put("versionId", first("select min(id) from program_version where process_id = ?", pid));
        ids.put("number", first("select min(number) from program_version where process_id = ?", pid));
        // Information routes: an answered request of Taroudant (its complaint and publication pages exist), a register item.
        String tn = jdbc.sql("select min(tracking_number) from info_request where collectivity_id = ? and status = 'ANSWERED'")
                .param(taroudant).query(String.class).single();
        ids.put("tn", tn);
        ids.put("trackingNumber", tn);
        ids.put("registerItemId", first("select min(id) from info_proactive_item where collectivity_id = ?", taroudant));
        ids.put("attachmentId", first("select min(a.id) from info_attachment a join info_request r on r.id = a.request_id"
                + " where r.tracking_number = ?", tn));
        // Petition routes: a petition of Taroudant collecting signatures, with a paper signature and a document.
        long petition = walkPetition(taroudant);
        ids.put("petitionId", String.valueOf(petition));
        ids.put("signatureId", first("select min(id) from petition_signature where petition_id = ? and source = 'PAPER'", petition));
        ids.put("documentId", first("select min(id) from petition_document where petition_id = ?", petition));
        // Council routes: Taroudant's sessions, agenda items, decisions and members; its projects and photos; its library.
        ids.put("sessionId", first("select min(id) from council_session where collectivity_id = ?", taroudant));
        ids.put("itemId", first("select min(id) from council_agenda_item where collectivity_id = ?", taroudant));
        ids.put("decisionId", first("select min(id) from council_decision where collectivity_id = ?", taroudant));
        ids.put("memberId", first("select min(id) from council_member where collectivity_id = ?", taroudant));
        ids.put("projectId", first("select min(id) from council_project where collectivity_id = ?", taroudant));
        ids.put("photoId", first("select min(id) from council_project_photo where collectivity_id = ?", taroudant));
        ids.put("libraryDocumentId", first("select min(id) from council_document where collectivity_id = ?", taroudant));
        String budget = first("select min(id) from budget where collectivity_id = ?", taroudant);
        ids.put("budgetId", budget);
        ids.put("year", first("select min(fiscal_year) from budget where collectivity_id = ?", taroudant));
        ids.put("code", first("select min(code) from budget_line where budget_id = ?", Long.parseLong(budget)));
        ids.put("executionId", first("select min(id) from budget_execution where collectivity_id = ?", taroudant));
        // Network exchange: Taroudant's draft practice with a document the walk attaches, and a question on its practices.
        String practice = walkPracticeWithDocument(taroudant);
        ids.put("practiceId", practice);
        ids.put("practiceDocumentId", first("select min(id) from exchange_document where practice_id = ?", Long.parseLong(practice)));
        ids.put("practiceCommentId", first("select min(id) from exchange_comment where collectivity_id = ? and kind = 'QUESTION'", taroudant));
        // Cohort selection: Taroudant's application to the open call, with one document.
        long call = jdbc.sql("select min(id) from cohort_call where status = 'PUBLISHED'").query(Long.class).single();
        ids.put("callId", String.valueOf(call));
        ids.put("callDocumentId", walkApplicationDocument(call));
        return ids;
    }

    /** Taroudant's draft practice, given a document once through the façade. */
    String walkPracticeWithDocument(long taroudant) {
        long draft = jdbc.sql("select min(id) from exchange_practice where collectivity_id = ? and status = 'DRAFT'").param(taroudant)
                .query(Long.class).single();
        if (jdbc.sql("select count(*) from exchange_document where practice_id = ?").param(draft).query(Long.class).single() == 0) {
            practices.attach(territory.require("taroudant"), (AccountUser) users.loadUserByUsername("staff@taroudant.demo"), draft,
                    new org.springframework.mock.web.MockMultipartFile("file", "fiche.pdf", "application/pdf",
                            "%PDF-1.4 fiche".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
        return String.valueOf(draft);
    }

    /** Taroudant's draft application to the open call and its document, made once through the façade. */
    String walkApplicationDocument(long call) {
        String found = jdbc.sql("select min(d.id) from cohort_document d join collectivity c on c.id = d.collectivity_id where c.slug = 'taroudant'")
                .query(String.class).optional().orElse(null);
        if (found != null) {
            return found;
        }
        ma.opencommune.territory.Collectivity c = territory.require("taroudant");
        AccountUser staff = (AccountUser) users.loadUserByUsername("staff@taroudant.demo");
        applications.saveAnswers(staff, c, call, Map.of());
        applications.upload(staff, c, call, new org.springframework.mock.web.MockMultipartFile("file", "plan.pdf", "application/pdf",
                "%PDF-1.4 plan d'action".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        return jdbc.sql("select min(d.id) from cohort_document d join collectivity c on c.id = d.collectivity_id where c.slug = 'taroudant'")
                .query(String.class).single();
    }

    private static final String WALK_PETITION = "Tenancy walk: a petition of Taroudant";

    /** The petition the walk uses, made once through the façades; its document row stands for an uploaded file. */
    long walkPetition(long taroudant) {
        Long found = jdbc.sql("select min(id) from petition where collectivity_id = ? and title = ?").params(taroudant, WALK_PETITION)
                .query(Long.class).optional().orElse(null);
        if (found != null) {
            return found;
        }
        ma.opencommune.territory.Collectivity c = territory.require("taroudant");
        AccountUser agent = (AccountUser) users.loadUserByUsername("citizen@opencommune.demo");
        long id = ma.opencommune.petitions.PetitionFixtures.petition(petitions, c, agent, WALK_PETITION, true);
        paperSignatures.add(c, id, (AccountUser) users.loadUserByUsername("staff@taroudant.demo"), "Lahcen Amrani", "TW123456",
                ma.opencommune.petitions.SignatureBasis.RESIDENT);
        try {
            String key = files.put(new java.io.ByteArrayInputStream("%PDF-1.4 statutes".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                    "statuts.pdf", "application/pdf");
            jdbc.sql("insert into petition_document (petition_id, collectivity_id, storage_key, file_name, content_type, size_bytes, created_at)"
                    + " values (?, ?, ?, 'statuts.pdf', 'application/pdf', 17, current_timestamp)").params(id, taroudant, key).update();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return id;
    }

    /** The id the query finds, or "1" while no such record exists. */
    String first(String sql, Object... params) {
        String found = jdbc.sql(sql).params(params).query(String.class).optional().orElse(null);
        return found == null ? "1" : found;
    }

    String snapshot() {
        return jdbc.sql("""
                select (select count(*) from role_grant g join collectivity c on c.id = g.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) from resident_declaration d join collectivity c on c.id = d.collectivity_id
                           where c.slug = 'taroudant' and d.status = 'PENDING')
                || ':' || (select count(*) || '/' || coalesce(sum(r.version), 0) from info_request r join collectivity c on c.id = r.collectivity_id
                           where c.slug = 'taroudant')
                || ':' || (select count(*) from info_note n join collectivity c on c.id = n.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) from info_attachment a join collectivity c on c.id = a.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) || '/' || count(outcome) from info_complaint k join collectivity c on c.id = k.collectivity_id
                           where c.slug = 'taroudant')
                || ':' || (select count(*) || '/' || coalesce(max(p.updated_at), timestamp '2000-01-01 00:00:00') from info_proactive_item p
                           join collectivity c on c.id = p.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) || '/' || coalesce(sum(p.version), 0) from petition p join collectivity c on c.id = p.collectivity_id
                           where c.slug = 'taroudant')
                || ':' || (select count(*) from petition_signature s join collectivity c on c.id = s.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) from petition_document d join collectivity c on c.id = d.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) || '/' || coalesce(sum(d.revision), 0) from council_decision d join collectivity c on c.id = d.collectivity_id
                           where c.slug = 'taroudant')
                || ':' || (select count(*) || '/' || coalesce(sum(s.version), 0) from council_session s join collectivity c on c.id = s.collectivity_id
                           where c.slug = 'taroudant')
                || ':' || (select count(*) from council_agenda_item i join collectivity c on c.id = i.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) from council_member m join collectivity c on c.id = m.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) from council_attendance a join collectivity c on c.id = a.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) || '/' || coalesce(sum(p.version), 0) from council_project p join collectivity c on c.id = p.collectivity_id
                           where c.slug = 'taroudant')
                || ':' || (select count(*) from council_project_update u join collectivity c on c.id = u.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) || '/' || coalesce(sum(d.version), 0) from council_document d join collectivity c on c.id = d.collectivity_id
                           where c.slug = 'taroudant')
                || ':' || (select count(*) || '/' || coalesce(sum(l.amount), 0) from budget_line l join collectivity c on c.id = l.collectivity_id
                           where c.slug = 'taroudant')
                || ':' || (select count(*) from budget b join collectivity c on c.id = b.collectivity_id where c.slug = 'taroudant' and b.status = 'PUBLISHED')
                || ':' || (select count(*) from budget_execution_line x join collectivity c on c.id = x.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) || '/' || coalesce(sum(p.version), 0) from exchange_practice p join collectivity c on c.id = p.collectivity_id
                           where c.slug = 'taroudant')
                || ':' || (select count(*) from exchange_document d join collectivity c on c.id = d.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) || '/' || max(a.status) from cohort_application a join collectivity c on c.id = a.collectivity_id
                           where c.slug = 'taroudant')
                || ':' || (select count(*) from cohort_document d join collectivity c on c.id = d.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) from cohort_answer x join collectivity c on c.id = x.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) from cohort_appeal x join collectivity c on c.id = x.collectivity_id where c.slug = 'taroudant')
                || ':' || (select count(*) || '/' || count(x.answer) from exchange_comment x join collectivity c on c.id = x.collectivity_id
                           where c.slug = 'taroudant')
                || ':' || (select count(*) from audit_entry e join account a on a.id = e.actor_id
                           where a.email = 'staff@agadir.demo' and e.action like 'petitions.%')""").query(String.class).single();
    }

    @Test
    void theWalkCoversTheAdministrationOfEveryModule() {
        List<String> patterns = adminRoutes().stream().map(Route::pattern).toList();
        assertThat(patterns).anyMatch(p -> p.endsWith("/admin/roles"))
                .anyMatch(p -> p.endsWith("/admin/verifications"))
                .anyMatch(p -> p.endsWith("/admin/information/requests/{tn}/refusal"))
                .anyMatch(p -> p.endsWith("/admin/information/register"))
                .anyMatch(p -> p.contains("/admin/information/requests/{trackingNumber}/publication"))
                .anyMatch(p -> p.endsWith("/admin/information/requests/{tn}/complaints"))
                .anyMatch(p -> p.startsWith("/api/v1/collectivities/{slug}/admin"))
                .anyMatch(p -> p.endsWith("/admin/petitions/{petitionId}/rejection"))
                .anyMatch(p -> p.endsWith("/admin/petitions/{petitionId}/paper-signatures/{signatureId}/removal"))
                .anyMatch(p -> p.endsWith("/admin/petitions/{petitionId}/signatories.csv"))
                .anyMatch(p -> p.endsWith("/admin/petitions/{petitionId}/signatories.pdf"))
                .anyMatch(p -> p.endsWith("/admin/petitions/{petitionId}/documents/{documentId}"))
                .anyMatch(p -> p.endsWith("/admin/council/decisions/{decisionId}/publication"))
                .anyMatch(p -> p.endsWith("/admin/council/sessions/{sessionId}/minutes"))
                .anyMatch(p -> p.endsWith("/admin/projects/{projectId}/updates"))
                .anyMatch(p -> p.endsWith("/admin/documents/{libraryDocumentId}/withdrawal"))
                .anyMatch(p -> p.endsWith("/admin/budget/{budgetId:\\d+}/import"))
                .anyMatch(p -> p.endsWith("/admin/budget/executions/{executionId:\\d+}/publication"))
                .anyMatch(p -> p.endsWith("/admin/practices/{practiceId}/publication"))
                .anyMatch(p -> p.endsWith("/admin/practices/{practiceId}/questions/{commentId}/answer"));
    }

    @Test
    void agadirStaffGetForbiddenOrNotFoundOnEveryTaroudantAdministrationRoute() throws Exception {
        Map<String, String> ids = taroudantIds();
        String before = snapshot();
        List<String> leaks = new ArrayList<>();
        for (Route route : adminRoutes()) {
            String url = expand(route.pattern(), ids);
            int status = mvc.perform(request(route.method(), url).with(Logins.as(users, "staff@agadir.demo")).with(csrf())
                    .param("email", "citizen@opencommune.demo").param("role", "STAFF_ADMIN")
                    .param("decision", "approve").param("reason", "x"))
                    .andReturn().getResponse().getStatus();
            if (status != 403 && status != 404) {
                leaks.add(route.method() + " " + url + " -> " + status);
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void taroudantStaffReachTheirOwnAdministration() throws Exception {
        Map<String, String> ids = taroudantIds();
        List<String> refused = new ArrayList<>();
        for (Route route : adminRoutes()) {
            if (route.method() != HttpMethod.GET) {
                continue;
            }
            String url = expand(route.pattern(), ids);
            var response = mvc.perform(request(route.method(), url).with(Logins.as(users, "staff@taroudant.demo"))).andReturn().getResponse();
            int status = response.getStatus();
            // The landing of an upload refused for its size sends the officer back to the request's page.
            boolean uploadLanding = url.endsWith("/answer") || url.endsWith("/attachments");
            if (uploadLanding && status == 302 && url.startsWith(response.getRedirectedUrl())) {
                continue;
            }
            if (status != 200) {
                refused.add(url + " -> " + status);
            }
        }
        assertThat(refused).isEmpty();
    }

    /** The network's own administration (methodology, index, events, calls, reviews): the coordinator's alone. */
    List<Route> networkRoutes() {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.contains("/network/admin") || pattern.contains("/network/review")) {
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                        routes.add(new Route(HttpMethod.valueOf(m.name()), pattern));
                    }
                }
            }
        }
        return routes;
    }

    String networkSnapshot() {
        return jdbc.sql("""
                select (select count(*) from network_methodology)
                || ':' || (select count(*) || '/' || coalesce(sum(version), 0) from exchange_event)
                || ':' || (select count(*) from exchange_registration)
                || ':' || (select count(*) from exchange_comment where hidden_at is not null)
                || ':' || (select count(*) || '/' || max(status) from cohort_call)
                || ':' || (select count(*) from cohort_criterion)
                || ':' || (select count(*) from cohort_reviewer)
                || ':' || (select count(*) from cohort_review)
                || ':' || (select count(*) from cohort_result)""")
                .query(String.class).single();
    }

    @Test
    void collectivityStaffAndAnonymousVisitorsNeverReachTheNetworkAdministration() throws Exception {
        Map<String, String> ids = taroudantIds();
        List<Route> routes = networkRoutes();
        assertThat(routes).anyMatch(r -> r.pattern().endsWith("/network/admin/methodology"))
                .anyMatch(r -> r.pattern().endsWith("/network/admin/index"))
                .anyMatch(r -> r.pattern().endsWith("/network/admin/events"));
        String before = networkSnapshot();
        long scoresBefore = jdbc.sql("select count(*) from network_index_score").query(Long.class).single();
        List<String> leaks = new ArrayList<>();
        for (Route route : routes) {
            String url = expand(route.pattern(), ids);
            for (String staff : List.of("staff@agadir.demo", "staff@taroudant.demo")) {
                int status = mvc.perform(request(route.method(), url).with(Logins.as(users, staff)).with(csrf())
                        .param("note", "x").param("noteFr", "x").param("reason", "x")).andReturn().getResponse().getStatus();
                if (status != 403 && status != 404) {
                    leaks.add(staff + " " + route.method() + " " + url + " -> " + status);
                }
            }
            int anonymous = mvc.perform(request(route.method(), url).with(csrf())).andReturn().getResponse().getStatus();
            if (anonymous != 302 && anonymous != 401 && anonymous != 403) {
                leaks.add("anonymous " + route.method() + " " + url + " -> " + anonymous);
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(networkSnapshot()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from network_index_score").query(Long.class).single()).isEqualTo(scoresBefore);
    }

    @Test
    void anonymousVisitorsNeverSeeAnAdministrationPage() throws Exception {
        for (Route route : adminRoutes()) {
            int status = mvc.perform(request(route.method(), expand(route.pattern(), taroudantIds())).with(csrf()))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(route.toString()).isIn(302, 401, 403);
        }
    }
}
