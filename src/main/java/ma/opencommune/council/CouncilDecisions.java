package ma.opencommune.council;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import ma.opencommune.council.CouncilCodes.Choice;
import ma.opencommune.council.CouncilCodes.DecisionStatus;
import ma.opencommune.council.CouncilCodes.Outcome;
import ma.opencommune.council.CouncilCodes.Topic;
import ma.opencommune.council.CouncilEvents.Act;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of the council's deliberations: drafted per agenda item of a held session with their vote (checked against
 * attendance, {@link CouncilVotes}), published by the secretary, and afterwards changed only by a correction with a
 * reason, kept field by field as a version the public sees. Reads live in {@link CouncilDecisionReads}.
 */
@Service
@Transactional
public class CouncilDecisions {

    /** The texts and classification of a decision; at least one language for title and text. */
    public record DecisionDraft(Long agendaItemId, String number, String titleAr, String titleFr, String textAr, String textFr, Topic topic,
            Outcome outcome) {
    }

    /** The vote as typed: counts, and each member's vote when recorded (then the counts are derived from them). */
    public record VoteInput(Integer votesFor, Integer against, Integer abstain, Map<Long, Choice> perMember) {
    }

    static final int NUMBER_MAX = 50;
    static final int TITLE_MAX = 500;
    static final int TEXT_MAX = 20_000;
    static final int REASON_MAX = 2_000;

    private final JdbcClient jdbc;
    private final CouncilSessions sessions;
    private final CouncilDecisionReads reads;
    private final Clock clock;

    CouncilDecisions(JdbcClient jdbc, CouncilSessions sessions, CouncilDecisionReads reads, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.reads = reads;
        this.clock = clock;
    }

