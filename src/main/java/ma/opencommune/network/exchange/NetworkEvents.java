package ma.opencommune.network.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade of the network's events: the coordinator creates, edits and cancels them; logged-in accounts register once and
 * may cancel. Capacity holds under concurrency without a counter row: registering locks the event's row, counts its
 * registrations and inserts, in one transaction. Registration is open up to and including its closing day (Morocco's
 * time). Who registered is shown to the coordinator only.
 */
@Service
@Transactional
public class NetworkEvents {

    static final int TITLE_MAX = 300;
    static final int DESCRIPTION_MAX = 5_000;
    static final int PLACE_MAX = 300;
    static final int ORGANISATION_MAX = 200;
    static final int REASON_MAX = 2_000;
    static final int CAPACITY_MAX = 100_000;
    private static final Pattern URL = Pattern.compile("^https?://[^\\s<>\"]{3,490}$");
    private static final Pattern SUBMISSION_KEY = Pattern.compile("[0-9a-f-]{36}");
    private static final String COLUMNS = """
            e.id, e.kind, e.status, e.title_ar, e.title_fr, e.description_ar, e.description_fr, e.starts_at, e.ends_at, e.place,
            e.online_url, e.host_collectivity_id, e.capacity, e.registration_closes_on, e.cancel_reason,
            (select count(*) from exchange_registration r where r.event_id = e.id) as registered""";
    private static final RowMapper<NetworkEvent> ROW = (rs, i) -> new NetworkEvent(rs.getLong("id"),
            NetworkEvent.Kind.valueOf(rs.getString("kind")), "CANCELLED".equals(rs.getString("status")), rs.getString("title_ar"),
            rs.getString("title_fr"), rs.getString("description_ar"), rs.getString("description_fr"), Sql.instant(rs, "starts_at"),
            Sql.instant(rs, "ends_at"), rs.getString("place"), rs.getString("online_url"), rs.getObject("host_collectivity_id", Long.class),
            rs.getObject("capacity", Integer.class), rs.getObject("registration_closes_on", LocalDate.class), rs.getString("cancel_reason"),
            rs.getInt("registered"));

    /** What the coordinator writes; times are Morocco's local time. */
    public record Details(NetworkEvent.Kind kind, String titleAr, String titleFr, String descriptionAr, String descriptionFr,
            LocalDateTime startsAt, LocalDateTime endsAt, String place, String onlineUrl, Long hostCollectivityId, Integer capacity,
            LocalDate registrationClosesOn) {
    }

    /** The upcoming events (soonest first) and the past ones (latest first, bounded). */
    public record Calendar(List<NetworkEvent> upcoming, List<NetworkEvent> past) {
    }

    /** Who registered, for the coordinator. */
    public record Registrant(String name, String organisation, Instant registeredAt) {
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NetworkEvents(JdbcClient jdbc, Access access, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE);
    }

