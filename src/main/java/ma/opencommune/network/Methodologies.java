package ma.opencommune.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ma.opencommune.platform.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned methodology of the index. A version never changes once published: coordinators publish a new one,
 * the running periods are computed again with it, and closed periods keep the version they were computed with.
 */
@Service
public class Methodologies {

    public static final int NOTE_MAX = 2000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<Integer, Methodology> published = new java.util.concurrent.ConcurrentHashMap<>();

    Methodologies(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Methodology current() {
        int latest = jdbc.sql("select max(version) from network_methodology").query(Integer.class).single();
        return version(latest).orElseThrow();
    }

    /** A published version, kept in memory once read: a version never changes, on any node. */
    @Transactional(readOnly = true)
    public Optional<Methodology> version(int version) {
        Methodology kept = published.get(version);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<Methodology> read = versions(version, version).stream().findFirst();
        read.ifPresent(m -> published.putIfAbsent(version, m));
        return read;
    }

    /** Every version, the newest first. */
    @Transactional(readOnly = true)
    public List<Methodology> versions() {
        return versions(1, Integer.MAX_VALUE);
    }

    private List<Methodology> versions(int low, int high) {
        Map<Integer, Map<Pillar, Integer>> pillars = new LinkedHashMap<>();
        jdbc.sql("select version, pillar, weight from network_methodology_pillar where version between ? and ?").params(low, high)
                .query((java.sql.ResultSet rs) -> {
                    pillars.computeIfAbsent(rs.getInt(1), v -> new EnumMap<>(Pillar.class)).put(Pillar.valueOf(rs.getString(2)), rs.getInt(3));
                });
        Map<Integer, Map<Indicator, Integer>> indicators = new LinkedHashMap<>();
        jdbc.sql("select version, indicator, weight from network_methodology_indicator where version between ? and ?").params(low, high)
                .query((java.sql.ResultSet rs) -> {
                    // An indicator retired from the catalogue is ignored by older versions' pages.
                    try {
                        indicators.computeIfAbsent(rs.getInt(1), v -> new EnumMap<>(Indicator.class))
                                .put(Indicator.valueOf(rs.getString(2)), rs.getInt(3));
                    } catch (IllegalArgumentException retired) {
                        // skipped
                    }
                });
        return jdbc.sql("select version, published_at, note_ar, note_fr from network_methodology where version between ? and ? order by version desc")
                .params(low, high)
                .query((rs, n) -> new Methodology(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        Map.copyOf(pillars.getOrDefault(rs.getInt(1), Map.of())), Map.copyOf(indicators.getOrDefault(rs.getInt(1), Map.of())),
                        rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * Publishes a new version. Refused, with every problem listed and nothing saved, when the pillar weights do not sum
     * to 100, when a weighted pillar's indicator weights do not sum to 100, when a weight is outside 0..100, or when the
     * note saying what changed is missing or too long.
     */
    @Transactional
    public Methodology publish(Long actorId, Map<Pillar, Integer> pillarWeights, Map<Indicator, Integer> indicatorWeights, String noteAr,
            String noteFr) {
        Map<String, String> errors = validate(pillarWeights, indicatorWeights, noteAr, noteFr);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        // Serialises concurrent publications: the second waits, then takes the next number.
        jdbc.sql("select version from network_methodology where version = 1 for update").query(Integer.class).list();
        int version = jdbc.sql("select max(version) + 1 from network_methodology").query(Integer.class).single();
        Instant now = Instant.now(clock);
        jdbc.sql("insert into network_methodology (version, published_at, published_by, note_ar, note_fr) values (?, ?, ?, ?, ?)")
                .params(version, Timestamp.from(now), actorId, blankToNull(noteAr), blankToNull(noteFr)).update();
        for (Pillar p : Pillar.values()) {
            jdbc.sql("insert into network_methodology_pillar (version, pillar, weight) values (?, ?, ?)")
                    .params(version, p.name(), pillarWeights.getOrDefault(p, 0)).update();
        }
        for (Indicator i : Indicator.values()) {
            jdbc.sql("insert into network_methodology_indicator (version, indicator, weight) values (?, ?, ?)")
                    .params(version, i.name(), indicatorWeights.getOrDefault(i, 0)).update();
        }
        events.publishEvent(new MethodologyPublished(UUID.randomUUID(), now, actorId, version));
        // Read without keeping it: this transaction may still roll back.
        return versions(version, version).get(0);
    }

    static Map<String, String> validate(Map<Pillar, Integer> pillarWeights, Map<Indicator, Integer> indicatorWeights, String noteAr,
            String noteFr) {
        Map<String, String> errors = new LinkedHashMap<>();
        int pillarSum = 0;
        for (Pillar p : Pillar.values()) {
            Integer w = pillarWeights.get(p);
            if (w == null || w < 0 || w > 100) {
                errors.put("pillar-" + p.key(), "network.methodology.error.weight-range");
            } else {
                pillarSum += w;
            }
        }
        if (errors.isEmpty() && pillarSum != 100) {
            errors.put("pillars", "network.methodology.error.pillars-sum");
        }
        for (Pillar p : Pillar.values()) {
            int sum = 0;
            boolean valid = true;
            for (Indicator i : Indicator.of(p)) {
                Integer w = indicatorWeights.get(i);
                if (w == null || w < 0 || w > 100) {
                    errors.put("indicator-" + i.code(), "network.methodology.error.weight-range");
                    valid = false;
                } else {
                    sum += w;
                }
            }
            Integer pw = pillarWeights.get(p);
            if (valid && pw != null && pw > 0 && sum != 100) {
                errors.put("pillar-" + p.key() + "-indicators", "network.methodology.error.indicators-sum");
            }
        }
        boolean noNote = (noteAr == null || noteAr.isBlank()) && (noteFr == null || noteFr.isBlank());
        if (noNote) {
            errors.put("note", "network.methodology.error.note-required");
        } else if ((noteAr != null && noteAr.length() > NOTE_MAX) || (noteFr != null && noteFr.length() > NOTE_MAX)) {
            errors.put("note", "network.methodology.error.note-too-long");
        }
        return errors;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
