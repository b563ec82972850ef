package ma.opencommune.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The figures façade computes known figures from known data, each by one aggregate. */
@IntegrationTest
class ProgramFiguresTests {

    @Autowired
    ProgramFigures figures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    Processes processes;

    long account(String prefix) {
        return accounts.findByEmail(TestAccounts.confirmed(accounts, jdbc, prefix)).orElseThrow().id();
    }

    static java.time.OffsetDateTime at(LocalDate day, int hour) {
        return Sql.at(day.atTime(hour, 0).toInstant(ZoneOffset.ofHours(1)));
    }

    @Test
    void knownDataGivesKnownFigures() {
        MonitorFixture fx = new MonitorFixture(jdbc);
        long col = fx.collectivity();
        LocalDate today = processes.today();
        LocalDate from = today.minusDays(60);
        long process = fx.process(col, today.minusDays(10), today.plusDays(100), true);
        long a = account("fig-a"), b = account("fig-b"), c = account("fig-c");

        // Proposals: created in the period; answered after 1, 2 and 4 days (odd count: median 2), one open.
        long p1 = proposal(col, process, a, from.plusDays(1), 1);
        proposal(col, process, b, from.plusDays(1), 2);
        proposal(col, process, a, from.plusDays(1), 4);
        proposal(col, process, null, from.plusDays(1), -1);
        proposal(col, process, a, from.minusDays(5), 1); // before the period: not counted
        jdbc.sql("insert into program_support (proposal_id, account_id, created_at) values (?,?,?)").params(p1, c, at(from.plusDays(2), 10)).update();

        // Workshop attendance: 2 women, 1 man, 1 undeclared; one registered person did not come.
        long w = fx.insert("insert into program_workshop (process_id, collectivity_id, title_ar, title_fr, title_zgh, mode, starts_at, ends_at, created_at)"
                + " values (?,?,?,?,?,?,?,?,?)", process, col, "ورشة", "Atelier", "ⴰⵙⵎⵓⵏ", "IN_PERSON", at(from.plusDays(3), 9), at(from.plusDays(3), 12), at(from, 9));
        for (String g : new String[] {"WOMAN", "WOMAN", "MAN", null}) {
            fx.insert("insert into program_attendance (workshop_id, collectivity_id, gender, recorded_at) values (?,?,?,?)", w, col, g, at(from.plusDays(3), 12));
        }
        jdbc.sql("insert into program_registration (workshop_id, account_id, registered_at) values (?,?,?)").params(w, b, at(from.plusDays(2), 9)).update();

        // Ratings by two people; an opinion with 3 recommendations, 2 answered.
        long area = fx.insert("insert into program_area (process_id, collectivity_id, position, title_ar, title_fr, title_zgh, created_at) values (?,?,?,?,?,?,?)",
                process, col, 1, "مجال", "Domaine", "ⴰⵏⵙ", at(from, 9));
        for (long who : new long[] {a, b}) {
            fx.insert("insert into program_rating (area_id, process_id, collectivity_id, account_id, importance, satisfaction, created_at, updated_at) values (?,?,?,?,?,?,?,?)",
                    area, process, col, who, 5, 2, at(from.plusDays(1), 9), at(from.plusDays(1), 9));
        }
        long body = fx.committee(col);
        long opinion = fx.insert("insert into program_opinion (process_id, collectivity_id, body_id, title, text, adopted_on, created_at) values (?,?,?,?,?,?,?)",
                process, col, body, "Avis", "Texte", from.plusDays(4), at(from.plusDays(4), 9));
        for (int n = 1; n <= 3; n++) {
            fx.insert("insert into program_recommendation (opinion_id, collectivity_id, number, text, response) values (?,?,?,?,?)",
                    opinion, col, n, "Reco " + n, n < 3 ? "TAKEN" : null);
        }

        // Commitments: one complete, one limited with an overdue milestone, one not started.
        long done = fx.commitment(col, process, 1, "Fait", today.minusDays(20));
        fx.milestone(col, done, 1, today.minusDays(5), today.minusDays(6));
        long limited = fx.commitment(col, process, 2, "Limité", today.minusDays(20));
        long late = fx.milestone(col, limited, 1, today.minusDays(1), null);
        fx.milestone(col, limited, 2, today.plusDays(10), null);
        fx.progress(col, limited, late, today.minusDays(2), "en cours", Instant.now());
        long idle = fx.commitment(col, process, 3, "Rien", today.minusDays(20));
        fx.milestone(col, idle, 1, today, null);

        ProgramFigures.Figures f = figures.of(col, from, today);
        assertThat(f.diagnosisParticipants()).isEqualTo(2);
        assertThat(f.proposalParticipants()).isEqualTo(3); // a and b proposed, c supported
        assertThat(f.workshopParticipants()).isEqualTo(1 + 4); // b registered, four attendees without accounts
        assertThat(f.attendeesWomen()).isEqualTo(2);
        assertThat(f.attendeesMen()).isEqualTo(1);
        assertThat(f.attendeesUndeclared()).isEqualTo(1);
        assertThat(f.womenPercent()).isEqualTo(67);
        assertThat(f.proposals()).isEqualTo(4);
        assertThat(f.proposalsAnswered()).isEqualTo(3);
        assertThat(f.proposalsAnsweredPercent()).isEqualTo(75);
        assertThat(f.medianDaysToAnswer()).isEqualByComparingTo(new BigDecimal("2.0"));
        assertThat(f.opinions()).isEqualTo(1);
        assertThat(f.recommendations()).isEqualTo(3);
        assertThat(f.recommendationsAnswered()).isEqualTo(2);
        assertThat(f.commitments()).containsEntry(Completion.COMPLETE, 1L).containsEntry(Completion.LIMITED, 1L)
                .containsEntry(Completion.NOT_STARTED, 1L).containsEntry(Completion.SUBSTANTIAL, 0L);
        assertThat(f.milestonesOverdue()).isEqualTo(1);

        // An even count: answered after 1, 2, 4 and 7 days gives a median of 3.
        proposal(col, process, c, from.plusDays(1), 7);
        assertThat(figures.of(col, from, today).medianDaysToAnswer()).isEqualByComparingTo(new BigDecimal("3.0"));
        // Nothing in an empty period: shares are absent, not zero.
        ProgramFigures.Figures empty = figures.of(col, today.minusYears(5), today.minusYears(4));
        assertThat(empty.proposalsAnsweredShare()).isNull();
        assertThat(empty.womenShare()).isNull();
        assertThat(empty.medianDaysToAnswer()).isNull();
    }

    long proposal(long col, long process, Long author, LocalDate created, int answeredAfterDays) {
        java.time.OffsetDateTime createdAt = at(created, 10);
        return new MonitorFixture(jdbc).insert("insert into program_proposal (process_id, collectivity_id, author_id, title, body, status,"
                + " answered_at, created_at) values (?,?,?,?,?,?,?,?)", process, col, author, "Proposition", "Texte",
                answeredAfterDays < 0 ? "OPEN" : "ACCEPTED", answeredAfterDays < 0 ? null : createdAt.plusDays(answeredAfterDays), createdAt);
    }
}
