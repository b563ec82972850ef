package ma.opencommune.program;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff answer every proposal with a reasoned public text (OGP-1): accepted into a commitment of the program,
 * partly accepted, not retained (with the reason) or already covered (by what). An answer may be corrected;
 * the first answer's time stays, so the published time to answer is honest.
 */
@Service
@Transactional
public class ProposalAnswers {

    static final int TEXT_MAX = 4000;
    public static final int QUEUE_PAGE = 50;

    /** Staff's answer. {@code newCommitment} asks to create a commitment from the proposal (ACCEPTED only). */
    public record Answer(ProposalStatus status, String text, Long commitmentId, boolean newCommitment) {
    }

    /** What happened: the commitment created from the proposal, if any. */
    public record Outcome(Long createdCommitmentId) {
    }

    private final JdbcClient jdbc;
    private final Processes processes;
    private final Proposals proposals;
    private final Versions versions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProposalAnswers(JdbcClient jdbc, Processes processes, Proposals proposals, Versions versions, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.proposals = proposals;
        this.versions = versions;
        this.events = events;
        this.clock = clock;
    }

    /** The staff queue: unanswered proposals first, oldest first within each group, a page of 50. */
    @Transactional(readOnly = true)
    public List<Proposals.Summary> queue(Collectivity c, long processId, AccountUser user, int page) {
        processes.requireManaged(c, processId, user);
        return jdbc.sql(Proposals.SELECT + " where p.process_id = ? and p.collectivity_id = ?"
                + " order by case when p.status = 'OPEN' then 0 else 1 end, p.created_at, p.id limit ? offset ?")
                .params(processId, c.id(), QUEUE_PAGE + 1, Math.max(0, page) * QUEUE_PAGE).query(Proposals::summary).list();
    }