    /** Creates an event; the same form sent twice creates one. */
    public long create(AccountUser coordinator, Details d, String submissionKey) {
        access.requireCoordinator(coordinator);
        checked(d, 0).orThrow();
        String key = submissionKey != null && SUBMISSION_KEY.matcher(submissionKey).matches() ? submissionKey : null;
        if (key != null) {
            Optional<Long> already = jdbc.sql("select id from exchange_event where submission_key = ?").param(key).query(Long.class).optional();
            if (already.isPresent()) {
                return already.get();
            }
        }
        GeneratedKeyHolder generated = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into exchange_event (kind, status, title_ar, title_fr, description_ar, description_fr, starts_at, ends_at, place,
                    online_url, host_collectivity_id, capacity, registration_closes_on, submission_key, created_by, created_at)
                values (?, 'SCHEDULED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(columns(d)).params(key, coordinator.id(), Sql.now(clock)).update(generated, "id");
        long id = generated.getKey().longValue();
        step(d.hostCollectivityId(), coordinator, id, ExchangeEvents.EventStep.CREATED);
        return id;
    }

    /** Every problem of these details, without storing anything. */
    @Transactional(readOnly = true)
    public Map<String, String> problems(Details d) {
        return checked(d, 0).errors();
    }

    /** Changes a scheduled event; its capacity never drops below the registrations already taken. */
    public void edit(AccountUser coordinator, long id, Details d) {
        access.requireCoordinator(coordinator);
        NetworkEvent e = locked(id);
        if (e.cancelled()) {
            throw new ConflictException("network.exchange.conflict.cancelled");
        }
        checked(d, e.registered()).orThrow();
        jdbc.sql("""
                update exchange_event set kind = ?, title_ar = ?, title_fr = ?, description_ar = ?, description_fr = ?, starts_at = ?,
                    ends_at = ?, place = ?, online_url = ?, host_collectivity_id = ?, capacity = ?, registration_closes_on = ?,
                    version = version + 1 where id = ?""")
                .params(columns(d)).param(id).update();
        step(d.hostCollectivityId(), coordinator, id, ExchangeEvents.EventStep.EDITED);
    }

    /** Cancels a scheduled event with a reason shown on its page; cancelling twice is refused. */
    public void cancel(AccountUser coordinator, long id, String reason) {
        access.requireCoordinator(coordinator);
        NetworkEvent e = locked(id);
        new Check().text("reason", reason, true, REASON_MAX).orThrow();
        if (e.cancelled()) {
            throw new ConflictException("network.exchange.conflict.cancelled");
        }
        jdbc.sql("update exchange_event set status = 'CANCELLED', cancel_reason = ?, version = version + 1 where id = ?")
                .params(reason.strip(), id).update();
        step(e.hostCollectivityId(), coordinator, id, ExchangeEvents.EventStep.CANCELLED);
    }

    /**
     * Registers the account: refused when cancelled, after the closing day or when full. The event's row is locked while
     * the registrations are counted, so two people can never both take the last place. Registering twice is no change
     * (false).
     */
    public boolean register(AccountUser user, long id, String organisation) {
        if (user == null) {
            throw new AccessDeniedException("login required");
        }
        new Check().text("organisation", organisation, false, ORGANISATION_MAX).orThrow();
        NetworkEvent e = locked(id);
        if (e.cancelled()) {
            throw new ConflictException("network.exchange.conflict.cancelled");
        }
        if (today().isAfter(e.registrationClosesOn())) {
            throw new ConflictException("network.exchange.conflict.closed");
        }
        if (registered(user, id)) {
            return false;
        }
        if (e.capacity() != null && e.registered() >= e.capacity()) {
            throw new ConflictException("network.exchange.conflict.full");
        }
        jdbc.sql("insert into exchange_registration (event_id, account_id, organisation, registered_at) values (?, ?, ?, ?)")
                .params(id, user.id(), Check.clean(organisation), Sql.now(clock)).update();
        step(e.hostCollectivityId(), user, id, ExchangeEvents.EventStep.REGISTERED);
        return true;
    }

    /** Cancels the account's registration before the event starts; none is no change (false). */
    public boolean unregister(AccountUser user, long id) {
        if (user == null) {
            throw new AccessDeniedException("login required");
        }
        NetworkEvent e = locked(id);
        if (!Instant.now(clock).isBefore(e.startsAt())) {
            throw new ConflictException("network.exchange.conflict.started");
        }
        int removed = jdbc.sql("delete from exchange_registration where event_id = ? and account_id = ?").params(id, user.id()).update();
        if (removed > 0) {
            step(e.hostCollectivityId(), user, id, ExchangeEvents.EventStep.UNREGISTERED);
        }
        return removed > 0;
    }

    @Transactional(readOnly = true)
    public boolean registered(AccountUser user, long id) {
        return user != null && jdbc.sql("select count(*) from exchange_registration where event_id = ? and account_id = ?")
                .params(id, user.id()).query(Integer.class).single() > 0;
    }

    /** Who registered, in order of registration: for the coordinator only. */
    @Transactional(readOnly = true)
    public List<Registrant> registrants(AccountUser coordinator, long id) {
        access.requireCoordinator(coordinator);
        event(id);
        record Row(long account, String organisation, Instant at) {
        }
        List<Row> rows = jdbc.sql("select account_id, organisation, registered_at from exchange_registration where event_id = ?"
                + " order by registered_at, account_id").param(id)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), Sql.instant(rs, 3))).list();
        Map<Long, String> names = accounts.displayNames(rows.stream().map(Row::account).toList());
        return rows.stream().map(r -> new Registrant(names.get(r.account()), r.organisation(), r.at())).toList();
    }

    @Transactional(readOnly = true)
    public NetworkEvent event(long id) {
        return jdbc.sql("select " + COLUMNS + " from exchange_event e where e.id = ?").param(id).query(ROW).optional()
                .orElseThrow(() -> new NotFoundException("network event " + id));
    }

    /** Upcoming (not ended) and past events: two statements. */
    @Transactional(readOnly = true)
    public Calendar calendar() {
        Object now = Sql.now(clock);
        return new Calendar(
                jdbc.sql("select " + COLUMNS + " from exchange_event e where e.ends_at >= ? order by e.starts_at, e.id limit 200").param(now)
                        .query(ROW).list(),
                jdbc.sql("select " + COLUMNS + " from exchange_event e where e.ends_at < ? order by e.starts_at desc, e.id desc limit 100")
                        .param(now).query(ROW).list());
    }

    /** Every event, latest first, for the coordinator's list and the calendar feed. */
    @Transactional(readOnly = true)
    public List<NetworkEvent> all() {
        return jdbc.sql("select " + COLUMNS + " from exchange_event e order by e.starts_at desc, e.id desc limit 500").query(ROW).list();
    }

    private NetworkEvent locked(long id) {
        // Lock first (no aggregate with FOR UPDATE), then count under the lock.
        jdbc.sql("select id from exchange_event where id = ? for update").param(id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("network event " + id));
        return event(id);
    }

    private Check checked(Details d, int registered) {
        Check check = new Check().required("kind", d.kind());
        if (!Check.blank(d.titleAr())) {
            check.title("titleAr", d.titleAr(), "ar", TITLE_MAX);
        }
        if (!Check.blank(d.titleFr())) {
            check.title("titleFr", d.titleFr(), "fr", TITLE_MAX);
        }
        check.when(Check.blank(d.titleAr()) && Check.blank(d.titleFr()), "titleAr", "network.exchange.validation.title")
                .text("descriptionAr", d.descriptionAr(), false, DESCRIPTION_MAX)
                .text("descriptionFr", d.descriptionFr(), false, DESCRIPTION_MAX)
                .required("startsAt", d.startsAt())
                .required("endsAt", d.endsAt())
                .when(d.startsAt() != null && d.endsAt() != null && d.endsAt().isBefore(d.startsAt()), "endsAt", "validation.period.order")
                .text("place", d.place(), false, PLACE_MAX)
                .when(!Check.blank(d.onlineUrl()) && !URL.matcher(d.onlineUrl().strip()).matches(), "onlineUrl", "validation.website")
                .when(Check.blank(d.place()) && Check.blank(d.onlineUrl()), "place", "network.exchange.validation.place")
                .when(d.capacity() != null && (d.capacity() < 1 || d.capacity() > CAPACITY_MAX), "capacity", "network.exchange.validation.capacity")
                .when(d.capacity() != null && d.capacity() < registered, "capacity", "network.exchange.validation.capacity-registered")
                .required("registrationClosesOn", d.registrationClosesOn())
                .when(d.registrationClosesOn() != null && d.startsAt() != null && d.registrationClosesOn().isAfter(d.startsAt().toLocalDate()),
                        "registrationClosesOn", "network.exchange.validation.closes");
        return check;
    }

    private static Object[] columns(Details d) {
        return new Object[] {d.kind().name(), Check.clean(d.titleAr()), Check.clean(d.titleFr()), Check.clean(d.descriptionAr()),
            Check.clean(d.descriptionFr()), Sql.at(d.startsAt().atZone(Morocco.ZONE).toInstant()),
            Sql.at(d.endsAt().atZone(Morocco.ZONE).toInstant()), Check.clean(d.place()), Check.clean(d.onlineUrl()), d.hostCollectivityId(),
            d.capacity(), d.registrationClosesOn()};
    }

    private void step(Long collectivityId, AccountUser actor, long id, ExchangeEvents.EventStep step) {
        events.publishEvent(new ExchangeEvents.EventStepped(UUID.randomUUID(), Instant.now(clock), collectivityId, actor.id(), id, step));
    }
}
