package ma.opencommune.information;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import ma.opencommune.platform.ConflictException;
import org.junit.jupiter.api.Test;

/** Every guarded transition of the request aggregate, allowed and refused, at the edges of its dates. */
class InformationRequestTests {

    static final LocalDate RECEIVED = of(2026, 9, 7);
    static final LocalDate DUE = of(2026, 10, 5);
    static final Instant NOW = Instant.parse("2026-09-20T10:00:00Z");

    static InformationRequest request(RequestStatus status, LocalDate extendedOn, LocalDate pausedSince) {
        return new InformationRequest(1, 1, "TAR-2026-000001", new InformationRequest.Requester(1L, "Fatima", "Aït Lahcen", "Taroudant",
                "****3456", null), "Budget", "Le budget voté", Delivery.POSTAL, false, null, "fr", NOW, RECEIVED, 0, status, DUE, extendedOn,
                extendedOn == null ? null : ExtensionReason.LARGE_VOLUME, pausedSince, null, null, null, null, null, null, null, null, null, null);
    }

    static InformationRequest open() {
        return request(RequestStatus.RECEIVED, null, null);
    }

    static void refused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(ConflictException.class).extracting(e -> ((ConflictException) e).messageKey())
                .isEqualTo("information.conflict." + key);
    }

    @Test
    void anExtensionTheDayBeforeAndOnTheDueDayIsAllowedAndTheDayAfterRefused_ATI5() {
        InformationRequest before = open();
        before.extend(ExtensionReason.LARGE_VOLUME, DUE.minusDays(1), of(2026, 11, 2));
        assertThat(before.status()).isEqualTo(RequestStatus.EXTENDED);
        assertThat(before.dueOn()).isEqualTo(of(2026, 11, 2));
        InformationRequest onTheDay = open();
        onTheDay.extend(ExtensionReason.THIRD_PARTY_CONSULTATION, DUE, of(2026, 11, 2));
        assertThat(onTheDay.extendedOn()).isEqualTo(DUE);
        refused(() -> open().extend(ExtensionReason.LARGE_VOLUME, DUE.plusDays(1), of(2026, 11, 2)), "extension-too-late");
    }

    @Test
    void aSecondExtensionIsRefused_ATI5() {
        InformationRequest r = open();
        r.extend(ExtensionReason.LARGE_VOLUME, DUE, of(2026, 11, 2));
        refused(() -> r.extend(ExtensionReason.NOT_SUPPLIABLE_IN_TIME, DUE, of(2026, 11, 30)), "already-extended");
        assertThat(r.dueOn()).isEqualTo(of(2026, 11, 2));
    }

    @Test
    void noExtensionWhileAClarificationIsPending() {
        refused(() -> request(RequestStatus.CLARIFICATION, null, of(2026, 9, 10)).extend(ExtensionReason.LARGE_VOLUME, DUE, DUE), "clarification-pending");
    }

    @Test
    void answerRefuseTransferWithdrawAndExtendOnAClosedRequestAreRefused() {
        for (RequestStatus closed : new RequestStatus[] {RequestStatus.ANSWERED, RequestStatus.PARTLY_ANSWERED, RequestStatus.REFUSED,
                RequestStatus.TRANSFERRED, RequestStatus.WITHDRAWN, RequestStatus.CLOSED_UNCLEAR}) {
            InformationRequest r = request(closed, null, null);
            refused(() -> r.answer(AnswerKind.FULL, "x", NOW, DUE), "closed");
            refused(() -> r.refuse(RefusalGround.NOT_HELD, "x", true, NOW, DUE), "closed");
            refused(() -> r.transfer("ONEE", null, NOW, DUE), "closed");
            refused(() -> r.withdraw(NOW, DUE), "closed");
            refused(() -> r.extend(ExtensionReason.LARGE_VOLUME, DUE, DUE), "closed");
            refused(() -> r.askClarification(DUE), "closed");
            assertThat(r.status()).isEqualTo(closed);
        }
    }

    @Test
    void eachClosingTransitionSetsItsStateAndTheDayItClosed() {
        InformationRequest full = open();
        full.answer(AnswerKind.FULL, "Le budget est joint.", NOW, of(2026, 9, 20));
        assertThat(full.status()).isEqualTo(RequestStatus.ANSWERED);
        assertThat(full.closedOn()).isEqualTo(of(2026, 9, 20));
        assertThat(full.inTime(of(2026, 12, 1))).isTrue();
        InformationRequest partial = open();
        partial.answer(AnswerKind.PARTIAL, "Une partie.", NOW, DUE.plusDays(1));
        assertThat(partial.status()).isEqualTo(RequestStatus.PARTLY_ANSWERED);
        assertThat(partial.inTime(DUE)).isFalse();
        InformationRequest transferred = open();
        transferred.transfer("ONEE", "Service de l’eau", NOW, DUE);
        assertThat(transferred.status()).isEqualTo(RequestStatus.TRANSFERRED);
        InformationRequest withdrawn = open();
        withdrawn.withdraw(NOW, DUE);
        assertThat(withdrawn.status()).isEqualTo(RequestStatus.WITHDRAWN);
    }

    @Test
    void anUnclearRequestRefusalNeedsAPriorClarification_ATI7() {
        refused(() -> open().refuse(RefusalGround.UNCLEAR_REQUEST, "Pas clair", false, NOW, DUE), "clarify-first");
        InformationRequest r = open();
        r.refuse(RefusalGround.UNCLEAR_REQUEST, "Pas clair malgré la clarification", true, NOW, DUE);
        assertThat(r.status()).isEqualTo(RequestStatus.REFUSED);
        assertThat(r.refusalGround()).isEqualTo(RefusalGround.UNCLEAR_REQUEST);
    }

    @Test
    void anUnclearRequestIsNotRefusedWhileItsQuestionAwaitsAnAnswer_ATI7() {
        refused(() -> request(RequestStatus.CLARIFICATION, null, of(2026, 9, 10)).refuse(RefusalGround.UNCLEAR_REQUEST, "Pas clair", true, NOW, DUE),
                "clarification-pending");
    }

    @Test
    void aClarificationIsAskedUpToTheDueDayAndNotAfter_ATI4() {
        InformationRequest before = open();
        before.askClarification(DUE.minusDays(1));
        InformationRequest onTheDay = open();
        onTheDay.askClarification(DUE);
        assertThat(onTheDay.status()).isEqualTo(RequestStatus.CLARIFICATION);
        refused(() -> open().askClarification(DUE.plusDays(1)), "clarification-too-late");
    }

    @Test
    void closeUnclearOneDayBeforeTheWaitExpiresIsRefusedAndOnTheDayAllowed() {
        LocalDate asked = of(2026, 9, 10);
        int wait = InformationRules.defaults().unclarifiedCloseDays();
        refused(() -> request(RequestStatus.CLARIFICATION, null, asked).closeUnclear(wait, "Sans réponse", NOW, asked.plusDays(wait - 1)),
                "unclear-too-early");
        InformationRequest r = request(RequestStatus.CLARIFICATION, null, asked);
        r.closeUnclear(wait, "Sans réponse", NOW, asked.plusDays(wait));
        assertThat(r.status()).isEqualTo(RequestStatus.CLOSED_UNCLEAR);
        assertThat(r.pausedSince()).isNull();
        refused(() -> open().closeUnclear(wait, "x", NOW, DUE), "no-clarification");
    }

    @Test
    void aClarificationPausesOnceAndItsAnswerResumesTheClockInTheRightState() {
        InformationRequest r = open();
        r.askClarification(of(2026, 9, 10));
        assertThat(r.status()).isEqualTo(RequestStatus.CLARIFICATION);
        refused(() -> r.askClarification(of(2026, 9, 11)), "clarification-pending");
        assertThat(r.overdue(of(2026, 12, 1))).as("a paused clock is not overdue").isFalse();
        r.clarified(of(2026, 10, 12));
        assertThat(r.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(r.dueOn()).isEqualTo(of(2026, 10, 12));
        refused(() -> r.clarified(DUE), "no-clarification");
        InformationRequest extended = request(RequestStatus.EXTENDED, of(2026, 10, 1), null);
        extended.askClarification(of(2026, 10, 2));
        extended.clarified(of(2026, 11, 9));
        assertThat(extended.status()).isEqualTo(RequestStatus.EXTENDED);
    }

    @Test
    void onlyAnswersAndRefusalsArePublishedAndOnlyOnce() {
        refused(() -> open().publish(NOW), "not-publishable");
        InformationRequest r = request(RequestStatus.ANSWERED, null, null);
        r.publish(NOW);
        refused(() -> r.publish(NOW), "already-published");
        r.unpublish();
        refused(r::unpublish, "not-published");
    }
}
