package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import ma.opencommune.council.CouncilCodes.Choice;
import ma.opencommune.council.CouncilCodes.SessionKind;
import ma.opencommune.council.CouncilCodes.SessionStatus;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The council's rules without a database: PET-8 months at their edges, a session's guarded life, votes against attendance. */
class CouncilRulesTests {

    @ParameterizedTest(name = "PET-8: an ordinary session on {0} is allowed: {1}")
    @CsvSource({"2027-01-31, false", "2027-02-01, true", "2027-02-28, true", "2027-03-01, false", "2027-04-30, false", "2027-05-01, true",
        "2027-05-31, true", "2027-06-01, false", "2027-09-30, false", "2027-10-01, true", "2027-10-31, true", "2027-11-01, false"})
    void ordinarySessionsAreHeldInFebruaryMayAndOctoberOnly(LocalDate day, boolean allowed) {
        if (allowed) {
            assertThatCode(() -> CouncilSession.requireLawfulDate(SessionKind.ORDINARY, day)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CouncilSession.requireLawfulDate(SessionKind.ORDINARY, day)).isInstanceOf(ConflictException.class)
                    .hasMessage("council.conflict.ordinary-month");
        }
        assertThatCode(() -> CouncilSession.requireLawfulDate(SessionKind.EXTRAORDINARY, day)).doesNotThrowAnyException();
    }

    static CouncilSession session(SessionStatus status, LocalDate day) {
        return new CouncilSession(1, 1, SessionKind.ORDINARY, day, LocalTime.of(10, 0), "Hôtel de ville", status, null, null, 0);
    }

    @Test
    void anEmptyAgendaIsNotPublishedAndAPublishedOneIsNotEmptied() {
        CouncilSession s = session(SessionStatus.PLANNED, LocalDate.of(2027, 2, 3));
        assertThatThrownBy(() -> s.publishAgenda(0, Instant.now())).hasMessage("council.conflict.agenda-empty");
        assertThat(s.addingItemIsLate()).isFalse();
        s.publishAgenda(2, Instant.now());
        assertThat(s.status()).isEqualTo(SessionStatus.AGENDA_PUBLISHED);
        assertThatThrownBy(s::requireItemsRemovable).hasMessage("council.conflict.agenda-published");
        assertThat(s.addingItemIsLate()).isTrue();
        assertThatThrownBy(() -> s.publishAgenda(3, Instant.now())).hasMessage("council.conflict.not-planned");
    }

    @Test
    void aSessionIsHeldOnItsDayAtTheEarliestThenItsMinutesArePublishedOnce() {
        CouncilSession s = session(SessionStatus.AGENDA_PUBLISHED, LocalDate.of(2027, 2, 3));
        assertThatThrownBy(() -> s.markHeld(LocalDate.of(2027, 2, 2))).hasMessage("council.conflict.not-yet");
        assertThatThrownBy(() -> s.publishMinutes(true, Instant.now())).hasMessage("council.conflict.not-held");
        s.markHeld(LocalDate.of(2027, 2, 3));
        assertThatThrownBy(s::addingItemIsLate).hasMessage("council.conflict.agenda-closed");
        assertThatThrownBy(() -> s.publishMinutes(false, Instant.now())).hasMessage("council.conflict.minutes-empty");
        s.publishMinutes(true, Instant.now());
        assertThat(s.status()).isEqualTo(SessionStatus.MINUTES_PUBLISHED);
        assertThatThrownBy(() -> s.publishMinutes(true, Instant.now())).hasMessage("council.conflict.not-held");
    }

    @Test
    void aPlannedSessionCannotBeMarkedHeld() {
        assertThatThrownBy(() -> session(SessionStatus.PLANNED, LocalDate.of(2026, 2, 3)).markHeld(LocalDate.of(2027, 1, 1)))
                .hasMessage("council.conflict.agenda-not-published");
    }

    @Test
    void voteCountsCannotExceedTheMembersPresent() {
        Set<Long> present = Set.of(1L, 2L, 3L);
        assertThat(CouncilVotes.checked(2, 1, 0, Map.of(), present)).isEqualTo(new CouncilVotes(2, 1, 0));
        assertThat(CouncilVotes.checked(3, null, null, Map.of(), present).total()).isEqualTo(3);
        assertThatThrownBy(() -> CouncilVotes.checked(2, 1, 1, Map.of(), present)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).containsEntry("votesFor", "council.validation.votes-exceed-attendance"));
        assertThatThrownBy(() -> CouncilVotes.checked(1, -1, 0, Map.of(), present)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).containsEntry("votesAgainst", "council.validation.votes-negative"));
        assertThatThrownBy(() -> CouncilVotes.checked(null, null, null, Map.of(), present)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void perMemberVotesGiveTheCountsAndTypedCountsMustAgreeWithThem() {
        Set<Long> present = Set.of(1L, 2L, 3L);
        Map<Long, Choice> votes = Map.of(1L, Choice.FOR, 2L, Choice.FOR, 3L, Choice.AGAINST);
        assertThat(CouncilVotes.checked(null, null, null, votes, present)).isEqualTo(new CouncilVotes(2, 1, 0));
        assertThat(CouncilVotes.checked(2, 1, 0, votes, present)).isEqualTo(new CouncilVotes(2, 1, 0));
        assertThatThrownBy(() -> CouncilVotes.checked(3, 0, 0, votes, present)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).containsEntry("votesFor", "council.validation.votes-disagree"));
        assertThatThrownBy(() -> CouncilVotes.checked(null, null, null, Map.of(4L, Choice.FOR), present)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).containsEntry("votes", "council.validation.voter-absent"));
    }
}
