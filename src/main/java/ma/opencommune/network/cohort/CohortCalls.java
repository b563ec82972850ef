package ma.opencommune.network.cohort;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.Access;
import ma.opencommune.network.Evaluation;
import ma.opencommune.network.IndexComputation;
import ma.opencommune.network.IndexPeriod;
import ma.opencommune.network.Pillar;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityType;
import ma.opencommune.territory.Territory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's side of a cohort call: drafting it, its criteria (weights summing to 100) and questions, publishing
 * it (criteria public before any application), changing criteria while open only with a public reason, assigning
 * reviewers, and closing it, which freezes the index criteria of every submitted application with their period and
 * methodology version. Every write checks the coordinator role and is recorded in the action log.
 */
@Service
@Transactional
public class CohortCalls {

    public static final int MAX_CRITERIA = 10;
    public static final int MAX_QUESTIONS = 10;

    /** The call's fields as typed in the form. */
    public record CallInput(String titleAr, String titleFr, String descriptionAr, String descriptionFr, Set<String> eligibleTypes, String places,
            String opensOn, String closesOn, String resultsDue, String appealDays) {
    }

    private final JdbcClient jdbc;
    private final CohortRows rows;
    private final Access access;
    private final Accounts accounts;
    private final Territory territory;
    private final IndexComputation index;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CohortCalls(JdbcClient jdbc, CohortRows rows, Access access, Accounts accounts, Territory territory, IndexComputation index,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.access = access;
        this.accounts = accounts;
        this.territory = territory;
        this.index = index;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Morocco.ZONE));
    }

    // ---- reads

    @Transactional(readOnly = true)
    public List<Cohort.Call> publicCalls() {
        return rows.calls(false);
    }

    @Transactional(readOnly = true)
    public List<Cohort.Call> allCalls(AccountUser user) {
        access.requireCoordinator(user);
        return rows.calls(true);
    }

    /** A call for the coordinator, drafts included. */
    @Transactional(readOnly = true)
    public Cohort.Call call(AccountUser user, long id) {
        access.requireCoordinator(user);
        return rows.require(id);
    }

    @Transactional(readOnly = true)
    public Cohort.Call publicCall(long id) {
        return rows.requirePublic(id);
    }

    @Transactional(readOnly = true)
    public List<Cohort.Criterion> criteria(long callId) {
        return rows.criteria(callId);
    }

    @Transactional(readOnly = true)
    public List<Cohort.Question> questions(long callId) {
        return rows.questions(callId);
    }

    /** The reviewers of a call with their names, for the coordinator only. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> reviewers(AccountUser user, long callId) {
        access.requireCoordinator(user);
        List<Long> ids = rows.reviewers(callId);
        java.util.Map<Long, String> names = accounts.displayNames(ids);
        java.util.Map<Long, String> ordered = new java.util.LinkedHashMap<>();
        ids.forEach(id -> ordered.put(id, names.getOrDefault(id, "#" + id)));
        return ordered;
    }

    /**
     * Everything the public page of a call shows, in a constant number of statements: applicants by name only once the
     * call is closed, review scores and comments (never the reviewers' names) only once results are published.
     */
    @Transactional(readOnly = true)
    public Cohort.Page page(long callId) {
        Cohort.Call call = rows.requirePublic(callId);
        boolean results = call.hasResults();
        boolean closed = call.status() == Cohort.Status.CLOSED || results;
        return new Cohort.Page(call, rows.criteria(callId), rows.questions(callId), rows.changes(callId),
                closed ? rows.applications(callId, "SUBMITTED") : List.of(), results ? rows.scores(callId) : List.of(),
                results ? rows.results(callId) : List.of(), results ? rows.reviews(callId) : List.of(), results ? rows.appeals(callId) : List.of(),
                results ? rows.amendments(callId) : List.of());
    }

    // ---- writes

    public long create(AccountUser user, CallInput in) {
        access.requireCoordinator(user);
        Validated v = validate(in);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cohort_call (title_ar, title_fr, description_ar, description_fr, eligible_types, places, opens_on, closes_on, results_due,
                  appeal_days, status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
                .params(in.titleAr().strip(), in.titleFr().strip(), Check.clean(in.descriptionAr()), Check.clean(in.descriptionFr()), v.types, v.places,
                        v.opens, v.closes, v.due, v.appeal, user.id(), Sql.now(clock))
                .update(key, "id");
        long id = key.getKey().longValue();
        step(user, null, id, "created", null);
        return id;
    }

    /** Changes the call's own fields while it is a draft. */
    public void update(AccountUser user, long id, CallInput in) {
        access.requireCoordinator(user);
        Cohort.Call call = rows.require(id);
        if (call.status() != Cohort.Status.DRAFT) {
            throw new ConflictException("network.cohort.error.not-draft");
        }
        Validated v = validate(in);
        jdbc.sql("""
                update cohort_call set title_ar = ?, title_fr = ?, description_ar = ?, description_fr = ?, eligible_types = ?, places = ?, opens_on = ?,
                  closes_on = ?, results_due = ?, appeal_days = ? where id = ?""")
                .params(in.titleAr().strip(), in.titleFr().strip(), Check.clean(in.descriptionAr()), Check.clean(in.descriptionFr()), v.types, v.places,
                        v.opens, v.closes, v.due, v.appeal, id)
                .update();
        step(user, null, id, "edited", null);
    }

    private record Validated(String types, int places, LocalDate opens, LocalDate closes, LocalDate due, int appeal) {
    }

    private Validated validate(CallInput in) {
        Check check = new Check();
        check.title("titleAr", in.titleAr(), "ar", 300).title("titleFr", in.titleFr(), "fr", 300);
        check.text("descriptionAr", in.descriptionAr(), false, 4000).text("descriptionFr", in.descriptionFr(), false, 4000);
        Set<String> types = new LinkedHashSet<>();
        for (String t : in.eligibleTypes() == null ? Set.<String>of() : in.eligibleTypes()) {
            try {
                types.add(CollectivityType.valueOf(t).name());
            } catch (IllegalArgumentException | NullPointerException e) {
                check.reject("eligibleTypes", "validation.choose");
            }
        }
        check.when(types.isEmpty(), "eligibleTypes", "validation.choose");
        Long places = Check.number(in.places());
        check.when(places == null || places < 1 || places > 1000, "places", "network.cohort.error.places");
        LocalDate opens = check.date("opensOn", in.opensOn(), true);
        LocalDate closes = check.date("closesOn", in.closesOn(), true);
        LocalDate due = check.date("resultsDue", in.resultsDue(), true);
        check.when(opens != null && closes != null && closes.isBefore(opens), "closesOn", "validation.period.order");
        check.when(closes != null && due != null && due.isBefore(closes), "resultsDue", "validation.period.order");
        Long appeal = Check.number(in.appealDays());
        check.when(appeal == null || appeal < 0 || appeal > 90, "appealDays", "network.cohort.error.appeal-days");
        check.orThrow();
        return new Validated(String.join(",", types), places.intValue(), opens, closes, due, appeal.intValue());
    }

    public void setCriteria(AccountUser user, long callId, List<Cohort.CriterionInput> input, String reason) {
        setCriteria(user, callId, input, reason, today());
    }

    /**
     * Replaces the criteria as a whole. Weights must sum to exactly 100, else nothing is saved. A draft changes freely; a
     * published call only until its closing day inclusive and with a reason, each change kept publicly with the set before
     * and after; a closed call never.
     */
    void setCriteria(AccountUser user, long callId, List<Cohort.CriterionInput> input, String reason, LocalDate today) {
        access.requireCoordinator(user);
        Cohort.Call call = rows.require(callId);
        boolean published = call.status() == Cohort.Status.PUBLISHED;
        if (call.status() != Cohort.Status.DRAFT && !(published && !today.isAfter(call.closesOn()))) {
            throw new ConflictException("network.cohort.error.criteria-closed");
        }
        Check check = new Check();
        List<Cohort.Criterion> parsed = parseCriteria(input, check);
        if (published) {
            check.text("reason", reason, true, 2000);
        }
        check.orThrow();
        List<Cohort.Criterion> before = rows.criteria(callId);
        if (published) {
            List<Long> used = jdbc.sql("select distinct criterion_id from cohort_score s join cohort_criterion c on c.id = s.criterion_id where c.call_id = ?")
                    .param(callId).query(Long.class).list();
            if (!used.isEmpty()) {
                throw new ConflictException("network.cohort.error.criteria-closed");
            }
        }
        jdbc.sql("delete from cohort_criterion where call_id = ?").param(callId).update();
        for (Cohort.Criterion c : parsed) {
            jdbc.sql("insert into cohort_criterion (call_id, position, name_ar, name_fr, description, kind, pillar, weight) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(callId, c.position(), c.nameAr(), c.nameFr(), c.description(), c.kind().name(), c.pillar() == null ? null : c.pillar().name(),
                            c.weight())
                    .update();
        }
        if (published) {
            jdbc.sql("""
                    insert into cohort_criteria_change (call_id, changed_at, changed_by, changed_by_name, reason, before_text, after_text)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(callId, Sql.now(clock), user.id(), user.displayName(), reason.strip(), describe(before), describe(parsed)).update();
        }
        step(user, null, callId, "criteria-set", describe(parsed));
    }

    private static List<Cohort.Criterion> parseCriteria(List<Cohort.CriterionInput> input, Check check) {
        List<Cohort.Criterion> parsed = new ArrayList<>();
        int sum = 0;
        int row = 0;
        for (Cohort.CriterionInput c : input) {
            row++;
            if (c == null || c.empty()) {
                continue;
            }
            String p = "c" + row + "-";
            check.title(p + "nameAr", c.nameAr(), "ar", 200).title(p + "nameFr", c.nameFr(), "fr", 200);
            check.text(p + "description", c.description(), false, 2000);
            Cohort.Kind kind = null;
            try {
                kind = Cohort.Kind.valueOf(String.valueOf(c.kind()));
            } catch (IllegalArgumentException e) {
                check.reject(p + "kind", "validation.choose");
            }
            Pillar pillar = null;
            if (kind == Cohort.Kind.PILLAR) {
                try {
                    pillar = Pillar.valueOf(String.valueOf(c.pillar()));
                } catch (IllegalArgumentException e) {
                    check.reject(p + "pillar", "network.cohort.error.pillar");
                }
            }
            Long weight = Check.number(c.weight());
            if (weight == null || weight < 1 || weight > 100) {
                check.reject(p + "weight", "network.cohort.error.weight");
            } else {
                sum += weight;
            }
            parsed.add(new Cohort.Criterion(0, parsed.size() + 1, Check.clean(c.nameAr()), Check.clean(c.nameFr()), Check.clean(c.description()), kind,
                    pillar, weight == null ? 0 : weight.intValue()));
        }
        check.when(parsed.isEmpty(), "criteria", "network.cohort.error.no-criteria");
        check.when(parsed.size() > MAX_CRITERIA, "criteria", "network.cohort.error.too-many");
        if (check.ok() && sum != 100) {
            check.reject("criteria", "network.cohort.error.weights-sum");
        }
        return parsed;
    }

    /** A criteria set in one line, as the public change log shows it. */
    static String describe(List<Cohort.Criterion> criteria) {
        return criteria.stream().map(c -> c.nameFr() + " / " + c.nameAr() + " — " + c.kind() + (c.pillar() == null ? "" : " " + c.pillar()) + " — "
                + c.weight()).collect(Collectors.joining("; "));
    }

    /** Replaces the questions while the call is a draft; blank rows are ignored. */
    public void setQuestions(AccountUser user, long callId, List<String[]> questions) {
        access.requireCoordinator(user);
        Cohort.Call call = rows.require(callId);
        if (call.status() != Cohort.Status.DRAFT) {
            throw new ConflictException("network.cohort.error.not-draft");
        }
        Check check = new Check();
        List<String[]> kept = new ArrayList<>();
        int row = 0;
        for (String[] q : questions) {
            row++;
            if (Check.blank(q[0]) && Check.blank(q[1])) {
                continue;
            }
            check.title("q" + row + "-textAr", q[0], "ar", 1000).title("q" + row + "-textFr", q[1], "fr", 1000);
            kept.add(q);
        }
        check.when(kept.size() > MAX_QUESTIONS, "questions", "network.cohort.error.too-many");
        check.orThrow();
        jdbc.sql("delete from cohort_question where call_id = ?").param(callId).update();
        int position = 0;
        for (String[] q : kept) {
            jdbc.sql("insert into cohort_question (call_id, position, text_ar, text_fr) values (?, ?, ?, ?)")
                    .params(callId, ++position, q[0].strip(), q[1].strip()).update();
        }
        step(user, null, callId, "questions-set", kept.size() + " questions");
    }

    public void publish(AccountUser user, long callId) {
        publish(user, callId, today());
    }

    /** Publishes a draft: its criteria must sum to 100 and it must still be open on its closing day. */
    void publish(AccountUser user, long callId, LocalDate today) {
        access.requireCoordinator(user);
        Cohort.Call call = rows.require(callId);
        if (call.status() != Cohort.Status.DRAFT) {
            throw new ConflictException("network.cohort.error.not-draft");
        }
        List<Cohort.Criterion> criteria = rows.criteria(callId);
        if (criteria.isEmpty() || criteria.stream().mapToInt(Cohort.Criterion::weight).sum() != 100) {
            throw new ConflictException("network.cohort.error.weights-sum");
        }
        if (call.closesOn().isBefore(today)) {
            throw new ConflictException("network.cohort.error.publish-late");
        }
        jdbc.sql("update cohort_call set status = 'PUBLISHED', published_at = ? where id = ? and status = 'DRAFT'").params(Sql.now(clock), callId)
                .update();
        step(user, null, callId, "published", null);
    }

    public void assignReviewer(AccountUser user, long callId, String email) {
        access.requireCoordinator(user);
        Cohort.Call call = rows.require(callId);
        if (call.hasResults()) {
            throw new ConflictException("network.cohort.error.results-published");
        }
        Accounts.Account account = Check.blank(email) || email.length() > 254 ? null : accounts.findByEmail(email.strip()).orElse(null);
        if (account == null || account.emailConfirmedAt() == null) {
            throw new InvalidInput(java.util.Map.of("email", "network.cohort.error.no-account"));
        }
        jdbc.sql("insert into cohort_reviewer (call_id, account_id, assigned_at) values (?, ?, ?) on conflict do nothing")
                .params(callId, account.id(), Sql.now(clock)).update();
        step(user, null, callId, "reviewer-assigned", "account " + account.id());
    }

    public void removeReviewer(AccountUser user, long callId, long accountId) {
        access.requireCoordinator(user);
        Cohort.Call call = rows.require(callId);
        if (call.hasResults()) {
            throw new ConflictException("network.cohort.error.results-published");
        }
        jdbc.sql("delete from cohort_review where reviewer_id = ? and application_id in (select id from cohort_application where call_id = ?)")
                .params(accountId, callId).update();
        jdbc.sql("delete from cohort_reviewer where call_id = ? and account_id = ?").params(callId, accountId).update();
        step(user, null, callId, "reviewer-removed", "account " + accountId);
    }

    public void close(AccountUser user, long callId) {
        close(user, callId, today());
    }

    /**
     * Closes a published call after its closing day and freezes the index criteria of every submitted application: the
     * index of the twelve months ending with the closing month (cut at the closing day's month end), evaluated now with
     * the current methodology, kept with the period key and methodology version. No score (not enough data) stays null.
     */
    void close(AccountUser user, long callId, LocalDate today) {
        access.requireCoordinator(user);
        closeNow(user, rows.require(callId), today);
    }

    private void closeNow(AccountUser user, Cohort.Call call, LocalDate today) {
        if (call.status() != Cohort.Status.PUBLISHED) {
            throw new ConflictException("network.cohort.error.not-published");
        }
        if (!today.isAfter(call.closesOn())) {
            throw new ConflictException("network.cohort.error.still-open");
        }
        IndexPeriod period = IndexPeriod.rolling(YearMonth.from(call.closesOn()), today);
        List<Cohort.Criterion> indexed = rows.criteria(call.id()).stream().filter(Cohort.Criterion::fromIndex).toList();
        List<Cohort.Application> submitted = rows.applications(call.id(), "SUBMITTED");
        java.util.Map<Long, Collectivity> byId = territory.byIds(submitted.stream().map(Cohort.Application::collectivityId).toList());
        Integer version = null;
        for (Cohort.Application a : submitted) {
            Evaluation e = index.evaluate(byId.get(a.collectivityId()), period);
            version = e.methodologyVersion();
            for (Cohort.Criterion c : indexed) {
                BigDecimal score = c.kind() == Cohort.Kind.INDEX ? e.score() : e.pillars().get(c.pillar());
                jdbc.sql("insert into cohort_score (application_id, collectivity_id, criterion_id, score, period_key, methodology_version) values (?, ?, ?, ?, ?, ?)")
                        .params(a.id(), a.collectivityId(), c.id(), score, period.key(), e.methodologyVersion()).update();
            }
        }
        int done = jdbc.sql("update cohort_call set status = 'CLOSED', closed_at = ?, period_key = ?, methodology_version = ? where id = ? and status = 'PUBLISHED'")
                .params(Sql.now(clock), period.key(), version, call.id()).update();
        if (done != 1) {
            throw new ConflictException("network.cohort.error.not-published");
        }
        step(user, null, call.id(), "closed", submitted.size() + " applications, index " + period.key());
    }

    /** Closes, after their closing day, the published calls nobody closed by hand. */
    @Scheduled(cron = "${opencommune.network.cohort.close-cron:0 20 0 * * *}", zone = "Africa/Casablanca")
    @SchedulerLock(name = "network.cohort.close", lockAtMostFor = "PT30M")
    public void closeDue() {
        LocalDate today = today();
        for (Cohort.Call call : rows.calls(false)) {
            if (call.status() == Cohort.Status.PUBLISHED && today.isAfter(call.closesOn())) {
                closeNow(null, call, today);
            }
        }
    }

    void step(AccountUser user, Long collectivityId, long callId, String step, String detail) {
        events.publishEvent(new CohortEvents.CohortStepped(UUID.randomUUID(), Instant.now(clock), collectivityId, user == null ? null : user.id(), callId,
                step, detail));
    }
}
