package ma.opencommune.petitions;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public list of a collectivity's petitions (never drafts), by stage, newest first, one page at a time with a
 * keyset on the id: the list grows without bound, and an offset would get slower page after page. One statement a
 * page; the counts of the page come in one more ({@link Petitions#signatureCounts}).
 */
@Service
@Transactional(readOnly = true)
public class PetitionListing {

    /** Where petitions stand, as the public filters them. */
    public enum Stage {
        ALL(List.of()),
        /** Open for signatures, threshold reached or not. */
        COLLECTING(List.of(PetitionStatus.OPEN, PetitionStatus.THRESHOLD_REACHED)),
        /** Filed with the council, awaiting the bureau's decision (PET-6). */
        AWAITING(List.of(PetitionStatus.FILED)),
        /** Decided: accepted, rejected, declared inadmissible or concluded by the council. */
        DECIDED(List.of(PetitionStatus.ACCEPTED, PetitionStatus.REJECTED, PetitionStatus.INADMISSIBLE, PetitionStatus.CONCLUDED));

        private final List<PetitionStatus> statuses;

        Stage(List<PetitionStatus> statuses) {
            this.statuses = statuses;
        }

        /** The value of the {@code stage} parameter. */
        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Lenient: a value that names no stage is "all", so an edited address shows a list rather than an error. */
        public static Stage parse(String value) {
            for (Stage s : values()) {
                if (s.param().equals(value == null ? "" : value.strip())) {
                    return s;
                }
            }
            return ALL;
        }
    }

    /** A line of the list; an association's petition has no threshold and is filed without being opened (PET-4). */
    public record Line(long id, String title, String lang, PetitionKind kind, PetitionStatus status, int threshold, LocalDate openedOn,
            LocalDate filedOn) {
    }

    private final JdbcClient jdbc;

    PetitionListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} public petitions of {@code stage}, newest first, from before {@code beforeId} (null: the newest). */
    public List<Line> list(Collectivity c, Stage stage, Long beforeId, int limit) {
        List<String> statuses = stage == Stage.ALL
                ? java.util.Arrays.stream(PetitionStatus.values()).filter(s -> s != PetitionStatus.DRAFT).map(Enum::name).toList()
                : stage.statuses.stream().map(Enum::name).toList();
        return jdbc.sql("select id, title, lang, kind, status, threshold, opened_on, filed_on from petition"
                + " where collectivity_id = :c and status in (:statuses) and id < :before order by id desc limit :limit")
                .param("c", c.id()).param("statuses", statuses).param("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .param("limit", limit)
                .query((rs, i) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), PetitionKind.valueOf(rs.getString(4)),
                        PetitionStatus.valueOf(rs.getString(5)), rs.getInt(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class)))
                .list();
    }
}
