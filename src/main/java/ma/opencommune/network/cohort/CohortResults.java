package ma.opencommune.network.cohort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Access;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.TerritoryAdmin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews, results and appeals of a closed call. Reviewers score review criteria 0–100 with a comment, never for a
 * collectivity where they are staff. The coordinator publishes the results once every review criterion of every
 * application has a score: total = Σ weight × score / 100 (a missing index score counts 0), ranked, the first places
 * selected; equal totals across the last place are flagged and left to the coordinator. Applicants appeal within the
 * window; an upheld appeal may amend a score, with a reason, and the table is computed again.
 */
@Service
@Transactional
public class CohortResults {

    private final JdbcClient jdbc;
    private final CohortRows rows;
    private final CohortCalls calls;
    private final Access access;
    private final TerritoryAdmin territory;
    private final Clock clock;

    CohortResults(JdbcClient jdbc, CohortRows rows, CohortCalls calls, Access access, TerritoryAdmin territory, Clock clock) {
        this.territory = territory;
        this.jdbc = jdbc;
        this.rows = rows;
        this.calls = calls;
        this.access = access;
        this.clock = clock;
    }

    /** The reviewer's own call page: refused to anyone not assigned (the coordinator included, who has their own page). */
    @Transactional(readOnly = true)
    public Cohort.Call reviewerCall(AccountUser user, long callId) {
        Cohort.Call call = rows.requirePublic(callId);
        if (user == null || !rows.isReviewer(callId, user.id())) {
            throw new AccessDeniedException("not a reviewer of call " + callId);
        }
        return call;
    }

    /** The collectivities a reviewer must not score (where they hold a staff role). */
    public java.util.Set<Long> conflicts(AccountUser user) {
        return new java.util.HashSet<>(access.staffCollectivities(user));
    }

    /** The reviewer's own scores on a call: (application, criterion) to review. */
    @Transactional(readOnly = true)
    public Map<String, Cohort.Review> ownReviews(AccountUser user, long callId) {
        reviewerCall(user, callId);
        Map<String, Cohort.Review> own = new HashMap<>();
        for (Cohort.Review r : rows.reviews(callId)) {
            if (r.reviewerId() == user.id()) {
                own.put(r.applicationId() + ":" + r.criterionId(), r);
            }
        }
        return own;
    }

