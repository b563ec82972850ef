package ma.opencommune.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade for the consultative bodies' opinions (BODY-1..3) and the reasoned answer to each recommendation
 * (OGP-1). A body's member records its opinion, or a program manager does on the body's behalf; only program
 * managers answer. Reads take two statements whatever the number of opinions.
 */
@Service
@Transactional
public class Opinions {

    /** Most recommendations one opinion may carry: more is a sign of a pasted document, not a list. */
    public static final int MAX_RECOMMENDATIONS = 50;

    /** Leading numbering people paste with their list (1. or 2) or - or •): the platform numbers them itself. */
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:\\d{1,3}\\s*[.)\\-–:]|[-–•*])\\s*");

    /** What a body (or staff for it) enters; recommendations in their order. */
    public record Draft(Long bodyId, Long commitmentId, String title, String text, LocalDate adoptedOn, List<String> recommendations) {
    }

    private final JdbcClient jdbc;
    private final ProgramGuard guard;
    private final Territory territory;
    private final Processes processes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Opinions(JdbcClient jdbc, ProgramGuard guard, Territory territory, Processes processes, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.territory = territory;
        this.processes = processes;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Whether opinions can be recorded on that day: the process is published and its OPINIONS, ADOPTION or
     * MONITORING phase runs. Bodies give their opinion on the draft during OPINIONS, the council may still hear
     * them while it adopts the program, and opinions on commitments keep coming during implementation.
     */
    public static boolean recordingOpen(Process p, LocalDate day) {
        return p.isOpen(PhaseKind.OPINIONS, day) || p.isOpen(PhaseKind.ADOPTION, day) || p.isOpen(PhaseKind.MONITORING, day);
    }

    /** Splits a textarea into recommendations: one per non-blank line, pasted numbering removed. */
    public static List<String> splitRecommendations(String text) {
        List<String> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        for (String line : text.split("\\R")) {
            String item = NUMBERING.matcher(line).replaceFirst("").strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    @Transactional(readOnly = true)
    public List<Opinion> list(Collectivity c, long processId) {
        return withRecommendations(jdbc.sql("select o.*, m.number as commitment_number from program_opinion o"
                + " left join program_commitment m on m.id = o.commitment_id"
                + " where o.process_id = ? and o.collectivity_id = ? order by o.adopted_on desc, o.id desc")
                .params(processId, c.id()).query(Opinions::opinion).list());
    }

    @Transactional(readOnly = true)
    public Optional<Opinion> find(Collectivity c, long processId, long opinionId) {
        return withRecommendations(jdbc.sql("select o.*, m.number as commitment_number from program_opinion o"
                + " left join program_commitment m on m.id = o.commitment_id"
                + " where o.id = ? and o.process_id = ? and o.collectivity_id = ?")
                .params(opinionId, processId, c.id()).query(Opinions::opinion).list()).stream().findFirst();
    }

    public Opinion require(Collectivity c, long processId, long opinionId) {
        return find(c, processId, opinionId).orElseThrow(() -> new NotFoundException("opinion " + opinionId));
    }

    /**
     * Records an opinion with its numbered recommendations (BODY-2, BODY-3). Only a member of that body of this
     * collectivity, or a program manager on its behalf; only while {@link #recordingOpen} (409 with the reason).
     */
    public long record(Collectivity c, AccountUser user, Process p, Draft d) {
        return record(c, user, p, d, new Check());
    }

    /** As {@link #record(Collectivity, AccountUser, Process, Draft)}, reporting the form's own errors (a bad date) together. */
    public long record(Collectivity c, AccountUser user, Process p, Draft d, Check check) {
        if (d.bodyId() == null) {
            if (!guard.isManager(user, c) && guard.bodiesOf(user, c).isEmpty()) {
                throw new AccessDeniedException("not a member of a body");
            }
        } else {
            guard.requireBodyMember(user, c, d.bodyId());
        }
        if (!recordingOpen(p, processes.today())) {
            throw new ConflictException("program.opinion.closed");
        }
        List<String> recommendations = d.recommendations() == null ? List.of() : d.recommendations();
        check.required("bodyId", d.bodyId());
        if (d.bodyId() != null && territory.body(c.id(), d.bodyId()).isEmpty()) {
            check.reject("bodyId", "validation.choose");
        }
        if (d.commitmentId() != null && jdbc.sql("select count(*) from program_commitment where id = ? and process_id = ? and collectivity_id = ?")
                .params(d.commitmentId(), p.id(), c.id()).query(Integer.class).single() == 0) {
            check.reject("commitmentId", "validation.choose");
        }
        Texts.title(check, "title", d.title(), 300);
        check.text("text", d.text(), true, 20_000);
        check.required("adoptedOn", d.adoptedOn())
                .when(d.adoptedOn() != null && d.adoptedOn().isAfter(processes.today()), "adoptedOn", "program.validation.future-date");
        check.when(recommendations.isEmpty(), "recommendations", "program.opinion.recommendations.required")
                .when(recommendations.size() > MAX_RECOMMENDATIONS, "recommendations", "program.opinion.recommendations.too-many")
                .when(recommendations.stream().anyMatch(r -> r.length() > 4000), "recommendations", "program.opinion.recommendation.too-long");
        check.orThrow();
        // A second click on the button (or a second tab) must not record the same opinion twice.
        if (jdbc.sql("select count(*) from program_opinion where process_id = ? and collectivity_id = ? and body_id = ? and title = ? and adopted_on = ?")
                .params(p.id(), c.id(), d.bodyId(), d.title().strip(), d.adoptedOn()).query(Integer.class).single() > 0) {
            throw new ConflictException("program.opinion.duplicate");
        }

        Instant now = Instant.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_opinion (process_id, collectivity_id, body_id, commitment_id, title, text, adopted_on, created_by, created_at)"
                + " values (?,?,?,?,?,?,?,?,?)")
                .params(p.id(), c.id(), d.bodyId(), d.commitmentId(), d.title().strip(), d.text().strip(), d.adoptedOn(), user.id(), Sql.at(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (int i = 0; i < recommendations.size(); i++) {
            jdbc.sql("insert into program_recommendation (opinion_id, collectivity_id, number, text) values (?,?,?,?)")
                    .params(id, c.id(), i + 1, recommendations.get(i)).update();
        }
        events.publishEvent(new CommitmentEvents.OpinionRecorded(UUID.randomUUID(), now, c.id(), user.id(), p.id(), id, d.bodyId(),
                recommendations.size(), "opinion " + id + " of body " + d.bodyId() + " recorded with " + recommendations.size() + " recommendations"));
        return id;
    }

    /**
     * Answers one recommendation with a required reason (OGP-1), or corrects an earlier answer: the correction is
     * logged and {@code responded_at} keeps the first answer's instant (the time to answer stays honest).
     */
    public void answer(Collectivity c, AccountUser user, long processId, long opinionId, long recommendationId, String response, String reason) {
        guard.requireManager(user, c);
        String previous = jdbc.sql("select coalesce(r.response, '') from program_recommendation r join program_opinion o on o.id = r.opinion_id"
                + " where r.id = ? and r.opinion_id = ? and o.process_id = ? and o.collectivity_id = ? and r.collectivity_id = ?")
                .params(recommendationId, opinionId, processId, c.id(), c.id()).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("recommendation " + recommendationId));
        Opinion.Response parsed = Opinion.Response.parse(response);
        new Check().when(parsed == null, "response", "validation.choose").text("reason", reason, true, 4000).orThrow();
        Instant now = Instant.now(clock);
        jdbc.sql("update program_recommendation set response = ?, response_reason = ?, responded_by = ?,"
                + " responded_at = coalesce(responded_at, ?) where id = ? and collectivity_id = ?")
                .params(parsed.name(), reason.strip(), user.id(), Sql.at(now), recommendationId, c.id()).update();
        boolean correction = !previous.isEmpty();
        events.publishEvent(new CommitmentEvents.RecommendationAnswered(UUID.randomUUID(), now, c.id(), user.id(), opinionId,
                recommendationId, parsed.name(), correction, "recommendation " + recommendationId + " of opinion " + opinionId
                + (correction ? " answer corrected from " + previous + " to " : " answered ") + parsed.name()));
    }

    private List<Opinion> withRecommendations(List<Opinion> bare) {
        if (bare.isEmpty()) {
            return bare;
        }
        Collection<Long> ids = bare.stream().map(Opinion::id).toList();
        Map<Long, List<Opinion.Recommendation>> recs = new LinkedHashMap<>();
        jdbc.sql("select * from program_recommendation where opinion_id in (:ids) order by opinion_id, number").param("ids", ids)
                .query((ResultSet rs) -> {
                    String response = rs.getString("response");
                    recs.computeIfAbsent(rs.getLong("opinion_id"), k -> new ArrayList<>()).add(new Opinion.Recommendation(
                            rs.getLong("id"), rs.getLong("opinion_id"), rs.getInt("number"), rs.getString("text"),
                            response == null ? null : Opinion.Response.valueOf(response), rs.getString("response_reason"),
                            Sql.instant(rs, "responded_at")));
                });
        return bare.stream().map(o -> new Opinion(o.id(), o.processId(), o.bodyId(), o.commitmentId(), o.commitmentNumber(), o.title(),
                o.text(), o.adoptedOn(), o.createdAt(), List.copyOf(recs.getOrDefault(o.id(), List.of())))).toList();
    }

    private static Opinion opinion(ResultSet rs, int n) throws SQLException {
        long commitment = rs.getLong("commitment_id");
        Long commitmentId = rs.wasNull() ? null : commitment;
        int number = rs.getInt("commitment_number");
        Integer commitmentNumber = rs.wasNull() ? null : number;
        return new Opinion(rs.getLong("id"), rs.getLong("process_id"), rs.getLong("body_id"), commitmentId, commitmentNumber,
                rs.getString("title"), rs.getString("text"), rs.getObject("adopted_on", LocalDate.class), Sql.instant(rs, "created_at"), List.of());
    }
}
