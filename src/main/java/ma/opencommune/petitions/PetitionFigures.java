package ma.opencommune.petitions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import ma.opencommune.platform.Morocco;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Façade for the network's openness index (issue scope 10): a collectivity's petition figures over a period, both days
 * included. Two aggregate statements whatever the number of petitions and signatures. Counts come with every share so
 * that the index can apply its minimum-count rules.
 *
 * <ul>
 * <li>Received: petitions filed with the council in the period (an association's petition counts, PET-4).</li>
 * <li>Decided: the bureau's acceptances and rejections made in the period (PET-6), and of those the ones made by the
 * last day of the bureau's delay ({@code decided_on <= decision_due}, as {@link Petition#decidedInTime()}).
 * Acceptances include petitions the council has since concluded. Declared inadmissible (PET-5) is counted apart.</li>
 * <li>Pending and overdue: filed and still undecided at the end of the period (or today, while the period runs on),
 * and of those the ones past their last day (as {@link Petition#decisionOverdue}).</li>
 * <li>Signatures: all valid signatures, and those on paper, of the petitions opened for signatures in the period.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class PetitionFigures {

    /** The figures of one collectivity and period. */
    public record Figures(long collectivityId, LocalDate from, LocalDate to, long received, long receivedFromAssociations,
            long decided, long decidedInTime, long accepted, long rejected, long declaredInadmissible, long pending, long overdue,
            long opened, long signatures, long paperSignatures) {

        /** Share of the decisions taken within the bureau's delay (0..1), null when none was taken. */
        public BigDecimal decidedInTimeShare() {
            return share(decidedInTime, decided);
        }

        /** Share of paper among the signatures of the petitions opened in the period (0..1), null when none. */
        public BigDecimal paperShare() {
            return share(paperSignatures, signatures);
        }

        private static BigDecimal share(long part, long whole) {
            return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PetitionFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Figures of(long collectivityId, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE);
        LocalDate asOf = to.isBefore(today) ? to : today;
        // A decision taken after asOf did not exist yet at asOf: the petition was still pending then.
        long[] p = jdbc.sql("""
                select
                    count(case when filed_on between :from and :to then 1 end),
                    count(case when filed_on between :from and :to and kind = 'ASSOCIATION' then 1 end),
                    count(case when status in ('ACCEPTED', 'REJECTED', 'CONCLUDED') and decided_on between :from and :to then 1 end),
                    count(case when status in ('ACCEPTED', 'REJECTED', 'CONCLUDED') and decided_on between :from and :to
                        and decided_on <= decision_due then 1 end),
                    count(case when status in ('ACCEPTED', 'CONCLUDED') and decided_on between :from and :to then 1 end),
                    count(case when status = 'REJECTED' and decided_on between :from and :to then 1 end),
                    count(case when status = 'INADMISSIBLE' and decided_on between :from and :to then 1 end),
                    count(case when filed_on <= :asOf and (decided_on is null or decided_on > :asOf) then 1 end),
                    count(case when filed_on <= :asOf and (decided_on is null or decided_on > :asOf) and decision_due < :asOf then 1 end),
                    count(case when opened_on between :from and :to then 1 end)
                from petition where collectivity_id = :c""")
                .param("c", collectivityId).param("from", from).param("to", to).param("asOf", asOf)
                .query((rs, i) -> {
                    long[] n = new long[10];
                    for (int k = 0; k < n.length; k++) {
                        n[k] = rs.getLong(k + 1);
                    }
                    return n;
                }).single();
        long[] s = jdbc.sql("""
                select count(*), count(case when s.source = 'PAPER' then 1 end)
                from petition_signature s join petition p on p.id = s.petition_id
                where p.collectivity_id = :c and p.opened_on between :from and :to""")
                .param("c", collectivityId).param("from", from).param("to", to)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new Figures(collectivityId, from, to, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], s[0], s[1]);
    }
}
