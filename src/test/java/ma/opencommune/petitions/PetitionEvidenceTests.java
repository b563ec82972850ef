package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The petitions listed behind PETITIONS_IN_TIME are exactly those the figures count as decided in the period (both days
 * included), the late ones first; another commune's petitions and inadmissible ones are never listed.
 */
@IntegrationTest
class PetitionEvidenceTests {

    static final LocalDate FROM = LocalDate.of(2025, 4, 1);
    static final LocalDate TO = LocalDate.of(2025, 6, 30);

    @Autowired PetitionEvidence evidence;
    @Autowired PetitionFigures figures;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;

    long commune;
    long other;
    long agent;

    @BeforeEach
    void communes() {
        commune = commune();
        other = commune();
        agent = accounts.findByEmail("citizen@opencommune.demo").orElseThrow().id();
    }

    long commune() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, created_at) values (?,?,?,?,?,?,?)")
                .params("evidence-" + tag, "E" + tag, "COMMUNE", "جماعة", "Commune " + tag, "ⵜⴰⴳⵎⴰⵎⵜ", Sql.at(Instant.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    long petition(long c, PetitionStatus status, LocalDate filed, LocalDate due, LocalDate decided) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into petition (kind, title, object, reasons, requested_action, lang, collectivity_id, agent_id, status, threshold,
                    created_at, opened_on, filed_on, decision_due, decided_on)
                values ('CITIZENS', ?, 'Objet', 'Motifs', 'Action', 'fr', ?, ?, ?, 200, ?, ?, ?, ?, ?)""")
                .params("Pétition " + status, c, agent, status.name(), Sql.at(Instant.now()), filed.minusDays(30), filed, due, decided)
                .update(key, "id");
        return key.getKey().longValue();
    }

    @Test
    void theDecisionsOfThePeriodAreListedWithTheFiguresCountsAndTheLateOnesFirst() {
        LocalDate filed = LocalDate.of(2025, 1, 15);
        long before = petition(commune, PetitionStatus.REJECTED, filed, FROM, FROM.minusDays(1));
        long first = petition(commune, PetitionStatus.ACCEPTED, filed, FROM.plusDays(30), FROM);
        long lateOne = petition(commune, PetitionStatus.CONCLUDED, filed, FROM, TO);
        long after = petition(commune, PetitionStatus.REJECTED, filed, TO, TO.plusDays(1));
        petition(commune, PetitionStatus.INADMISSIBLE, filed, null, FROM.plusDays(3));
        petition(commune, PetitionStatus.FILED, filed, FROM, null);
        petition(other, PetitionStatus.REJECTED, filed, FROM, FROM.plusDays(2));

        PetitionEvidence.Decided d = evidence.decided(commune, FROM, TO, 200);
        PetitionFigures.Figures f = figures.of(commune, FROM, TO);

        assertThat(d.total()).isEqualTo(f.decided()).isEqualTo(2);
        assertThat(d.total() - d.late()).isEqualTo(f.decidedInTime()).isEqualTo(1);
        assertThat(d.lines()).extracting(PetitionEvidence.DecidedLine::id).containsExactly(lateOne, first).doesNotContain(before, after);
        assertThat(d.lines().get(0).late()).isTrue();
        assertThat(d.lines().get(0).decisionDue()).isEqualTo(FROM);
        assertThat(d.lines().get(1).late()).isFalse();
    }

    @Test
    void theListIsBoundedButTheCountsAreNot() {
        for (int i = 0; i < 3; i++) {
            petition(commune, PetitionStatus.REJECTED, LocalDate.of(2025, 3, 1), TO, FROM.plusDays(i));
        }
        PetitionEvidence.Decided d = evidence.decided(commune, FROM, TO, 2);
        assertThat(d.total()).isEqualTo(3);
        assertThat(d.lines()).hasSize(2);
        assertThat(evidence.decided(other, FROM, TO, 200).total()).isZero();
    }
}