    /** Scores one review criterion of one application (again: the new score replaces the reviewer's previous one). */
    public void review(AccountUser user, long callId, long applicationId, long criterionId, String score, String comment) {
        Cohort.Call call = reviewerCall(user, callId);
        if (call.status() != Cohort.Status.CLOSED) {
            throw new ConflictException("network.cohort.error.review-not-open");
        }
        Cohort.Application a = rows.applications(callId, "SUBMITTED").stream().filter(x -> x.id() == applicationId).findFirst()
                .orElseThrow(() -> new NotFoundException("application " + applicationId));
        if (conflicts(user).contains(a.collectivityId())) {
            throw new AccessDeniedException("reviewer is staff of the applicant");
        }
        Cohort.Criterion c = rows.criteria(callId).stream().filter(x -> x.id() == criterionId && x.kind() == Cohort.Kind.REVIEW).findFirst()
                .orElseThrow(() -> new NotFoundException("criterion " + criterionId));
        Check check = new Check();
        Long value = Check.number(score);
        check.when(value == null || value < 0 || value > 100, "score", "network.cohort.error.score");
        check.text("comment", comment, true, 4000);
        check.orThrow();
        jdbc.sql("delete from cohort_review where application_id = ? and criterion_id = ? and reviewer_id = ?").params(a.id(), c.id(), user.id()).update();
        jdbc.sql("insert into cohort_review (application_id, collectivity_id, criterion_id, reviewer_id, score, comment, scored_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.collectivityId(), c.id(), user.id(), value.intValue(), comment.strip(), Sql.now(clock)).update();
        calls.step(user, null, callId, "reviewed", "application " + a.id() + ", criterion " + c.id());
    }

    /** Review criteria of applications that no reviewer has scored yet, as "application:criterion". */
    @Transactional(readOnly = true)
    public List<long[]> missingReviews(long callId) {
        List<Cohort.Criterion> review = rows.criteria(callId).stream().filter(c -> c.kind() == Cohort.Kind.REVIEW).toList();
        java.util.Set<String> scored = new java.util.HashSet<>();
        rows.reviews(callId).forEach(r -> scored.add(r.applicationId() + ":" + r.criterionId()));
        List<long[]> missing = new ArrayList<>();
        for (Cohort.Application a : rows.applications(callId, "SUBMITTED")) {
            for (Cohort.Criterion c : review) {
                if (!scored.contains(a.id() + ":" + c.id())) {
                    missing.add(new long[] {a.id(), c.id()});
                }
            }
        }
        return missing;
    }

    /** Publishes the results of a closed call, refused while any review criterion of an application has no score. */
    public void publish(AccountUser user, long callId) {
        access.requireCoordinator(user);
        Cohort.Call call = rows.require(callId);
        if (call.status() != Cohort.Status.CLOSED) {
            throw new ConflictException("network.cohort.error.not-closed");
        }
        if (!missingReviews(callId).isEmpty()) {
            throw new ConflictException("network.cohort.error.reviews-missing");
        }
        Map<String, List<Integer>> byCell = new HashMap<>();
        for (Cohort.Review r : rows.reviews(callId)) {
            byCell.computeIfAbsent(r.applicationId() + ":" + r.criterionId(), k -> new ArrayList<>()).add(r.score());
        }
        List<Cohort.Criterion> review = rows.criteria(callId).stream().filter(c -> c.kind() == Cohort.Kind.REVIEW).toList();
        for (Cohort.Application a : rows.applications(callId, "SUBMITTED")) {
            for (Cohort.Criterion c : review) {
                List<Integer> scores = byCell.get(a.id() + ":" + c.id());
                BigDecimal mean = BigDecimal.valueOf(scores.stream().mapToInt(Integer::intValue).sum())
                        .divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP);
                jdbc.sql("insert into cohort_score (application_id, collectivity_id, criterion_id, score) values (?, ?, ?, ?)")
                        .params(a.id(), a.collectivityId(), c.id(), mean).update();
            }
        }
        rank(call);
        jdbc.sql("update cohort_call set status = 'RESULTS', results_at = ? where id = ?").params(Sql.now(clock), callId).update();
        calls.step(user, null, callId, "results-published", null);
    }

