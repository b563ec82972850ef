package ma.opencommune.program;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade for the staff side of commitments (OGP-2) and their milestones. Program managers only. Once the program
 * is adopted every change needs a note and freezes a new version ({@link Versions}); commitments are never
 * deleted, since proposals' answers and versions point at them.
 */
@Service
@Transactional
public class Commitments {

    /** The OGP-2 fields staff enter for a commitment. */
    public record Fields(String title, String problem, String baseline, String statusQuo, String description, String expectedResults,
            String howItSolves, Set<Principle> principles, String leadUnit, String otherActors, BigDecimal budgetMad,
            LocalDate startsOn, LocalDate endsOn) {
    }

    /** What staff enter for a milestone; a null position puts it last. */
    public record MilestoneFields(String output, LocalDate dueOn, String responsibleUnit, Integer position) {
    }

    /** A proposal or recommendation staff may link to a commitment of this process. */
    public record Choice(String value, String label, Integer number) {
    }

    /** Largest budget the column holds: 14 digits before the decimal point. */
    static final BigDecimal MAX_BUDGET = new BigDecimal("99999999999999.99");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,20}(?:[.,]\\d{1,2})?");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F'’]");

    private final JdbcClient jdbc;
    private final ProgramGuard guard;
    private final Versions versions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Commitments(JdbcClient jdbc, ProgramGuard guard, Versions versions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.versions = versions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A budget in dirhams as people write it: digits, optionally grouped by spaces (or an apostrophe), and a comma
     * or a point before at most two decimals: 1 500 000,50 or 1500000.50 or 250000. Anything else (letters,
     * a minus sign, two separators, more than 14 digits before the decimals) is reported in {@code check}.
     */
    public static BigDecimal parseBudget(Check check, String field, String value) {
        if (Check.blank(value)) {
            return null;
        }
        String compact = SPACES.matcher(value.strip()).replaceAll("");
        if (compact.startsWith("-")) {
            check.reject(field, "program.commitment.budget.negative");
            return null;
        }
        if (!AMOUNT.matcher(compact).matches()) {
            check.reject(field, "program.commitment.budget.format");
            return null;
        }
        BigDecimal amount = new BigDecimal(compact.replace(',', '.'));
        if (amount.compareTo(MAX_BUDGET) > 0) {
            check.reject(field, "program.commitment.budget.too-large");
            return null;
        }
        return amount.setScale(2);
    }

    @Transactional(readOnly = true)
    public List<Commitment> list(Collectivity c, long processId) {
        return read(jdbc, "c.process_id = ? and c.collectivity_id = ?", processId, c.id());
    }

    @Transactional(readOnly = true)
    public Optional<Commitment> find(Collectivity c, long processId, long commitmentId) {
        return read(jdbc, "c.id = ? and c.process_id = ? and c.collectivity_id = ?", commitmentId, processId, c.id()).stream().findFirst();
    }

    public Commitment require(Collectivity c, long processId, long commitmentId) {
        return find(c, processId, commitmentId).orElseThrow(() -> new NotFoundException("commitment " + commitmentId));
    }

    /** Creates a commitment with the next number; after adoption this makes a new version (the note is required). */
    public long create(Collectivity c, AccountUser user, Process p, Fields f, String note) {
        return create(c, user, p, f, note, new Check());
    }

    /** As {@link #create(Collectivity, AccountUser, Process, Fields, String)}, reporting the form's own errors (bad dates) together. */
    public long create(Collectivity c, AccountUser user, Process p, Fields f, String note, Check check) {
        guard.requireManager(user, c);
        boolean adopted = versions.adopted(c.id(), p.id());
        validate(check, f, List.of());
        // A second click (or tab) must not make two commitments of the same title.
        check.when(!Check.blank(f.title()) && jdbc.sql("select count(*) from program_commitment where process_id = ? and collectivity_id = ? and title = ?")
                .params(p.id(), c.id(), f.title().strip()).query(Integer.class).single() > 0, "title", "program.commitment.duplicate");
        noteIfAdopted(check, adopted, note).orThrow();
        Instant now = Instant.now(clock);
        // Two commitments created at once would both take number n+1: the process row serialises them.
        jdbc.sql("select id from program_process where id = ? for update").param(p.id()).query(Long.class).optional();
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from program_commitment where process_id = ? and collectivity_id = ?")
                .params(p.id(), c.id()).query(Integer.class).single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_commitment (process_id, collectivity_id, number, title, created_at, updated_at) values (?,?,?,?,?,?)")
                .params(p.id(), c.id(), number, f.title().strip(), Sql.at(now), Sql.at(now)).update(key, "id");
        long id = key.getKey().longValue();
        write(c, id, f, now);
        events.publishEvent(new CommitmentEvents.CommitmentSaved(UUID.randomUUID(), now, c.id(), user.id(), p.id(), id, true,
                "commitment " + number + " created: " + f.title().strip()));
        versions.next(c, user, p.id(), adopted ? note : "");
        return id;
    }

    /** Saves the OGP-2 fields; returns the number of the version this made after adoption (0 before, or if nothing changed). */
    public int update(Collectivity c, AccountUser user, long processId, long commitmentId, Fields f, String note) {
        return update(c, user, processId, commitmentId, f, note, new Check());
    }

    public int update(Collectivity c, AccountUser user, long processId, long commitmentId, Fields f, String note, Check check) {
        guard.requireManager(user, c);
        Commitment current = require(c, processId, commitmentId);
        boolean adopted = versions.adopted(c.id(), processId);
        validate(check, f, current.milestones());
        noteIfAdopted(check, adopted, note).orThrow();
        Instant now = Instant.now(clock);
        write(c, commitmentId, f, now);
        events.publishEvent(new CommitmentEvents.CommitmentSaved(UUID.randomUUID(), now, c.id(), user.id(), processId, commitmentId, false,
                "commitment " + current.number() + " updated" + (adopted ? ": " + note.strip() : "")));
        return adopted ? versions.next(c, user, processId, note) : 0;
    }

    public int addMilestone(Collectivity c, AccountUser user, long processId, long commitmentId, MilestoneFields m, String note) {
        return addMilestone(c, user, processId, commitmentId, m, note, new Check());
    }

    public int addMilestone(Collectivity c, AccountUser user, long processId, long commitmentId, MilestoneFields m, String note, Check check) {
        guard.requireManager(user, c);
        Commitment commitment = require(c, processId, commitmentId);
        boolean adopted = versions.adopted(c.id(), processId);
        validate(check, commitment, m).when(!Check.blank(m.output()) && commitment.milestones().stream()
                .anyMatch(x -> x.output().equals(m.output().strip()) && x.dueOn().equals(m.dueOn())), "output", "program.milestone.duplicate");
        noteIfAdopted(check, adopted, note, "milestoneNote").orThrow();
        int position = m.position() != null ? m.position()
                : commitment.milestones().stream().mapToInt(Commitment.Milestone::position).max().orElse(0) + 1;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_milestone (commitment_id, collectivity_id, position, output, due_on, responsible_unit) values (?,?,?,?,?,?)")
                .params(commitmentId, c.id(), position, m.output().strip(), m.dueOn(), Check.clean(m.responsibleUnit())).update(key, "id");
        return milestoneChanged(c, user, processId, commitmentId, key.getKey().longValue(), "added", adopted, note);
    }

    public int updateMilestone(Collectivity c, AccountUser user, long processId, long commitmentId, long milestoneId, MilestoneFields m,
            String note) {
        return updateMilestone(c, user, processId, commitmentId, milestoneId, m, note, new Check());
    }

    public int updateMilestone(Collectivity c, AccountUser user, long processId, long commitmentId, long milestoneId, MilestoneFields m,
            String note, Check check) {
        guard.requireManager(user, c);
        Commitment commitment = require(c, processId, commitmentId);
        Commitment.Milestone existing = milestone(commitment, milestoneId);
        boolean adopted = versions.adopted(c.id(), processId);
        noteIfAdopted(validate(check, commitment, m), adopted, note, "milestoneNote").orThrow();
        jdbc.sql("update program_milestone set position = ?, output = ?, due_on = ?, responsible_unit = ? where id = ? and collectivity_id = ?")
                .params(m.position() != null ? m.position() : existing.position(), m.output().strip(), m.dueOn(),
                        Check.clean(m.responsibleUnit()), milestoneId, c.id()).update();
        return milestoneChanged(c, user, processId, commitmentId, milestoneId, "updated", adopted, note);
    }

    /** Removes a milestone; refused once progress was reported on it (its evidence must stay). */
    public int removeMilestone(Collectivity c, AccountUser user, long processId, long commitmentId, long milestoneId, String note) {
        guard.requireManager(user, c);
        Commitment commitment = require(c, processId, commitmentId);
        Commitment.Milestone existing = milestone(commitment, milestoneId);
        if (existing.completedOn() != null || jdbc.sql("select count(*) from program_progress where milestone_id = ? and collectivity_id = ?")
                .params(milestoneId, c.id()).query(Integer.class).single() > 0) {
            throw new ConflictException("program.milestone.has-progress");
        }
        boolean adopted = versions.adopted(c.id(), processId);
        noteIfAdopted(new Check(), adopted, note, "milestoneNote").orThrow();
        jdbc.sql("delete from program_milestone where id = ? and collectivity_id = ?").params(milestoneId, c.id()).update();
        return milestoneChanged(c, user, processId, commitmentId, milestoneId, "removed", adopted, note);
    }

    /** The proposals and recommendations linked to a commitment (one statement). */
    @Transactional(readOnly = true)
    public List<Commitment.Source> sources(Collectivity c, long commitmentId) {
        return jdbc.sql("""
                select s.id, s.proposal_id, s.recommendation_id, p.title as proposal_title, r.number as rec_number,
                       r.text as rec_text, o.title as opinion_title
                from program_commitment_source s join program_commitment m on m.id = s.commitment_id
                left join program_proposal p on p.id = s.proposal_id
                left join program_recommendation r on r.id = s.recommendation_id
                left join program_opinion o on o.id = r.opinion_id
                where s.commitment_id = ? and m.collectivity_id = ? order by s.id""")
                .params(commitmentId, c.id()).query((rs, n) -> {
                    long proposal = rs.getLong("proposal_id");
                    boolean isProposal = !rs.wasNull();
                    return isProposal ? new Commitment.Source(rs.getLong("id"), "PROPOSAL", proposal, rs.getString("proposal_title"), null)
                            : new Commitment.Source(rs.getLong("id"), "RECOMMENDATION", rs.getLong("recommendation_id"),
                                    rs.getString("opinion_title") + " — " + rs.getString("rec_text"), rs.getInt("rec_number"));
                }).list();
    }

    /** What may be linked: the process's accepted or partly accepted proposals, and its bodies' recommendations. */
    @Transactional(readOnly = true)
    public List<Choice> sourceChoices(Collectivity c, long processId) {
        List<Choice> choices = new ArrayList<>(jdbc.sql("select id, title from program_proposal where process_id = ? and collectivity_id = ?"
                + " and status in ('ACCEPTED', 'PARTLY_ACCEPTED') order by id")
                .params(processId, c.id()).query((rs, n) -> new Choice("P" + rs.getLong("id"), rs.getString("title"), null)).list());
        choices.addAll(jdbc.sql("select r.id, r.number, r.text, o.title from program_recommendation r join program_opinion o on o.id = r.opinion_id"
                + " where o.process_id = ? and o.collectivity_id = ? order by o.id, r.number")
                .params(processId, c.id()).query((rs, n) -> new Choice("R" + rs.getLong("id"),
                        rs.getString("title") + " — " + abbreviate(rs.getString("text")), rs.getInt("number"))).list());
        return choices;
    }

    /** Links a proposal ({@code P<id>}) or a recommendation ({@code R<id>}) of this process to the commitment. */
    public void link(Collectivity c, AccountUser user, long processId, long commitmentId, String choice) {
        guard.requireManager(user, c);
        require(c, processId, commitmentId);
        Long proposal = null;
        Long recommendation = null;
        if (choice != null && choice.matches("[PR]\\d{1,18}")) {
            long id = Long.parseLong(choice.substring(1));
            if (choice.charAt(0) == 'P' && jdbc.sql("select count(*) from program_proposal where id = ? and process_id = ? and collectivity_id = ?"
                    + " and status in ('ACCEPTED', 'PARTLY_ACCEPTED')").params(id, processId, c.id()).query(Integer.class).single() == 1) {
                proposal = id;
            } else if (choice.charAt(0) == 'R' && jdbc.sql("select count(*) from program_recommendation r join program_opinion o on o.id = r.opinion_id"
                    + " where r.id = ? and o.process_id = ? and o.collectivity_id = ?").params(id, processId, c.id()).query(Integer.class).single() == 1) {
                recommendation = id;
            }
        }
        Check check = new Check().when(proposal == null && recommendation == null, "source", "validation.choose");
        check.when(check.ok() && jdbc.sql("select count(*) from program_commitment_source where commitment_id = ?"
                + " and (proposal_id = ? or recommendation_id = ?)").params(commitmentId, proposal, recommendation)
                .query(Integer.class).single() > 0, "source", "program.source.already").orThrow();
        jdbc.sql("insert into program_commitment_source (commitment_id, proposal_id, recommendation_id) values (?,?,?)")
                .params(commitmentId, proposal, recommendation).update();
        events.publishEvent(new CommitmentEvents.SourceChanged(UUID.randomUUID(), Instant.now(clock), c.id(), user.id(), commitmentId, true,
                "commitment " + commitmentId + " linked to " + (proposal != null ? "proposal " + proposal : "recommendation " + recommendation)));
    }

    public void unlink(Collectivity c, AccountUser user, long processId, long commitmentId, long sourceId) {
        guard.requireManager(user, c);
        require(c, processId, commitmentId);
        if (jdbc.sql("delete from program_commitment_source where id = ? and commitment_id = ?").params(sourceId, commitmentId).update() == 0) {
            throw new NotFoundException("source " + sourceId);
        }
        events.publishEvent(new CommitmentEvents.SourceChanged(UUID.randomUUID(), Instant.now(clock), c.id(), user.id(), commitmentId, false,
                "commitment " + commitmentId + " source " + sourceId + " unlinked"));
    }

    private int milestoneChanged(Collectivity c, AccountUser user, long processId, long commitmentId, long milestoneId, String change,
            boolean adopted, String note) {
        Instant now = Instant.now(clock);
        jdbc.sql("update program_commitment set updated_at = ? where id = ? and collectivity_id = ?").params(Sql.at(now), commitmentId, c.id()).update();
        events.publishEvent(new CommitmentEvents.MilestoneChanged(UUID.randomUUID(), now, c.id(), user.id(), commitmentId, milestoneId, change,
                "milestone " + milestoneId + " of commitment " + commitmentId + " " + change + (adopted ? ": " + note.strip() : "")));
        return adopted ? versions.next(c, user, processId, note) : 0;
    }

    private static Commitment.Milestone milestone(Commitment commitment, long milestoneId) {
        return commitment.milestones().stream().filter(m -> m.id() == milestoneId).findFirst()
                .orElseThrow(() -> new NotFoundException("milestone " + milestoneId));
    }

    /** After adoption the adopted version never changes: each change says why (OGP-1), in at most 2,000 characters. */
    private static Check noteIfAdopted(Check check, boolean adopted, String note) {
        return noteIfAdopted(check, adopted, note, "changeNote");
    }

    private static Check noteIfAdopted(Check check, boolean adopted, String note, String field) {
        return adopted ? check.text(field, note, true, 2000) : check;
    }

    private static Check validate(Check check, Fields f, List<Commitment.Milestone> milestones) {
        Texts.title(check, "title", f.title(), 300);
        check.text("problem", f.problem(), true, 4000)
                .text("baseline", f.baseline(), false, 2000)
                .text("statusQuo", f.statusQuo(), false, 4000)
                .text("description", f.description(), true, 4000)
                .text("expectedResults", f.expectedResults(), true, 4000)
                .text("howItSolves", f.howItSolves(), true, 4000)
                .when(f.principles() == null || f.principles().isEmpty(), "principles", "program.commitment.principles.required");
        Texts.title(check, "leadUnit", f.leadUnit(), 300);
        check.text("otherActors", f.otherActors(), false, 1000)
                .period("startsOn", f.startsOn(), "endsOn", f.endsOn());
        if (f.startsOn() != null && f.endsOn() != null && !f.endsOn().isBefore(f.startsOn())) {
            check.when(milestones.stream().anyMatch(m -> m.dueOn().isBefore(f.startsOn()) || m.dueOn().isAfter(f.endsOn())),
                    "endsOn", "program.commitment.milestones-outside");
        }
        return check;
    }

    private static Check validate(Check check, Commitment commitment, MilestoneFields m) {
        Texts.title(check, "output", m.output(), 1000);
        check.required("dueOn", m.dueOn());
        if (m.dueOn() != null) {
            if (commitment.startsOn() == null || commitment.endsOn() == null) {
                check.reject("dueOn", "program.milestone.no-period");
            } else {
                check.when(m.dueOn().isBefore(commitment.startsOn()) || m.dueOn().isAfter(commitment.endsOn()), "dueOn", "program.milestone.outside");
            }
        }
        check.text("responsibleUnit", m.responsibleUnit(), false, 300)
                .when(m.position() != null && (m.position() < 1 || m.position() > 999), "position", "program.milestone.position.invalid");
        return check;
    }

    private void write(Collectivity c, long id, Fields f, Instant now) {
        jdbc.sql("""
                update program_commitment set title = ?, problem = ?, baseline = ?, status_quo = ?, description = ?, expected_results = ?,
                    how_it_solves = ?, lead_unit = ?, other_actors = ?, budget_mad = ?, starts_on = ?, ends_on = ?, updated_at = ?
                where id = ? and collectivity_id = ?""")
                .params(f.title().strip(), Check.clean(f.problem()), Check.clean(f.baseline()), Check.clean(f.statusQuo()),
                        Check.clean(f.description()), Check.clean(f.expectedResults()), Check.clean(f.howItSolves()), Check.clean(f.leadUnit()),
                        Check.clean(f.otherActors()), f.budgetMad(), f.startsOn(), f.endsOn(), Sql.at(now), id, c.id())
                .update();
        jdbc.sql("delete from program_commitment_principle where commitment_id = ?").param(id).update();
        for (Principle p : f.principles()) {
            jdbc.sql("insert into program_commitment_principle (commitment_id, principle) values (?,?)").params(id, p.name()).update();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }

    /** Commitments matching {@code where} (on alias c) with principles and milestones: three statements in all. */
    static List<Commitment> read(JdbcClient jdbc, String where, Object... params) {
        List<Commitment> bare = jdbc.sql("select c.* from program_commitment c where " + where + " order by c.number, c.id")
                .params(params).query(Commitments::commitment).list();
        if (bare.isEmpty()) {
            return bare;
        }
        Collection<Long> ids = bare.stream().map(Commitment::id).toList();
        Map<Long, Set<Principle>> principles = new LinkedHashMap<>();
        jdbc.sql("select commitment_id, principle from program_commitment_principle where commitment_id in (:ids)").param("ids", ids)
                .query((ResultSet rs) -> {
                    principles.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Principle.class)).add(Principle.valueOf(rs.getString(2)));
                });
        Map<Long, List<Commitment.Milestone>> milestones = new LinkedHashMap<>();
        jdbc.sql("select * from program_milestone where commitment_id in (:ids) order by position, due_on, id").param("ids", ids)
                .query((ResultSet rs) -> {
                    milestones.computeIfAbsent(rs.getLong("commitment_id"), k -> new ArrayList<>()).add(new Commitment.Milestone(
                            rs.getLong("id"), rs.getLong("commitment_id"), rs.getInt("position"), rs.getString("output"),
                            rs.getObject("due_on", LocalDate.class), rs.getString("responsible_unit"), rs.getObject("completed_on", LocalDate.class)));
                });
        return bare.stream().map(m -> new Commitment(m.id(), m.processId(), m.number(), m.title(), m.problem(), m.baseline(), m.statusQuo(),
                m.description(), m.expectedResults(), m.howItSolves(), principles.getOrDefault(m.id(), EnumSet.noneOf(Principle.class)),
                m.leadUnit(), m.otherActors(), m.budgetMad(), m.startsOn(), m.endsOn(), List.copyOf(milestones.getOrDefault(m.id(), List.of()))))
                .toList();
    }

    private static Commitment commitment(ResultSet rs, int n) throws SQLException {
        return new Commitment(rs.getLong("id"), rs.getLong("process_id"), rs.getInt("number"), rs.getString("title"), rs.getString("problem"),
                rs.getString("baseline"), rs.getString("status_quo"), rs.getString("description"), rs.getString("expected_results"),
                rs.getString("how_it_solves"), Set.of(), rs.getString("lead_unit"), rs.getString("other_actors"),
                rs.getBigDecimal("budget_mad"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), List.of());
    }
}
