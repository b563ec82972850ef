package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.CollectivityType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The network index's petition figures at the edges of a period (both days included) and of the bureau's delay
 * (PET-6: a decision on its last day is in time). Each test has a commune of its own, so the demo petitions and other
 * tests' do not count.
 */
@IntegrationTest
class PetitionFiguresTests {

    static final LocalDate FROM = LocalDate.of(2025, 4, 1);
    static final LocalDate TO = LocalDate.of(2025, 6, 30);

    @Autowired
    PetitionFigures figures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    ma.opencommune.territory.Territory territory;

    long commune;
    long agent;

    @BeforeEach
    void commune() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, created_at) values (?,?,?,?,?,?,?)")
                .params("figures-" + tag, "F" + tag, "COMMUNE", "جماعة", "Commune " + tag, "ⵜⴰⴳⵎⴰⵎⵜ", Sql.at(Instant.now()))
                .update(key, "id");
        commune = key.getKey().longValue();
        agent = accounts.findByEmail("citizen@opencommune.demo").orElseThrow().id();
    }

    /** A petition as the aggregate leaves it; the bureau's last day follows the rulebook (three months for a commune). */
    long petition(PetitionStatus status, PetitionKind kind, LocalDate opened, LocalDate filed, LocalDate decided) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into petition (kind, title, object, reasons, requested_action, lang, collectivity_id, agent_id, status, threshold,
                    created_at, opened_on, filed_on, decision_due, decided_on)
                values (?, 'Chiffres', 'Objet', 'Motifs', 'Action', 'fr', ?, ?, ?, 200, ?, ?, ?, ?, ?)""")
                .params(kind.name(), commune, agent, status.name(), Sql.at(Instant.now()), opened, filed,
                        filed == null ? null : PetitionRules.defaults().decisionDue(CollectivityType.COMMUNE, filed), decided)
                .update(key, "id");
        return key.getKey().longValue();
    }

    long filed(LocalDate filed) {
        return petition(PetitionStatus.FILED, PetitionKind.CITIZENS, filed.minusDays(30), filed, null);
    }

    void signatures(long petition, int n, String source) {
        PetitionFixtures.signatures(jdbc, territory.find(commune).orElseThrow(), petition, n, source);
    }

    @Test
    void petitionsFiledOnTheFirstAndLastDayAreReceivedAndTheDayBeforeAndAfterAreNot() {
        filed(FROM.minusDays(1));
        filed(FROM);
        petition(PetitionStatus.FILED, PetitionKind.ASSOCIATION, null, TO, null);
        filed(TO.plusDays(1));
        PetitionFigures.Figures f = figures.of(commune, FROM, TO);
        assertThat(f.received()).isEqualTo(2);
        assertThat(f.receivedFromAssociations()).isEqualTo(1);
    }

    @Test
    void aDecisionOnTheLastDayOfTheBureausDelayIsInTimeAndTheDayAfterIsLate() {
        LocalDate filed = LocalDate.of(2025, 1, 15);
        LocalDate due = LocalDate.of(2025, 4, 15);
        petition(PetitionStatus.REJECTED, PetitionKind.CITIZENS, filed.minusDays(40), filed, due);
        petition(PetitionStatus.ACCEPTED, PetitionKind.CITIZENS, filed.minusDays(40), filed, due.plusDays(1));
        petition(PetitionStatus.CONCLUDED, PetitionKind.ASSOCIATION, null, LocalDate.of(2025, 3, 20), LocalDate.of(2025, 5, 2));
        petition(PetitionStatus.INADMISSIBLE, PetitionKind.CITIZENS, LocalDate.of(2025, 4, 20), null, LocalDate.of(2025, 4, 22));
        // Decided the day before the period and the day after: not decisions of the period.
        petition(PetitionStatus.REJECTED, PetitionKind.CITIZENS, filed.minusDays(40), LocalDate.of(2025, 1, 2), FROM.minusDays(1));
        petition(PetitionStatus.ACCEPTED, PetitionKind.CITIZENS, filed.minusDays(40), LocalDate.of(2025, 4, 2), TO.plusDays(1));

        PetitionFigures.Figures f = figures.of(commune, FROM, TO);
        assertThat(f.decided()).isEqualTo(3);
        assertThat(f.decidedInTime()).isEqualTo(2);
        assertThat(f.accepted()).as("the concluded one was accepted").isEqualTo(2);
        assertThat(f.rejected()).isEqualTo(1);
        assertThat(f.declaredInadmissible()).isEqualTo(1);
        assertThat(f.decidedInTimeShare()).isEqualByComparingTo(new BigDecimal("0.6667"));
    }

    @Test
    void pendingAndOverdueAreTakenOnTheLastDayOfThePeriod() {
        filed(LocalDate.of(2025, 3, 1)); // due 1 June: overdue on 30 June
        filed(LocalDate.of(2025, 3, 30)); // due 30 June, the period's last day: pending, not yet overdue
        filed(LocalDate.of(2025, 6, 10)); // pending
        filed(TO.plusDays(1)); // not filed yet on 30 June
        petition(PetitionStatus.ACCEPTED, PetitionKind.CITIZENS, null, LocalDate.of(2025, 2, 20), TO.plusDays(10)); // decided later: pending then, overdue
        petition(PetitionStatus.REJECTED, PetitionKind.CITIZENS, null, LocalDate.of(2025, 5, 1), TO); // decided on the last day
        PetitionFigures.Figures f = figures.of(commune, FROM, TO);
        assertThat(f.pending()).isEqualTo(4);
        assertThat(f.overdue()).isEqualTo(2);
    }

    @Test
    void thePaperShareCountsTheSignaturesOfPetitionsOpenedInThePeriod() {
        long inside = petition(PetitionStatus.OPEN, PetitionKind.CITIZENS, FROM, null, null);
        signatures(inside, 30, "ONLINE");
        signatures(inside, 10, "PAPER");
        long last = petition(PetitionStatus.OPEN, PetitionKind.CITIZENS, TO, null, null);
        signatures(last, 10, "ONLINE");
        long before = petition(PetitionStatus.OPEN, PetitionKind.CITIZENS, FROM.minusDays(1), null, null);
        signatures(before, 50, "PAPER");
        PetitionFigures.Figures f = figures.of(commune, FROM, TO);
        assertThat(f.opened()).isEqualTo(2);
        assertThat(f.signatures()).isEqualTo(50);
        assertThat(f.paperSignatures()).isEqualTo(10);
        assertThat(f.paperShare()).isEqualByComparingTo(new BigDecimal("0.2"));
        assertThat(figures.of(commune, TO.plusDays(1), TO.plusDays(30)).paperShare()).as("nothing to divide").isNull();
    }

    @Test
    void theFiguresTakeTheSameFewStatementsWhateverThePetitions() {
        QueryCounting.reset();
        figures.of(commune, FROM, TO);
        long empty = QueryCounting.statements();
        for (int i = 0; i < 20; i++) {
            signatures(filed(FROM.plusDays(i)), 3, i % 2 == 0 ? "PAPER" : "ONLINE");
        }
        QueryCounting.reset();
        figures.of(commune, FROM, TO);
        assertThat(QueryCounting.statements()).isEqualTo(empty).isLessThanOrEqualTo(2);
    }
}