    /** A new draft decision on an item of a held session of this collectivity. */
    public long draft(Collectivity c, AccountUser user, long sessionId, DecisionDraft d, VoteInput v) {
        sessions.staff(c, user);
        checked(d);
        sessions.lock(c.id(), sessionId).requireHeld();
        requireItem(c, sessionId, d.agendaItemId());
        CouncilVotes votes = votes(c, sessionId, v);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into council_decision (collectivity_id, session_id, agenda_item_id, number, title_ar, title_fr, text_ar, text_fr,
                        topic, votes_for, votes_against, votes_abstain, per_member, outcome, status, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?)""")
                    .params(c.id(), sessionId, d.agendaItemId(), d.number().strip(), Check.clean(d.titleAr()), Check.clean(d.titleFr()),
                            Check.clean(d.textAr()), Check.clean(d.textFr()), d.topic().name(), votes.votesFor(), votes.against(),
                            votes.abstain(), !v.perMember().isEmpty(), d.outcome().name(), Sql.at(Instant.now(clock)))
                    .update(key, "id");
        } catch (DuplicateKeyException taken) {
            throw CouncilMembers.invalid("number", "council.validation.number-taken");
        }
        long id = key.getKey().longValue();
        writeVotes(c, id, v.perMember());
        return id;
    }

    /** Rewrites a draft whole; a published decision is changed by {@link #correct} only. */
    public void update(Collectivity c, AccountUser user, long id, DecisionDraft d, VoteInput v) {
        sessions.staff(c, user);
        CouncilDecisionReads.Decision old = reads.require(c.id(), id, false);
        if (old.status() != DecisionStatus.DRAFT) {
            throw new ConflictException("council.conflict.decision-published");
        }
        rewrite(c, old, d, v);
    }

    public void publish(Collectivity c, AccountUser user, long id) {
        sessions.staff(c, user);
        int updated = jdbc.sql("update council_decision set status = 'PUBLISHED', published_on = ?, published_at = ?, revision = 1"
                + " where id = ? and collectivity_id = ? and status = 'DRAFT'")
                .params(sessions.today(), Sql.at(Instant.now(clock)), id, c.id()).update();
        if (updated == 0) {
            reads.require(c.id(), id, false);
            throw new ConflictException("council.conflict.decision-published");
        }
        sessions.acted(c, user, Act.DECISION_PUBLISHED, id, null);
    }

    /** A published decision corrected with a reason: each changed field is kept (before, after, when, why) as a new revision. */
    public void correct(Collectivity c, AccountUser user, long id, DecisionDraft d, VoteInput v, String reason) {
        sessions.staff(c, user);
        new Check().text("reason", reason, true, REASON_MAX).orThrow();
        CouncilDecisionReads.Decision old = reads.require(c.id(), id, true);
        if (old.status() != DecisionStatus.PUBLISHED) {
            throw new ConflictException("council.conflict.decision-not-published");
        }
        CouncilVotes votes = rewrite(c, old, d, v);
        Map<String, String[]> changes = new LinkedHashMap<>();
        change(changes, "number", old.number(), d.number().strip());
        change(changes, "titleAr", old.titleAr(), Check.clean(d.titleAr()));
        change(changes, "titleFr", old.titleFr(), Check.clean(d.titleFr()));
        change(changes, "textAr", old.textAr(), Check.clean(d.textAr()));
        change(changes, "textFr", old.textFr(), Check.clean(d.textFr()));
        change(changes, "topic", old.topic().name(), d.topic().name());
        change(changes, "outcome", old.outcome().name(), d.outcome().name());
        change(changes, "votes", old.votes().votesFor() + "/" + old.votes().against() + "/" + old.votes().abstain(),
                votes.votesFor() + "/" + votes.against() + "/" + votes.abstain());
        if (changes.isEmpty()) {
            throw new ConflictException("council.conflict.nothing-changed");
        }
        int revision = old.revision() + 1;
        Instant now = Instant.now(clock);
        changes.forEach((field, values) -> jdbc.sql("insert into council_decision_change (decision_id, collectivity_id, revision, field,"
                + " old_value, new_value, reason, changed_at, changed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, c.id(), revision, field, values[0], values[1], reason.strip(), Sql.at(now), user.id()).update());
        jdbc.sql("update council_decision set revision = ? where id = ?").params(revision, id).update();
        sessions.acted(c, user, Act.DECISION_CORRECTED, id, String.join(",", changes.keySet()));
    }

    private static void change(Map<String, String[]> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new String[] {before, after});
        }
    }

    private CouncilVotes rewrite(Collectivity c, CouncilDecisionReads.Decision old, DecisionDraft d, VoteInput v) {
        checked(d);
        requireItem(c, old.sessionId(), d.agendaItemId());
        CouncilVotes votes = votes(c, old.sessionId(), v);
        try {
            jdbc.sql("""
                    update council_decision set agenda_item_id = ?, number = ?, title_ar = ?, title_fr = ?, text_ar = ?, text_fr = ?, topic = ?,
                        votes_for = ?, votes_against = ?, votes_abstain = ?, per_member = ?, outcome = ? where id = ? and collectivity_id = ?""")
                    .params(d.agendaItemId(), d.number().strip(), Check.clean(d.titleAr()), Check.clean(d.titleFr()), Check.clean(d.textAr()),
                            Check.clean(d.textFr()), d.topic().name(), votes.votesFor(), votes.against(), votes.abstain(),
                            !v.perMember().isEmpty(), d.outcome().name(), old.id(), c.id())
                    .update();
        } catch (DuplicateKeyException taken) {
            throw CouncilMembers.invalid("number", "council.validation.number-taken");
        }
        jdbc.sql("delete from council_vote where decision_id = ? and collectivity_id = ?").params(old.id(), c.id()).update();
        writeVotes(c, old.id(), v.perMember());
        return votes;
    }

    private void writeVotes(Collectivity c, long decisionId, Map<Long, Choice> perMember) {
        perMember.forEach((member, choice) -> jdbc.sql("insert into council_vote (decision_id, member_id, collectivity_id, choice) values (?, ?, ?, ?)")
                .params(decisionId, member, c.id(), choice.name()).update());
    }

    private CouncilVotes votes(Collectivity c, long sessionId, VoteInput v) {
        Set<Long> present = Set.copyOf(jdbc.sql("select member_id from council_attendance where session_id = ? and collectivity_id = ?"
                + " and presence = 'PRESENT'").params(sessionId, c.id()).query(Long.class).list());
        return CouncilVotes.checked(v.votesFor(), v.against(), v.abstain(), v.perMember() == null ? Map.of() : v.perMember(), present);
    }

    private void requireItem(Collectivity c, long sessionId, Long itemId) {
        boolean found = itemId != null && jdbc.sql("select count(*) from council_agenda_item where id = ? and session_id = ? and collectivity_id = ?")
                .params(itemId, sessionId, c.id()).query(Integer.class).single() > 0;
        if (!found) {
            throw CouncilMembers.invalid("agendaItemId", "council.validation.choice");
        }
    }

    private static void checked(DecisionDraft d) {
        new Check().required("agendaItemId", d.agendaItemId()).text("number", d.number(), true, NUMBER_MAX)
                .text("titleAr", d.titleAr(), false, TITLE_MAX).text("titleFr", d.titleFr(), false, TITLE_MAX)
                .when(Check.blank(d.titleAr()) && Check.blank(d.titleFr()), "titleAr", "council.validation.one-language")
                .text("textAr", d.textAr(), false, TEXT_MAX).text("textFr", d.textFr(), false, TEXT_MAX)
                .when(Check.blank(d.textAr()) && Check.blank(d.textFr()), "textAr", "council.validation.one-language")
                .required("topic", d.topic()).required("outcome", d.outcome()).orThrow();
    }

    /** Figures for the network's index, see {@link CouncilDecisionReads#publicationDelays}. */
    @Transactional(readOnly = true)
    public CouncilPublication publicationDelays(long collectivityId, LocalDate from, LocalDate to) {
        return reads.publicationDelays(collectivityId, from, to);
    }

    /** The decisions of a session (published only, or all for its staff). */
    @Transactional(readOnly = true)
    public List<CouncilDecisionReads.Decision> ofSession(Collectivity c, long sessionId, boolean publishedOnly) {
        return reads.ofSession(c.id(), sessionId, publishedOnly);
    }
}
