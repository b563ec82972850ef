package ma.opencommune.petitions;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bureau staff's list of their collectivity's petitions, by stage, with the counts of each stage, the signatures
 * of each petition, the decisions overdue (PET-6) and the associations still to check (PET-4). Council secretaries and
 * staff administrators of that collectivity only; drafts stay their agents' and are never listed. A page costs the
 * same few statements however many petitions and signatures there are: the rows (a keyset page), the counts of every
 * stage, and the signatures of the rows shown.
 */
@Service
@Transactional(readOnly = true)
public class PetitionWorkspace {

    /** Rows per page. */
    public static final int PAGE_SIZE = 50;

    /** The stages staff filter the list by; each groups the statuses that call for the same work. */
    public enum Stage {
        ALL(PetitionStatus.INADMISSIBLE, PetitionStatus.OPEN, PetitionStatus.THRESHOLD_REACHED, PetitionStatus.FILED,
                PetitionStatus.ACCEPTED, PetitionStatus.REJECTED, PetitionStatus.CONCLUDED),
        COLLECTING(PetitionStatus.OPEN, PetitionStatus.THRESHOLD_REACHED),
        FILED(PetitionStatus.FILED),
        ACCEPTED(PetitionStatus.ACCEPTED),
        CLOSED(PetitionStatus.INADMISSIBLE, PetitionStatus.REJECTED, PetitionStatus.CONCLUDED);

        private final Set<PetitionStatus> statuses;

        Stage(PetitionStatus... statuses) {
            this.statuses = Set.of(statuses);
        }

        public Set<PetitionStatus> statuses() {
            return statuses;
        }

        /** The stage a query parameter names; anything else is {@link #ALL}. */
        public static Stage parse(String value) {
            for (Stage s : values()) {
                if (s.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return s;
                }
            }
            return ALL;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One petition of the list. */
    public record Row(long id, String title, String lang, PetitionKind kind, PetitionStatus status, int threshold, long online,
            long paper, LocalDate filedOn, LocalDate decisionDue, boolean overdue, boolean associationToCheck) {

        public long total() {
            return online + paper;
        }
    }

    /** Petitions in each stage, the decisions overdue and the associations awaiting their check. */
    public record Counts(Map<Stage, Long> byStage, long overdue, long associationsToCheck) {

        public long of(Stage stage) {
            return byStage.getOrDefault(stage, 0L);
        }
    }

    /** A page of the list; {@code next} is the cursor of the following page, null on the last one. */
    public record Page(List<Row> rows, Counts counts, Long next, LocalDate today) {
    }

    private record Raw(long id, String title, String lang, PetitionKind kind, PetitionStatus status, int threshold, LocalDate filedOn,
            LocalDate due, boolean checked) {
    }

    private final JdbcClient jdbc;
    private final Access access;
    private final Petitions petitions;

    PetitionWorkspace(JdbcClient jdbc, Access access, Petitions petitions) {
        this.jdbc = jdbc;
        this.access = access;
        this.petitions = petitions;
    }

    /** The petitions of {@code stage}, newest first, from before {@code afterId} (a keyset page: as fast at the end). */
    public Page list(Collectivity c, AccountUser staff, Stage stage, Long afterId) {
        access.requireStaff(staff, c, Petitions.BUREAU_STAFF);
        LocalDate today = petitions.today();
        List<String> statuses = stage.statuses().stream().map(Enum::name).sorted().toList();
        List<Raw> raws = jdbc.sql("""
                select id, title, lang, kind, status, threshold, filed_on, decision_due, association_checked_at
                from petition where collectivity_id = :c and status in (:statuses) and id < :after order by id desc limit :rows""")
                .param("c", c.id()).param("statuses", statuses).param("after", afterId == null ? Long.MAX_VALUE : afterId)
                .param("rows", PAGE_SIZE + 1)
                .query((rs, i) -> new Raw(rs.getLong(1), rs.getString(2), rs.getString(3), PetitionKind.valueOf(rs.getString(4)),
                        PetitionStatus.valueOf(rs.getString(5)), rs.getInt(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, OffsetDateTime.class) != null))
                .list();
        boolean more = raws.size() > PAGE_SIZE;
        List<Raw> shown = more ? raws.subList(0, PAGE_SIZE) : raws;
        Map<Long, long[]> signatures = signatures(c, shown.stream().map(Raw::id).toList());
        List<Row> rows = new ArrayList<>();
        for (Raw r : shown) {
            long[] counts = signatures.getOrDefault(r.id(), new long[2]);
            rows.add(new Row(r.id(), r.title(), r.lang(), r.kind(), r.status(), r.threshold(), counts[0], counts[1], r.filedOn(),
                    r.due(), overdue(r.status(), r.due(), today), associationToCheck(r.kind(), r.status(), r.checked())));
        }
        return new Page(rows, counts(c, today), more ? shown.get(shown.size() - 1).id() : null, today);
    }

    /** PET-6: filed, undecided, and past the bureau's delay; the same test as {@link Petition#decisionOverdue}. */
    static boolean overdue(PetitionStatus status, LocalDate due, LocalDate today) {
        return status == PetitionStatus.FILED && due != null && today.isAfter(due);
    }

    /** PET-4: a filed association's petition the bureau may not accept before staff checked the association. */
    static boolean associationToCheck(PetitionKind kind, PetitionStatus status, boolean checked) {
        return kind == PetitionKind.ASSOCIATION && status == PetitionStatus.FILED && !checked;
    }

    private Counts counts(Collectivity c, LocalDate today) {
        Map<PetitionStatus, Long> byStatus = new EnumMap<>(PetitionStatus.class);
        long[] flags = new long[2];
        jdbc.sql("""
                select status, count(*),
                    coalesce(sum(case when status = 'FILED' and decision_due < ? then 1 else 0 end), 0),
                    coalesce(sum(case when status = 'FILED' and kind = 'ASSOCIATION' and association_checked_at is null then 1 else 0 end), 0)
                from petition where collectivity_id = ? and status <> 'DRAFT' group by status""")
                .params(today, c.id())
                .query(rs -> {
                    byStatus.put(PetitionStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    flags[0] += rs.getLong(3);
                    flags[1] += rs.getLong(4);
                });
        Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            byStage.put(s, s.statuses().stream().mapToLong(st -> byStatus.getOrDefault(st, 0L)).sum());
        }
        return new Counts(byStage, flags[0], flags[1]);
    }

    /** Online and paper signatures of several petitions, in one statement. */
    private Map<Long, long[]> signatures(Collectivity c, List<Long> ids) {
        Map<Long, long[]> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select petition_id, source, count(*) from petition_signature where collectivity_id = :c and petition_id in (:ids)
                group by petition_id, source""")
                .param("c", c.id()).param("ids", ids)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong(1), k -> new long[2])["PAPER".equals(rs.getString(2)) ? 1 : 0] = rs.getLong(3);
                });
        return counts;
    }

    LocalDate today() {
        return petitions.today();
    }

    /** A petition of this collectivity that its bureau staff may act on: never a draft (404, as if it did not exist). */
    public Petition staffPetition(Collectivity c, AccountUser staff, long id) {
        access.requireStaff(staff, c, Petitions.BUREAU_STAFF);
        Petition p = petitions.find(c, id);
        if (p.status() == PetitionStatus.DRAFT) {
            throw new NotFoundException("petition " + id);
        }
        return p;
    }
}