    /** Weighted total of one application: Σ weight × score / 100, a missing score counting 0, to two decimals. */
    static BigDecimal total(List<Cohort.Criterion> criteria, Map<Long, BigDecimal> scores) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Cohort.Criterion c : criteria) {
            BigDecimal s = scores.get(c.id());
            if (s != null) {
                sum = sum.add(s.multiply(BigDecimal.valueOf(c.weight())));
            }
        }
        return sum.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** Computes the result table again from the stored scores (after publication and after an amendment). */
    private void rank(Cohort.Call call) {
        List<Cohort.Criterion> criteria = rows.criteria(call.id());
        Map<Long, Map<Long, BigDecimal>> scores = new HashMap<>();
        for (Cohort.Score s : rows.scores(call.id())) {
            scores.computeIfAbsent(s.applicationId(), k -> new HashMap<>()).put(s.criterionId(), s.score());
        }
        record Row(Cohort.Application a, BigDecimal total) {
        }
        List<Row> table = new ArrayList<>();
        for (Cohort.Application a : rows.applications(call.id(), "SUBMITTED")) {
            table.add(new Row(a, total(criteria, scores.getOrDefault(a.id(), Map.of()))));
        }
        table.sort(Comparator.comparing(Row::total).reversed().thenComparing(r -> r.a().id()));
        BigDecimal boundary = table.size() > call.places() ? table.get(call.places() - 1).total() : null;
        boolean tie = boundary != null && table.get(call.places()).total().compareTo(boundary) == 0;
        jdbc.sql("delete from cohort_result where call_id = ?").param(call.id()).update();
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < table.size(); i++) {
            Row r = table.get(i);
            if (previous == null || r.total().compareTo(previous) != 0) {
                rank = i + 1;
                previous = r.total();
            }
            boolean tied = tie && r.total().compareTo(boundary) == 0;
            boolean selected = !tied && i < call.places();
            jdbc.sql("insert into cohort_result (application_id, collectivity_id, call_id, total, rank_position, selected, tie) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(r.a().id(), r.a().collectivityId(), call.id(), r.total(), rank, selected, tied).update();
        }
    }

    /** The coordinator settles a tie across the last place: selects or unselects a tied application, within the places. */
    public void decideTie(AccountUser user, long callId, long applicationId, boolean selected) {
        access.requireCoordinator(user);
        Cohort.Call call = rows.require(callId);
        requireNotConfirmed(call);
        Cohort.Result r = rows.results(callId).stream().filter(x -> x.applicationId() == applicationId && x.tie()).findFirst()
                .orElseThrow(() -> new NotFoundException("tied application " + applicationId));
        long taken = rows.results(callId).stream().filter(Cohort.Result::selected).count();
        if (selected && !r.selected() && taken >= call.places()) {
            throw new ConflictException("network.cohort.error.places-full");
        }
        jdbc.sql("update cohort_result set selected = ? where application_id = ?").params(selected, applicationId).update();
        calls.step(user, r.collectivityId(), callId, "tie-decided", "application " + applicationId + (selected ? " selected" : " not selected"));
    }

    private static void requireNotConfirmed(Cohort.Call call) {
        if (call.status() == Cohort.Status.CONFIRMED) {
            throw new ConflictException("network.cohort.error.confirmed");
        }
    }

    /** The longest cohort name, as the network's members carry it. */
    public static final int COHORT_MAX = 40;

    public int confirm(AccountUser user, long callId, String cohort) {
        return confirm(user, callId, cohort, calls.today());
    }

    /**
     * Confirms the cohort, from the day after the appeal window's last day, once every appeal is decided and no tie at
     * the last place is left open: the selected applicants join the network under the cohort's name from today, and
     * the results are final. Returns how many joined (an applicant already a member keeps its membership).
     */
    int confirm(AccountUser user, long callId, String cohort, LocalDate today) {
        access.requireCoordinator(user);
        Cohort.Call call = rows.require(callId);
        requireNotConfirmed(call);
        if (call.status() != Cohort.Status.RESULTS) {
            throw new ConflictException("network.cohort.error.no-results");
        }
        if (!today.isAfter(call.appealUntil(Morocco.ZONE))) {
            throw new ConflictException("network.cohort.error.appeal-window-open");
        }
        if (rows.appeals(callId).stream().anyMatch(a -> a.outcome() == null)) {
            throw new ConflictException("network.cohort.error.appeals-pending");
        }
        List<Cohort.Result> table = rows.results(callId);
        List<Cohort.Result> selected = table.stream().filter(Cohort.Result::selected).toList();
        if (selected.size() < call.places() && table.stream().anyMatch(r -> r.tie() && !r.selected())) {
            throw new ConflictException("network.cohort.error.tie-open");
        }
        if (selected.isEmpty()) {
            throw new ConflictException("network.cohort.error.none-selected");
        }
        Check check = new Check();
        check.text("cohort", cohort, true, COHORT_MAX);
        check.when(cohort != null && !cohort.isBlank() && !cohort.strip().matches("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*"), "cohort",
                "network.cohort.error.cohort-name");
        check.orThrow();
        String name = cohort.strip();
        int updated = jdbc.sql("update cohort_call set status = 'CONFIRMED', confirmed_at = ?, cohort = ? where id = ? and status = 'RESULTS'")
                .params(Sql.now(clock), name, callId).update();
        if (updated == 0) {
            throw new ConflictException("network.cohort.error.confirmed");
        }
        int joined = 0;
        for (Cohort.Result r : selected) {
            joined += territory.joinNetwork(r.collectivityId(), today, name) ? 1 : 0;
        }
        calls.step(user, null, callId, "confirmed", "cohort " + name + ": " + joined + " joined the network");
        return joined;
    }

    public void appeal(AccountUser user, Collectivity c, long callId, String reasoning) {
        appeal(user, c, callId, reasoning, calls.today());
    }

    /**
     * Staff of an applicant collectivity appeal its result, from the results day to the last day of the window inclusive;
     * one appeal per application (a second submission is ignored).
     */
    void appeal(AccountUser user, Collectivity c, long callId, String reasoning, LocalDate today) {
        access.requireStaff(user, c);
        Cohort.Call call = rows.requirePublic(callId);
        Cohort.Application a = rows.application(callId, c.id()).filter(x -> x.status() == Cohort.ApplicationStatus.SUBMITTED)
                .orElseThrow(() -> new NotFoundException("application of " + c.slug()));
        if (call.status() != Cohort.Status.RESULTS || today.isAfter(call.appealUntil(Morocco.ZONE))) {
            throw new ConflictException("network.cohort.error.appeal-closed");
        }
        Check check = new Check();
        check.text("reasoning", reasoning, true, 4000);
        check.orThrow();
        int exists = jdbc.sql("select count(*) from cohort_appeal where application_id = ?").param(a.id()).query(Integer.class).single();
        if (exists > 0) {
            return;
        }
        jdbc.sql("insert into cohort_appeal (call_id, application_id, collectivity_id, filed_by, filed_at, reasoning) values (?, ?, ?, ?, ?, ?)")
                .params(callId, a.id(), c.id(), user.id(), Sql.now(clock), reasoning.strip()).update();
        calls.step(user, c.id(), callId, "appeal-filed", "application " + a.id());
    }

    /** Records the coordinator's decision on an appeal (UPHELD or DISMISSED) with its reasoning; decided once. */
    public void decideAppeal(AccountUser user, long callId, long appealId, String outcome, String reasoning) {
        access.requireCoordinator(user);
        Cohort.Appeal appeal = rows.appeals(callId).stream().filter(x -> x.id() == appealId).findFirst()
                .orElseThrow(() -> new NotFoundException("appeal " + appealId));
        if (appeal.outcome() != null) {
            throw new ConflictException("network.cohort.error.appeal-decided");
        }
        Check check = new Check();
        check.when(!"UPHELD".equals(outcome) && !"DISMISSED".equals(outcome), "outcome", "validation.choose");
        check.text("decision", reasoning, true, 4000);
        check.orThrow();
        jdbc.sql("update cohort_appeal set outcome = ?, decision = ?, decided_at = ?, decided_by = ? where id = ? and outcome is null")
                .params(outcome, reasoning.strip(), Sql.now(clock), user.id(), appealId).update();
        calls.step(user, appeal.collectivityId(), callId, "appeal-decided", "appeal " + appealId + " " + outcome.toLowerCase(java.util.Locale.ROOT));
    }

    /** After an upheld appeal, amends one criterion's score of the appellant with a reason; the table is ranked again. */
    public void amend(AccountUser user, long callId, long appealId, long criterionId, String score, String reason) {
        access.requireCoordinator(user);
        Cohort.Call call = rows.require(callId);
        requireNotConfirmed(call);
        Cohort.Appeal appeal = rows.appeals(callId).stream().filter(x -> x.id() == appealId).findFirst()
                .orElseThrow(() -> new NotFoundException("appeal " + appealId));
        if (!"UPHELD".equals(appeal.outcome())) {
            throw new ConflictException("network.cohort.error.appeal-not-upheld");
        }
        Cohort.Criterion criterion = rows.criteria(callId).stream().filter(x -> x.id() == criterionId).findFirst()
                .orElseThrow(() -> new NotFoundException("criterion " + criterionId));
        Check check = new Check();
        BigDecimal value = null;
        try {
            value = Check.blank(score) || score.length() > 6 ? null : new BigDecimal(score.strip().replace(',', '.')).setScale(1, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            value = null;
        }
        check.when(value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0, "score", "network.cohort.error.score");
        check.text("reason", reason, true, 2000);
        check.orThrow();
        BigDecimal before = rows.scores(callId).stream().filter(s -> s.applicationId() == appeal.applicationId() && s.criterionId() == criterionId)
                .map(Cohort.Score::score).findFirst().orElse(null);
        jdbc.sql("update cohort_score set score = ? where application_id = ? and criterion_id = ?").params(value, appeal.applicationId(), criterion.id())
                .update();
        jdbc.sql("""
                insert into cohort_amendment (appeal_id, application_id, collectivity_id, criterion_id, before_score, after_score, reason, amended_at, amended_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(appealId, appeal.applicationId(), appeal.collectivityId(), criterion.id(), before, value, reason.strip(), Sql.now(clock), user.id())
                .update();
        rank(call);
        calls.step(user, appeal.collectivityId(), callId, "score-amended", "application " + appeal.applicationId() + ", criterion " + criterionId);
    }
}
