package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import ma.opencommune.council.CouncilCodes.Choice;
import ma.opencommune.council.CouncilCodes.SessionKind;
import ma.opencommune.council.CouncilCodes.Topic;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.petitions.PaperSignatures;
import ma.opencommune.petitions.Petition;
import ma.opencommune.petitions.PetitionAdminFixture;
import ma.opencommune.petitions.Petitions;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Decisions through the façade: votes checked against attendance, corrections only with a reason and kept, index figures, petitions onto agendas. */
@IntegrationTest
class CouncilDecisionsTests {

    @Autowired JdbcClient jdbc;
    @Autowired Petitions petitions;
    @Autowired PaperSignatures paper;
    @Autowired PersonalNumbers numbers;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;
    @Autowired CouncilMembers members;
    @Autowired CouncilSessions sessions;
    @Autowired CouncilDecisions decisions;
    @Autowired CouncilDecisionReads reads;

    CouncilFixture fx;
    Collectivity c;
    AccountUser staff;
    List<Long> people;
    long session;

    @BeforeEach
    void setUp() {
        fx = new CouncilFixture(new PetitionAdminFixture(jdbc, petitions, paper, numbers, territory, accounts, grants, users), members, sessions,
                decisions);
        c = fx.collectivity();
        staff = fx.secretary(c);
        people = fx.members(c, staff, 5);
        session = fx.heldSession(c, staff, people.subList(0, 3));
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table + " where collectivity_id = ?").param(c.id()).query(Integer.class).single();
    }

    @Test
    void votesExceedingTheMembersPresentAreRefusedAndNothingIsSaved() {
        assertThatThrownBy(() -> decisions.draft(c, staff, session, fx.draft(c, staff, session, "1/2026", Topic.BUDGET, "Texte"),
                new CouncilDecisions.VoteInput(3, 1, 0, Map.of()))).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).containsEntry("votesFor", "council.validation.votes-exceed-attendance"));
        assertThat(count("council_decision")).isZero();
    }

    @Test
    void perMemberVotesOfAnAbsentMemberOrDisagreeingWithTheCountsAreRefused() {
        CouncilDecisions.DecisionDraft d = fx.draft(c, staff, session, "2/2026", Topic.SERVICES, "Texte");
        assertThatThrownBy(() -> decisions.draft(c, staff, session, d, new CouncilDecisions.VoteInput(null, null, null,
                Map.of(people.get(4), Choice.FOR)))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> decisions.draft(c, staff, session, d, new CouncilDecisions.VoteInput(1, 0, 0,
                Map.of(people.get(0), Choice.FOR, people.get(1), Choice.AGAINST)))).isInstanceOf(InvalidInput.class);
        long id = decisions.draft(c, staff, session, d, new CouncilDecisions.VoteInput(null, null, null,
                Map.of(people.get(0), Choice.FOR, people.get(1), Choice.FOR, people.get(2), Choice.ABSTAIN)));
        assertThat(reads.staffDecision(c.id(), id).votes()).isEqualTo(new CouncilVotes(2, 0, 1));
        assertThat(reads.votes(c.id(), id)).hasSize(3);
        assertThat(count("council_vote")).isEqualTo(3);
    }

    @Test
    void aPublishedDecisionIsCorrectedOnlyWithAReasonAndEveryChangeIsKept() {
        long id = fx.decision(c, staff, session, "3/2026", Topic.BUDGET, 3);
        CouncilDecisions.DecisionDraft fixed = fx.draft(c, staff, session, "3/2026", Topic.PROPERTY, "Texte corrigé");
        CouncilDecisions.VoteInput votes = new CouncilDecisions.VoteInput(2, 1, 0, Map.of());
        assertThatThrownBy(() -> decisions.correct(c, staff, id, fixed, votes, " ")).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).containsKey("reason"));
        assertThatThrownBy(() -> decisions.update(c, staff, id, fixed, votes)).isInstanceOf(ConflictException.class);
        assertThat(reads.publicDecision(c.id(), id).topic()).isEqualTo(Topic.BUDGET);
        decisions.correct(c, staff, id, fixed, votes, "Erreur matérielle dans le thème");
        CouncilDecisionReads.Decision now = reads.publicDecision(c.id(), id);
        assertThat(now.topic()).isEqualTo(Topic.PROPERTY);
        assertThat(now.revision()).isEqualTo(2);
        assertThat(reads.history(c.id(), id)).extracting(CouncilDecisionReads.Change::field).containsExactlyInAnyOrder("textFr", "topic", "votes");
        assertThat(reads.history(c.id(), id)).allSatisfy(h -> assertThat(h.reason()).isEqualTo("Erreur matérielle dans le thème"));
        assertThatThrownBy(() -> decisions.correct(c, staff, id, fixed, votes, "Encore")).isInstanceOf(ConflictException.class)
                .hasMessage("council.conflict.nothing-changed");
        // Publishing and correcting are in the action log.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from audit_entry where collectivity_id = ?"
                + " and action in ('council.decision-published', 'council.decision-corrected')").param(c.id()).query(Integer.class).single() == 2);
    }

    @Test
    void aDraftIsNotPublicAndAnotherCollectivitysStaffCannotPublishIt() {
        long id = decisions.draft(c, staff, session, fx.draft(c, staff, session, "4/2026", Topic.OTHER, "Texte"),
                new CouncilDecisions.VoteInput(3, 0, 0, Map.of()));
        assertThatThrownBy(() -> reads.publicDecision(c.id(), id)).isInstanceOf(ma.opencommune.platform.NotFoundException.class);
        Collectivity other = fx.collectivity();
        AccountUser outsider = fx.secretary(other);
        assertThatThrownBy(() -> decisions.publish(c, outsider, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> decisions.publish(other, outsider, id)).isInstanceOf(ma.opencommune.platform.NotFoundException.class);
        assertThat(reads.staffDecision(c.id(), id).status()).isEqualTo(CouncilCodes.DecisionStatus.DRAFT);
    }

    @Test
    void publicationDelaysGiveTheMedianAndLongestDaysAndTheSessionsStillWaiting() {
        LocalDate held = sessions.find(c.id(), session, false).heldOn();
        long a = fx.decision(c, staff, session, "5/2026", Topic.BUDGET, 3);
        long b = fx.decision(c, staff, session, "6/2026", Topic.BUDGET, 3);
        jdbc.sql("update council_decision set published_on = ? where id = ?").params(held.plusDays(4), a).update();
        jdbc.sql("update council_decision set published_on = ? where id = ?").params(held.plusDays(10), b).update();
        long second = sessions.create(c, staff, new CouncilSessions.SessionDraft(SessionKind.EXTRAORDINARY, held.plusDays(30), LocalTime.NOON,
                "Salle"), null).id();
        sessions.addItem(c, staff, second, null, "Point", null);
        sessions.publishAgenda(c, staff, second);
        sessions.markHeld(c, staff, second);
        long third = sessions.create(c, staff, new CouncilSessions.SessionDraft(SessionKind.EXTRAORDINARY, held.plusDays(60), LocalTime.NOON,
                "Salle"), null).id();
        sessions.addItem(c, staff, third, null, "Point", null);
        sessions.publishAgenda(c, staff, third);
        sessions.markHeld(c, staff, third);
        sessions.recordAttendance(c, staff, third, Map.of(people.get(0), CouncilCodes.Presence.PRESENT));
        long late = decisions.draft(c, staff, third, new CouncilDecisions.DecisionDraft(fx.item(c, staff, third), "7/2026", null, "Tardive", null,
                "Texte", Topic.OTHER, CouncilCodes.Outcome.ADOPTED), new CouncilDecisions.VoteInput(1, 0, 0, Map.of()));
        decisions.publish(c, staff, late);
        jdbc.sql("update council_decision set published_on = ? where id = ?").params(held.plusDays(60 + 30), late).update();

        CouncilPublication p = decisions.publicationDelays(c.id(), held.minusDays(1), held.plusDays(90));
        assertThat(p.sessionsHeld()).isEqualTo(3);
        assertThat(p.decisionsPublished()).isEqualTo(3);
        assertThat(p.medianDaysToPublication()).isEqualTo(20.0); // sessions: 10 and 30 days
        assertThat(p.maxDaysToPublication()).isEqualTo(30);
        assertThat(p.sessionsWithoutPublishedDecisions()).isEqualTo(1);
        CouncilPublication none = decisions.publicationDelays(c.id(), held.plusYears(5), held.plusYears(6));
        assertThat(none).isEqualTo(new CouncilPublication(0, 0, null, null, 0));
    }

    @Test
    void anAcceptedPetitionWaitsForItsSessionAndJoinsItsAgendaOnceWhenTheSessionIsPlanned() {
        AccountUser bureau = staff;
        long petition = fx.base().filed(c, "Éclairage de la place Assarag");
        LocalDate day = fx.base().sessionDay();
        petitions.accept(c, petition, bureau, day, "Commission des services publics");
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions.pending(c, staff).stream().anyMatch(p -> p.petitionId() == petition));
        // A second delivery of the event adds nothing (Modulith delivers at least once).
        sessions.placeAcceptedPetition(c.id(), petition, "Éclairage de la place Assarag", "fr", day);
        assertThat(sessions.pending(c, staff)).hasSize(1);

        long planned = sessions.create(c, staff, new CouncilSessions.SessionDraft(SessionKind.ORDINARY, day, LocalTime.of(10, 0), "Salle"), null).id();
        assertThat(sessions.pending(c, staff)).isEmpty();
        assertThat(sessions.staffSession(c, staff, planned).agenda()).singleElement()
                .satisfies(i -> assertThat(i.petitionId()).isEqualTo(petition)).satisfies(i -> assertThat(i.addedLateOn()).isNull());
        sessions.placeAcceptedPetition(c.id(), petition, "Éclairage de la place Assarag", "fr", day);
        assertThat(sessions.staffSession(c, staff, planned).agenda()).hasSize(1);
    }

    @Test
    void aPetitionAcceptedAfterTheAgendaIsPublishedIsAddedLate() {
        LocalDate day = fx.base().sessionDay();
        long planned = sessions.create(c, staff, new CouncilSessions.SessionDraft(SessionKind.ORDINARY, day, LocalTime.of(10, 0), "Salle"), null).id();
        sessions.addItem(c, staff, planned, "نقطة أولى", null, null);
        sessions.publishAgenda(c, staff, planned);
        long petition = fx.base().filed(c, "Transport scolaire vers Tiout");
        petitions.accept(c, petition, staff, day, "Commission du développement");
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions.staffSession(c, staff, planned).agenda().size() == 2);
        CouncilSessions.AgendaItem late = sessions.staffSession(c, staff, planned).agenda().get(1);
        assertThat(late.petitionId()).isEqualTo(petition);
        assertThat(late.addedLateOn()).isEqualTo(sessions.today());
        assertThat(late.title("fr")).isEqualTo("Transport scolaire vers Tiout");
        assertThat(Petition.nextSessionMonth(sessions.today())).isEqualTo(java.time.YearMonth.from(day));
    }
}