    /** Counts of open and answered proposals of a process, for the staff queue's heading. */
    @Transactional(readOnly = true)
    public int[] counts(Collectivity c, long processId) {
        return jdbc.sql("select coalesce(sum(case when status = 'OPEN' then 1 else 0 end), 0), count(*) from program_proposal"
                + " where process_id = ? and collectivity_id = ?").params(processId, c.id())
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    /** The commitments of a process an answer may point to. */
    @Transactional(readOnly = true)
    public List<Proposals.CommitmentRef> commitments(Collectivity c, long processId) {
        return jdbc.sql("select id, number, title from program_commitment where process_id = ? and collectivity_id = ? order by number")
                .params(processId, c.id()).query((rs, n) -> new Proposals.CommitmentRef(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
    }

    /** Answers (or corrects the answer to) a proposal; the author is mailed after the commit. */
    public Outcome answer(Collectivity c, long processId, long proposalId, AccountUser user, Answer a) {
        processes.requireManaged(c, processId, user);
        Proposals.Summary p = proposals.require(c, processId, proposalId);
        validate(c, processId, a);
        Instant now = Instant.now(clock);
        Long commitmentId = a.commitmentId();
        Long created = null;
        if (a.status() == ProposalStatus.ACCEPTED && a.newCommitment()) {
            // An adopted program changes only through a new version with its reason (OGP-1 traceability): staff
            // add the commitment on the commitments page, with a note, then point the answer at it.
            if (versions.adopted(c.id(), processId)) {
                throw new ConflictException("program.proposal.answer.adopted");
            }
            created = commitmentFrom(c, processId, p, user, now);
            commitmentId = created;
        }
        boolean correction = p.status().answered();
        // answered_at keeps the first answer: a correction does not make the time to answer look shorter.
        jdbc.sql("update program_proposal set status = ?, answer_text = ?, answer_commitment_id = ?, answered_by = ?,"
                + " answered_at = coalesce(answered_at, ?) where id = ? and collectivity_id = ?")
                .params(a.status().name(), a.text().strip(), commitmentId, user.id(), Sql.at(now), proposalId, c.id()).update();
        // Only an accepted proposal feeds a commitment; a corrected answer no longer feeds the one it named before.
        if (p.commitmentId() != null && !p.commitmentId().equals(commitmentId)
                || !(a.status() == ProposalStatus.ACCEPTED || a.status() == ProposalStatus.PARTLY_ACCEPTED)) {
            jdbc.sql("delete from program_commitment_source where proposal_id = ? and commitment_id = ?")
                    .params(proposalId, p.commitmentId() != null ? p.commitmentId() : -1L).update();
        }
        if (commitmentId != null && (a.status() == ProposalStatus.ACCEPTED || a.status() == ProposalStatus.PARTLY_ACCEPTED)) {
            linkSource(commitmentId, proposalId);
        }
        events.publishEvent(new ProposalEvents.ProposalAnswered(UUID.randomUUID(), now, c.id(), user.id(), processId, proposalId,
                p.authorId(), a.status(), correction, "proposal " + proposalId + (correction ? " answer corrected: " : " answered: ")
                + a.status() + (commitmentId != null ? " (commitment " + commitmentId + ")" : "")));
        return new Outcome(created);
    }

    private void validate(Collectivity c, long processId, Answer a) {
        Check check = new Check();
        check.when(a.status() == null || a.status() == ProposalStatus.OPEN, "status", "program.proposal.answer.validation.status");
        String textKey = a.status() == ProposalStatus.NOT_RETAINED ? "program.proposal.answer.validation.reason"
                : a.status() == ProposalStatus.ALREADY_COVERED ? "program.proposal.answer.validation.covered" : "validation.required";
        check.when(Check.blank(a.text()), "text", textKey).text("text", a.text(), true, TEXT_MAX);
        if (a.status() == ProposalStatus.ACCEPTED) {
            check.when(a.commitmentId() == null && !a.newCommitment(), "commitmentId", "program.proposal.answer.validation.commitment");
        }
        if (a.status() != ProposalStatus.ACCEPTED && a.newCommitment()) {
            check.reject("commitmentId", "program.proposal.answer.validation.new-only-accepted");
        }
        if (a.commitmentId() != null && !a.newCommitment() && jdbc.sql("select count(*) from program_commitment where id = ? and process_id = ? and collectivity_id = ?")
                .params(a.commitmentId(), processId, c.id()).query(Integer.class).single() == 0) {
            check.reject("commitmentId", "program.proposal.answer.validation.commitment-unknown");
        }
        check.orThrow();
    }

    /**
     * A new commitment of the process from the proposal: next number, the proposal's title and text as its problem,
     * the proposal as its source. Staff complete it on the commitment's page.
     */
    private long commitmentFrom(Collectivity c, long processId, Proposals.Summary p, AccountUser user, Instant now) {
        // A second click on "publish the answer" finds the commitment the first one made.
        java.util.Optional<Long> same = jdbc.sql("select min(c.id) from program_commitment c join program_commitment_source s"
                + " on s.commitment_id = c.id where c.process_id = ? and c.collectivity_id = ? and s.proposal_id = ? and c.title = ?")
                .params(processId, c.id(), p.id(), p.title()).query(Long.class).optional();
        if (same.isPresent()) {
            return same.get();
        }
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from program_commitment where process_id = ?")
                .param(processId).query(Integer.class).single();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into program_commitment (process_id, collectivity_id, number, title, problem, created_at, updated_at)"
                    + " values (?,?,?,?,?,?,?)")
                    .params(processId, c.id(), number, p.title(), p.body().length() > 4000 ? p.body().substring(0, 4000) : p.body(),
                            Sql.at(now), Sql.at(now))
                    .update(key, "id");
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // Two staff creating commitments at the same instant: one of them tries again.
            throw new ConflictException("program.proposal.answer.commitment-raced");
        }
        long id = key.getKey().longValue();
        events.publishEvent(new ProposalEvents.CommitmentFromProposal(UUID.randomUUID(), now, c.id(), user.id(), p.id(), id,
                "commitment " + number + " created from proposal " + p.id()));
        return id;
    }

    private void linkSource(long commitmentId, long proposalId) {
        jdbc.sql("insert into program_commitment_source (commitment_id, proposal_id) values (?, ?) on conflict do nothing")
                .params(commitmentId, proposalId).update();
    }
}
