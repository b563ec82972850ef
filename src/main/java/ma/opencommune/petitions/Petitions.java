package ma.opencommune.petitions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Role;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of the petitions module: drafts written by their agent (PET-3) or an association's representative (PET-4),
 * opened for signatures with the threshold of the rulebook (PET-2, PET-7), filed with the council and decided by its
 * bureau (PET-5, PET-6, PET-8). Each step loads the aggregate under a row lock, lets it guard the transition and
 * saves it with an action-log event. Staff steps need a council secretary or staff administrator of that
 * collectivity; the collectivity always comes from the URL.
 */
@Service
@Transactional
public class Petitions {

    /** What the agent writes, in their own language; the association's details only for an association's petition. */
    public record Draft(PetitionKind kind, String title, String object, String reasons, String requestedAction, String lang,
            String associationName, LocalDate associationConstitutedOn, String associationSeat, String associationField) {
    }

    static final Role[] BUREAU_STAFF = {Role.COUNCIL_SECRETARY, Role.STAFF_ADMIN};
    /** PET-4: an association legally constituted for more than this many years. */
    static final int ASSOCIATION_MIN_YEARS = 3;

    private final JdbcClient jdbc;
    private final PetitionStore store;
    private final PetitionRules rules;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Constituency constituency;

    Petitions(JdbcClient jdbc, PetitionStore store, PetitionRules rules, Access access, ApplicationEventPublisher events, Clock clock,
            Constituency constituency) {
        this.constituency = constituency;
        this.jdbc = jdbc;
        this.store = store;
        this.rules = rules;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE);
    }

    public PetitionRules rules() {
        return rules;
    }

    /** A new draft of a signed-in person with a confirmed address, who becomes its agent; checked whole before saving. */
    public long draft(Collectivity c, AccountUser agent, Draft d) {
        return draftOnce(c, agent, d, null).id();
    }

    /** A draft saved from a form: {@code created} is false when the same form (its submission key) was already saved. */
    public record Drafted(long id, boolean created) {
    }

    /**
     * A new draft, once per submission key: the same form sent twice (a double click) returns the first draft. A
     * second insert with the key waits for the first one's unique entry, then inserts nothing and finds it.
     */
    public Drafted draftOnce(Collectivity c, AccountUser agent, Draft d, String submissionKey) {
        if (agent == null || !agent.isEnabled()) {
            throw new AccessDeniedException("a confirmed account writes petitions");
        }
        checked(c, d);
        String key = submissionKey != null && SUBMISSION_KEY.matcher(submissionKey).matches() ? submissionKey : null;
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                insert into petition (kind, title, object, reasons, requested_action, lang, association_name, association_constituted_on,
                    association_seat, association_field, collectivity_id, agent_id, submission_key, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?) on conflict do nothing""")
                .params(texts(d)).param(c.id()).param(agent.id()).param(key).param(ma.opencommune.platform.Sql.at(Instant.now(clock)))
                .update(generated, "id");
        if (inserted == 0) {
            long first = jdbc.sql("select id from petition where collectivity_id = ? and agent_id = ? and submission_key = ?")
                    .params(c.id(), agent.id(), key).query(Long.class).single();
            return new Drafted(first, false);
        }
        long id = generated.getKey().longValue();
        step(c, agent.id(), id, PetitionEvents.Step.DRAFTED, today());
        return new Drafted(id, true);
    }

    private static final java.util.regex.Pattern SUBMISSION_KEY = java.util.regex.Pattern.compile("[0-9a-f-]{36}");

    /** The agent rewrites their draft, checked whole as a new one; once opened or filed its texts are fixed. */
    public void edit(Collectivity c, long id, AccountUser agent, Draft d) {
        Petition p = require(c, id, true);
        if (agent == null || agent.id() != p.agentId()) {
            throw new AccessDeniedException("only the agent edits the draft");
        }
        if (p.status() != PetitionStatus.DRAFT) {
            throw new ma.opencommune.platform.ConflictException("petitions.conflict.not-draft");
        }
        checked(c, d);
        jdbc.sql("""
                update petition set kind = ?, title = ?, object = ?, reasons = ?, requested_action = ?, lang = ?, association_name = ?,
                    association_constituted_on = ?, association_seat = ?, association_field = ?, version = version + 1
                where id = ? and collectivity_id = ? and status = 'DRAFT'""")
                .params(texts(d)).param(id).param(c.id())
                .update();
    }

    /** The columns of a draft's texts, in the order of the statements that write them. */
    private static Object[] texts(Draft d) {
        boolean association = d.kind() == PetitionKind.ASSOCIATION;
        return new Object[] {d.kind().name(), d.title().strip(), d.object().strip(), d.reasons().strip(), d.requestedAction().strip(),
                Lang.of(d.lang()).orElse(Lang.AR).code(), association ? d.associationName().strip() : null,
                association ? d.associationConstitutedOn() : null, association ? d.associationSeat().strip() : null,
                association ? d.associationField().strip() : null};
    }

    private void checked(Collectivity c, Draft d) {
        LocalDate today = today();
        Check check = new Check()
                .required("kind", d.kind())
                .text("title", d.title(), true, 200)
                .text("object", d.object(), true, 5_000)
                .text("reasons", d.reasons(), true, 20_000)
                .text("requestedAction", d.requestedAction(), true, 5_000);
        if (d.kind() == PetitionKind.ASSOCIATION) {
            check.text("associationName", d.associationName(), true, 300)
                    .required("associationConstitutedOn", d.associationConstitutedOn())
                    .when(d.associationConstitutedOn() != null
                            && !d.associationConstitutedOn().isBefore(today.minusYears(ASSOCIATION_MIN_YEARS)),
                            "associationConstitutedOn", "petitions.validation.association-too-young")
                    .text("associationSeat", d.associationSeat(), true, 500)
                    .text("associationField", d.associationField(), true, 500);
        }
        check.orThrow();
    }

    /** The agent opens the draft for signatures; its threshold is the rulebook's of that day (PET-2, PET-7). */
    public Petition open(Collectivity c, long id, AccountUser agent) {
        Petition p = require(c, id, true);
        if (agent == null || agent.id() != p.agentId()) {
            throw new AccessDeniedException("only the agent opens the petition");
        }
        p.open(today(), rules.threshold(c));
        return saved(c, p, agent.id(), PetitionEvents.Step.OPENED);
    }

    /** Valid signatures, online and on paper. */
    @Transactional(readOnly = true)
    public long[] signatures(Collectivity c, long id) {
        return store.signatures(require(c, id, false).id());
    }

    /** Marks the threshold reached or lost from the signatures as they stand; tells whether the status changed. */
    public boolean follow(Collectivity c, long id) {
        Petition p = require(c, id, true);
        PetitionStatus before = p.status();
        if (!p.follow(total(p), today())) {
            return false;
        }
        saved(c, p, null, before == PetitionStatus.OPEN ? PetitionEvents.Step.THRESHOLD_REACHED : PetitionEvents.Step.THRESHOLD_LOST);
        return true;
    }

    /** What the public reads of a petition: its texts (in its author's language) and where it stands. */
    public record Texts(PetitionKind kind, String title, String object, String reasons, String requestedAction, String lang,
            String associationName) {
    }

    /** A line of the public list. */
    public record Line(long id, String title, String lang, PetitionStatus status, int threshold, LocalDate openedOn) {
    }

    /** Public petitions of a collectivity (not drafts), newest first, {@code limit} from before {@code beforeId}. */
    @Transactional(readOnly = true)
    public java.util.List<Line> publicList(Collectivity c, Long beforeId, int limit) {
        return jdbc.sql("select id, title, lang, status, threshold, opened_on from petition where collectivity_id = ? and status <> 'DRAFT'"
                + " and id < ? order by id desc limit ?")
                .params(c.id(), beforeId == null ? Long.MAX_VALUE : beforeId, limit)
                .query((rs, i) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), PetitionStatus.valueOf(rs.getString(4)),
                        rs.getInt(5), rs.getObject(6, LocalDate.class)))
                .list();
    }

    /** Valid signatures of several petitions (one statement), online and paper together. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Long> signatureCounts(Collectivity c, java.util.Collection<Long> ids) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("select petition_id, count(*) from petition_signature where collectivity_id = :c and petition_id in (:ids) group by petition_id")
                .param("c", c.id()).param("ids", ids)
                .query((rs, i) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        return counts;
    }

    /** The public texts of a petition; drafts are not public (a 404 as if they did not exist). */
    @Transactional(readOnly = true)
    public Texts publicTexts(Collectivity c, long id) {
        return jdbc.sql("select kind, title, object, reasons, requested_action, lang, association_name from petition"
                + " where collectivity_id = ? and id = ? and status <> 'DRAFT'")
                .params(c.id(), id)
                .query((rs, i) -> new Texts(PetitionKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .optional().orElseThrow(() -> new NotFoundException("petition " + id));
    }

    /** A petition collecting signatures, for the job that follows their thresholds. */
    public record Collecting(long collectivityId, long id) {
    }

    /**
     * The petitions whose status no longer matches their count: open with the threshold reached, or marked reached and
     * back under it after withdrawals. One aggregate statement with no lock, so the job that follows thresholds locks
     * (and holds up signing on) only the few petitions that changed.
     */
    @Transactional(readOnly = true)
    public java.util.List<Collecting> crossingTheirThreshold() {
        return jdbc.sql("""
                select p.collectivity_id, p.id from petition p
                where p.status in ('OPEN', 'THRESHOLD_REACHED')
                  and (p.status = 'OPEN') = ((select count(*) from petition_signature s where s.petition_id = p.id) >= p.threshold)
                order by p.id""")
                .query((rs, i) -> new Collecting(rs.getLong(1), rs.getLong(2))).list();
    }

    /**
     * Files the petition with the council: the bureau's clock starts (PET-6). The agent files it online (PET-3, PET-4);
     * staff of the bureau record a filing the agent made at the office.
     */
    public Petition file(Collectivity c, long id, AccountUser by) {
        Petition p = require(c, id, true);
        boolean agent = by != null && by.id() == p.agentId();
        if (!agent) {
            access.requireStaff(by, c, BUREAU_STAFF);
            // A draft is its agent's alone: staff never see it, and filing it would publish its text.
            if (p.status() == PetitionStatus.DRAFT) {
                throw new NotFoundException("petition " + id);
            }
        }
        // PET-4: the bureau checks an association's documents; there must be some to check.
        if (p.kind() == PetitionKind.ASSOCIATION
                && jdbc.sql("select count(*) from petition_document where petition_id = ?").param(id).query(Integer.class).single() == 0) {
            throw new ma.opencommune.platform.ConflictException("petitions.conflict.documents-required");
        }
        PetitionStatus before = p.status();
        if (c.type() == CollectivityType.REGION && p.kind() == PetitionKind.CITIZENS) {
            requireProvinceShares(c, p);
        }
        p.file(today(), total(p), rules);
        // Filed before the threshold job noticed the threshold: the step is still told (timeline, mails, action log).
        if (before == PetitionStatus.OPEN) {
            step(c, null, p.id(), PetitionEvents.Step.THRESHOLD_REACHED, today());
        }
        return saved(c, p, by.id(), PetitionEvents.Step.FILED);
    }

    /**
     * PET-7: a region's petition is filed only with at least the rulebook's share of its signatories from each of the
     * region's provinces and prefectures (signatures counted by the signer's commune, one statement).
     */
    private void requireProvinceShares(Collectivity region, Petition p) {
        java.util.Map<Long, Long> byCommune = new java.util.HashMap<>();
        jdbc.sql("select commune_id, count(*) from petition_signature where petition_id = ? group by commune_id").param(p.id())
                .query((rs, i) -> byCommune.put(rs.getLong(1), rs.getLong(2))).list();
        long total = byCommune.values().stream().mapToLong(Long::longValue).sum();
        for (java.util.List<Long> communes : constituency.provinces(region).values()) {
            long fromProvince = communes.stream().mapToLong(id -> byCommune.getOrDefault(id, 0L)).sum();
            if (!rules.provinceShareMet(fromProvince, total)) {
                throw new ma.opencommune.platform.ConflictException("petitions.conflict.province-share");
            }
        }
    }

    /** PET-4: staff record that they checked the association's registration, seat or branch, field and documents. */
    public Petition checkAssociation(Collectivity c, long id, AccountUser staff) {
        access.requireStaff(staff, c, BUREAU_STAFF);
        Petition p = require(c, id, true);
        p.checkAssociation(Instant.now(clock));
        jdbc.sql("update petition set association_checked_by = ? where id = ?").params(staff.id(), p.id()).update();
        return saved(c, p, staff.id(), PetitionEvents.Step.ASSOCIATION_CHECKED);
    }

    /** The bureau's acceptance onto a named ordinary session, with the committee (PET-6, PET-8). */
    public Petition accept(Collectivity c, long id, AccountUser staff, LocalDate session, String committee) {
        access.requireStaff(staff, c, BUREAU_STAFF);
        Petition p = require(c, id, true);
        p.accept(today(), session, committee);
        return saved(c, p, staff.id(), PetitionEvents.Step.ACCEPTED);
    }

    /** The bureau's reasoned rejection (PET-6). */
    public Petition reject(Collectivity c, long id, AccountUser staff, RejectionGround ground, String reasoning) {
        access.requireStaff(staff, c, BUREAU_STAFF);
        Petition p = require(c, id, true);
        p.reject(today(), ground, reasoning);
        return saved(c, p, staff.id(), PetitionEvents.Step.REJECTED);
    }

    /** The council's decision after the session. */
    public Petition conclude(Collectivity c, long id, AccountUser staff, String decisionReference, String summary) {
        access.requireStaff(staff, c, BUREAU_STAFF);
        Petition p = require(c, id, true);
        p.conclude(today(), decisionReference, summary);
        return saved(c, p, staff.id(), PetitionEvents.Step.CONCLUDED);
    }

    /** PET-5: inadmissible before anyone signs, with a ground and reasoning. */
    public Petition declareInadmissible(Collectivity c, long id, AccountUser staff, RejectionGround ground, String reasoning) {
        access.requireStaff(staff, c, BUREAU_STAFF);
        Petition p = require(c, id, true);
        p.declareInadmissible(ground, reasoning, total(p), today());
        return saved(c, p, staff.id(), PetitionEvents.Step.DECLARED_INADMISSIBLE);
    }

    /** The petition of this collectivity, or a 404 (another collectivity's id answers as if it did not exist). */
    @Transactional(readOnly = true)
    public Petition find(Collectivity c, long id) {
        return require(c, id, false);
    }

    private Petition require(Collectivity c, long id, boolean lock) {
        return store.find(c.id(), c.type(), id, lock).orElseThrow(() -> new NotFoundException("petition " + id));
    }

    private long total(Petition p) {
        long[] counts = store.signatures(p.id());
        return counts[0] + counts[1];
    }

    private Petition saved(Collectivity c, Petition p, Long actorId, PetitionEvents.Step step) {
        store.save(p);
        step(c, actorId, p.id(), step, today());
        return store.find(c.id(), c.type(), p.id(), false).orElseThrow();
    }

    private void step(Collectivity c, Long actorId, long id, PetitionEvents.Step step, LocalDate on) {
        events.publishEvent(new PetitionEvents.PetitionStepped(UUID.randomUUID(), Instant.now(clock), c.id(), actorId, id, step, on));
    }
}
